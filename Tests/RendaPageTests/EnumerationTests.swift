/// Enumerations (genre.md): `一是……二是……三是……`, `一要/二要`, `第一/第二`, `（一）（二）`,
/// `一方面……另一方面`, `1. 2.`; a series usually restarts in each section, may follow a
/// colon, and a marker can be split by a line wrap (`一\n是`).
import RendaPage
import RendaText
import Testing

@Suite("Enumeration scanner")
struct EnumerationTests {
  /// byline + one paragraph (the article's lead, as it has no headings).
  static func lead(_ paragraph: [String]) throws -> (Page, [Enumeration]) {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(paragraph)
    let page = lines.parse()
    let article = try #require(page.articles.first)
    return (page, article.leadEnumerations)
  }

  static func markers(_ enumerations: [Enumeration]) -> [[String]] {
    enumerations.map { $0.markers.map(\.marker) }
  }

  @Test("一是/二是/三是 in a section")
  func shiInSection() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(PageTest.lead)
    lines.block(["科学布局", "构建学习培训新机制"])
    lines.block(["襄阳市人大常委会注重大处谋划把准", "方向。一是实施一个工程。组织代表", "学习。二是落实一个责任。三是建立", "一张清单。"])
    lines.block(["分类提能", "推进学习培训全覆盖"])
    lines.block(PageTest.paragraph(1))
    let page = lines.parse()
    let article = try #require(page.articles.first)
    try #require(article.headings.count == 2)
    let series = article.headings[0].enumerations
    #expect(Self.markers(series) == [["一是", "二是", "三是"]])
    #expect(series.first?.scheme == .shiOrdinal)
    #expect(series.first?.markers.map(\.ordinal) == [1, 2, 3])
    #expect(series.first?.markers.map(\.itemSummary) == ["实施一个工程", "落实一个责任", "建立一张清单"])
    #expect(series.first?.missingOrdinals == [])
    #expect(series.first?.repeatedOrdinals == [])
    #expect(article.headings[1].enumerations.isEmpty)
    #expect(article.leadEnumerations.isEmpty)
  }

  @Test("A marker split over two lines (一\\n是) is found, and its range covers both lines")
  func markerSplitByLineWrap() throws {
    let (page, series) = try Self.lead(["常委会注重实践，推动工作落实。一", "是开展调研。二是组织视察。三", "是强化督办。"])
    #expect(Self.markers(series) == [["一是", "二是", "三是"]])
    let first = try #require(series.first?.markers.first)
    #expect(page.text.string(in: first.range) == "一\n是")
    #expect(page.text.line(containing: first.range.lowerBound) == 2)
    #expect(page.text.line(containing: first.range.upperBound) == 3)
    #expect(first.itemSummary == "开展调研")
  }

  @Test("统一是 holds no marker")
  func noMarkerInsideWord() throws {
    let (_, series) = try Self.lead(["思想统一是做好工作的前提，必须", "坚持统一是关键的认识。"])
    #expect(series.isEmpty)
  }

  @Test("A lone 一是 gives one series with one marker")
  func loneShi() throws {
    // 002 line 656: 一是健全制度机制, with no 二是 after it.
    let (_, series) = try Self.lead(["常委会抓实各项组织活动。一是健全", "制度机制。不断优化党建活动，精心", "打造服务品牌。"])
    #expect(Self.markers(series) == [["一是"]])
    #expect(series.first?.missingOrdinals == [])
  }

  @Test("一是, 二是, 四是 misses 3")
  func missingOrdinal() throws {
    let (_, series) = try Self.lead(["常委会重点做好以下工作：一是健全", "制度。二是完善机制。四是强化保障。"])
    #expect(Self.markers(series) == [["一是", "二是", "四是"]])
    #expect(series.first?.missingOrdinals == [3])
  }

  @Test("A repeated ordinal is reported once")
  func repeatedOrdinal() throws {
    let (_, series) = try Self.lead(["常委会重点做好以下工作：一是组织", "学习。二是开展培训。二是强化服务。", "二是加强督办。三是推动落实。"])
    #expect(Self.markers(series) == [["一是", "二是", "二是", "二是", "三是"]])
    #expect(series.first?.repeatedOrdinals == [2])
    #expect(series.first?.missingOrdinals == [])
  }

  @Test("A new 一是 starts a new series")
  func restartInsideParagraph() throws {
    let (_, series) = try Self.lead(["常委会一方面抓好学习：一是组织学", "习。二是开展培训。另外：一是建设", "阵地。二是完善制度。三是强化服务。"])
    #expect(Self.markers(series).filter { $0.first == "一是" } == [["一是", "二是"], ["一是", "二是", "三是"]])
  }

  @Test("第一，第二，第三，")
  func diOrdinals() throws {
    let (_, series) = try Self.lead(["常委会把握三点：第一，坚持党的领", "导。第二，坚持人民至上。第三，坚持", "守正创新。"])
    #expect(Self.markers(series) == [["第一", "第二", "第三"]])
    #expect(series.first?.scheme == .diOrdinal)
  }

  @Test("A lone 第一 or 一要 is an ordinary word, not a series")
  func loneDiAndYao() throws {
    let (_, series) = try Self.lead(["常委会强调：第一，学习是前提，一要", "靠制度保障，推动工作落实。"])
    #expect(series.isEmpty)
  }

  @Test("（一）（二）（三）")
  func parenthesized() throws {
    let (_, series) = try Self.lead(["常委会突出三个方面：（一）开展调研。", "（二）组织视察。（三）强化督办。"])
    #expect(Self.markers(series) == [["（一）", "（二）", "（三）"]])
    #expect(series.first?.scheme == .parenthesized)
    #expect(series.first?.markers.map(\.itemSummary) == ["开展调研", "组织视察", "强化督办"])
  }

  @Test("一方面……另一方面")
  func onOneHand() throws {
    let (_, series) = try Self.lead(["常委会坚持学用结合，一方面加强学", "习，另一方面强化实践。", "一方面要抓好制度建设，另一方", "面要强化督促落实。"])
    #expect(Self.markers(series) == [["一方面", "另一方面"], ["一方面", "另一方面"]])
    #expect(series.allSatisfy { $0.scheme == .onOneHand })
    #expect(series.first?.markers.map(\.ordinal) == [1, 2])
  }

  @Test("一要/二要 and 1. 2.")
  func yaoAndArabic() throws {
    let (_, series) = try Self.lead(["常委会提出明确要求：一要加强学习，", "二要强化实践。", "1.加强学习。", "2.强化实践。"])
    #expect(Self.markers(series) == [["一要", "二要"], ["1.", "2."]])
    #expect(series.map(\.scheme) == [.yaoOrdinal, .arabic])
  }

  @Test("A series after a colon: 打造“五个站”：一是接待站……五是宣传站")
  func afterColon() throws {
    let (_, series) = try Self.lead(["常委会打造“五个站”：一是接待站，", "二是联络站，三是服务站，四是议事", "站，五是宣传站。"])
    #expect(Self.markers(series) == [["一是", "二是", "三是", "四是", "五是"]])
    #expect(series.first?.markers.map(\.itemSummary) == ["接待站", "联络站", "服务站", "议事站", "宣传站"])
  }

  @Test("The series restarts in each section")
  func restartsPerSection() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(PageTest.lead)
    lines.block(["科学布局", "构建学习培训新机制"])
    lines.block(["常委会注重谋划。一是实施一个工程。", "二是落实一个责任。三是建立一张清单。"])
    lines.block(["分类提能", "推进学习培训全覆盖"])
    lines.block(["常委会紧扣代表需求。一是聚焦重点", "优内容。二是抓好培训提能力。"])
    lines.block(["立足实践", "拓展学习培训大课堂"])
    lines.block(["常委会注重实践。一", "是开展调研。二", "是组织视察。"])
    let page = lines.parse()
    let article = try #require(page.articles.first)
    try #require(article.headings.count == 3, "\(pageTestDump(page))")
    #expect(
      article.headings.map { Self.markers($0.enumerations) } == [
        [["一是", "二是", "三是"]], [["一是", "二是"]], [["一是", "二是"]],
      ])
    // Marker ranges lie inside their section.
    for heading in article.headings {
      for marker in heading.enumerations.flatMap(\.markers) {
        #expect(heading.sectionRange.contains(marker.range.lowerBound))
        #expect(marker.range.upperBound <= heading.sectionRange.upperBound)
      }
    }
  }

  @Test("Enumerations in run-in sections belong to their head")
  func runInSections() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 钱振华（江苏）"])
    lines.block(RunInHeadTests.lead)
    lines.block(["抓政治引领，让代表履职有方向。常", "委会坚持把政治建设摆在首位。一是", "组织学习。二是开展培训。"])
    lines.block(["抓平台建设，让代表履职有底气。常", "委会全面推进代表之家建设。一是建", "设阵地。二是完善制度。三是强化服务。"])
    lines.block(["抓履职服务，让代表履职有激情。常", "委会完善代表联系群众制度，推动代", "表履职常态化。"])
    let page = lines.parse()
    let article = try #require(page.articles.first)
    try #require(article.runInHeads.count == 3, "\(pageTestDump(page))")
    #expect(article.runInHeads.map { Self.markers($0.enumerations) } == [[["一是", "二是"]], [["一是", "二是", "三是"]], []])
  }

  // MARK: Known bugs

  @Test("一是 at the very start of a section, right after its heading, is a marker")
  func markerOpeningSection() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(PageTest.lead)
    lines.block(["科学布局", "构建学习培训新机制"])
    lines.block(["一是实施一个工程。组织代表学习。", "二是落实一个责任。组建工作专班。", "三是建立一张清单。"])
    lines.block(["分类提能", "推进学习培训全覆盖"])
    lines.block(["（一）开展调研。（二）组织视察。"])
    let page = lines.parse()
    let article = try #require(page.articles.first)
    try #require(article.headings.count == 2, "\(pageTestDump(page))")
    #expect(Self.markers(article.headings[0].enumerations) == [["一是", "二是", "三是"]])
    #expect(Self.markers(article.headings[1].enumerations) == [["（一）", "（二）"]])
    #expect(article.headings[0].enumerations.first?.missingOrdinals == [])
  }
}
