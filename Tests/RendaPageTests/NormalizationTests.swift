/// `NormalizedText`: the whitespace-free view the parser matches on, with every scalar
/// mapped back to its source bytes (genre.md, "OCR damage": `“五个\n一 ”`, `掌 握 各 类 别`).
import RendaPage
import RendaText
import Testing

@Suite("Normalized text")
struct NormalizationTests {
  static func normalized(_ string: String) -> (SourceText, NormalizedText) {
    let text = SourceText(string)
    return (text, NormalizedText(text))
  }

  @Test(
    "Removes spaces, U+3000, tabs, line breaks, NUL and the BOM",
    arguments: [
      ("掌 握 各 类 别 、各 层 次", "掌握各类别、各层次"),
      ("人大\u{3000}代表", "人大代表"),
      ("人大\t代表\r\n工作\r机关\n", "人大代表工作机关"),
      ("\u{FEFF}■ 宋 军", "■宋军"),
      ("人大\u{0}代表", "人大代表"),
      ("一\u{00A0}是", "一是"),
      ("", ""),
      ("\n\n \u{3000}\n", ""),
    ])
  func removesWhitespace(input: String, expected: String) {
    let (_, n) = Self.normalized(input)
    #expect(n.string(0..<n.count) == expected)
    #expect(n.count == expected.unicodeScalars.count)
  }

  @Test("“五个\\n一 ” normalizes to “五个一” and maps back to exactly the original bytes")
  func quotedSloganAcrossLineBreak() {
    let source = "“五个\n一 ”"
    let (text, n) = Self.normalized(source)
    #expect(n.string(0..<n.count) == "“五个一”")
    #expect(n.count == 5)
    // The whole normalized string covers the whole source.
    #expect(n.sourceRange(0..<n.count) == TextOffset(utf8: 0)..<text.endOffset)
    #expect(text.string(in: n.sourceRange(0..<n.count)) == source)
    // Each scalar maps to exactly its own bytes.
    let scalars = Array("“五个一”".unicodeScalars)
    for (i, scalar) in scalars.enumerated() {
      let range = n.sourceRange(i..<(i + 1))
      #expect(text.string(in: range) == String(scalar))
      #expect(range.utf8Count == String(scalar).utf8.count)
      #expect(n.starts[i] == range.lowerBound.utf8)
      #expect(n.ends[i] == range.upperBound.utf8)
    }
    // 一 starts right after the line feed: “ (3 bytes) 五 个 (3 each) \n (1).
    #expect(n.starts[3] == 10)
    // The inside of the quotes spans the line break and nothing after 一.
    #expect(text.string(in: n.sourceRange(1..<4)) == "五个\n一")
  }

  @Test("Offsets of multi-byte and astral scalars are exact")
  func multiByteOffsets() {
    let (text, n) = Self.normalized("a 😀\n é中")
    #expect(n.string(0..<n.count) == "a😀é中")
    #expect(Array(n.starts) == [0, 2, 8, 10])
    #expect(Array(n.ends) == [1, 6, 10, 13])
    #expect(text.string(in: n.sourceRange(1..<3)) == "😀\n é")
  }

  @Test("Every three-byte scalar is kept, at its offset, unless it is white space (U+3000, U+2000–200A…)")
  func everyThreeByteScalar() {
    let all = (UInt32(0x800)...0xFFFF).compactMap(Unicode.Scalar.init)
    var string = ""
    string.unicodeScalars.append(contentsOf: all)
    let (_, n) = Self.normalized(string)
    let kept = all.enumerated().filter { !$0.element.isInlineWhitespace }
    #expect(n.count == kept.count)
    #expect(all.count - kept.count == 16)  // U+1680, U+2000–200A, U+202F, U+205F, U+3000, U+FEFF
    guard n.count == kept.count else { return }
    #expect(zip(n.scalars, kept).allSatisfy { $0 == $1.element })
    #expect(zip(n.starts, kept).allSatisfy { $0 == 3 * $1.offset })
  }

  @Test("Each line owns its scalars; a blank line owns none")
  func lineRanges() {
    let (_, n) = Self.normalized("甲 乙\n\n  \n丙\n")
    #expect(n.range(ofLine: 0) == 0..<2)
    #expect(n.range(ofLine: 1).isEmpty)
    #expect(n.range(ofLine: 2).isEmpty)
    #expect(n.range(ofLine: 3) == 2..<3)
    #expect(n.range(ofLine: 4).isEmpty)
    #expect(n.range(ofLines: 0, 3) == 0..<3)
    // Out of range lines are empty, never a trap.
    #expect(n.range(ofLine: 99).isEmpty)
    #expect(n.range(ofLine: -1).isEmpty)
  }

  @Test(
    "line(ofScalar:) is right across blank lines",
    arguments: [
      ("甲\n\n\n乙\n\n丙", [0, 3, 5]),
      ("\n\n甲乙\n丙", [2, 2, 3]),
      ("甲\r\n\r\n乙\r丙", [0, 2, 3]),
      ("甲\n \u{3000}\n\n乙\n\n\n", [0, 3]),
      ("  甲\n\n\n\n\n\n\n\n\n\n\n\n乙丙", [0, 12, 12]),
    ])
  func lineOfScalar(input: String, lines: [Int]) {
    let (text, n) = Self.normalized(input)
    #expect(n.count == lines.count)
    for i in 0..<n.count {
      #expect(n.line(ofScalar: i) == lines[i], "scalar \(i)")
      // Agrees with the text layer's line of the scalar's first byte.
      #expect(text.line(containing: TextOffset(utf8: n.starts[i])) == lines[i])
    }
  }

  @Test("line(ofScalar:) agrees with the text layer on a seed-like page")
  func lineOfScalarOnPage() {
    let source = (["■ 宋 军 郭磊（湖北）", "", ""] + PageTest.lead + ["", "科学布局", "构建学习培训新机制", ""])
      .joined(separator: "\n")
    let (text, n) = Self.normalized(source)
    for i in 0..<n.count {
      #expect(n.line(ofScalar: i) == text.line(containing: TextOffset(utf8: n.starts[i])))
    }
  }

  @Test("An empty range maps to a point; a range past the end is clamped")
  func emptyAndClampedRanges() {
    let (text, n) = Self.normalized("甲 乙")
    #expect(n.sourceRange(1..<1) == TextOffset(utf8: 4)..<TextOffset(utf8: 4))
    #expect(n.sourceRange(2..<2) == text.endOffset..<text.endOffset)
    #expect(n.sourceRange(0..<99) == TextOffset(utf8: 0)..<text.endOffset)
    #expect(n.string(1..<99) == "乙")
    let (_, empty) = Self.normalized("")
    #expect(empty.count == 0)
    #expect(empty.sourceRange(0..<0) == TextOffset(utf8: 0)..<TextOffset(utf8: 0))
    #expect(empty.line(ofScalar: 0) == 0)
  }

  @Test("The parser's texts are normalized: a heading's text has no spaces or breaks")
  func spansAreNormalized() throws {
    let page = PageTest.parse(
      lines: ["■ 宋 军 郭磊（湖北）", ""] + PageTest.lead + [
        "", "坚持党的领导 把牢政治机关定位", "",
      ] + PageTest.paragraph(0) + ["", "夯实党建基础 维护权力机关形象", ""] + PageTest.paragraph(1))
    let article = try #require(page.articles.first)
    #expect(PageTest.headingTexts(article) == ["坚持党的领导把牢政治机关定位", "夯实党建基础维护权力机关形象"])
    for heading in article.headings {
      #expect(PageTest.squeezed(page.text.string(in: heading.text.range)) == heading.text.normalized)
    }
  }
}
