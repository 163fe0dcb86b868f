/// Numeric slogans in quotation marks (genre.md): `“四个机关”`, `“五个一”`, `“四心”`, `“三联”`,
/// `“1355”`; members given inline by a parenthetical list or a 即 clause. Plan names and
/// ordinals (`“十四五”`, `“第一议题”`, `“一号工程”`) are not slogans.
import RendaPage
import RendaText
import Testing

@Suite("Slogan scanner")
struct SloganTests {
  /// byline + one paragraph.
  static func page(_ paragraph: [String]) -> Page {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(paragraph)
    return lines.parse()
  }

  static func slogans(_ paragraph: [String]) throws -> [QuotedSlogan] {
    try #require(page(paragraph).articles.first).slogans
  }

  static func slogan(_ paragraph: [String]) throws -> QuotedSlogan {
    let slogans = try slogans(paragraph)
    try #require(slogans.count == 1, "\(slogans)")
    return slogans[0]
  }

  @Test("“四个机关” with its members in parentheses")
  func fourOrgansWithParenthesis() throws {
    let page = Self.page(["常委会着力建设“四个机关”（政治机关、", "权力机关、工作机关、代表机关），推", "动工作。"])
    let slogan = try #require(page.articles.first?.slogans.first)
    #expect(slogan.text == "四个机关")
    #expect(slogan.announcedCount == 4)
    #expect(slogan.inlineMembers.map(\.text) == ["政治机关", "权力机关", "工作机关", "代表机关"])
    #expect(page.text.string(in: slogan.range) == "四个机关")
    // Member ranges point at the members, the second one across the line break.
    #expect(slogan.inlineMembers.map { page.text.string(in: $0.range) } == ["政治机关", "权力机关", "工作机关", "代表机关"])
    #expect(page.text.line(containing: slogan.inlineMembers[1].range.lowerBound) == 3)
  }

  @Test("the slogan's noun between the quote and the list: “三学三比”主题实践活动（…）")
  func nounBeforeParenthesis() throws {
    let slogan = try Self.slogan(["以“三学三比”主题实践活动（学政治理论比担当、学法", "律法规比能力、学代表知识比履职）为抓手。"])
    #expect(slogan.inlineMembers.map(\.text) == ["学政治理论比担当", "学法律法规比能力", "学代表知识比履职"])
    // A parenthesis after a long run of text, or an aside of one item, is not the slogan's list.
    let far = try Self.slogan(["开展“三学三比”以来各乡镇人大主席团积极行动（见下表）。"])
    #expect(far.inlineMembers.isEmpty)
    let aside = try Self.slogan(["开展“三学三比”活动（二〇二三年）。"])
    #expect(aside.inlineMembers.isEmpty)
  }

  @Test("ASCII quotes and parentheses (page 003): \"四个机关\"(…)")
  func asciiQuotes() throws {
    let slogan = try Self.slogan(["建设\"四个机关\"(政治机关、权力机关、工作机关、代表机关),推动工作。"])
    #expect(slogan.text == "四个机关")
    #expect(slogan.announcedCount == 4)
    #expect(slogan.inlineMembers.count == 4)
  }

  @Test("“五个\\n一 ” across a line wrap and a stray space: count 5")
  func fiveOnes() throws {
    let page = Self.page(["准方向，小处布局抓好落实，围绕“五个", "一 ”着 力 构 建 全 覆 盖 学 习 培 训 工 作 格", "局。"])
    let slogan = try #require(page.articles.first?.slogans.first)
    #expect(slogan.text == "五个一")
    #expect(slogan.announcedCount == 5)
    #expect(slogan.inlineMembers.isEmpty)
    #expect(page.text.string(in: slogan.range) == "五个\n一")
  }

  @Test(
    "Counts announced by the slogan",
    arguments: [
      ("四心", 4), ("三联", 3), ("两个维护", 2), ("三进三促", 3), ("双联系", 2), ("三个一批", 3), ("六个一", 6),
    ])
  func announcedCounts(text: String, count: Int) throws {
    let slogan = try Self.slogan(["常委会围绕“\(text)”开展工作，推动落实。"])
    #expect(slogan.text == text)
    #expect(slogan.announcedCount == count)
  }

  @Test("Slogans that state no number", arguments: ["1355", "2345", "一府一委两院"])
  func noAnnouncedCount(text: String) throws {
    let slogan = try Self.slogan(["常委会实施“\(text)”工作法，推动落实。"])
    #expect(slogan.text == text)
    #expect(slogan.announcedCount == nil)
  }

  @Test("Plan names, ordinals and ranks are not slogans", arguments: ["十四五", "第一议题", "一号工程", "五星级", "一站式", "加减乘除"])
  func notSlogans(text: String) throws {
    let slogans = try Self.slogans(["常委会落实“\(text)”要求，推动工作。"])
    #expect(slogans.isEmpty, "\(slogans)")
  }

  @Test("Several slogans in one sentence, in page order")
  func severalSlogans() throws {
    let slogans = try Self.slogans(["秉持“四心”做好地方人大工作，推动“三", "联”工作落实，实施“1355”工程。"])
    #expect(slogans.map(\.text) == ["四心", "三联", "1355"])
    #expect(slogans.map(\.announcedCount) == [4, 3, nil])
  }

  @Test("“12345”工作内容，即构建一套制度、建设两大阵地、强化三大抓手: members from the 即 clause")
  func membersFromJiClause() throws {
    let page = Self.page(["常委会明确“12345”工作内容，即构建", "一套制度、建设两大阵地、强化三大", "抓手。"])
    let slogan = try #require(page.articles.first?.slogans.first)
    #expect(slogan.text == "12345")
    #expect(slogan.announcedCount == nil)
    #expect(slogan.inlineMembers.map(\.text) == ["构建一套制度", "建设两大阵地", "强化三大抓手"])
    #expect(
      slogan.inlineMembers.map { PageTest.squeezed(page.text.string(in: $0.range)) } == ["构建一套制度", "建设两大阵地", "强化三大抓手"])
  }

  @Test("A slogan inside a heading or title is found too")
  func sloganInTitle() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(PageTest.lead)
    lines.block(["以高质量党建", "引领“四个机关”建设"])
    let page = lines.parse()
    let article = try #require(page.articles.first)
    #expect(article.title?.text.normalized == "以高质量党建引领“四个机关”建设")
    #expect(article.slogans.map(\.text) == ["四个机关"])
  }

  // MARK: Known bugs

  @Test("Members joined by 和 before the last one: （政治机关、权力机关、工作机关和代表机关）")
  func lastMemberAfterHe() throws {
    let slogan = try Self.slogan(["常委会着力建设“四个机关”（政治机关、权力机关、工作机关和代表机关），推动工作。"])
    #expect(slogan.announcedCount == 4)
    #expect(slogan.inlineMembers.map(\.text) == ["政治机关", "权力机关", "工作机关", "代表机关"])
  }

  @Test("A 即 clause whose members contain 、 and are separated by ，: “两个维护”")
  func jiClauseWithCommaSeparatedMembers() throws {
    let slogan = try Self.slogan([
      "坚决做到“两个维护”，即坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导。"
    ])
    #expect(slogan.announcedCount == 2)
    #expect(slogan.inlineMembers.map(\.text) == ["坚决维护习近平总书记党中央的核心、全党的核心地位", "坚决维护党中央权威和集中统一领导"])
  }

  @Test("A quote whose partner was lost does not swallow the next slogan")
  func lostClosingQuote() throws {
    let slogans = try Self.slogans(["围绕“四个机关建设“五个一”工程，推动工作。"])
    #expect(slogans.map(\.text) == ["五个一"])
    #expect(slogans.map(\.announcedCount) == [5])
  }

  @Test("A slogan split by a column break's blank line is found")
  func sloganAcrossColumnBreak() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(["常委会坚持着眼新时代人大工作的新要求，", "围绕“五个"])
    lines.block(["一”着力构建全覆盖学习培训工作格局。"])
    let page = lines.parse()
    let article = try #require(page.articles.first)
    #expect(article.slogans.map(\.text) == ["五个一"])
  }
}
