/// Focused tests of `SourceText`: construction from strings and validated
/// bytes (BOM and NUL kept as they are), slicing by range with clamping and
/// scalar snapping, scalar decoding, line text, and `replacing`.
import RendaText
import Testing

@Suite("SourceText")
struct SourceTextTests {
  @Test("contains(ascii:) finds a needle at every offset, across lines and word boundaries, and nothing else")
  func containsASCII() {
    #expect(!SourceText("").contains(ascii: "<!--"))
    #expect(SourceText("").contains(ascii: ""))
    #expect(!SourceText("<!-").contains(ascii: "<!--"))
    #expect(!SourceText("人大代表<!- -<!-\n-").contains(ascii: "<!--"))
    // Past 64 bytes too: the scan reads blocks of 64, and a needle may straddle two.
    for prefix in 0..<160 {
      let padding = String(repeating: "人", count: prefix / 3) + String(repeating: "a", count: prefix % 3)
      #expect(SourceText(padding + "<!--").contains(ascii: "<!--"), "after \(prefix)")
      #expect(SourceText(padding + "<!--" + padding).contains(ascii: "<!--"), "inside, \(prefix)")
      #expect(SourceText(padding + "<\n!--").contains(ascii: "<\n!") , "across a line break, \(prefix)")
      #expect(!SourceText(padding + "<<!-<-").contains(ascii: "<!--"), "near misses, \(prefix)")
    }
  }

  @Test("lines(_:) is a text of its own; firstBlankLine finds lines of spaces and tabs only")
  func linesAndBlankLines() {
    let text = SourceText("一\n二\r\n \t\n三\n\u{3000}\n四")
    #expect(text.lines(1..<3).bytes == Array("二\r\n \t\n".utf8))
    #expect(text.lines(3..<6).bytes == Array("三\n\u{3000}\n四".utf8))
    #expect(text.firstBlankLine(from: 0) == 2)
    #expect(text.firstBlankLine(from: 3) == nil, "an ideographic space is not taken for blank")
  }

  @Test("a string's UTF-8 is kept byte for byte, CRLF included")
  func fromString() {
    let text = SourceText("中\r\n😀")
    #expect(text.bytes == [0xE4, 0xB8, 0xAD, 0x0D, 0x0A, 0xF0, 0x9F, 0x98, 0x80])
    #expect(text.count == 9)
    #expect(text.endOffset == at(9))
    #expect(text.lineCount == 2)
    #expect(text.lineIndex == LineIndex(utf8: text.bytes))
  }

  @Test("a leading BOM is kept and offsets address the original bytes")
  func bomKept() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x61, 0x0A, 0x62]
    let text = try SourceText(validating: bytes)
    #expect(text.bytes == bytes)
    #expect(text.string(in: span(3, 4)) == "a")
    #expect(text.lineText(0) == "\u{FEFF}a")
    #expect(text.scalar(at: at(0))?.scalar == "\u{FEFF}")
    #expect(text.scalar(at: at(0))?.length == 3)
    #expect(text == SourceText("\u{FEFF}a\nb"))
  }

  @Test("NUL bytes are kept")
  func nulKept() throws {
    let bytes: [UInt8] = [0x00, 0x0A, 0x00, 0x00]
    let text = try SourceText(validating: bytes)
    #expect(text.bytes == bytes)
    #expect(text.lineText(1) == "\u{0}\u{0}")
    #expect(text.scalar(at: at(2))?.scalar == "\u{0}")
  }

  @Test("string(in:) clamps and snaps split scalars back to their start")
  func stringInRange() {
    let text = SourceText("a中b")  // a@0 中@1..3 b@4
    #expect(text.string(in: span(0, 5)) == "a中b")
    #expect(text.string(in: span(1, 4)) == "中")
    #expect(text.string(in: span(2, 5)) == "中b")  // lower inside 中 snaps to 1
    #expect(text.string(in: span(0, 3)) == "a")  // upper inside 中 snaps to 1
    #expect(text.string(in: span(-10, 100)) == "a中b")
    #expect(text.string(in: span(50, 100)) == "")
    #expect(text.string(in: span(2, 3)) == "")
  }

  @Test("scalars(in:) decodes the range lazily")
  func scalarsInRange() {
    let text = SourceText("a中𠀋😀\r\n")
    #expect(Array(text.scalars(in: span(0, text.count))) == Array("a中𠀋😀\r\n".unicodeScalars))
    #expect(Array(text.scalars(in: span(1, 8))) == ["中", "\u{2000B}"])
    #expect(Array(text.scalars(in: span(5, 7))) == [])  // both ends inside 𠀋
    #expect(Array(text.scalars(in: span(-1, 99))).count == 6)
  }

  @Test("scalar(at:) decodes one scalar, nil at the end, inside a scalar, out of range")
  func scalarAt() {
    let text = SourceText("a中𠀋")
    #expect(text.scalar(at: at(0))?.scalar == "a")
    #expect(text.scalar(at: at(1))?.scalar == "中")
    #expect(text.scalar(at: at(1))?.length == 3)
    #expect(text.scalar(at: at(4))?.scalar == "\u{2000B}")
    #expect(text.scalar(at: at(4))?.length == 4)
    #expect(text.scalar(at: at(2)) == nil)
    #expect(text.scalar(at: at(5)) == nil)
    #expect(text.scalar(at: at(8)) == nil)
    #expect(text.scalar(at: at(-1)) == nil)
    #expect(text.scalar(at: at(Int.max)) == nil)
  }

  @Test("lineText is the content without terminator, clamped")
  func lineText() {
    let text = SourceText("一\r\n二\r三\n")
    #expect((0..<4).map { text.lineText($0) } == ["一", "二", "三", ""])
    #expect(text.lineText(-1) == "一")
    #expect(text.lineText(99) == "")
  }

  @Test("the text of only breaks")
  func onlyBreaks() {
    let text = SourceText("\r\n\r\r\n")
    #expect(text.lineCount == 4)
    #expect((0..<4).map { text.lineText($0) } == ["", "", "", ""])
    #expect(text.lineColumn(of: at(5)) == LineColumn(line: 3, utf8Column: 0))
  }

  @Test("replacing edits bytes and lines, joining and splitting CRLF")
  func replacing() {
    let text = SourceText("a\r\nb")
    let split = text.replacing(span(2, 2), with: "中")
    #expect(split == SourceText("a\r中\nb"))
    #expect(split.lineCount == 3)
    let joined = split.replacing(span(2, 5), with: "")
    #expect(joined == SourceText("a\r\nb"))
    #expect(joined.lineCount == 2)
    #expect(text.replacing(span(0, 4), with: "") == SourceText(""))
    #expect(SourceText("").replacing(span(0, 0), with: "x\ny") == SourceText("x\ny"))
  }

  @Test("replacing clamps the range and never splits a scalar")
  func replacingSnaps() {
    let text = SourceText("a中b")
    // 2..<3 lies inside 中: both ends snap to 1, so this inserts before 中.
    #expect(text.replacing(span(2, 3), with: "x") == SourceText("ax中b"))
    // 2..<5: lower snaps to 1, so 中 is replaced whole.
    #expect(text.replacing(span(2, 5), with: "") == SourceText("a"))
    #expect(text.replacing(span(-3, 100), with: "z") == SourceText("z"))
    #expect(text.replacing(span(40, 50), with: "!") == SourceText("a中b!"))
  }

  @Test("scalar boundary helpers")
  func boundaries() {
    let text = SourceText("a😀")
    #expect((0...6).map { text.isScalarBoundary(at($0)) } == [true, true, false, false, false, true, false])
    #expect(text.isScalarBoundary(at(-1)) == false)
    #expect((0...5).map { text.scalarBoundary(atOrBefore: at($0)).utf8 } == [0, 1, 1, 1, 1, 5])
    #expect(text.scalarBoundary(atOrBefore: at(99)) == at(5))
  }
}
