/// Section headings (genre.md, "How the truth file decides headings"): a standalone block
/// of one or two lines (or one heading wrapped at the column width) inside an article's
/// body, with no sentence-final punctuation, parallel with its siblings. Sub-leads,
/// fragments left standalone by a column break, titles and lone candidates are not.
import RendaPage
import RendaText
import Testing

@Suite("Heading detector")
struct HeadingDetectionTests {
  /// A page: byline, the lead, then one section per heading (the heading block, then a
  /// paragraph). Returns the page and the first line of each heading.
  static func page(headings: [[String]], title: [String]? = nil) -> (Page, [Int]) {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(PageTest.lead)
    var starts: [Int] = []
    for (n, heading) in headings.enumerated() {
      starts.append(lines.block(heading))
      lines.block(PageTest.paragraph(n))
    }
    if let title { lines.block(title) }
    return (lines.parse(), starts)
  }

  static func expectHeadings(
    _ headings: [[String]], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let (page, starts) = page(headings: headings)
    let article = try #require(page.articles.first, sourceLocation: sourceLocation)
    #expect(
      PageTest.headingTexts(article) == headings.map { PageTest.squeezed($0.joined()) },
      "\(pageTestDump(page))", sourceLocation: sourceLocation)
    #expect(
      article.headings.map(\.lines) == zip(starts, headings).map { start, h in Array(start..<(start + h.count)) },
      sourceLocation: sourceLocation)
    #expect(article.runInHeads.isEmpty, sourceLocation: sourceLocation)
  }

  @Test("Two-line headings: short phrase + longer phrase")
  func twoLineHeadings() throws {
    try Self.expectHeadings([
      ["科学布局", "构建学习培训新机制"], ["分类提能", "推进学习培训全覆盖"],
      ["立足实践", "拓展学习培训大课堂"], ["全链问效", "激发学习培训内驱力"],
    ])
  }

  @Test("One-line headings with a space between the phrases")
  func oneLineHeadingsWithSpace() throws {
    try Self.expectHeadings([
      ["坚持党的领导 把牢政治机关定位"], ["夯实党建基础 维护权力机关形象"],
      ["贯彻党委意图 做好工作机关表率"], ["发扬党的传统 保持代表机关初心"],
    ])
  }

  @Test("One heading wrapped at the column width (second line of two characters)")
  func wrappedHeadings() throws {
    try Self.expectHeadings([
      ["在服务发展大局上更加聚焦", "聚力"], ["在增进民生福祉上更加用心", "用情"],
      ["在靶向闭环监督上更加精准", "高效"],
    ])
  }

  @Test("Headings with a comma, wrapped")
  func headingsWithComma() throws {
    try Self.expectHeadings([
      ["坚持党的领导，全心全意落", "实新时代为民履职新要求"], ["推动创新实践，勇挑大梁绘", "制高质量发展新画卷"],
      ["激发履职动能，同题共答丰", "富全过程人民民主新实践"],
    ])
  }

  @Test("Headings sharing a leading word: 以学铸魂 / 以学增智 / 以学正风 / 以学促干")
  func headingsSharingLeadingWord() throws {
    try Self.expectHeadings([
      ["以学铸魂 坚守政治忠诚“生命线”"], ["以学增智 凝聚学思贯通“智慧眼”"],
      ["以学正风 保持昂扬向上“精气神”"], ["以学促干 淬炼服务发展“硬本领”"],
    ])
  }

  @Test(
    "Numbered headings keep their ordinal",
    arguments: [
      (["一、强化政治引领", "二、突出代表主体", "三、注重培训实效"], ["一、", "二、", "三、"]),
      (["（一）强化政治引领", "（二）突出代表主体", "（三）注重培训实效"], ["（一）", "（二）", "（三）"]),
      (["1.强化政治引领", "2.突出代表主体", "3.注重培训实效"], ["1.", "2.", "3."]),
    ])
  func numberedHeadings(headings: [String], ordinals: [String]) throws {
    let (page, _) = Self.page(headings: headings.map { [$0] })
    let article = try #require(page.articles.first)
    #expect(PageTest.headingTexts(article) == headings)
    #expect(article.headings.map(\.ordinal) == ordinals)
  }

  @Test("Each section's range runs from after its heading to the next heading")
  func sectionRanges() throws {
    let headings = [["科学布局", "构建学习培训新机制"], ["分类提能", "推进学习培训全覆盖"], ["立足实践", "拓展学习培训大课堂"]]
    let (page, _) = Self.page(headings: headings)
    let article = try #require(page.articles.first)
    try #require(article.headings.count == 3)
    for (n, heading) in article.headings.enumerated() {
      #expect(PageTest.squeezed(page.text.string(in: heading.sectionRange)) == PageTest.paragraph(n).joined())
    }
    // The lead is the text before the first heading.
    #expect(article.lead.map { PageTest.squeezed(page.text.string(in: $0)) } == PageTest.lead.joined())
  }

  @Test("A title after the body is the title, not a heading")
  func titleAfterBody() throws {
    let headings = [["强化政治意识 扛牢政治责任"], ["强化党建引领 坚持守正创新"], ["强化融合共建 切实服务基层"]]
    let (page, _) = Self.page(headings: headings, title: ["以“五个强化”为牵引 提升“四个机关”建设水平"])
    let article = try #require(page.articles.first)
    #expect(PageTest.headingTexts(article).count == 3)
    #expect(article.title?.text.normalized == "以“五个强化”为牵引提升“四个机关”建设水平")
    #expect(article.title?.placement == .after)
    #expect(article.title?.lines == [page.text.lineCount - 2])
    #expect(page.layout.titlePlacement == .afterBody)
  }

  @Test("A two-line title after two-line headings is the title")
  func twoLineTitleAfterBody() throws {
    let headings = [["科学布局", "构建学习培训新机制"], ["分类提能", "推进学习培训全覆盖"], ["立足实践", "拓展学习培训大课堂"]]
    let (page, _) = Self.page(headings: headings, title: ["以高质量党建", "引领“四个机关”建设"])
    let article = try #require(page.articles.first)
    #expect(PageTest.headingTexts(article) == headings.map { $0.joined() })
    #expect(article.title?.text.normalized == "以高质量党建引领“四个机关”建设")
  }

  @Test("An article with only one heading-like block has no headings")
  func loneCandidate() throws {
    let (page, _) = Self.page(headings: [["科学布局", "构建学习培训新机制"]], title: ["加强学习培训 锻造人大代表队伍"])
    let article = try #require(page.articles.first)
    #expect(article.headings.isEmpty)
    #expect(article.title?.text.normalized == "加强学习培训锻造人大代表队伍")
    #expect(page.blocks.allSatisfy { $0.role != .heading })
  }

  @Test("A page's column label is furniture, not a heading")
  func columnLabel() throws {
    var lines = PageTest.Lines()
    lines.block(["主任笔谈"])
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(PageTest.lead)
    for (n, h) in [["科学布局", "构建学习培训新机制"], ["分类提能", "推进学习培训全覆盖"]].enumerated() {
      lines.block(h)
      lines.block(PageTest.paragraph(n))
    }
    let page = lines.parse()
    #expect(page.furniture.map(\.text.normalized) == ["主任笔谈"])
    #expect(page.furniture.first?.kind == .columnLabel)
    #expect(page.articles.first.map(PageTest.headingTexts) == ["科学布局构建学习培训新机制", "分类提能推进学习培训全覆盖"])
  }

  // MARK: Known bugs

  @Test("A sentence fragment left standalone between column breaks is not a heading")
  func fragmentBetweenColumnBreaks() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(PageTest.lead)
    lines.block(["科学布局", "构建学习培训新机制"])
    lines.block(PageTest.paragraph(0) + ["组成的市人大系统讲师团队，打造出一"])
    lines.block(["支高质量代表培训师资队伍"])  // the middle of a sentence, between two column breaks
    lines.block(["为代表履职提供坚强支撑，推动代表工", "作高质量发展，取得明显成效。"])
    lines.block(["分类提能", "推进学习培训全覆盖"])
    lines.block(PageTest.paragraph(1))
    lines.block(["立足实践", "拓展学习培训大课堂"])
    lines.block(PageTest.paragraph(2))
    let page = lines.parse()
    let article = try #require(page.articles.first)
    #expect(
      PageTest.headingTexts(article) == ["科学布局构建学习培训新机制", "分类提能推进学习培训全覆盖", "立足实践拓展学习培训大课堂"],
      "\(pageTestDump(page))")
  }

  @Test("A fragment that happens to start with the headings' leading character is not a heading")
  func fragmentSharingLeadingCharacter() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(PageTest.lead)
    lines.block(["以学铸魂 坚守政治忠诚"])
    lines.block(PageTest.paragraph(0) + ["发挥党员领导干部的示范作用，形成"])
    lines.block(["以上率下的良好工作格局"])  // continues the sentence of the block before
    lines.block(["为代表履职提供坚强支撑，推动代表工", "作高质量发展，取得明显成效。"])
    lines.block(["以学增智 凝聚学思贯通"])
    lines.block(PageTest.paragraph(1))
    lines.block(["以学正风 保持昂扬向上"])
    lines.block(PageTest.paragraph(2))
    let page = lines.parse()
    let article = try #require(page.articles.first)
    #expect(
      PageTest.headingTexts(article) == ["以学铸魂坚守政治忠诚", "以学增智凝聚学思贯通", "以学正风保持昂扬向上"],
      "\(pageTestDump(page))")
  }

  @Test("A sub-lead inside a section is not a heading")
  func subLead() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(PageTest.lead)
    lines.block(["以学铸魂 坚守政治忠诚"])
    lines.block(PageTest.paragraph(0))
    lines.block(["主要做法"])  // not parallel with 以学X
    lines.block(PageTest.paragraph(3))
    lines.block(["以学增智 凝聚学思贯通"])
    lines.block(PageTest.paragraph(1))
    lines.block(["以学正风 保持昂扬向上"])
    lines.block(PageTest.paragraph(2))
    let page = lines.parse()
    let article = try #require(page.articles.first)
    #expect(
      PageTest.headingTexts(article) == ["以学铸魂坚守政治忠诚", "以学增智凝聚学思贯通", "以学正风保持昂扬向上"],
      "\(pageTestDump(page))")
  }

  @Test("The first heading is a heading even when it ends in 。 (decisions.md, heading-format)")
  func firstHeadingWithFinalStop() throws {
    let (page, _) = Self.page(headings: [["以学铸魂 坚守政治忠诚。"], ["以学增智 凝聚学思贯通"], ["以学正风 保持昂扬向上"]])
    let article = try #require(page.articles.first)
    #expect(
      PageTest.headingTexts(article) == ["以学铸魂坚守政治忠诚。", "以学增智凝聚学思贯通", "以学正风保持昂扬向上"],
      "\(pageTestDump(page))")
  }

  @Test("A heading with a final stop, parallel by pattern rather than first character, is a heading")
  func patternParallelHeadingWithFinalStop() throws {
    let headings = [
      ["科学布局", "构建学习培训新机制"], ["分类提能", "推进学习培训全覆盖。"], ["立足实践", "拓展学习培训大课堂"],
      ["全链问效", "激发学习培训内驱力"],
    ]
    let (page, _) = Self.page(headings: headings)
    let article = try #require(page.articles.first)
    #expect(PageTest.headingTexts(article) == headings.map { $0.joined() }, "\(pageTestDump(page))")
  }

  @Test("A one-line heading with a final stop, phrased like siblings that share no first character, is a heading")
  func phrasedLikeHeadingWithFinalStop() throws {
    let headings = [["统全盘 让工作合力“聚”起来。"], ["强推进 让党员干部“动”起来"], ["重创新 让载体形式“活”起来"], ["求实效 让实践效果“实”起来"]]
    let (page, _) = Self.page(headings: headings)
    let article = try #require(page.articles.first)
    #expect(
      PageTest.headingTexts(article) == headings.map { $0.joined().replacingOccurrences(of: " ", with: "") },
      "\(pageTestDump(page))")
    // A short sentence split by a comma is body text, not a heading.
    var sentence = headings
    sentence[0] = ["统全盘，让合力聚起来。"]
    let other = try #require(Self.page(headings: sentence).0.articles.first)
    #expect(PageTest.headingTexts(other).count == 3)
  }

  @Test("A one-line sentence with a stray space after a paragraph is body text, not a heading that ends in 。")
  func strayOCRSpaceSentenceIsNotAHeading() throws {
    var lines = PageTest.Lines()
    lines.block(["■ 宋 军 郭磊（湖北）"])
    lines.block(PageTest.lead)
    for (n, heading) in ["抓统筹 让工作合力聚起来", "强监督 让法律制度硬起来", "求实效 让为民情怀实起来"].enumerated() {
      lines.block([heading])
      lines.block(PageTest.paragraph(n))
      if n == 0 { lines.block(["会议 取得圆满成功。"]) }
    }
    let page = lines.parse()
    let article = try #require(page.articles.first)
    #expect(
      PageTest.headingTexts(article) == ["抓统筹让工作合力聚起来", "强监督让法律制度硬起来", "求实效让为民情怀实起来"],
      "\(pageTestDump(page))")
  }

  /// A double-spaced page (every line alone between blank lines, as page 003): byline,
  /// then for each heading the heading line and two body lines.
  static func doubleSpaced(headings: [String]) -> Page {
    var lines = PageTest.Lines()
    lines.block(["■ 李更顺（河北）"])
    lines.block(["2022年以来，石家庄市藁城区人大常委会以创建学习型机关为抓手，推动机关干部学习常态化、制度化，"])
    lines.block(["为高质量履职提供了有力支撑，取得了明显成效。"])
    for heading in headings {
      lines.block([heading])
      lines.block(["区人大常委会机关把学习作为干部成长的必修课，结合工作实际安排学习内容，做到学用结合、"])
      lines.block(["以学促干，不断提高履职能力和水平。"])
    }
    return lines.parse()
  }

  @Test("double-spaced: a heading between its siblings and built like them stays a heading without their word")
  func doubleSpacedShapeSibling() throws {
    let headings = [
      "坚持强化思想认识 营造学习氛围", "坚持结合工作实际 提升学习能力", "不断改进方式 创新学习方法",
      "坚持加强制度建设 推动学习规范化", "坚持突出学以致用 实现以学促干",
    ]
    let page = Self.doubleSpaced(headings: headings)
    let article = try #require(page.articles.first)
    #expect(PageTest.headingTexts(article) == headings.map { $0.replacingOccurrences(of: " ", with: "") },
      "\(pageTestDump(page))")
    // Built otherwise (one phrase, no space), the outlier may be a title printed elsewhere.
    var stray = headings
    stray[2] = "做实政府债务审查监督"
    let other = try #require(Self.doubleSpaced(headings: stray).articles.first)
    #expect(!PageTest.headingTexts(other).contains("做实政府债务审查监督"))
    #expect(PageTest.headingTexts(other).count == 4)
  }
}
