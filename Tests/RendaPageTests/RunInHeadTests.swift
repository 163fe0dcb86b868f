/// Run-in heads (genre.md): in an article without section headings, the whole first
/// sentence (up to its 。) of a real paragraph, short, one of a parallel series of three
/// or more. Its line is where the sentence starts. Enumeration items (一是…) are not
/// run-in heads, and a blank line left by a column break does not start one.
import RendaPage
import RendaText
import Testing

@Suite("Run-in head detector")
struct RunInHeadTests {
  static let lead = ["江苏省某市人大常委会坚持以代表", "工作为重点，不断提升代表工作水平，", "着力抓实“四个重点”："]

  /// byline + lead + the given paragraphs; returns the page and each paragraph's first line.
  static func page(_ paragraphs: [[String]]) -> (Page, [Int]) {
    var lines = PageTest.Lines()
    lines.block(["■ 钱振华（江苏）"])
    lines.block(lead)
    let starts = paragraphs.map { lines.block($0) }
    return (lines.parse(), starts)
  }

  static let heads = [
    ["抓政治引领，让代表履职有方向。常", "委会坚持把政治建设摆在首位，组织", "代表深入学习党的创新理论。"],
    ["抓平台建设，让代表履职有底气。常", "委会全面推进代表之家建设，打造代", "表履职的主阵地。"],
    ["抓履职服务，让代表履职有激情。常", "委会完善代表联系群众制度，推动代", "表履职常态化。"],
    // A head that runs over two lines.
    ["抓建议落地，让代表履", "职有动力。常委会健全代表建议办理", "机制，推动解决群众急难愁盼问题。"],
  ]

  @Test("Parallel short first sentences are run-in heads, with their text and 0-based line")
  func parallelHeads() throws {
    let (page, starts) = Self.page(Self.heads)
    let article = try #require(page.articles.first)
    #expect(article.headings.isEmpty)
    #expect(
      PageTest.runInTexts(article) == [
        "抓政治引领，让代表履职有方向。", "抓平台建设，让代表履职有底气。", "抓履职服务，让代表履职有激情。", "抓建议落地，让代表履职有动力。",
      ], "\(pageTestDump(page))")
    #expect(article.runInHeads.map(\.line) == starts)
    for head in article.runInHeads {
      #expect(head.text.normalized.hasSuffix("。"))
      #expect(!head.text.normalized.contains(" "))
      #expect(PageTest.squeezed(page.text.string(in: head.text.range)) == head.text.normalized)
    }
    // The lead ends where the first head starts: with the lead's colon.
    #expect(article.lead.map { PageTest.squeezed(page.text.string(in: $0)) } == Self.lead.joined())
  }

  @Test("A head's section runs to the next head, and the last one to the article's end")
  func sectionRanges() throws {
    let (page, _) = Self.page(Self.heads)
    let article = try #require(page.articles.first)
    try #require(article.runInHeads.count == 4)
    for (n, head) in article.runInHeads.enumerated() {
      #expect(PageTest.squeezed(page.text.string(in: head.sectionRange)) == Self.heads[n].joined())
    }
  }

  @Test("Heads of one clause: 以高度的政治站位开展中心组学习。")
  func oneClauseHeads() throws {
    let (page, starts) = Self.page([
      ["以高度的政治站位开展中心组学习。", "常委会党组坚持把学习贯彻党的创新", "理论作为首要政治任务。"],
      ["以高度的思想自觉强化理论武装。", "常委会组织机关干部深入学习，推动", "学习成果转化。"],
      ["以高度的政治自觉履行宣传职责。", "常委会加强人大新闻宣传，讲好人大", "故事。"],
    ])
    let article = try #require(page.articles.first)
    #expect(
      PageTest.runInTexts(article) == ["以高度的政治站位开展中心组学习。", "以高度的思想自觉强化理论武装。", "以高度的政治自觉履行宣传职责。"],
      "\(pageTestDump(page))")
    #expect(article.runInHeads.map(\.line) == starts)
  }

  @Test("A head that opens a line inside a block, after a line ending in 。, counts")
  func headInsideBlock() throws {
    // 004 line 653: `…声音”落地见效。` / `不忘“初心”加强自身建设。` with no blank line between.
    let (page, starts) = Self.page([
      ["秉承“匠心”推进地方立法。常委会坚", "持科学立法、民主立法、依法立法。"],
      ["聚焦“中心”履行监督职责。常委会围", "绕中心工作开展监督，推动落地见效。", "紧贴“民心”发挥代表作用。常委会组", "织代表联系群众，倾听群众声音。"],
      ["不忘“初心”加强自身建设。常委会坚", "持党建引领，提升履职能力。"],
    ])
    let article = try #require(page.articles.first)
    #expect(
      PageTest.runInTexts(article) == ["秉承“匠心”推进地方立法。", "聚焦“中心”履行监督职责。", "紧贴“民心”发挥代表作用。", "不忘“初心”加强自身建设。"],
      "\(pageTestDump(page))")
    #expect(article.runInHeads.map(\.line) == [starts[0], starts[1], starts[1] + 2, starts[2]])
  }

  @Test("Two parallel paragraphs are not a series")
  func twoAreNotASeries() throws {
    let (page, _) = Self.page(Array(Self.heads.prefix(2)))
    #expect(page.articles.first?.runInHeads.isEmpty == true)
  }

  @Test("Enumeration items (一是…) are never run-in heads")
  func enumerationItemsAreNotHeads() throws {
    let (page, _) = Self.page([
      ["一是抓政治引领。常委会坚持把政治", "建设摆在首位，组织代表深入学习。"],
      ["二是抓平台建设。常委会全面推进代", "表之家建设，打造代表履职主阵地。"],
      ["三是抓履职服务。常委会完善代表联", "系群众制度，推动代表履职常态化。"],
      ["四是抓建议落地。常委会健全代表建", "议办理机制，推动解决群众难题。"],
    ])
    let article = try #require(page.articles.first)
    #expect(article.runInHeads.isEmpty, "\(pageTestDump(page))")
    #expect(article.leadEnumerations.map { $0.markers.map(\.marker) } == [["一是", "二是", "三是", "四是"]])
  }

  @Test("An article with section headings has no run-in heads")
  func noRunInHeadsUnderHeadings() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 钱振华（江苏）"])
    lines.block(Self.lead)
    for (n, heading) in ["坚持党的领导 把牢政治机关定位", "夯实党建基础 维护权力机关形象", "贯彻党委意图 做好工作机关表率"].enumerated() {
      lines.block([heading])
      lines.block(Self.heads[n])
    }
    let page = lines.parse()
    let article = try #require(page.articles.first)
    #expect(article.headings.count == 3)
    #expect(article.runInHeads.isEmpty)
  }

  @Test("After a column break the sentence's continuation is not a head (different shape)")
  func columnBreakContinuationOfOtherShape() throws {
    let (page, starts) = Self.page([
      ["抓政治引领，让代表履职有方向。常", "委会坚持把政治建设摆在首位，组织", "代表深入学习党的创新理论，打造出一"],
      ["支政治过硬的代表队伍。常委会持续", "开展培训，推动代表履职常态化。"],
      Self.heads[1], Self.heads[2],
    ])
    let article = try #require(page.articles.first)
    #expect(PageTest.runInTexts(article) == ["抓政治引领，让代表履职有方向。", "抓平台建设，让代表履职有底气。", "抓履职服务，让代表履职有激情。"])
    #expect(article.runInHeads.map(\.line) == [starts[0], starts[2], starts[3]])
  }

  // MARK: Known bugs

  @Test("A parallel-looking sentence after a blank line inside a sentence (column break) is not a head")
  func columnBreakInsideSentence() throws {
    let (page, _) = Self.page([
      ["抓政治引领，让代表履职有方向。常", "委会坚持把政治建设摆在首位，组织", "代表深入学习党的创新理论，推动"],
      // The same sentence goes on after the column break's blank line.
      ["代表履职尽责，让群众满意有保障。", "常委会持续开展培训，推动代表履职。"],
      Self.heads[1], Self.heads[2],
    ])
    let article = try #require(page.articles.first)
    #expect(
      PageTest.runInTexts(article) == ["抓政治引领，让代表履职有方向。", "抓平台建设，让代表履职有底气。", "抓履职服务，让代表履职有激情。"],
      "\(pageTestDump(page))")
  }

  @Test("Heads that open with a quoted phrase: “请进来”，让代表开阔视野。")
  func headsOpeningWithQuote() throws {
    let (page, starts) = Self.page([
      ["“请进来”，让代表开阔视野。常委", "会邀请专家学者为代表授课，组织", "代表深入学习党的创新理论。"],
      ["“走出去”，让代表增长见识。常委", "会组织代表赴先进地区考察学习，推", "动代表履职能力提升。"],
      ["“沉下去”，让代表贴近群众。常委", "会组织代表进村入户开展调研，推", "动代表履职常态化。"],
    ])
    let article = try #require(page.articles.first)
    #expect(
      PageTest.runInTexts(article) == ["“请进来”，让代表开阔视野。", "“走出去”，让代表增长见识。", "“沉下去”，让代表贴近群众。"],
      "\(pageTestDump(page))")
    #expect(article.runInHeads.map(\.line) == starts)
  }

  @Test("Two heads are a series when the lead announces two: 着力抓实“两个重点”：")
  func countAnnouncedByLead() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 钱振华（江苏）"])
    lines.block(["江苏省某市人大常委会坚持以代表", "工作为重点，不断提升代表工作水平，", "着力抓实“两个重点”："])
    let starts = Self.heads.prefix(2).map { lines.block($0) }
    let page = lines.parse()
    let article = try #require(page.articles.first)
    #expect(PageTest.runInTexts(article) == ["抓政治引领，让代表履职有方向。", "抓平台建设，让代表履职有底气。"], "\(pageTestDump(page))")
    #expect(article.runInHeads.map(\.line) == starts)
  }
}
