/// Go to definition, references and highlight from a numeric slogan to its members and
/// back, through `NavigationProvider` on tiny pages and on seed 000.
import RendaIDE
import RendaText
import Testing

@Suite("Slogan navigation")
struct SloganNavigationTests {
  /// “四个机关” with its members in parentheses, mentioned again in a later sentence.
  static func inlineList() throws -> DocumentAnalysis {
    try NavTest.analysis(blocks: [
      ["常委会着力建设“四个机关”（政治机关、", "权力机关、工作机关、代表机关），推", "动工作。今后继续推进“四个机关”建设。"]
    ])
  }

  @Test("definition on a slogan: the members of its parenthetical list")
  func definitionGoesToInlineMembers() throws {
    let analysis = try Self.inlineList()
    let at = try NavTest.offset(of: "四个机关", in: analysis, by: 1)
    let targets = NavigationProvider.definition(at: at, in: analysis)
    #expect(NavTest.texts(targets, in: analysis) == ["政治机关", "权力机关", "工作机关", "代表机关"])
  }

  @Test("a caret just past the slogan (四个机关|”) still finds it")
  func caretAfterTheSlogan() throws {
    let analysis = try Self.inlineList()
    let at = try NavTest.offset(of: "四个机关", in: analysis, by: 4)
    let targets = NavigationProvider.definition(at: at, in: analysis)
    #expect(NavTest.texts(targets, in: analysis) == ["政治机关", "权力机关", "工作机关", "代表机关"])
  }

  @Test("the later mention leads to the same members, and a member leads back to the defining mention")
  func laterMentionAndMemberBack() throws {
    let analysis = try Self.inlineList()
    let later = try NavTest.offset(of: "四个机关", in: analysis, occurrence: 1, by: 2)
    #expect(
      NavTest.texts(NavigationProvider.definition(at: later, in: analysis), in: analysis)
        == ["政治机关", "权力机关", "工作机关", "代表机关"])
    let member = try NavTest.offset(of: "工作机关", in: analysis, by: 1)
    let back = NavigationProvider.definition(at: member, in: analysis)
    #expect(back == [try NavTest.offset(of: "四个机关", in: analysis)..<NavTest.offset(of: "”（政治", in: analysis)])
  }

  @Test("references: both mentions and the members; without the declaration, only the mentions")
  func referencesRespectIncludeDeclaration() throws {
    let analysis = try Self.inlineList()
    let at = try NavTest.offset(of: "四个机关", in: analysis)
    let all = NavigationProvider.references(at: at, in: analysis, includeDeclaration: true)
    #expect(NavTest.texts(all, in: analysis) == ["四个机关", "政治机关", "权力机关", "工作机关", "代表机关", "四个机关"])
    let mentions = NavigationProvider.references(at: at, in: analysis, includeDeclaration: false)
    #expect(NavTest.texts(mentions, in: analysis) == ["四个机关", "四个机关"])
    // From a member: the same set.
    let member = try NavTest.offset(of: "代表机关", in: analysis)
    #expect(NavigationProvider.references(at: member, in: analysis, includeDeclaration: true) == all)
  }

  @Test("highlight: the mentions as text, the members as read")
  func highlightMentionsAndMembers() throws {
    let analysis = try Self.inlineList()
    let highlights = NavigationProvider.highlights(at: try NavTest.offset(of: "四个机关", in: analysis), in: analysis)
    let text = highlights.filter { $0.role == .text }.map(\.range)
    let read = highlights.filter { $0.role == .read }.map(\.range)
    #expect(NavTest.texts(text, in: analysis) == ["四个机关", "四个机关"])
    #expect(NavTest.texts(read, in: analysis) == ["政治机关", "权力机关", "工作机关", "代表机关"])
  }

  @Test("a slogan spelled out by the enumeration after it leads to the markers")
  func enumerationMembers() throws {
    let analysis = try NavTest.analysis(blocks: [
      ["常委会建好“三个站”：一是建好接待站，方便", "群众。二是建好联络站，联系代表。三是建", "好学习站，组织学习。"]
    ])
    let slogan = try NavTest.offset(of: "三个站", in: analysis)
    let members = NavigationProvider.definition(at: slogan, in: analysis)
    #expect(NavTest.texts(members, in: analysis) == ["一是", "二是", "三是"])
    // On a marker, definition is the series' first marker; references add the slogan.
    let second = try NavTest.offset(of: "二是", in: analysis)
    #expect(NavigationProvider.definition(at: second, in: analysis) == [members[0]])
    let references = NavigationProvider.references(at: second, in: analysis, includeDeclaration: true)
    #expect(NavTest.texts(references, in: analysis) == ["三个站", "一是", "二是", "三是"])
  }

  @Test("nothing under the cursor: no definition, references or highlights")
  func plainTextAnswersNothing() throws {
    let analysis = try Self.inlineList()
    let at = try NavTest.offset(of: "推", in: analysis)
    #expect(NavigationProvider.definition(at: at, in: analysis).isEmpty)
    #expect(NavigationProvider.references(at: at, in: analysis, includeDeclaration: true).isEmpty)
    #expect(NavigationProvider.highlights(at: at, in: analysis).isEmpty)
    #expect(NavigationProvider.definition(at: analysis.text.endOffset, in: analysis).isEmpty)
  }

  @Test("seed 000: the title's “四个机关” leads to the four organ headings, and a heading back to the title")
  func seedFourOrgansToHeadings() throws {
    let analysis = try NavTest.seed(NavTest.seed000)
    let title = try NavTest.offset(of: "引领“四个机关”建设", in: analysis, by: 4)
    let headings = NavigationProvider.definition(at: title, in: analysis)
    let texts = NavTest.texts(headings, in: analysis)
    try #require(texts.count == 4, "\(texts)")
    for (text, organ) in zip(texts, ["政治机关", "权力机关", "代表机关", "工作机关"]) {
      #expect(text.hasPrefix("以党建引领\(organ)建设"), "\(text)")
    }
    let heading = try NavTest.offset(of: "以党建引领权力机关建设", in: analysis, by: 5)
    let back = NavigationProvider.definition(at: heading, in: analysis)
    #expect(NavTest.texts(back, in: analysis) == ["四个机关"])
    #expect(back.first.map { analysis.text.line(containing: $0.lowerBound) } == 586)  // 0-based line of the title
    // References from the heading: every “四个机关” on the page and the four headings.
    let references = NavigationProvider.references(at: heading, in: analysis, includeDeclaration: true)
    let mentions = NavTest.texts(references, in: analysis).filter { $0 == "四个机关" }.count
    let printed = analysis.page.articles.flatMap(\.slogans).filter { $0.text == "四个机关" }.count
    #expect(printed >= 2)
    #expect(mentions == printed)
    #expect(references.filter { headings.contains($0) }.count == 4)
  }

  @Test("seed 000: “五个一” leads to its five markers, 三是 to the series' 一是")
  func seedFiveOnesAndSeries() throws {
    let analysis = try NavTest.seed(NavTest.seed000)
    let slogan = try NavTest.offset(of: "五个", in: analysis)
    let markers = NavigationProvider.definition(at: slogan, in: analysis)
    #expect(NavTest.texts(markers, in: analysis) == ["一是", "二是", "三是", "四是", "五是"])
    let third = try NavTest.offset(of: "三是", in: analysis)
    #expect(NavigationProvider.definition(at: third, in: analysis) == [markers[0]])
    let highlights = NavigationProvider.highlights(at: third, in: analysis)
    #expect(highlights.map(\.range) == markers)
    #expect(highlights.allSatisfy { $0.role == .text })
  }
}
