import RendaChecks
import Testing

@Suite("halfwidth-punctuation")
struct HalfwidthPunctuationTests {
  @Test("an ASCII comma between Chinese characters is flagged, and the fix makes it full-width")
  func comma() {
    let seen = findings(of: "halfwidth-punctuation", in: page(body: "坚持党建引领,立足职能定位。"))
    #expect(seen.count == 1)
    #expect(seen.first?.covered == ",")
    #expect(seen.first?.line == 5)
    #expect(seen.first?.severity == .warning)
    #expect(seen.first?.zh.contains("半角逗号") == true)
    #expect(seen.first?.en.contains("comma") == true)
    #expect(seen.first?.fixedText?.contains("坚持党建引领，立足职能定位。") == true)
  }

  @Test("one finding per mark, each with its full-width form")
  func eachMark() {
    let text = page(body: "会议议程:听取报告;审议意见?答复!形成决议,推进落实.下一步继续。")
    let seen = findings(of: "halfwidth-punctuation", in: text)
    #expect(seen.map(\.covered) == [":", ";", "?", "!", ",", "."])
    #expect(seen.last?.fixedText?.contains("推进落实。下一步") == true)
    #expect(seen.first?.fixedText?.contains("会议议程：听取") == true)
  }

  @Test("a mark at a line's end counts with the next line, and a comma before a number is Chinese")
  func lineEndAndNumber() {
    let seen = findings(of: "halfwidth-punctuation", in: page(body: "坚持问题导向,\n推动交办机制,2022年起实施。"))
    #expect(seen.map(\.line) == [5, 6])
  }

  @Test("ASCII parentheses in a byline and around Chinese text are flagged as a pair")
  func parentheses() {
    let seen = findings(
      of: "halfwidth-punctuation", in: page(byline: "■ 钱玉珍(云南)", body: "指导各乡镇(街道)建起阵地。"))
    #expect(seen.map(\.covered) == ["(", ")", "(", ")"])
    #expect(seen.map(\.line) == [1, 1, 5, 5])
    #expect(seen.first?.fixedText?.hasPrefix("■ 钱玉珍（云南)") == true)
  }

  @Test("numbers, Latin words and addresses are quiet")
  func latinAndDigits() {
    let text = page(
      body: "接待群众 1.2 万人次，打造 2.0版平台，每天 3:00 开放，"
        + "推广App,访问 www.npc.gov.cn 查询，设置(A)(B)两类，共计3,000人。")
    #expect(findings(of: "halfwidth-punctuation", in: text).isEmpty)
  }

  @Test("straight quotes that pair up in the paragraph become “ and ”")
  func pairedQuotes() {
    let seen = findings(of: "halfwidth-punctuation", in: page(body: "深化\"模范机关\"创建，推进\"四个\n机关\"建设。"))
    #expect(seen.count == 4)
    #expect(seen.first?.zh.contains("应为全角前引号 “") == true)
    #expect(seen.last?.en.contains("closing quote ”") == true)
    let fixed = seen.compactMap(\.fixedText)
    #expect(fixed.count == 4)
    #expect(fixed[0].contains("深化“模范机关\"创建"))
    #expect(fixed[1].contains("深化\"模范机关”创建"))
    #expect(fixed[2].contains("推进“四个"))
    #expect(fixed[3].contains("机关”建设"))
  }

  @Test("a straight quote that lost its partner is flagged without a fix, and so are the others")
  func unpairedQuotes() {
    let seen = findings(
      of: "halfwidth-punctuation", in: page(body: "确定\"综合查一次\"等议题，做到\"既接天线,\n\n提高调研实效。"))
    let quotes = seen.filter { $0.covered == "\"" }
    #expect(quotes.count == 3)
    #expect(quotes.allSatisfy { $0.fixedText == nil })
    #expect(quotes.first?.zh.contains("不成对") == true)
    #expect(seen.filter { $0.covered == "," }.first?.fixedText != nil)
  }

  @Test("straight single quotes inside Chinese text become ‘ and ’")
  func singleQuotes() {
    let seen = findings(of: "halfwidth-punctuation", in: page(body: "打造“以党建引领'四个机关'建设”品牌。"))
    #expect(seen.map(\.covered) == ["'", "'"])
    #expect(seen.last?.fixedText?.contains("'四个机关’建设") == true)
  }

  @Test("full-width punctuation is quiet")
  func fullWidth() {
    #expect(findings(of: "halfwidth-punctuation", in: page(body: "坚持党建引领，立足“四个机关”定位（试行）。")).isEmpty)
  }
}
