/// Workspace symbols: the names a page offers (titles, authors, headings, run-in heads,
/// slogans) and the query that filters them.
import RendaIDE
import RendaText
import Testing

@Suite("Workspace symbols")
struct WorkspaceSymbolsTests {
  @Test("seed 000: titles, authors, headings and each slogan once per article, with their ranges")
  func seedSymbols() throws {
    let analysis = try NavTest.seed(NavTest.seed000)
    let symbols = WorkspaceSymbols.symbols(of: analysis.page)
    let titles = symbols.filter { $0.kind == .title }.map(\.name)
    #expect(titles.count == 5)
    #expect(titles.contains("以高质量党建引领“四个机关”建设"))
    #expect(symbols.contains { $0.kind == .author && $0.name == "廖进" })
    #expect(symbols.contains { $0.kind == .author && $0.name == "郭磊" })
    let headings = symbols.filter { $0.kind == .heading }
    #expect(headings.count == analysis.page.articles.map(\.headings.count).reduce(0, +))
    #expect(headings.first?.container == "加强学习培训锻造能为善为愿为的人大代表队伍")
    let fourOrgans = symbols.filter { $0.kind == .slogan && $0.name == "四个机关" }
    #expect(fourOrgans.count == 2)  // articles 2 and 4
    let sanlian = symbols.filter { $0.kind == .slogan && $0.name == "三联" }
    #expect(sanlian.count == 1)  // twice in article 1, listed once
    for symbol in symbols where symbol.kind != .author {
      #expect(NavTest.squeezed(analysis.text.string(in: symbol.range)) == symbol.name)
    }
  }

  @Test("query: prefix before substring before subsequence, case-insensitive, whitespace ignored")
  func queryScores() {
    #expect(SymbolQuery("以高质量").score("以高质量党建引领“四个机关”建设") == 0)
    #expect(SymbolQuery("四个机关").score("以高质量党建引领“四个机关”建设") == 1)
    #expect(SymbolQuery("党建 机关").score("以高质量党建引领“四个机关”建设") == 2)
    #expect(SymbolQuery("机关党建").score("以高质量党建引领“四个机关”建设") == nil)
    #expect(SymbolQuery("rendA").score("the Renda page") == 1)
    #expect(SymbolQuery("1+n").score("1+N") == 0)
    #expect(SymbolQuery("").score("任何") == 0)
    #expect(SymbolQuery("很长的查询").score("短") == nil)
    #expect(SymbolQuery("机关").score("关机") == nil)  // as long as the name, not a prefix
    #expect(SymbolQuery("机关").score("机关") == 0)
  }
}
