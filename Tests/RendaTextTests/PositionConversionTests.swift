/// Focused tests of conversions between byte offsets and columns in UTF-8,
/// UTF-16 and UTF-32 units: astral scalars (𠀋 U+2000B, 😀: 4 bytes, 2
/// UTF-16 units, 1 scalar), CJK, BOM, NUL, CRLF, snapping of columns and
/// offsets that fall inside a scalar, and clamping.
import RendaText
import Testing

@Suite("Position conversion")
struct PositionConversionTests {
  /// `a中𠀋😀b\r\n中`: a@0 中@1 𠀋@4 😀@8 b@12 \r@13 \n@14 中@15, end 18.
  let text = SourceText("a中𠀋😀b\r\n中")

  @Test("columns of each scalar start in the three encodings")
  func columnsPerEncoding() {
    let offsets = [0, 1, 4, 8, 12, 13]
    let expected: [PositionEncoding: [Int]] = [
      .utf8: [0, 1, 4, 8, 12, 13],
      .utf16: [0, 1, 2, 4, 6, 7],
      .utf32: [0, 1, 2, 3, 4, 5],
    ]
    for encoding in PositionEncoding.allCases {
      let columns = offsets.map { text.wideLineColumn(of: at($0), in: encoding).column }
      #expect(columns == expected[encoding], "\(encoding)")
      for (offset, column) in zip(offsets, expected[encoding]!) {
        #expect(text.offset(of: WideLineColumn(line: 0, column: column), in: encoding) == at(offset))
      }
    }
    #expect(text.wideLineColumn(of: at(18), in: .utf16) == WideLineColumn(line: 1, column: 1))
    #expect(text.offset(of: WideLineColumn(line: 1, column: 1), in: .utf16) == at(18))
  }

  @Test("a UTF-16 column between the halves of a surrogate pair snaps to the scalar's start")
  func surrogateMiddleSnaps() {
    #expect(text.offset(of: WideLineColumn(line: 0, column: 3), in: .utf16) == at(4))  // inside 𠀋
    #expect(text.offset(of: WideLineColumn(line: 0, column: 5), in: .utf16) == at(8))  // inside 😀
  }

  @Test("a UTF-8 column inside a scalar snaps to the scalar's start")
  func utf8MiddleSnaps() {
    #expect(text.offset(of: WideLineColumn(line: 0, column: 2), in: .utf8) == at(1))
    #expect(text.offset(of: WideLineColumn(line: 0, column: 7), in: .utf8) == at(4))
    #expect(text.offset(of: LineColumn(line: 0, utf8Column: 3)) == at(1))
    #expect(text.offset(of: LineColumn(line: 1, utf8Column: 2)) == at(15))
    // The index alone cannot see scalars and returns the raw byte column.
    #expect(text.lineIndex.offset(of: LineColumn(line: 0, utf8Column: 3)) == at(3))
  }

  @Test("an offset inside a scalar converts as the scalar's start")
  func offsetInsideScalar() {
    for offset in 5...7 {
      #expect(text.wideLineColumn(of: at(offset), in: .utf16) == WideLineColumn(line: 0, column: 2))
      #expect(text.wideLineColumn(of: at(offset), in: .utf32) == WideLineColumn(line: 0, column: 2))
      #expect(text.wideLineColumn(of: at(offset), in: .utf8) == WideLineColumn(line: 0, column: 4))
    }
  }

  @Test("an offset between CR and LF is the end of the line in every encoding")
  func insideCRLF() {
    #expect(text.wideLineColumn(of: at(14), in: .utf16) == WideLineColumn(line: 0, column: 7))
    #expect(text.wideLineColumn(of: at(14), in: .utf32) == WideLineColumn(line: 0, column: 5))
    #expect(text.wideLineColumn(of: at(14), in: .utf8) == WideLineColumn(line: 0, column: 13))
    #expect(text.lineColumn(of: at(14)) == LineColumn(line: 0, utf8Column: 13))
  }

  @Test("columns and lines out of range clamp")
  func clamping() {
    for encoding in PositionEncoding.allCases {
      #expect(text.offset(of: WideLineColumn(line: 0, column: 100), in: encoding) == at(13))
      #expect(text.offset(of: WideLineColumn(line: 0, column: Int.max), in: encoding) == at(13))
      #expect(text.offset(of: WideLineColumn(line: 0, column: -1), in: encoding) == at(0))
      #expect(text.offset(of: WideLineColumn(line: Int.max, column: Int.max), in: encoding) == at(18))
      #expect(text.offset(of: WideLineColumn(line: Int.min, column: Int.min), in: encoding) == at(0))
      #expect(text.wideLineColumn(of: at(-4), in: encoding) == WideLineColumn(line: 0, column: 0))
      #expect(text.wideLineColumn(of: at(Int.max), in: encoding) == WideLineColumn(line: 1, column: encoding == .utf8 ? 3 : 1))
    }
  }

  @Test("BOM counts as one UTF-16 unit, one scalar, three bytes")
  func bom() {
    let bom = SourceText("\u{FEFF}x\n\u{FEFF}")
    #expect(bom.wideLineColumn(of: at(3), in: .utf16) == WideLineColumn(line: 0, column: 1))
    #expect(bom.wideLineColumn(of: at(3), in: .utf32) == WideLineColumn(line: 0, column: 1))
    #expect(bom.wideLineColumn(of: at(3), in: .utf8) == WideLineColumn(line: 0, column: 3))
    #expect(bom.offset(of: WideLineColumn(line: 1, column: 1), in: .utf16) == at(8))
  }

  @Test("NUL is one unit in every encoding")
  func nul() {
    let nul = SourceText("\u{0}中\u{0}")
    #expect(nul.wideLineColumn(of: at(4), in: .utf16).column == 2)
    #expect(nul.offset(of: WideLineColumn(line: 0, column: 2), in: .utf32) == at(4))
    #expect(nul.offset(of: WideLineColumn(line: 0, column: 3), in: .utf16) == at(5))
  }

  @Test("empty text: every position is 0:0 and offset 0")
  func empty() {
    let empty = SourceText("")
    for encoding in PositionEncoding.allCases {
      #expect(empty.wideLineColumn(of: at(0), in: encoding) == WideLineColumn(line: 0, column: 0))
      #expect(empty.wideLineColumn(of: at(9), in: encoding) == WideLineColumn(line: 0, column: 0))
      #expect(empty.offset(of: WideLineColumn(line: 2, column: 2), in: encoding) == at(0))
    }
  }

  @Test("long lines exercise the 8-byte fast paths on both sides of an astral scalar")
  func longLines() {
    for prefix in 0..<20 {
      let line = String(repeating: "a", count: prefix) + "😀" + String(repeating: "中", count: 5) + "bbbbbbbbbbbbbbbbbb"
      let source = SourceText("x\n" + line)
      let bytes = source.bytes
      for offset in scalarBoundaries(bytes) {
        for encoding in PositionEncoding.allCases {
          let wide = source.wideLineColumn(of: at(offset), in: encoding)
          #expect(wide == naiveWideLineColumn(bytes, offset, encoding))
          #expect(source.offset(of: wide, in: encoding) == at(offset))
        }
      }
    }
  }

  @Test("LineIndex conversions accept bytes of any collection type")
  func anyCollection() {
    let index = text.lineIndex
    let string = "a中𠀋😀b\r\n中"
    #expect(index.wideLineColumn(of: at(12), in: .utf16, bytes: string.utf8) == WideLineColumn(line: 0, column: 6))
    #expect(index.offset(of: WideLineColumn(line: 0, column: 6), in: .utf16, bytes: string.utf8.lazy.map { $0 }) == at(12))
  }

  @Test("bytes shorter than the index: results stay inside the bytes")
  func mismatchedBytesDoNotTrap() {
    let index = text.lineIndex
    let short = utf8("a中")
    for encoding in PositionEncoding.allCases {
      for line in 0..<3 {
        for column in [0, 1, 2, 5, 100] {
          let offset = index.offset(of: WideLineColumn(line: line, column: column), in: encoding, bytes: short)
          #expect(offset.utf8 <= short.count)
        }
      }
      for offset in 0...20 {
        _ = index.wideLineColumn(of: at(offset), in: encoding, bytes: short)
      }
    }
  }

  @Test("encodings parse from LSP's names")
  func encodingNames() {
    #expect(PositionEncoding(rawValue: "utf-16") == .utf16)
    #expect(PositionEncoding(rawValue: "utf-8") == .utf8)
    #expect(PositionEncoding(rawValue: "utf-32") == .utf32)
    #expect(PositionEncoding.allCases.count == 3)
  }
}
