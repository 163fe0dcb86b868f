import Foundation
import RendaData
import RendaPage
import RendaText
import Testing

@testable import RendaIDE

/// Semantic tokens over the seeds: what lands where, and the shape every client needs
/// (sorted, disjoint, one line each, trimmed).
@Suite struct SemanticTokensTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func analysis(_ seed: String) throws -> DocumentAnalysis {
    let page = try String(contentsOf: root.appendingPathComponent("seeds/\(seed)"), encoding: .utf8)
    return DocumentAnalysis(text: SourceText(page), glossary: try GlossaryLoader.builtIn())
  }

  static let seeds = [
    "000_8f505736c6d266e8.txt", "001_7cb29f78ffdd70e4.txt", "002_f6e1cc83208734be.txt",
    "003_4a68d483772d6c0e.txt", "004_907459e35631e193.txt",
  ]

  func texts(_ tokens: [SemanticToken], _ kind: SemanticTokenKind, in text: SourceText) -> [String] {
    tokens.filter { $0.kind == kind }.map { text.string(in: $0.range) }
  }

  @Test(arguments: seeds) func tokensAreSortedDisjointSingleLineAndTrimmed(_ seed: String) throws {
    let analysis = try Self.analysis(seed)
    let text = analysis.text
    let tokens = SemanticTokenCollector.tokens(in: analysis)
    try #require(!tokens.isEmpty)
    for (previous, token) in zip(tokens, tokens.dropFirst()) {
      #expect(previous.range.upperBound <= token.range.lowerBound, "overlap: \(previous) \(token)")
    }
    for token in tokens {
      #expect(!token.range.isEmpty)
      let covered = text.string(in: token.range)
      #expect(!covered.contains("\n") && !covered.contains("\r"), "spans lines: \(covered)")
      let scalars = Array(covered.unicodeScalars)
      #expect(scalars.first.map { !$0.isInlineWhitespace } == true, "leading space: \(covered)")
      #expect(scalars.last.map { !$0.isInlineWhitespace } == true, "trailing space: \(covered)")
    }
  }

  @Test(arguments: seeds) func everyBylineHasItsAuthorsAndProvince(_ seed: String) throws {
    let analysis = try Self.analysis(seed)
    let tokens = SemanticTokenCollector.tokens(in: analysis)
    let bylines = analysis.page.articles.compactMap(\.byline)
    try #require(!bylines.isEmpty)
    let authors = texts(tokens, .author, in: analysis.text).map { $0.filter { !$0.isWhitespace } }
    #expect(authors == bylines.flatMap(\.authors))
    let provinces = texts(tokens, .province, in: analysis.text)
    #expect(provinces == bylines.compactMap(\.province))
    #expect(texts(tokens, .bylineMarker, in: analysis.text).count == bylines.count)
  }

  @Test func seedOneHeadingsSlogansAndMarkers() throws {
    let analysis = try Self.analysis("001_7cb29f78ffdd70e4.txt")
    let text = analysis.text
    let tokens = SemanticTokenCollector.tokens(in: analysis)
    #expect(texts(tokens, .author, in: text).first == "鲁立波")
    #expect(texts(tokens, .province, in: text).first == "山西")
    let headings = texts(tokens, .sectionHeading, in: text)
    #expect(headings.contains("坚持党的领导 把牢政治机关定位"))
    #expect(headings.contains("夯实党建基础 维护权力机关形象"))
    #expect(tokens.filter { $0.kind == .sectionHeading }.allSatisfy { $0.traits.contains(.opensSection) })
    let fourOrgans = tokens.first { $0.kind == .slogan && text.string(in: $0.range) == "四个机关" }
    #expect(fourOrgans?.traits.contains(.nationalFormula) == true)
    #expect(texts(tokens, .enumerationMarker, in: text).contains("一是"))
    #expect(!texts(tokens, .title, in: text).isEmpty)
    // Every single-line slogan of the model is a token of its own.
    for slogan in analysis.page.articles.flatMap(\.slogans)
    where !text.string(in: slogan.range).contains("\n") {
      #expect(tokens.contains { $0.kind == .slogan && $0.range == slogan.range }, "\(slogan.text)")
    }
  }

  @Test func rangeLimitKeepsOnlyOverlappingTokens() throws {
    let analysis = try Self.analysis("001_7cb29f78ffdd70e4.txt")
    let lines = analysis.text.lineIndex
    let limit = lines.lineStart(13)..<lines.lineStart(16)
    let all = SemanticTokenCollector.tokens(in: analysis)
    let some = SemanticTokenCollector.tokens(in: analysis, within: limit)
    try #require(!some.isEmpty)
    #expect(some.count < all.count)
    #expect(some.allSatisfy { $0.range.upperBound > limit.lowerBound && $0.range.lowerBound < limit.upperBound })
    #expect(some == all.filter { $0.range.upperBound > limit.lowerBound && $0.range.lowerBound < limit.upperBound })
  }

  @Test func innerElementsCutOuterOnes() {
    func offset(_ n: Int) -> TextOffset { TextOffset(utf8: n) }
    let heading = SemanticTokenCollector.Element(offset(0)..<offset(30), .sectionHeading, layer: .outer)
    let slogan = SemanticTokenCollector.Element(offset(9)..<offset(21), .slogan, layer: .inner)
    let marker = SemanticTokenCollector.Element(offset(0)..<offset(6), .enumerationMarker, layer: .inner)
    let pieces = SemanticTokenCollector.resolveOverlaps([heading, slogan, marker])
      .sorted { $0.range.lowerBound < $1.range.lowerBound }
    #expect(
      pieces.map(\.range) == [
        offset(0)..<offset(6), offset(6)..<offset(9), offset(9)..<offset(21), offset(21)..<offset(30),
      ])
    #expect(pieces.map(\.kind) == [.enumerationMarker, .sectionHeading, .slogan, .sectionHeading])
  }

  @Test func authorsPaddedAndGluedAreFoundInTheByline() {
    let text = SourceText("■ 宋 军 郭磊（湖北）\n")
    let byline = Byline(
      range: TextOffset(utf8: 0)..<TextOffset(utf8: text.count - 1), rawText: "■ 宋 军 郭磊（湖北）",
      authors: ["宋军", "郭磊"], province: "湖北", provinceRange: nil, usesHalfwidthParentheses: false)
    let ranges = BylineAuthorRanges.ranges(of: byline, in: text)
    #expect(ranges.map { text.string(in: $0) } == ["宋 军", "郭磊"])
  }
}
