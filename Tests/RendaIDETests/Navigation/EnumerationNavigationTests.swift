/// From an enumeration marker to its siblings: the series restarts in each section, so a
/// marker links only to the markers of its own series.
import RendaIDE
import RendaText
import Testing

@Suite("Enumeration navigation")
struct EnumerationNavigationTests {
  static func twoSections() throws -> DocumentAnalysis {
    try NavTest.analysis(blocks: [
      ["人大代表是人大工作的主体。常委会把学习培训作为基础性", "工程来抓，不断提升代表培训工作水平。"],
      ["科学布局", "构建学习培训新机制"],
      ["常委会注重大处谋划把准方向。一是实施一个工程。组织代表", "学习。二是落实一个责任。三是建立一张清单。"],
      ["分类提能", "推进学习培训全覆盖"],
      ["常委会紧扣学习需求。一是聚焦重点优化内容。二是", "创新方式。"],
      ["立足实践", "拓展学习培训大课堂"],
      ["常委会组织代表走进基层，参加视察调研，在实践中提升履职能力。"],
    ])
  }

  @Test("definition on 三是: the first marker of its own series")
  func definitionIsFirstMarker() throws {
    let analysis = try Self.twoSections()
    try #require(analysis.page.articles.first?.headings.count == 3)
    let third = try NavTest.offset(of: "三是", in: analysis)
    let first = try NavTest.offset(of: "一是", in: analysis)
    #expect(NavigationProvider.definition(at: third, in: analysis).map(\.lowerBound) == [first])
    // The second section's 二是 goes to the second section's 一是, not the first one's.
    let secondSeries = try NavTest.offset(of: "二是", in: analysis, occurrence: 1)
    let secondFirst = try NavTest.offset(of: "一是", in: analysis, occurrence: 1)
    #expect(NavigationProvider.definition(at: secondSeries, in: analysis).map(\.lowerBound) == [secondFirst])
  }

  @Test("references and highlight: the markers of the series only; the declaration left out on request")
  func referencesAndHighlight() throws {
    let analysis = try Self.twoSections()
    let second = try NavTest.offset(of: "二是", in: analysis)
    let references = NavigationProvider.references(at: second, in: analysis, includeDeclaration: true)
    #expect(NavTest.texts(references, in: analysis) == ["一是", "二是", "三是"])
    let withoutFirst = NavigationProvider.references(at: second, in: analysis, includeDeclaration: false)
    #expect(withoutFirst == Array(references.dropFirst()))
    let highlights = NavigationProvider.highlights(at: second, in: analysis)
    #expect(highlights.map(\.range) == references)
    let other = NavigationProvider.highlights(
      at: try NavTest.offset(of: "二是", in: analysis, occurrence: 1), in: analysis)
    #expect(NavTest.texts(other.map(\.range), in: analysis) == ["一是", "二是"])
  }

  @Test("a marker split over a line wrap is found from either line")
  func wrappedMarker() throws {
    let analysis = try NavTest.analysis(blocks: [["常委会注重实践，推动工作落实。一", "是开展调研。二是组织视察。三", "是强化督办。"]])
    let onSecondLine = try NavTest.offset(of: "是强化", in: analysis)
    let targets = NavigationProvider.definition(at: onSecondLine, in: analysis)
    #expect(NavTest.texts(targets, in: analysis) == ["一是"])
  }
}
