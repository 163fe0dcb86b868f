import RendaChecks
import Testing

@Suite("formula-members")
struct FormulaMembersTests {
  @Test("a wrong member and a missing one in a parenthetical list")
  func wrongAndMissing() {
    let text = page(body: "牢固树立“四个意识”（政治意识、大局意识、核心意识、服务意识），\n坚定“四个自信”。")
    let seen = findings(of: "formula-members", in: text)
    #expect(seen.count == 1)
    #expect(seen.first?.covered == "四个意识")
    #expect(seen.first?.severity == .warning)
    #expect(seen.first?.zh.contains("缺少“看齐意识”") == true)
    #expect(seen.first?.zh.contains("“服务意识”不是其成员") == true)
    #expect(seen.first?.zh.contains("第5行“服务意识”") == true)
  }

  @Test("members out of the canonical order")
  func order() {
    let text = page(body: "全面加强“四个机关”（政治机关、权力机关、代表机关、工作机关）\n建设。")
    let seen = findings(of: "formula-members", in: text)
    #expect(seen.map(\.covered) == ["四个机关"])
    #expect(seen.first?.zh.contains("顺序为政治机关、权力机关、代表机关、工作机关") == true)
  }

  @Test("variants, verbs and a member that holds a 、 are accepted")
  func accepted() {
    let text = page(
      body: "全面加强“四个机关”（政治机关、国家权力机关、工作机关、代表机关）\n建设。做到“两个维护”，即坚决维护习近平总书记党中央的核心、\n全党的核心地位，坚决维护党中央权威和集中统一领导。")
    #expect(findings(of: "formula-members", in: text).isEmpty)
  }

  @Test("a formula whose order is only customary is not checked for order")
  func customaryOrder() {
    let text = page(body: "聚焦“三农”（农村、农业、农民）问题开展专题调研。")
    #expect(findings(of: "formula-members", in: text).isEmpty)
  }

  @Test("the enumeration right after the formula is its list")
  func enumeration() {
    let text = page(
      body: "牢固树立“四个意识”：一是政治意识，坚定方向；二是大局意识，\n服务中心；三是看齐意识，向党中央看齐；四是核心意识，\n维护核心。")
    let seen = findings(of: "formula-members", in: text)
    #expect(seen.map(\.covered) == ["四个意识"])
    #expect(seen.first?.zh.contains("规范顺序为政治意识、大局意识、核心意识、看齐意识") == true)
  }

  @Test("an enumeration of measures after a formula is not its list")
  func measures() {
    let text = page(
      body: "严格落实“两个责任”：一是压实主体责任，层层传导压力；\n二是强化日常监督，抓早抓小。\n\n严格执行“三重一大”制度。一是完善决策程序；二是\n规范议事规则；三是强化过程监督；四是加强结果运用。")
    #expect(findings(of: "formula-members", in: text).isEmpty)
  }

  @Test("an unquoted list of all members out of order")
  func unquoted() {
    let text = page(body: "引导代表增强政治意识、看齐意识、大局意识和核心意识，\n不断提升履职能力。")
    let seen = findings(of: "formula-members", in: text)
    #expect(seen.map(\.covered) == ["政治意识、看齐意识、大局意识和核心意识"])
    #expect(seen.first?.zh.contains("“四个意识”成员顺序为政治意识、看齐意识、大局意识、核心意识") == true)
  }

  @Test("an unquoted list in canonical order, with verbs, is quiet")
  func unquotedCanonical() {
    let text = page(body: "着力建牢政治机关、建强权力机关、强实工作机关、建好代表机关，\n全面提升履职水平。")
    #expect(findings(of: "formula-members", in: text).isEmpty)
  }

  @Test("members mentioned far apart are not a list")
  func notAList() {
    let text = page(body: "增强制度自信，坚定理论自信。坚持道路自信是根本，\n文化自信是更基础的自信。")
    #expect(findings(of: "formula-members", in: text).isEmpty)
  }

  @Test("a 即 clause list ends where the sentence goes on after a comma")
  func listEndsAtComma() {
    let text = page(body: "牢固树立“四个意识”，即政治意识、大局意识、核心意识、看齐意识，\n引导代表坚定正确政治方向。")
    #expect(findings(of: "formula-members", in: text).isEmpty)
  }
}
