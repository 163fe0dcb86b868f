import RendaChecks
import Testing

@Suite("slogan-count")
struct SloganCountMismatchTests {
  @Test("a parenthetical list shorter than the count is flagged at the slogan")
  func inlineList() {
    let text = page(body: "创新开展“三联”（常委会组成人员联系代表、代表联系群众）活动，\n密切同人民群众的联系。")
    let seen = findings(of: "slogan-count", in: text)
    #expect(seen.count == 1)
    #expect(seen.first?.covered == "三联")
    #expect(seen.first?.severity == .warning)
    #expect(seen.first?.zh.contains("称三项") == true)
    #expect(seen.first?.zh.contains("第5行“常委会组成人员联系代表”") == true)
    #expect(seen.first?.en.contains("announces 3, but the list right after it gives 2") == true)
  }

  @Test("a list that matches its count is quiet")
  func inlineMatch() {
    let text = page(body: "创新开展“三联”（常委会组成人员联系代表、专工委联系\n对口代表、代表联系群众），密切联系。")
    #expect(findings(of: "slogan-count", in: text).isEmpty)
  }

  @Test("the enumeration right after the slogan counts as its members")
  func enumeration() {
    let text = page(
      body: "打造“五个站”：一是接待站，定期接待选民；二是工作站，\n组织代表活动；三是服务站，服务群众；四是宣传站，\n宣传法律法规。")
    let seen = findings(of: "slogan-count", in: text)
    #expect(seen.map(\.covered) == ["五个站"])
    #expect(seen.first?.zh.contains("随后的“一是……”列举却有4项") == true)
  }

  @Test("“N个一” over an enumeration in the next sentence whose items each hold 一 and a measure word")
  func countedOnesInNextSentence() {
    let items = "一是实施一个工程，统筹安排；二是落实一个责任，\n压实分工；三是建立一张清单，分类\n施训；四是建好一支队伍，配强师资；\n五是编好一套课程，丰富教材。"
    let lead = "市人大常委会注重大处谋划，小处布局，围绕“六个一”着力构建\n全覆盖学习培训工作格局。"
    let seen = findings(of: "slogan-count", in: page(body: lead + items))
    #expect(seen.map(\.covered) == ["六个一"])
    #expect(seen.first?.zh.contains("随后的“一是……”列举却有5项") == true)
    let right = lead.replacingOccurrences(of: "六个一", with: "五个一") + items
    #expect(findings(of: "slogan-count", in: page(body: right)).isEmpty)
    // Items that do not count 一-things belong to something else.
    let other = lead + "一是加强学习，统筹安排；二是落实责任，\n压实分工；三是完善清单，分类\n施训。"
    #expect(findings(of: "slogan-count", in: page(body: other)).isEmpty)
  }

  @Test("a series numbered up to the count with a skipped ordinal is left to enumeration")
  func skippedOrdinalIsTheEnumerations() {
    let text = page(
      body: "打造“五个站”：一是接待站，定期接待选民；二是工作站，\n组织代表活动；四是服务站，服务群众；五是宣传站，\n宣传法律法规。")
    #expect(findings(of: "slogan-count", in: text).isEmpty)
    #expect(findings(of: "enumeration", in: text).count == 1)
  }

  @Test("a digit slogan whose members carry other numbers than its digits")
  func digits() {
    let wrong = page(body: "全力推进“12345”工作内容，即构建一套制度、建设两大阵地、\n强化三大抓手、优化五大机制、做到五大融合。")
    let seen = findings(of: "slogan-count", in: wrong)
    #expect(seen.map(\.covered) == ["12345"])
    #expect(seen.first?.zh.contains("1、2、3、5、5") == true)
    let right = page(body: "全力推进“12345”工作内容，即构建一套制度、建设两大阵地、\n强化三大抓手、优化四大机制、做到五大融合。")
    #expect(findings(of: "slogan-count", in: right).isEmpty)
  }

  @Test("a title's “五个强化” over four headings that all begin with 强化")
  func namedSections() {
    let body = ["强化政治意识扛牢政治责任", "强化党建引领坚持守正创新", "强化融合共建切实服务基层", "强化责任落实激发工作活力"]
      .map { "\($0)\n\n常委会坚持守正创新，扎实推进各项\n工作，取得明显成效。" }.joined(separator: "\n\n")
    let seen = findings(of: "slogan-count", in: page(body: body, title: "以“五个强化”为牵引提升履职水平"))
    #expect(seen.map(\.covered) == ["五个强化"])
    #expect(seen.first?.zh.contains("本文的小标题却有4项") == true)
    #expect(seen.first?.zh.contains("第20行“强化责任落实激发工作活力”") == true)
    let five = body + "\n\n强化正风肃纪营造良好氛围\n\n常委会坚持守正创新，扎实推进各项\n工作，取得明显成效。"
    #expect(findings(of: "slogan-count", in: page(body: five, title: "以“五个强化”为牵引提升履职水平")).isEmpty)
  }

  @Test("national formulas and slogans without members are left alone")
  func leftAlone() {
    let text = page(body: "坚持“四个机关”（政治机关、权力机关、代表机关）定位，\n开展“双千行动”和“六个一”活动。")
    #expect(findings(of: "slogan-count", in: text).isEmpty)
  }

  @Test("an enumeration that only follows a slogan in passing is not its list")
  func passingEnumeration() {
    let text = page(body: "深化“双联”工作。一是加强学习，提升能力；二是强化\n监督，增强实效；三是服务群众，解决难题。")
    #expect(findings(of: "slogan-count", in: text).isEmpty)
  }

  @Test("a 即 clause list ends where the sentence goes on after a comma")
  func listEndsAtComma() {
    let text = page(
      body: "深化代表“五个一”履职活动，即每名代表每年参加一次集中学习、\n开展一次专题调研、提出一条意见建议、联系一批选民、办好一件\n实事，推动代表履职由“被动参加”向“主动作为”转变。")
    #expect(findings(of: "slogan-count", in: text).isEmpty)
  }
}
