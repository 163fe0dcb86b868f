import RendaChecks
import Testing

@Suite("heading-format")
struct HeadingFormatTests {
  /// A page whose sections open with `headings`, each over a short two-line paragraph.
  static func sections(_ headings: [String]) -> String {
    page(
      body: headings.map { "\($0)\n\n常委会坚持守正创新，扎实推进各项\n工作，取得明显成效。" }.joined(separator: "\n\n"))
  }

  @Test("a heading that ends with 。 is flagged at the mark, and the fix removes it")
  func finalStop() {
    let text = Self.sections(["强化政治意识扛牢政治责任", "强化党建引领坚持守正创新", "强化责任落实激发工作活力。"])
    let seen = findings(of: "heading-format", in: text)
    #expect(seen.count == 1)
    #expect(seen.first?.covered == "。")
    #expect(seen.first?.line == 15)
    #expect(seen.first?.severity == .info)
    #expect(seen.first?.zh.contains("末尾不应有“。”") == true)
    #expect(seen.first?.fixedText?.contains("强化责任落实激发工作活力\n") == true)
  }

  @Test("a heading far longer than its siblings")
  func overlong() {
    let text = Self.sections([
      "强化政治意识", "强化党建引领", "强化融合共建切实服务基层群众推动各项工作落地见效取得实效", "强化正风肃纪",
    ])
    let seen = findings(of: "heading-format", in: text)
    #expect(seen.map(\.covered) == ["强化融合共建切实服务基层群众推动各项工作落地见效取得实效"])
    #expect(seen.first?.zh.contains("小标题长28字") == true)
    #expect(seen.first?.zh.contains("中位数6字") == true)
    #expect(seen.first?.fixedText == nil)
  }

  @Test("well-formed headings of similar length are quiet")
  func quiet() {
    let text = Self.sections(["强化政治意识扛牢政治责任", "强化党建引领坚持守正创新", "强化融合共建切实服务基层群众"])
    #expect(findings(of: "heading-format", in: text).isEmpty)
  }
}
