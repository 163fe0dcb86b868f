import RendaChecks
import Testing

@Suite("ocr-spacing")
struct OCRSpacingTests {
  @Test("a spaced-out justified line is one finding, and the fix removes its spaces")
  func spacedLine() {
    let seen = findings(of: "ocr-spacing", in: page(body: "掌 握 各 类 别 、各 层 次 人 大 代 表\n培训需求。"))
    #expect(seen.count == 1)
    #expect(seen.first?.covered == "掌 握 各 类 别 、各 层 次 人 大 代 表")
    #expect(seen.first?.line == 5)
    #expect(seen.first?.severity == .warning)
    #expect(seen.first?.zh.contains("11 处空格") == true)
    #expect(seen.first?.fixedText?.contains("掌握各类别、各层次人大代表\n培训需求。") == true)
  }

  @Test("a stray space inside a word, and one before Chinese punctuation")
  func strayWordSpace() {
    let seen = findings(of: "ocr-spacing", in: page(body: "做好调查研究 工作，建成课程库 ，较好地结合。"))
    #expect(seen.map(\.covered) == ["究 工", "库 ，"])
    #expect(seen.first?.zh.contains("“究”与“工”之间多了空格") == true)
    #expect(seen.first?.en.contains("stray space") == true)
    #expect(seen.last?.fixedText?.contains("建成课程库，较好") == true)
  }

  @Test("ASCII marks at a block's start: what lies before them is looked for in the block only")
  func asciiMarksAtBlockStart() {
    // The block before may be another article's (and a window of the page starting at this
    // block does not hold it): the space after the opening `(` has nothing Chinese before it.
    let seen = findings(of: "ocr-spacing", in: page(body: "常委会坚持依法履职。\n\n( 特稿 )人大代表依法履职。"))
    #expect(seen.map(\.covered) == ["稿 )"])
  }

  @Test("an ideographic space and a tab count as spaces")
  func otherSpaces() {
    let seen = findings(of: "ocr-spacing", in: page(body: "推进\u{3000}工作，落实\t责任。"))
    #expect(seen.count == 2)
    #expect(seen.last?.fixedText?.contains("推进\u{3000}工作，落实责任。") == true)
  }

  @Test("a run keeps going past a number; the spaces next to the number stay")
  func runWithNumber() {
    let seen = findings(of: "ocr-spacing", in: page(body: "2024 年 以 来 ，42 名 代 表 向 选 区\n述职。"))
    #expect(seen.count == 1)
    #expect(seen.first?.covered == "年 以 来 ，42 名 代 表 向 选 区")
    #expect(seen.first?.fixedText?.contains("2024 年以来，42 名代表向选区\n述职。") == true)
  }

  @Test("spaces next to digits or Latin letters are normal typesetting")
  func digitsAndLatin() {
    let text = page(body: "组建由 60 名专家组成的队伍，从 2022 年起，开发 App 与平台。")
    #expect(findings(of: "ocr-spacing", in: text).isEmpty)
  }

  @Test("the spaces of a byline are layout")
  func byline() {
    #expect(findings(of: "ocr-spacing", in: page(byline: "■ 宋 军 郭磊 （湖北）", body: "推进工作。")).isEmpty)
  }

  @Test("the space between the phrases of a title or a heading is layout")
  func phrases() {
    let title = page(body: "推进工作。", title: "坚持党的领导 把牢政治机关定位")
    #expect(findings(of: "ocr-spacing", in: title).isEmpty)
    let threePhrases = page(body: "推进工作。", title: "牢记嘱托 感恩奋进 谱写新篇章")
    #expect(findings(of: "ocr-spacing", in: threePhrases).isEmpty)
    let headings = ["强化政治意识 扛牢政治责任", "强化党建引领 坚持守正创新", "强化责任落实 激发工作活力"]
    let body = headings.map { "\($0)\n\n常委会坚持守正创新，扎实推进各项\n工作，取得明显成效。" }
    #expect(findings(of: "ocr-spacing", in: page(body: body.joined(separator: "\n\n"))).isEmpty)
  }

  @Test("a space inside a heading's word is flagged: with a comma, or in a spaced-out heading")
  func headingWordSpace() {
    let comma = ["强化政策学习，及时贯彻上 级精神", "强化债务审查，充分发挥作用", "强化日常监督，跟踪债务管理"]
    let spaced = ["强 化 政 治 引 领", "强化党建引领", "强化责任落实"]
    for (headings, covered) in [(comma, "上 级"), (spaced, "强 化 政 治 引 领")] {
      let body = headings.map { "\($0)\n\n常委会坚持守正创新，扎实推进各项\n工作，取得明显成效。" }
      let seen = findings(of: "ocr-spacing", in: page(body: body.joined(separator: "\n\n")))
      #expect(seen.map(\.covered) == [covered])
    }
  }

  @Test("the same space in body text is flagged")
  func phraseSpaceInBody() {
    let seen = findings(of: "ocr-spacing", in: page(body: "坚持党的领导 把牢政治机关定位，推进工作。"))
    #expect(seen.map(\.covered) == ["导 把"])
  }
}
