import Foundation
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

  @Test("a user file with places merges over the built-in places")
  func userPlaces() throws {
    let base = try GlossaryLoader.builtIn()
    let user = try GlossaryLoader.decode(
      Data(
        #"""
        {"places": [
          {"name": "襄阳新区", "level": "county", "province": "湖北", "prefecture": "襄阳市"},
          {"name": "尧都区", "level": "county", "province": "山西", "prefecture": "临汾市"}
        ]}
        """#.utf8), source: "user.json")
    let merged = GlossaryLoader.merging(base, with: user)
    #expect(merged.places.count == base.places.count + 1)
    #expect(merged.places.last == Place(name: "襄阳新区", level: .county, province: "湖北", prefecture: "襄阳市"))
    #expect(merged.places.filter { $0.name == "尧都区" }.count == 1)
    #expect(merged.formulas == base.formulas)
    #expect(merged.confusables == base.confusables)

    // Same name, province and prefecture: replaced in place (here with another level), and
    // the other 鼓楼区 of 江苏 (徐州市) stays.
    let index = try #require(base.places.firstIndex { $0.name == "鼓楼区" && $0.prefecture == "南京市" })
    let changed = Place(name: "鼓楼区", level: .prefecture, province: "江苏", prefecture: "南京市")
    let replaced = GlossaryLoader.merging(base, with: Glossary(formulas: [], provinces: [], places: [changed]))
    #expect(replaced.places.count == base.places.count)
    #expect(replaced.places[index] == changed)
    #expect(replaced.places.contains { $0.name == "鼓楼区" && $0.prefecture == "徐州市" && $0.level == .county })
  }

  @Test("a user's confusable with the same wrong form replaces the built-in one, in place")
  func mergesConfusables() throws {
    let base = try GlossaryLoader.builtIn()
    let softer = Confusable(wrong: "通讨", right: "通过", isCertain: false, note: "本地：只提示。")
    let added = Confusable(wrong: "人大代表代表", right: "人大代表", isCertain: false)
    let merged = GlossaryLoader.merging(
      base, with: Glossary(formulas: [], provinces: [], confusables: [softer, added]))
    #expect(merged.confusables.count == base.confusables.count + 1)
    let index = try #require(base.confusables.firstIndex { $0.wrong == "通讨" })
    #expect(merged.confusables[index] == softer)
    #expect(merged.confusables.last == added)
    #expect(merged.places == base.places)
  }

  @Test("the places example in docs/glossary.md merges: 禄丰市 is added, 人大常委佘 too")
  func docsPlacesExample() throws {
    let base = try GlossaryLoader.builtIn()
    let user = try GlossaryLoader.decode(RepositoryFiles.docsExample("user places"), source: "docs/glossary.md")
    #expect(!base.places.contains { $0.name == "禄丰市" })
    let merged = GlossaryLoader.merging(base, with: user)
    #expect(merged.places.last == Place(name: "禄丰市", level: .county, province: "云南", prefecture: "楚雄彝族自治州"))
    #expect(merged.confusables.last?.right == "人大常委会")
    #expect(merged.formulas == base.formulas)
  }
}
