import RendaIDE
import RendaText
import Testing

@testable import RendaCLI

// The reports count columns and display widths on along a line from the previous finding
// (`CheckSession.PositionCursor`, `TextReport.WidthCursor`); these tests pin that the answers
// are those counted from the line's start, whatever order the offsets come in.

@Suite("Report cursors: positions and widths counted along a line")
struct ReportCursorTests {
  /// Lines of wide and narrow scalars, a tab, a combining mark, a scalar beyond the BMP, a
  /// blank line, CRLF, and a last line without a break.
  static let text = SourceText("第一行：人大 abc\t代表\n\n二、履职 e\u{301}😀尽责\r\n　“四个机关”建设")

  /// Every byte offset (inside scalars too), then some out of order.
  static var offsets: [TextOffset] {
    let all = (0...text.count).map { TextOffset(utf8: $0) }
    let shuffled = [30, 3, 3, 0, 50, 49, 7, 200, 12, 11].map { TextOffset(utf8: $0) }
    return all + shuffled + all.reversed()
  }

  @Test("positions equal DocumentAnalysis.position(of:in:) for offsets in any order")
  func positions() {
    var cursor = CheckSession.PositionCursor(Self.text)
    for offset in Self.offsets {
      let expected = DocumentAnalysis.position(of: offset, in: Self.text)
      let found = cursor.position(of: offset)
      #expect(found.line == expected.line && found.column == expected.column, "offset \(offset.utf8)")
    }
  }

  @Test("widths equal displayWidth from the line's start for offsets in any order")
  func widths() {
    var cursor = TextReport.WidthCursor()
    for offset in Self.offsets {
      let line = Self.text.line(containing: offset)
      let start = Self.text.lineIndex.contentRange(ofLine: line).lowerBound
      let expected = TextReport.displayWidth(of: start..<max(start, offset), in: Self.text)
      #expect(cursor.width(from: start, to: offset, in: Self.text) == expected, "offset \(offset.utf8)")
    }
  }

  @Test("the text report of the seeds and own pages: places, lines and carets as counted from each line's start")
  func textReportAgreesWithPerFindingCounts() throws {
    let directory = try StreamingCheckTests.corpus()
    defer { directory.remove() }
    var findings = 0
    for checked in try StreamingCheckTests.analyses(directory) {
      let text = checked.text
      let report = TextReport.render(checked, language: .zh, color: false)
      let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
      var k = 0
      for finding in checked.findings {
        #expect(!finding.message.zh.contains("\n"))
        let start = checked.position(of: finding.range.lowerBound)
        let lineRange = text.lineIndex.contentRange(ofLine: start.line - 1)
        let gutter = String(repeating: " ", count: String(start.line).count)
        let before = TextReport.displayWidth(
          text.string(in: lineRange.lowerBound..<max(lineRange.lowerBound, finding.range.lowerBound)))
        let coveredEnd = max(finding.range.lowerBound, min(finding.range.upperBound, lineRange.upperBound))
        let covered = TextReport.displayWidth(text.string(in: finding.range.lowerBound..<coveredEnd))
        try #require(k + 2 < lines.count)
        #expect(lines[k].hasPrefix("\(checked.document.path):\(start.line):\(start.column): "), "\(lines[k])")
        #expect(lines[k + 1] == "  \(start.line) | " + text.string(in: lineRange))
        let carets = String(repeating: " ", count: before) + String(repeating: "^", count: max(1, covered))
        #expect(lines[k + 2] == "  \(gutter) | " + carets)
        for related in finding.related {
          let place = checked.position(of: related.range.lowerBound)
          k += 1
          #expect(lines[k + 2].hasPrefix("  \(gutter) = \(checked.document.path):\(place.line):\(place.column): "))
        }
        k += 3
        findings += 1
      }
      #expect(lines[k...].allSatisfy { $0.isEmpty })
    }
    #expect(findings > 1_000)
  }
}
