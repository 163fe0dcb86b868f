import RendaChecks
import Testing

@Suite("enumeration")
struct BrokenEnumerationTests {
  /// Run-in heads over `paragraphs`: an article without headings.
  static func runIn(_ paragraphs: [String]) -> String {
    page(body: paragraphs.joined(separator: "\n\n"))
  }

  @Test("一是 with no 二是 is flagged at the marker, naming its section")
  func lone() {
    let text = Self.runIn([
      "搭设党建品牌载体。围绕中心工作，构建党建品牌体系，\n推动党建与业务深度融合。",
      "推进党建阵地建设。建设线下阵地，打造线上平台，\n丰富党员学习载体。",
      "抓实各项组织活动。一是健全制度机制。构建一套制度，\n保障党建工作规范。不断优化党建活动。开展主题党日\n活动。精心打造服务品牌。",
    ])
    let seen = findings(of: "enumeration", in: text)
    #expect(seen.count == 1)
    #expect(seen.first?.covered == "一是")
    #expect(seen.first?.line == 11)
    #expect(seen.first?.zh.contains("有“一是”而无“二是”") == true)
    #expect(seen.first?.zh.contains("第11行“抓实各项组织活动。”") == true)
  }

  @Test("a marker split by a line wrap still counts, and a complete series is quiet")
  func complete() {
    let text = page(body: "常委会着力做好三件事。一\n是加强学习；二是强化监督；三是\n服务代表。")
    #expect(findings(of: "enumeration", in: text).isEmpty)
  }

  @Test("a skipped ordinal is flagged at the marker after the gap")
  func skipped() {
    let text = page(body: "常委会着力做好四件事。一是加强学习；二是强化监督；\n四是服务代表。")
    let seen = findings(of: "enumeration", in: text)
    #expect(seen.map(\.covered) == ["四是"])
    #expect(seen.first?.zh.contains("列举从“二是”跳到“四是”，缺少“三是”") == true)
  }

  @Test("an ordinal printed twice is flagged at the second")
  func repeated() {
    let text = page(body: "常委会着力做好三件事。一是加强学习；二是强化监督；\n二是服务代表。")
    let seen = findings(of: "enumeration", in: text)
    #expect(seen.map(\.covered) == ["二是"])
    #expect(seen.first?.line == 6)
    #expect(seen.first?.zh.contains("“二是”重复出现：第5行“二是”、第6行“二是”") == true)
  }

  @Test("two marker schemes in one series")
  func mixed() {
    let text = page(body: "常委会着力做好两件事。一是加强学习，提升能力；二要\n强化监督，增强实效。")
    let seen = findings(of: "enumeration", in: text)
    #expect(seen.map(\.covered) == ["二要"])
    #expect(seen.first?.zh.contains("混用了不同的序号形式") == true)
    #expect(seen.first?.zh.contains("应为“二是”") == true)
  }

  @Test("a marker of another scheme where an ordinal is missing is mixed markers, not a gap")
  func mixedInside() {
    let text = page(body: "常委会着力做好三件事。一是加强学习；二要强化监督；\n三是服务代表。")
    let seen = findings(of: "enumeration", in: text)
    #expect(seen.map(\.covered) == ["二要"])
    #expect(seen.first?.line == 5)
    #expect(seen.first?.zh.contains("“二要”夹在第5行“一是”与第6行“三是”之间（应为“二是”") == true)
    // Without a marker of another scheme the gap stays a gap.
    let gap = page(body: "常委会着力做好三件事。一是加强学习；强化监督；\n三是服务代表。")
    #expect(findings(of: "enumeration", in: gap).map(\.covered) == ["三是"])
  }

  @Test("a series continued in another scheme is reported once, not as a gap too")
  func mixedContinuation() {
    let text = page(body: "常委会着力做好四件事。一是加强学习；二是强化监督；\n第三，服务代表；第四，加强自身建设。")
    let seen = findings(of: "enumeration", in: text)
    #expect(seen.map(\.covered) == ["第三"])
  }

  @Test("一方面 with 另一方面 is quiet")
  func onOneHand() {
    let text = page(body: "一方面，加强学习培训；另一方面，强化实践锻炼，\n提升履职能力。")
    #expect(findings(of: "enumeration", in: text).isEmpty)
  }
}
