/// The byline as `PageParser.parse` reads it from a one-article page: `■`, one or more
/// names (two-character names padded with a space to the width of three, several names
/// with a space or none between them), then a province in full- or half-width
/// parentheses (genre.md, "Parts of an article").
import RendaPage
import RendaText
import Testing

@Suite("Byline parser")
struct BylineParserTests {
  /// A one-article page whose first line is `byline`.
  static func page(byline: String) -> Page {
    PageTest.parse(lines: [byline, ""] + PageTest.lead)
  }

  static func byline(_ line: String) throws -> Byline {
    let page = page(byline: line)
    let article = try #require(page.articles.first)
    return try #require(article.byline)
  }

  @Test("■ 宋 军 郭磊（湖北）: padded two-character name, then a second name")
  func paddedNameThenName() throws {
    let byline = try Self.byline("■ 宋 军 郭磊（湖北）")
    #expect(byline.authors == ["宋军", "郭磊"])
    #expect(byline.province == "湖北")
    #expect(byline.usesHalfwidthParentheses == false)
    #expect(byline.rawText == "■ 宋 军 郭磊（湖北）")
  }

  @Test("■ 李科许坤(山西): two names written together, ASCII parentheses")
  func namesWrittenTogether() throws {
    let byline = try Self.byline("■ 李科许坤(山西)")
    #expect(byline.authors == ["李科", "许坤"])
    #expect(byline.province == "山西")
    #expect(byline.usesHalfwidthParentheses)
  }

  @Test("■ 方宗泽 （安徽）: space before the parenthesis")
  func spaceBeforeProvince() throws {
    let byline = try Self.byline("■ 方宗泽 （安徽）")
    #expect(byline.authors == ["方宗泽"])
    #expect(byline.province == "安徽")
    #expect(!byline.usesHalfwidthParentheses)
  }

  @Test("■ 廖 进（福建）: one padded two-character name")
  func onePaddedName() throws {
    let byline = try Self.byline("■ 廖 进（福建）")
    #expect(byline.authors == ["廖进"])
    #expect(byline.province == "福建")
  }

  @Test("■ 钱玉珍(云南): three-character name, ASCII parentheses, no space")
  func threeCharacterNameHalfwidth() throws {
    let byline = try Self.byline("■ 钱玉珍(云南)")
    #expect(byline.authors == ["钱玉珍"])
    #expect(byline.province == "云南")
    #expect(byline.usesHalfwidthParentheses)
  }

  @Test(
    "Three names",
    arguments: [
      ("■ 宋 军 郭磊 钱玉珍（湖北）", ["宋军", "郭磊", "钱玉珍"]),
      ("■ 王 强 李 明 张 华（河北）", ["王强", "李明", "张华"]),
      ("■ 方宗泽 钱玉珍 宋 军（安徽）", ["方宗泽", "钱玉珍", "宋军"]),
    ])
  func threeNames(line: String, authors: [String]) throws {
    let byline = try Self.byline(line)
    #expect(byline.authors == authors)
  }

  @Test("■ 欧阳修文（江西）: a compound surname makes one four-character name")
  func compoundSurname() throws {
    let byline = try Self.byline("■ 欧阳修文（江西）")
    #expect(byline.authors == ["欧阳修文"])
    #expect(byline.province == "江西")
  }

  @Test("A byline with no province")
  func noProvince() throws {
    let byline = try Self.byline("■ 朱晏辰")
    #expect(byline.authors == ["朱晏辰"])
    #expect(byline.province == nil)
    #expect(byline.provinceRange == nil)
  }

  @Test("A province of three characters: ■ 王强（内蒙古）")
  func longProvince() throws {
    let byline = try Self.byline("■ 王强（内蒙古）")
    #expect(byline.authors == ["王强"])
    #expect(byline.province == "内蒙古")
  }

  @Test("A leading BOM does not hide the byline marker")
  func leadingBOM() throws {
    let byline = try Self.byline("\u{FEFF}■ 宋 军 郭磊（湖北）")
    #expect(byline.authors == ["宋军", "郭磊"])
    #expect(byline.province == "湖北")
  }

  @Test(
    "The province range points at the province text",
    arguments: [
      ("■ 宋 军 郭磊（湖北）", "湖北"),
      ("■ 李科许坤(山西)", "山西"),
      ("■ 方宗泽 （安徽）", "安徽"),
      ("■ 钱玉珍( 云 南 )", "云 南"),
    ])
  func provinceRange(line: String, printed: String) throws {
    let page = Self.page(byline: line)
    let byline = try #require(page.articles.first?.byline)
    let range = try #require(byline.provinceRange)
    #expect(page.text.string(in: range) == printed)
    #expect(byline.province == PageTest.squeezed(printed))
    // The byline's own range covers the whole printed byline and lies on line 0.
    #expect(page.text.string(in: byline.range) == line)
    #expect(page.text.line(containing: range.lowerBound) == 0)
  }

  @Test("A byline sharing its block with the title line before it")
  func bylineSharesBlockWithTitle() throws {
    let page = PageTest.parse(
      lines: ["践行全过程人民民主 让人大工作植根人民", "■ 覃 剑 （广东）", ""] + PageTest.lead)
    let article = try #require(page.articles.first)
    let byline = try #require(article.byline)
    #expect(byline.authors == ["覃剑"])
    #expect(byline.province == "广东")
    #expect(byline.rawText == "■ 覃 剑 （广东）")
    #expect(page.text.line(containing: byline.range.lowerBound) == 1)
    // The line before is a block of its own: here the article's title.
    let title = try #require(article.title)
    #expect(title.text.normalized == "践行全过程人民民主让人大工作植根人民")
    #expect(title.lines == [0])
    #expect(Array(page.blocks.map(\.role).prefix(2)) == [.title, .byline])
  }

  @Test("On a two-article page the title that shares its block with the second byline closes the first article")
  func sharedBlockOnTwoArticlePage() throws {
    let page = PageTest.parse(
      lines: ["■ 宋 军 郭磊（湖北）", ""] + PageTest.lead + [
        "", "加强学习培训 锻造人大代表队伍", "■ 覃 剑 （广东）", "",
      ] + PageTest.paragraph(1))
    try #require(page.articles.count == 2)
    #expect(page.articles[0].title?.text.normalized == "加强学习培训锻造人大代表队伍")
    #expect(page.articles[1].byline?.authors == ["覃剑"])
    #expect(page.articles[1].byline?.province == "广东")
  }

  // MARK: Known bugs

  @Test("A two-character name written together with a three-character one: 许坤张明华 is 许坤 and 张明华")
  func twoPlusThreeWrittenTogether() throws {
    let byline = try Self.byline("■ 许坤张明华（山西）")
    #expect(byline.authors == ["许坤", "张明华"])
  }

  @Test("A name with a middle dot is one name: 买买提·艾力")
  func middleDotName() throws {
    let byline = try Self.byline("■ 买买提·艾力（新疆）")
    #expect(byline.province == "新疆")
    #expect(byline.authors == ["买买提·艾力"])
  }

  @Test("The province ignores a NUL the way the normalized text does")
  func nulInsideProvince() throws {
    // Found by RobustnessTests: NUL is dropped from the normalized text (so from the
    // byline's range) but kept in the province, whose range then ends past the byline.
    let page = Self.page(byline: "■ 宋军（湖北\u{0}")
    let byline = try #require(page.articles.first?.byline)
    let range = try #require(byline.provinceRange)
    #expect(byline.authors == ["宋军"])
    #expect(byline.province == "湖北")
    #expect(range.upperBound <= byline.range.upperBound)
  }

  @Test("A long unspaced run after ■ is read in time linear in its length")
  func longRunAfterMarker() throws {
    // `■` followed by body text (a draft, or an OCR line that merged a byline with the
    // text after it). An earlier splitter enumerated every cut of the run into 2s and 3s
    // (about 1.32^n of them), so 100 characters never finished.
    // The split is linear now: a 600-character run (which the exponential search could
    // never finish) parses, every name has two or three characters, and none is lost.
    let run = String(repeating: "人大代表是人大工作的主体和活力源泉近年来湖北省襄阳市人大常委会", count: 20).prefix(600)
    let page = PageTest.parse("■ \(run)（湖北）\n\n正文。\n")
    let authors = page.articles.first?.byline?.authors ?? []
    #expect(authors.allSatisfy { (2...3).contains($0.count) })
    #expect(authors.joined() == String(run))
  }
}
