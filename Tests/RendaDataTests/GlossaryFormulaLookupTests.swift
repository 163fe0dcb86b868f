import RendaAnalysis
import RendaData
import Testing

/// `Glossary.formula(named:)` answers from an index; it must answer what the linear search
/// it replaced did (the first formula whose name or an alias is `==` to the name).
@Suite("Looking a formula up by name")
struct GlossaryFormulaLookupTests {
  private static func linear(_ glossary: Glossary, _ name: String) -> NationalFormula? {
    glossary.formulas.first { $0.name == name || $0.aliases.contains(name) }
  }

  private static func formula(_ name: String, aliases: [String] = [], gloss: String = "") -> NationalFormula {
    NationalFormula(name: name, aliases: aliases, members: [FormulaMember(text: "甲")], gloss: gloss, sources: [])
  }

  @Test("every built-in name and alias, and names that are none, as the linear search")
  func builtIn() throws {
    let glossary = try GlossaryLoader.builtIn()
    let names = glossary.formulas.flatMap { [$0.name] + $0.aliases } + ["", "四个", "四个机关 ", "五个一工程", "两个维护"]
    for name in names { #expect(glossary.formula(named: name) == Self.linear(glossary, name)) }
  }

  @Test("a name shared by two formulas finds the first; an alias counts as a name")
  func firstWins() {
    let a = Self.formula("四心", aliases: ["四个心"], gloss: "a")
    let b = Self.formula("四个心", aliases: ["四心"], gloss: "b")
    let glossary = Glossary(formulas: [a, b], provinces: [])
    #expect(glossary.formula(named: "四心")?.gloss == "a")
    #expect(glossary.formula(named: "四个心")?.gloss == "a")
    #expect(glossary.formula(named: "四") == nil)
  }

  @Test("the index follows changes to the formulas")
  func followsMutation() {
    var glossary = Glossary(formulas: [Self.formula("三农")], provinces: [])
    glossary.formulas[0].aliases.append("三个农")
    #expect(glossary.formula(named: "三个农")?.name == "三农")
    glossary.formulas.append(Self.formula("五个一"))
    #expect(glossary.formula(named: "五个一")?.name == "五个一")
    glossary.formulas[0].name = "三农问题"
    #expect(glossary.formula(named: "三农") == nil)
    #expect(glossary.formula(named: "三农问题")?.name == "三农问题")
    #expect(glossary == Glossary(formulas: glossary.formulas, provinces: []))
  }

  @Test("names match by canonical equivalence, as String == does")
  func canonicalEquivalence() {
    let glossary = Glossary(formulas: [Self.formula("caf\u{E9}四")], provinces: [])
    let decomposed = "cafe\u{301}四"
    #expect(glossary.formula(named: decomposed) == Self.linear(glossary, decomposed))
    #expect(glossary.formula(named: decomposed) != nil)
  }

  /// Names of ideographs are looked up by their bytes while every name is canonically
  /// inert; a name that is not (a compatibility ideograph, U+F900 豈 ≡ U+8C48 豈) sends every
  /// lookup back to canonical equivalence, and the first formula still wins.
  @Test("an inert query finds a compatibility-ideograph name, and the first of two equivalent names")
  func inertQueryAgainstOtherNames() {
    let compatibility = Self.formula("\u{F900}四", gloss: "compatibility")
    let unified = Self.formula("\u{8C48}四", gloss: "unified")
    let glossary = Glossary(formulas: [compatibility, unified, Self.formula("三农")], provinces: [])
    #expect(glossary.formula(named: "\u{8C48}四")?.gloss == "compatibility")
    #expect(glossary.formula(named: "\u{F900}四")?.gloss == "compatibility")
    #expect(glossary.formula(named: "三农")?.name == "三农")
    #expect(glossary.formula(named: "三") == nil)
    let inertOnly = Glossary(formulas: [unified, compatibility], provinces: [])
    #expect(inertOnly.formula(named: "\u{F900}四")?.gloss == "unified")
    for name in ["\u{8C48}四", "\u{F900}四", "三农", "四"] {
      #expect(glossary.formula(named: name) == Self.linear(glossary, name))
      #expect(inertOnly.formula(named: name) == Self.linear(inertOnly, name))
    }
  }
}
