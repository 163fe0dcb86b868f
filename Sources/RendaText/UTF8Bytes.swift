/// Byte-level UTF-8 helpers shared by the line index, the validator and
/// `SourceText`: classification of single bytes, word-at-a-time (SWAR)
/// scanning of 8 bytes at once, and decoding of one scalar.
///
/// Everything here works on `UnsafeBufferPointer<UInt8>` so that the hot
/// loops have no generic or bounds-check overhead beyond what the buffer
/// itself does; `withContiguousBytes` adapts any byte collection to that.
/// Nothing here traps on malformed input: invalid bytes just classify as
/// something harmless (a continuation byte counts as zero scalars, a stray
/// lead byte as one scalar whose length is cut at the end of the buffer).

/// Calls `body` with the bytes of `bytes` as one contiguous buffer, copying
/// them into an array only when the collection has no contiguous storage
/// (arrays, array slices, native strings' UTF-8 views are contiguous).
@inline(__always)
func withContiguousBytes<Bytes: Collection<UInt8>, Result>(
  _ bytes: Bytes, _ body: (UnsafeBufferPointer<UInt8>) -> Result
) -> Result {
  if let result = bytes.withContiguousStorageIfAvailable(body) {
    return result
  }
  return Array(bytes).withUnsafeBufferPointer(body)
}

/// Namespace for UTF-8 byte facts. `enum` without cases: never instantiated.
package enum UTF8Bytes {
  /// `\n`
  static let lineFeed: UInt8 = 0x0A
  /// `\r`
  static let carriageReturn: UInt8 = 0x0D

  /// Whether `byte` is a continuation byte (`10xxxxxx`), i.e. not the start of a scalar.
  @inline(__always)
  static func isContinuation(_ byte: UInt8) -> Bool {
    byte & 0xC0 == 0x80
  }

  /// Length in bytes of the sequence a byte starts, judged from the byte
  /// alone: 1 for ASCII and for a (stray) continuation byte, 2 for
  /// `C0`–`DF`, 3 for `E0`–`EF`, 4 for `F0`–`FF`. Only meaningful for
  /// valid UTF-8; for anything else it is merely a safe step size.
  @inline(__always)
  static func sequenceLengthUTF8(leadByte byte: UInt8) -> Int {
    if byte < 0xC0 { return 1 }
    if byte < 0xE0 { return 2 }
    if byte < 0xF0 { return 3 }
    return 4
  }

  /// Code units of `encoding` taken by the scalar whose first byte is
  /// `byte`. Continuation bytes count 0 so that summing over a byte range
  /// counts each scalar once.
  @inline(__always)
  static func codeUnits(leadByte byte: UInt8, in encoding: PositionEncoding) -> Int {
    switch encoding {
    case .utf8: return 1
    case .utf32: return isContinuation(byte) ? 0 : 1
    case .utf16: return isContinuation(byte) ? 0 : (byte >= 0xF0 ? 2 : 1)
    }
  }

  // MARK: Word-at-a-time scanning

  /// `0x80` in every byte of a word.
  static let highBits: UInt64 = 0x8080_8080_8080_8080
  /// `0x01` in every byte of a word.
  static let lowBits: UInt64 = 0x0101_0101_0101_0101

  /// Loads 8 bytes starting at `index` (caller guarantees `index + 8 <= buffer.count`).
  @inline(__always)
  static func loadWord(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
    UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped)
      .loadUnaligned(fromByteOffset: index, as: UInt64.self)
  }

  /// Whether all 8 bytes of `word` are ASCII.
  @inline(__always)
  static func isASCII(_ word: UInt64) -> Bool {
    word & highBits == 0
  }

  /// The high bit of each byte of `word` that is `\n` or `\r`, and no other bit (exact:
  /// the sum that tests a byte for zero carries into no other byte).
  @inline(__always)
  static func lineBreakMask(_ word: UInt64) -> UInt64 {
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    @inline(__always) func zeros(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x) & highBits }
    return zeros(word ^ (lowBits &* UInt64(lineFeed))) | zeros(word ^ (lowBits &* UInt64(carriageReturn)))
  }

  /// Number of continuation bytes (`10xxxxxx`) in `word`.
  @inline(__always)
  static func continuationCount(_ word: UInt64) -> Int {
    // Bit 7 set and bit 6 clear, per byte. Shifting left by one moves each
    // byte's bit 6 onto its own bit 7; bits crossing into the next byte land
    // on bit 0 and are masked away.
    (word & ~(word << 1) & highBits).nonzeroBitCount
  }

  /// Number of bytes `F0`–`FF` (4-byte lead bytes, 2 UTF-16 units) in `word`.
  @inline(__always)
  static func fourByteLeadCount(_ word: UInt64) -> Int {
    (word & (word << 1) & (word << 2) & (word << 3) & highBits).nonzeroBitCount
  }

  /// Code units of `encoding` in `buffer[start..<end]`, counting each scalar
  /// by its lead byte. `start...end` must lie within the buffer.
  /// Runs 8 bytes at a time; pure ASCII costs one mask per word.
  static func codeUnitCount(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, in encoding: PositionEncoding
  ) -> Int {
    if encoding == .utf8 { return end - start }
    var units = 0
    var index = start
    while index + 8 <= end {
      let word = loadWord(buffer, at: index)
      if isASCII(word) {
        units += 8
      } else {
        units += 8 - continuationCount(word)
        if encoding == .utf16 { units += fourByteLeadCount(word) }
      }
      index += 8
    }
    while index < end {
      units += codeUnits(leadByte: buffer[index], in: encoding)
      index += 1
    }
    return units
  }

  /// Moves `offset` back to the first byte of the scalar containing it, but
  /// not before `floor` and by at most 3 bytes (the longest valid run of
  /// continuation bytes). Offsets at or past the end are returned as is.
  @inline(__always)
  static func scalarStart(
    _ buffer: UnsafeBufferPointer<UInt8>, atOrBefore offset: Int, floor: Int
  ) -> Int {
    var index = offset
    var steps = 0
    while index > floor, index < buffer.count, steps < 3, isContinuation(buffer[index]) {
      index -= 1
      steps += 1
    }
    return index
  }

  // MARK: Decoding

  /// Decodes the scalar starting at `index` of bytes known to be valid
  /// UTF-8. Returns nil at or past the end, before the start, on a
  /// continuation byte, or when the sequence is malformed or cut short.
  static func decodeScalar(
    _ buffer: UnsafeBufferPointer<UInt8>, at index: Int
  ) -> (scalar: Unicode.Scalar, length: Int)? {
    guard index >= 0, index < buffer.count else { return nil }
    let lead = buffer[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    guard !isContinuation(lead) else { return nil }
    let length = sequenceLengthUTF8(leadByte: lead)
    guard index + length <= buffer.count else { return nil }
    var value: UInt32
    switch length {
    case 2: value = UInt32(lead & 0x1F)
    case 3: value = UInt32(lead & 0x0F)
    default: value = UInt32(lead & 0x07)
    }
    for next in (index + 1)..<(index + length) {
      let byte = buffer[next]
      guard isContinuation(byte) else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
  }
}
