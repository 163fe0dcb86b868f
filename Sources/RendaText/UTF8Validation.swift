/// UTF-8 validation with the position of the first error.
///
/// Renda reads page files as bytes and must refuse malformed ones with a
/// precise location (an editor diagnostic, a CLI error), so this is a
/// validator that reports *where*, not just *whether*. It follows the
/// well-formed byte sequences of Unicode (Table 3-7): it rejects overlong
/// forms (`C0`, `C1`, `E0 80..9F`, `F0 80..8F`), encoded surrogates
/// (`ED A0..BF`, i.e. U+D800–U+DFFF), scalars above U+10FFFF (`F4 90..`,
/// `F5`–`FF`), stray continuation bytes and sequences cut short. A BOM and NUL
/// bytes are valid UTF-8 and pass untouched.

/// Bytes that are not valid UTF-8.
package struct InvalidUTF8Error: Error, Hashable, Sendable {
  /// UTF-8 byte offset of the first byte of the first ill-formed sequence:
  /// the lead byte of a bad or truncated sequence, or the stray byte itself.
  package var byteOffset: Int

  package init(byteOffset: Int) {
    self.byteOffset = byteOffset
  }
}

extension InvalidUTF8Error: CustomStringConvertible {
  package var description: String { "invalid UTF-8 at byte \(byteOffset)" }
}

extension UTF8Bytes {
  /// Byte offset of the first byte of the first ill-formed sequence in
  /// `buffer`, or nil when the whole buffer is valid UTF-8. Takes three-byte scalars with an
  /// ordinary lead (E1–EC, EE–EF) two per 64-bit load (else one per 32-bit load) and ASCII 8
  /// bytes at a time; any other sequence byte by byte. O(n), never reads past the buffer.
  package static func firstInvalidOffset(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = buffer.count
    var index = 0
    let base = UnsafeRawPointer(buffer.baseAddress)
    while index < count {
      // Runs of Chinese: a three-byte scalar with an ordinary lead (E1–EC, EE–EF, whose
      // second byte may be any continuation byte) per 32-bit load: the lead's high nibble
      // and both continuation bytes' tops in one test, the lead's low nibble (not 0 or D)
      // as a bit of 0xDFFE.
      if let base {
        // Two scalars per 64-bit load while both are (six of its bytes: the masks leave the
        // top two, which the next step reads again), then one per 32-bit load.
        // (`index` stays below `count`: `&+` cannot overflow.)
        let lastPair = count &- 8
        while index <= lastPair {
          let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
          guard w & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0,
            (0xDFFE as UInt64) >> (w & 0x0F) & (0xDFFE as UInt64) >> (w >> 24 & 0x0F) & 1 != 0
          else { break }
          index &+= 6
        }
        let last = count &- 4
        while index <= last {
          let w = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt32.self))
          guard w & 0x00C0_C0F0 == 0x0080_80E0, (0xDFFE as UInt32) >> (w & 0x0F) & 1 != 0 else { break }
          index &+= 3
        }
      }
      if index + 8 <= count, isASCII(loadWord(buffer, at: index)) {
        index += 8
        continue
      }
      let lead = buffer[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // The allowed range of the second byte depends on the lead byte; the
      // remaining bytes are always 80...BF.
      let length: Int
      let second: ClosedRange<UInt8>
      switch lead {
      case 0xC2...0xDF: length = 2; second = 0x80...0xBF
      case 0xE0: length = 3; second = 0xA0...0xBF  // no overlongs
      case 0xE1...0xEC, 0xEE...0xEF: length = 3; second = 0x80...0xBF
      case 0xED: length = 3; second = 0x80...0x9F  // no surrogates
      case 0xF0: length = 4; second = 0x90...0xBF  // no overlongs
      case 0xF1...0xF3: length = 4; second = 0x80...0xBF
      case 0xF4: length = 4; second = 0x80...0x8F  // nothing above U+10FFFF
      default: return index  // 80...C1 or F5...FF can never start a scalar
      }
      guard index + length <= count, second.contains(buffer[index + 1]) else { return index }
      if length >= 3, !isContinuation(buffer[index + 2]) { return index }
      if length == 4, !isContinuation(buffer[index + 3]) { return index }
      index += length
    }
    return nil
  }
}
