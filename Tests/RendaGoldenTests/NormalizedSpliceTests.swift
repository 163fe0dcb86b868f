/// A normalized view spliced from an old view and a window (incremental re-analysis,
/// `NormalizedText.splicing`) equals the view of the edited text built afresh: scalars,
/// start and end offsets, line starts, and the form of the offsets.
import RendaPage
import RendaText
import Testing

@Suite("Normalized view splice")
struct NormalizedSpliceTests {
  /// Replaces old lines `lines` of `old` by `replacement` (whole lines, with their line
  /// breaks), splices the window's view into the old one and compares with a fresh view.
  static func expectSplice(_ old: String, lines: Range<Int>, with replacement: String) {
    let oldText = SourceText(old)
    let n = NormalizedText(oldText)
    // The lines of `old` with their line breaks (a text ending in one has an empty last line).
    var pieces: [String] = []
    var current = ""
    for scalar in old.unicodeScalars {
      current.unicodeScalars.append(scalar)
      if scalar == "\n" {
        pieces.append(current)
        current = ""
      }
    }
    if !current.isEmpty { pieces.append(current) }
    let lineCount = oldText.lineCount
    let toEnd = lines.upperBound >= lineCount
    let newString =
      pieces[..<min(lines.lowerBound, pieces.count)].joined() + replacement
      + (toEnd ? "" : pieces[min(lines.upperBound, pieces.count)...].joined())
    let newText = SourceText(newString)
    let windowStart = oldText.lineIndex.lineStart(lines.lowerBound).utf8
    let oldEnd = toEnd ? oldText.count : oldText.lineIndex.lineStart(lines.upperBound).utf8
    let windowEnd = oldEnd + newText.count - oldText.count
    let window = NormalizedText(
      SourceText(String(decoding: newText.bytes[windowStart..<windowEnd], as: UTF8.self)))
    let lower = n.range(ofLine: lines.lowerBound).lowerBound
    let upper = toEnd ? n.count : n.range(ofLine: lines.upperBound).lowerBound
    let windowLines = toEnd ? window.lineStarts.count : newText.lineCount - (lineCount - lines.upperBound) - lines.lowerBound
    let spliced = n.splicing(
      lower..<upper, lines: lines, with: window, at: windowStart, windowLines: windowLines, keepsLinesAfter: !toEnd,
      byteDelta: newText.count - oldText.count)
    let fresh = NormalizedText(newText)
    #expect(spliced.scalars == fresh.scalars)
    #expect(Array(spliced.starts) == Array(fresh.starts))
    #expect(Array(spliced.ends) == Array(fresh.ends))
    #expect(spliced.lineStarts == fresh.lineStarts)
    #expect(spliced.starts.isCompact == fresh.starts.isCompact)
    #expect(spliced.inlineGaps == fresh.inlineGaps)
    #expect(spliced.lineGapStarts == fresh.lineGapStarts)
  }

  static func page(_ lines: Int, width: Int = 20) -> String {
    (0..<lines).map { k in String(repeating: k % 3 == 0 ? "人大 " : "代表", count: width / 2 + k % 7) + "\n" }.joined()
  }

  @Test("Edits at the start, middle and end of a page, growing and shrinking the window")
  func edits() {
    let text = Self.page(40)
    for lines in [0..<1, 0..<3, 5..<9, 17..<18, 20..<20, 38..<40, 39..<41, 40..<41] {
      for replacement in ["", "的\n", "一二三\n四 五\n", Self.page(3, width: 33), String(repeating: "字", count: 64) + "\n", "\n\n"] {
        Self.expectSplice(text, lines: lines, with: replacement)
      }
    }
  }

  @Test("Every window length from 0 to 130 scalars (group boundaries of the suffix)")
  func groupBoundaries() {
    let text = Self.page(30)
    for length in 0...130 {
      Self.expectSplice(text, lines: 10..<12, with: String(repeating: "x", count: length) + "\n")
      Self.expectSplice(text, lines: 0..<1, with: String(repeating: "一", count: length) + "\n")
    }
  }

  @Test("A suffix whose groups then span more than 64 KiB falls back to 32-bit offsets, and back")
  func wideGap() {
    let gap = String(repeating: " ", count: 70_000)
    // 64 scalars before the gap: compact; one scalar more before them, and a group spans the gap.
    let aligned = "一\n" + String(repeating: "人", count: 63) + "\n" + gap + "\n大代表\n"
    #expect(NormalizedText(SourceText(aligned)).starts.isCompact)
    Self.expectSplice(aligned, lines: 0..<1, with: "一二\n")
    Self.expectSplice(aligned, lines: 0..<1, with: "\n")
    // Narrow before the splice; compact again once the gap's line is gone, or not.
    let narrow = "一二\n" + String(repeating: "人", count: 70) + "\n" + gap + "\n大代表\n"
    #expect(!NormalizedText(SourceText(narrow)).starts.isCompact)
    Self.expectSplice(narrow, lines: 2..<3, with: "")
    Self.expectSplice(narrow, lines: 0..<1, with: "三\n")
    Self.expectSplice(narrow, lines: 3..<4, with: "大\n")
    // The gap inside the window.
    Self.expectSplice(Self.page(10), lines: 4..<5, with: "人\n" + gap + "大\n")
  }

  @Test("Splices of every seed, a line at a time")
  func seeds() throws {
    for seed in Repository.seeds {
      let text = try Repository.text("seeds/\(seed)")
      let string = text.string(in: TextOffset(utf8: 0)..<text.endOffset)
      for line in stride(from: 0, to: text.lineCount, by: max(1, text.lineCount / 12)) {
        Self.expectSplice(string, lines: line..<(line + 1), with: "的\n")
        Self.expectSplice(string, lines: line..<min(line + 3, text.lineCount), with: "")
      }
    }
  }
}
