import RendaAnalysis
import RendaData
import Testing

@Suite("Merging a user's glossary over the built-in one")
struct GlossaryMergeTests {
  private let threeOrgans = NationalFormula(
    name: "四个机关", members: [FormulaMember(text: "政治机关"), FormulaMember(text: "权力机关"), FormulaMember(text: "工作机关")],
    gloss: "本地测试用。", sources: [])
  private let local = NationalFormula(
    name: "三联", members: [FormulaMember(text: "甲"), FormulaMember(text: "乙"), FormulaMember(text: "丙")],
    gloss: "本地提法。", sources: [])

  @Test("a formula with the same name replaces the built-in one, in place")
  func replacesByName() throws {
    let base = try GlossaryLoader.builtIn()
    let merged = GlossaryLoader.merging(base, with: Glossary(formulas: [threeOrgans], provinces: []))
    #expect(merged.formulas.count == base.formulas.count)
    #expect(merged.formulas.first == threeOrgans)
    #expect(merged.formula(named: "四个机关")?.members.count == 3)
    #expect(merged.formulas.dropFirst() == base.formulas.dropFirst())
    #expect(merged.provinces == base.provinces)
  }

  @Test("new formulas are appended")
  func appendsNew() throws {
    let base = try GlossaryLoader.builtIn()
    let merged = GlossaryLoader.merging(base, with: Glossary(formulas: [local], provinces: []))
    #expect(merged.formulas.count == base.formulas.count + 1)
    #expect(merged.formulas.last == local)
  }

  @Test("a user entry named like a built-in alias takes that spelling over")
  func aliasTakeover() throws {
    let base = try GlossaryLoader.builtIn()
    var eight = local
    eight.name = "八项规定"
    let merged = GlossaryLoader.merging(base, with: Glossary(formulas: [eight], provinces: []))
    #expect(merged.formula(named: "八项规定") == eight)
    #expect(merged.formula(named: "中央八项规定")?.aliases == [])
  }

  @Test("a province replaces the built-in one with the same short or full name")
  func replacesProvince() throws {
    let base = try GlossaryLoader.builtIn()
    let hubei = Province(shortName: "湖北", fullName: "湖北省", kind: .province, aliases: ["鄂", "楚"])
    let byFullName = Province(shortName: "内蒙", fullName: "内蒙古自治区", kind: .autonomousRegion, aliases: [])
    let merged = GlossaryLoader.merging(base, with: Glossary(formulas: [], provinces: [hubei, byFullName]))
    #expect(merged.provinces.count == 34)
    #expect(merged.province(named: "楚") == hubei)
    #expect(merged.province(named: "内蒙古自治区") == byFullName)
    #expect(merged.province(named: "内蒙") == byFullName)
  }

  @Test("merging with an empty glossary changes nothing")
  func emptyIsIdentity() throws {
    let base = try GlossaryLoader.builtIn()
    #expect(GlossaryLoader.merging(base, with: .empty) == base)
    #expect(GlossaryLoader.merging(.empty, with: base) == base)
  }

  @Test("a later entry of the same name in the user's glossary wins")
  func laterWins() {
    var second = local
    second.gloss = "第二个。"
    let merged = GlossaryLoader.merging(.empty, with: Glossary(formulas: [local, second], provinces: []))
    #expect(merged.formulas == [second])
  }
}
