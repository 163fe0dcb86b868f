/// Focused tests of `LineIndex`: the line-break rule (`\n`, `\r\n`, lone
/// `\r`), the edge texts the brief names (empty, no final newline, only
/// breaks, BOM, NUL), clamping of every out-of-range argument, and the
/// incremental `applyEdit` on the cases that split or join a `\r\n`.
import RendaText
import Testing

@Suite("LineIndex")
struct LineIndexTests {
  @Test("empty text has one empty line")
  func emptyText() {
    let index = LineIndex(utf8: [UInt8]())
    #expect(index.lineCount == 1)
    #expect(index.utf8Count == 0)
    #expect(index.lineStart(0) == at(0))
    #expect(index.contentRange(ofLine: 0) == span(0, 0))
    #expect(index.fullRange(ofLine: 0) == span(0, 0))
    #expect(index.line(containing: at(0)) == 0)
    #expect(index.lineColumn(of: at(0)) == LineColumn(line: 0, utf8Column: 0))
    #expect(index.offset(of: LineColumn(line: 3, utf8Column: 3)) == at(0))
  }

  @Test("a final newline makes a last, empty line")
  func finalNewline() {
    let index = LineIndex(utf8: utf8("a\n"))
    #expect(index.lineCount == 2)
    #expect(lineStarts(index) == [0, 2])
    #expect(index.contentRange(ofLine: 0) == span(0, 1))
    #expect(index.fullRange(ofLine: 0) == span(0, 2))
    #expect(index.contentRange(ofLine: 1) == span(2, 2))
    #expect(index.lineColumn(of: at(2)) == LineColumn(line: 1, utf8Column: 0))
  }

  @Test("no final newline: the last line runs to the end")
  func noFinalNewline() {
    let index = LineIndex(utf8: utf8("ab\ncd"))
    #expect(lineStarts(index) == [0, 3])
    #expect(index.contentRange(ofLine: 1) == span(3, 5))
    #expect(index.fullRange(ofLine: 1) == span(3, 5))
    #expect(index.terminatorLengthUTF8(ofLine: 1) == 0)
    #expect(index.lineColumn(of: at(5)) == LineColumn(line: 1, utf8Column: 2))
  }

  @Test("CRLF is one break of two bytes")
  func crlf() {
    let index = LineIndex(utf8: utf8("a\r\nb"))
    #expect(lineStarts(index) == [0, 3])
    #expect(index.contentRange(ofLine: 0) == span(0, 1))
    #expect(index.fullRange(ofLine: 0) == span(0, 3))
    #expect(index.terminatorLengthUTF8(ofLine: 0) == 2)
    #expect(index.lineColumn(of: at(1)) == LineColumn(line: 0, utf8Column: 1))
    // Between \r and \n: end of line 0, not a column inside the terminator.
    #expect(index.lineColumn(of: at(2)) == LineColumn(line: 0, utf8Column: 1))
    #expect(index.line(containing: at(2)) == 0)
    #expect(index.lineColumn(of: at(3)) == LineColumn(line: 1, utf8Column: 0))
  }

  @Test("a lone CR is a break")
  func loneCR() {
    let index = LineIndex(utf8: utf8("a\rb\r"))
    #expect(lineStarts(index) == [0, 2, 4])
    #expect(index.contentRange(ofLine: 1) == span(2, 3))
    #expect(index.terminatorLengthUTF8(ofLine: 0) == 1)
  }

  @Test("a text of only breaks: \\r\\n\\r\\r\\n")
  func onlyBreaks() {
    let index = LineIndex(utf8: utf8("\r\n\r\r\n"))
    #expect(index.lineCount == 4)
    #expect(lineStarts(index) == [0, 2, 3, 5])
    #expect((0..<4).map { index.terminatorLengthUTF8(ofLine: $0) } == [2, 1, 2, 0])
    #expect((0..<4).map { index.contentRange(ofLine: $0) } == [span(0, 0), span(2, 2), span(3, 3), span(5, 5)])
    #expect(index.lineColumn(of: at(1)) == LineColumn(line: 0, utf8Column: 0))
    #expect(index.lineColumn(of: at(4)) == LineColumn(line: 2, utf8Column: 0))
    #expect(index.lineColumn(of: at(5)) == LineColumn(line: 3, utf8Column: 0))
  }

  @Test("LF CR, CR CR and LF LF are two breaks each")
  func twoBreaks() {
    for text in ["\n\r", "\r\r", "\n\n"] {
      #expect(lineStarts(LineIndex(utf8: utf8(text))) == [0, 1, 2], "\(text.debugDescription)")
    }
  }

  @Test("U+2028, U+2029 and U+0085 are not line breaks")
  func unicodeSeparatorsAreNotBreaks() {
    let index = LineIndex(utf8: utf8("a\u{2028}b\u{2029}c\u{85}d"))
    #expect(index.lineCount == 1)
  }

  @Test("a BOM is three bytes of line 0")
  func bom() {
    let index = LineIndex(utf8: utf8("\u{FEFF}a\nb"))
    #expect(lineStarts(index) == [0, 5])
    #expect(index.contentRange(ofLine: 0) == span(0, 4))
    #expect(index.lineColumn(of: at(3)) == LineColumn(line: 0, utf8Column: 3))
  }

  @Test("NUL bytes are ordinary content")
  func nul() {
    let index = LineIndex(utf8: [0x61, 0x00, 0x62, 0x0A, 0x00])
    #expect(lineStarts(index) == [0, 4])
    #expect(index.contentRange(ofLine: 1) == span(4, 5))
  }

  @Test("breaks at every position around the 8-byte word boundaries")
  func breaksAroundWords() {
    for prefix in 0..<40 {
      for terminator in ["\n", "\r", "\r\n"] {
        let bytes = utf8(String(repeating: "a", count: prefix) + terminator + "bbbbbbbbbbbbbbbbbb")
        let index = LineIndex(utf8: bytes)
        #expect(lineStarts(index) == [0, prefix + terminator.utf8.count], "prefix \(prefix)")
        #expect(index.contentRange(ofLine: 0) == span(0, prefix))
      }
    }
  }

  @Test("two breaks of any kind at every pair of positions in and across 16-byte blocks")
  func breakPairsAroundBlocks() {
    let terminators = ["\n", "\r", "\r\n"]
    for prefix in 0..<36 {
      for gap in 0..<10 {
        for first in terminators {
          for second in terminators {
            let bytes = utf8(
              String(repeating: "a", count: prefix) + first + String(repeating: "b", count: gap) + second
                + String(repeating: "c", count: 20))
            #expect(lineStarts(LineIndex(utf8: bytes)) == naiveLineStarts(bytes), "\(prefix) \(gap)")
          }
        }
      }
    }
  }

  @Test("out-of-range lines, offsets and columns clamp")
  func clamping() {
    let index = LineIndex(utf8: utf8("ab\r\ncd"))
    #expect(index.lineStart(-1) == at(0))
    #expect(index.lineStart(99) == at(4))
    #expect(index.lineStart(Int.max) == at(4))
    #expect(index.lineStart(Int.min) == at(0))
    #expect(index.contentRange(ofLine: -5) == span(0, 2))
    #expect(index.fullRange(ofLine: 99) == span(4, 6))
    #expect(index.line(containing: at(-5)) == 0)
    #expect(index.line(containing: at(1000)) == 1)
    #expect(index.line(containing: at(Int.max)) == 1)
    #expect(index.lineColumn(of: at(1000)) == LineColumn(line: 1, utf8Column: 2))
    #expect(index.lineColumn(of: at(Int.min)) == LineColumn(line: 0, utf8Column: 0))
    // A column past the content stops at the content end, not in the terminator.
    #expect(index.offset(of: LineColumn(line: 0, utf8Column: 100)) == at(2))
    #expect(index.offset(of: LineColumn(line: 0, utf8Column: Int.max)) == at(2))
    #expect(index.offset(of: LineColumn(line: 0, utf8Column: -3)) == at(0))
    #expect(index.offset(of: LineColumn(line: -3, utf8Column: 1)) == at(1))
    #expect(index.offset(of: LineColumn(line: Int.max, utf8Column: Int.max)) == at(6))
    #expect(index.offset(of: LineColumn(line: Int.min, utf8Column: Int.min)) == at(0))
  }

  @Test("init accepts any collection: array, slice, string UTF-8 view, lazy bytes")
  func collections() {
    let text = "中\r\n国\r😀\n"
    let reference = LineIndex(utf8: utf8(text))
    #expect(LineIndex(utf8: text.utf8) == reference)
    #expect(LineIndex(utf8: utf8("xx" + text)[2...]) == reference)
    #expect(LineIndex(utf8: text.utf8.lazy.map { $0 }) == reference)
  }

  // MARK: applyEdit

  /// Applies an edit to `before` and checks against a fresh index of the result.
  private func checkEdit(_ before: String, _ lower: Int, _ upper: Int, _ replacement: String) {
    let old = utf8(before)
    let new = naiveEdit(old, lower, upper, utf8(replacement))
    var index = LineIndex(utf8: old)
    index.applyEdit(replacing: span(lower, upper), with: utf8(replacement), newBytes: new)
    #expect(index == LineIndex(utf8: new), "\(before.debugDescription) [\(lower)..<\(upper)] -> \(replacement.debugDescription)")
    #expect(lineStarts(index) == naiveLineStarts(new))
  }

  @Test("edits that join a CR and an LF into one break")
  func editJoinsCRLF() {
    checkEdit("a\r", 2, 2, "\n")  // append \n after \r
    checkEdit("a\nb", 1, 1, "\r")  // insert \r before \n
    checkEdit("a\rx\nb", 2, 3, "")  // delete what separated them
    checkEdit("\r\r\n\n", 1, 3, "")
    checkEdit("x\ry", 2, 3, "\nz")
  }

  @Test("edits that split a CRLF into two breaks")
  func editSplitsCRLF() {
    checkEdit("a\r\nb", 2, 2, "x")  // insert between \r and \n
    checkEdit("a\r\nb", 1, 2, "")  // delete the \r
    checkEdit("a\r\nb", 2, 3, "")  // delete the \n
    checkEdit("\r\n", 1, 1, "\r\n")
    checkEdit("\r\n\r\n", 1, 3, "")
  }

  @Test("edits at the start and end, empty edits, whole-text replacement")
  func editEdges() {
    checkEdit("", 0, 0, "")
    checkEdit("", 0, 0, "a\nb")
    checkEdit("a\nb", 0, 0, "\n")
    checkEdit("a\nb", 0, 3, "")
    checkEdit("a\nb", 3, 3, "\r")
    checkEdit("a\nb\r\nc", 0, 6, "x\ry\nz")
    checkEdit("a\nb\nc\nd", 2, 2, "")
    checkEdit("a\nb\nc\nd", 1, 6, "\r\n\r")
  }

  @Test("edit ranges out of the text clamp")
  func editClamps() {
    let old = utf8("ab\ncd")
    var index = LineIndex(utf8: old)
    // Range clamped to 3..<5: "ab\n" + "X\r"
    let new = naiveEdit(old, 3, 5, utf8("X\r"))
    index.applyEdit(replacing: span(3, 50), with: utf8("X\r"), newBytes: new)
    #expect(index == LineIndex(utf8: new))
  }

  @Test("new bytes inconsistent with the edit: index is rebuilt from them")
  func editInconsistentRebuilds() {
    var index = LineIndex(utf8: utf8("a\nb"))
    let unrelated = utf8("x\r\ny\rz\n")
    index.applyEdit(replacing: span(0, 1), with: utf8("q"), newBytes: unrelated)
    #expect(index == LineIndex(utf8: unrelated))
  }
}
