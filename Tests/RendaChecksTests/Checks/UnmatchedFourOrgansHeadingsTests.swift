import RendaChecks
import Testing

@Suite("four-organs")
struct UnmatchedFourOrgansHeadingsTests {
  /// A page whose sections open with `headings`, each over a short paragraph.
  static func sections(_ headings: [String], intro: String? = nil, title: String = "扎实做好新时代人大工作")
    -> String
  {
    let sections = headings.map { "\($0)\n\n常委会坚持守正创新，扎实推进各项\n工作，取得明显成效。" }
    return page(body: ((intro.map { [$0] } ?? []) + sections).joined(separator: "\n\n"), title: title)
  }

  @Test("all four organs, 代表机关 before 工作机关: one hint at the first heading out of place")
  func orderHint() {
    let text = Self.sections(
      ["以党建引领政治机关建设", "以党建引领权力机关建设", "以党建引领代表机关建设", "以党建引领工作机关建设"],
      title: "以高质量党建引领“四个机关”建设")
    let seen = findings(of: "four-organs", in: text)
    #expect(seen.count == 1)
    #expect(seen.first?.severity == .hint)
    #expect(seen.first?.covered == "代表机关")
    #expect(seen.first?.line == 15)
    #expect(seen.first?.zh.contains("工作机关（第20行") == true)
    #expect(seen.first?.en.contains("comes before 工作机关") == true)
  }

  @Test("the canonical order is quiet")
  func canonical() {
    let text = Self.sections(
      ["建牢政治机关擦亮忠诚底色", "建强权力机关擦亮民主底色", "强实工作机关擦亮担当底色", "建好代表机关擦亮为民底色"],
      title: "建设“四个机关”擦亮履职底色")
    #expect(findings(of: "four-organs", in: text).isEmpty)
  }

  @Test("an organ missing is an error at the announcement, and the message lists the headings")
  func missing() {
    let text = Self.sections(
      ["以党建引领政治机关建设", "以党建引领权力机关建设", "以党建引领代表机关建设", "以党建引领自身建设"],
      intro: "常委会坚持以党建引领“四个机关”建设，着力提升履职水平。")
    let seen = findings(of: "four-organs", in: text)
    #expect(seen.count == 1)
    #expect(seen.first?.severity == .error)
    #expect(seen.first?.covered == "四个机关")
    #expect(seen.first?.zh.contains("缺少工作机关") == true)
    #expect(seen.first?.zh.contains("第17行“以党建引领代表机关建设”（代表机关）") == true)
  }

  @Test("an organ in two headings is an error at the second")
  func twice() {
    let text = Self.sections(
      ["以党建引领政治机关建设", "以党建引领权力机关建设", "以监督工作彰显权力机关担当", "以党建引领代表机关建设"])
    let seen = findings(of: "four-organs", in: text)
    #expect(seen.count == 1)
    #expect(seen.first?.line == 15)
    #expect(seen.first?.covered == "权力机关")
    #expect(seen.first?.zh.contains("权力机关出现2次（第10、15行）") == true)
    #expect(seen.first?.zh.contains("缺少工作机关") == true)
  }

  @Test("headings that name no organ under a “四个机关” title are quiet")
  func noOrganHeadings() {
    let text = Self.sections(
      ["强化政治意识扛牢政治责任", "强化党建引领坚持守正创新", "强化融合共建切实服务基层", "强化责任落实激发工作活力"],
      title: "以“五个强化”为牵引提升“四个机关”建设水平")
    #expect(findings(of: "four-organs", in: text).isEmpty)
  }

  @Test("one heading naming an organ, without an announcement, is quiet")
  func oneHeading() {
    let text = Self.sections(["强化政治引领建好代表机关", "强化监督实效", "强化自身建设", "强化制度保障"])
    #expect(findings(of: "four-organs", in: text).isEmpty)
  }

  @Test("an announcement over four sections of which one names an organ is an error")
  func announcedOneNamed() {
    let text = Self.sections(
      ["坚持党的领导把牢政治机关定位", "坚持依法履职提升监督实效", "坚持人民至上激发代表活力", "坚持从严从实加强自身建设"],
      intro: "常委会坚持以党建引领“四个机关”建设，着力提升履职水平。")
    let seen = findings(of: "four-organs", in: text)
    #expect(seen.map(\.severity) == [.error])
    #expect(seen.first?.zh.contains("缺少权力机关、工作机关、代表机关") == true)
  }

  @Test("a configured severity changes the error but keeps the order hint")
  func configuredSeverity() {
    let order = Self.sections(
      ["以党建引领政治机关建设", "以党建引领权力机关建设", "以党建引领代表机关建设", "以党建引领工作机关建设"])
    let configuration = CheckConfiguration(rules: ["four-organs": .severity(.warning)])
    #expect(findings(of: "four-organs", in: order, configuration: configuration).map(\.severity) == [.hint])
  }

  @Test("run-in heads count as the sections of an article without headings")
  func runInHeads() {
    let body = ["建牢政治机关，把牢正确方向。", "建强权力机关，依法履职尽责。", "建好代表机关，密切联系群众。"]
      .map { "\($0)常委会坚持守正创新，扎实推进各项工作，\n取得明显成效。" }.joined(separator: "\n\n")
    let seen = findings(of: "four-organs", in: page(body: body))
    #expect(seen.map(\.severity) == [.error])
    #expect(seen.first?.covered == "政治机关")
    #expect(seen.first?.zh.contains("段首句与“四个机关”") == true)
    #expect(seen.first?.zh.contains("缺少工作机关") == true)
  }
}
