/// Focused tests of `SourceText(validating:)`: each class of ill-formed
/// UTF-8 is rejected with the exact offset of the first byte of the first
/// bad sequence, and the boundary cases of well-formed UTF-8 are accepted.
import RendaText
import Testing

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
  /// The byte offset `SourceText(validating:)` reports, or nil if it accepts.
  private func errorOffset(_ bytes: [UInt8]) -> Int? {
    do {
      _ = try SourceText(validating: bytes)
      return nil
    } catch {
      return error.byteOffset
    }
  }

  @Test("valid text, including BOM, NUL and boundary scalars, is accepted")
  func valid() throws {
    let cases: [[UInt8]] = [
      [],
      [0x00],
      [0xEF, 0xBB, 0xBF],  // BOM
      [0x7F],
      [0xC2, 0x80],  // U+0080, smallest 2-byte
      [0xDF, 0xBF],  // U+07FF
      [0xE0, 0xA0, 0x80],  // U+0800, smallest 3-byte
      [0xED, 0x9F, 0xBF],  // U+D7FF, just below the surrogates
      [0xEE, 0x80, 0x80],  // U+E000, just above
      [0xEF, 0xBF, 0xBF],  // U+FFFF
      [0xF0, 0x90, 0x80, 0x80],  // U+10000, smallest 4-byte
      [0xF4, 0x8F, 0xBF, 0xBF],  // U+10FFFF, largest
      utf8("人大代表 𠀋😀\r\n\u{0}"),
    ]
    for bytes in cases {
      #expect(errorOffset(bytes) == nil, "\(bytes)")
      #expect(try SourceText(validating: bytes).bytes == bytes)
    }
  }

  @Test("a lone continuation byte")
  func loneContinuation() {
    #expect(errorOffset([0x80]) == 0)
    #expect(errorOffset([0x61, 0x62, 0xBF, 0x63]) == 2)
    #expect(errorOffset(utf8("中") + [0x80]) == 3)  // one continuation too many
  }

  @Test("a 3-byte sequence truncated at the end")
  func truncatedAtEnd() {
    #expect(errorOffset([0x61, 0xE4, 0xB8]) == 1)
    #expect(errorOffset([0x61, 0xE4]) == 1)
    #expect(errorOffset([0xF0, 0x9F, 0x98]) == 0)
    #expect(errorOffset(utf8("abcdefghij") + [0xE4, 0xB8]) == 10)  // after the ASCII fast path
  }

  @Test("a sequence interrupted by a non-continuation byte")
  func interrupted() {
    #expect(errorOffset([0xE4, 0x41, 0xAD]) == 0)
    #expect(errorOffset([0x61, 0xE4, 0xB8, 0x41]) == 1)
    #expect(errorOffset([0xF0, 0x9F, 0x98, 0x41]) == 0)
    #expect(errorOffset([0xC3, 0xC3, 0xA9]) == 0)
  }

  @Test("overlong forms: C0 AF, C1 BF, E0 80 AF, F0 80 80 AF")
  func overlong() {
    #expect(errorOffset([0xC0, 0xAF]) == 0)
    #expect(errorOffset([0x2F, 0xC1, 0xBF]) == 1)
    #expect(errorOffset([0xE0, 0x80, 0xAF]) == 0)
    #expect(errorOffset([0xE0, 0x9F, 0xBF]) == 0)
    #expect(errorOffset([0xF0, 0x80, 0x80, 0xAF]) == 0)
    #expect(errorOffset([0xF0, 0x8F, 0xBF, 0xBF]) == 0)
  }

  @Test("encoded surrogates: ED A0 80 (U+D800) to ED BF BF (U+DFFF)")
  func surrogates() {
    #expect(errorOffset([0xED, 0xA0, 0x80]) == 0)
    #expect(errorOffset(utf8("ok") + [0xED, 0xBF, 0xBF]) == 2)
    #expect(errorOffset([0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80]) == 0)  // a CESU-8 pair
  }

  @Test("bytes F5 to FF never occur, nor anything above U+10FFFF", arguments: Array(UInt8(0xF5)...UInt8(0xFF)))
  func neverValidBytes(byte: UInt8) {
    #expect(errorOffset([byte]) == 0)
    #expect(errorOffset([0x61, byte, 0x80, 0x80, 0x80]) == 1)
  }

  @Test("above U+10FFFF with an F4 lead")
  func aboveMaximum() {
    #expect(errorOffset([0xF4, 0x90, 0x80, 0x80]) == 0)
  }

  @Test("the error points at the first of several problems")
  func firstOfSeveral() {
    #expect(errorOffset(utf8("中文") + [0xC0, 0xAF, 0xFF]) == 6)
    #expect(errorOffset([0x80, 0xFF]) == 0)
  }

  @Test("the error is typed and describes itself")
  func errorValue() {
    #expect(throws: InvalidUTF8Error(byteOffset: 1)) {
      try SourceText(validating: [0x61, 0xFF])
    }
    #expect(InvalidUTF8Error(byteOffset: 4).description == "invalid UTF-8 at byte 4")
  }
}
