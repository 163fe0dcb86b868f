import RendaChecks
import Testing

@Suite("heading-parallel")
struct HeadingParallelismTests {
  /// A page whose sections open with `headings`, each over a short two-line paragraph.
  static func sections(_ headings: [String]) -> String {
    page(
      body: headings.map { "\($0)\n\n常委会坚持守正创新，扎实推进各项\n工作，取得明显成效。" }.joined(separator: "\n\n"))
  }

  @Test("one heading that leaves 在X上更加Y is flagged, the message quoting its siblings")
  func breaksPattern() {
    let text = Self.sections([
      "在服务发展大局上更加聚焦聚力", "在增进民生福祉上更加用心用情", "强化自身建设锻造过硬队伍", "在靶向闭环监督上更加精准高效",
      "在发挥代表作用上更加充分有力",
    ])
    let seen = findings(of: "heading-parallel", in: text)
    #expect(seen.count == 1)
    #expect(seen.first?.covered == "强化自身建设锻造过硬队伍")
    #expect(seen.first?.severity == .info)
    #expect(seen.first?.zh.contains("以“在”开头") == true)
    #expect(seen.first?.zh.contains("含“上更加”") == true)
    #expect(seen.first?.zh.contains("第5行“在服务发展大局上更加聚焦聚力”") == true)
  }

  @Test("a two-character leading word shared by all but one")
  func leadingWord() {
    let text = Self.sections(["强化政治意识扛牢政治责任", "强化党建引领坚持守正创新", "强化融合共建切实服务基层", "加强责任落实激发工作活力"])
    let seen = findings(of: "heading-parallel", in: text)
    #expect(seen.map(\.covered) == ["加强责任落实激发工作活力"])
    #expect(seen.first?.en.contains("begin with “强化”") == true)
  }

  @Test("parallel headings are quiet")
  func parallel() {
    let text = Self.sections(["以学铸魂坚守政治忠诚", "以学增智凝聚学思贯通", "以学正风保持昂扬向上", "以学促干淬炼服务本领"])
    #expect(findings(of: "heading-parallel", in: text).isEmpty)
  }

  @Test("three siblings are too few to call a pattern")
  func tooFew() {
    let text = Self.sections(["强化政治意识扛牢政治责任", "强化党建引领坚持守正创新", "加强责任落实激发工作活力"])
    #expect(findings(of: "heading-parallel", in: text).isEmpty)
  }

  @Test("patterns that single out different headings say nothing")
  func ambiguous() {
    let text = Self.sections([
      "坚持党的领导把牢正确方向", "坚持依法履职不断提升监督实效", "坚持人民至上不断提升代表活力", "推动创新实践不断提升工作实效",
    ])
    // 坚持… leaves out the fourth, …不断提升… leaves out the first.
    #expect(findings(of: "heading-parallel", in: text).isEmpty)
  }

  @Test("a phrase that only reaches from the shared frame into the varying part is no pattern")
  func sharedFrame() {
    let body = [
      "建立健全制度，让监督有规可依。", "突出监督重点，让监督有的放矢。", "借助专业力量，让监督有力有效。", "强化结果运用，让监督落地见效。",
    ].map { "\($0)常委会坚持守正创新，扎实推进各项工作，\n取得明显成效。" }.joined(separator: "\n\n")
    #expect(findings(of: "heading-parallel", in: page(body: body)).isEmpty)
  }

  @Test("run-in heads: one that leaves the shared leading word")
  func runInHeads() {
    let body = [
      "抓政治引领，让代表履职有方向。", "抓平台建设，让代表履职有底气。", "抓履职服务，让代表履职有激情。", "做好典范宣传，让代表履职有榜样。",
    ].map { "\($0)常委会坚持守正创新，扎实推进各项工作，\n取得明显成效。" }.joined(separator: "\n\n")
    let seen = findings(of: "heading-parallel", in: page(body: body))
    #expect(seen.map(\.covered) == ["做好典范宣传，让代表履职有榜样。"])
    #expect(seen.first?.zh.contains("此段首句与其余3个段首句的句式不一致：其余均以“抓”开头") == true)
  }
}
