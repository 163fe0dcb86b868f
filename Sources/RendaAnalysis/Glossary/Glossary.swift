import RendaText

/// The reference data Renda reads pages against: national formulas, the province-level
/// divisions and places, known OCR misreadings and the fixed official formulations. Plain
/// values; `RendaData` decodes them from the JSON files in the repository (see
/// `schemas/glossary.schema.json`).
package struct Glossary: Sendable, Equatable {
  package var formulas: [NationalFormula] {
    didSet { formulaIndex = Self.index(of: formulas) }
  }
  /// The first formula named (or aliased) by each name: `formula(named:)` without a
  /// comparison of strings per formula. Derived from `formulas`, so not compared by `==`.
  private var formulaIndex: StringTable
  package var provinces: [Province]
  /// Known OCR misreads (`通讨` → `通过`), for the `ocr-confusable` rule.
  package var confusables: [Confusable]
  /// Places below province level (prefecture and county), for bylines and hovers.
  package var places: [Place]
  /// Fixed official formulations (规范提法), for the `canonical-phrase` rule (`phrases.json`).
  package var phrases: [CanonicalPhrase]

  package init(
    formulas: [NationalFormula], provinces: [Province], confusables: [Confusable] = [], places: [Place] = [],
    phrases: [CanonicalPhrase] = []
  ) {
    self.formulas = formulas
    self.formulaIndex = Self.index(of: formulas)
    self.provinces = provinces
    self.confusables = confusables
    self.places = places
    self.phrases = phrases
  }

  /// An empty glossary: the parser and analysis still work, knowing no formula.
  package static let empty = Glossary(formulas: [], provinces: [])

  /// The formula whose name (or an alias) is exactly `name`, whitespace removed (the first
  /// such formula in `formulas`).
  package func formula(named name: String) -> NationalFormula? {
    formulaIndex[name].map { formulas[$0] }
  }

  /// Each name and alias with the index of the first formula it names, compared by
  /// canonical equivalence as `==` does (``StringTable`` answers most lookups by bytes: a
  /// `String` of ideographs hashes through its NFC form, and every quoted slogan is looked up).
  private static func index(of formulas: [NationalFormula]) -> StringTable {
    StringTable(formulas.enumerated().lazy.flatMap { k, formula in ([formula.name] + formula.aliases).map { ($0, k) } })
  }

  package static func == (a: Glossary, b: Glossary) -> Bool {
    a.formulas == b.formulas && a.provinces == b.provinces && a.confusables == b.confusables && a.places == b.places
      && a.phrases == b.phrases
  }

  /// The province whose full or short name is exactly `name`.
  package func province(named name: String) -> Province? {
    provinces.first { $0.shortName == name || $0.fullName == name || $0.aliases.contains(name) }
  }
}

/// A national fixed formula (数字化提法) such as “四个机关”: its fixed members in
/// their canonical order.
package struct NationalFormula: Sendable, Equatable {
  /// The formula as quoted, e.g. `四个机关`.
  package var name: String
  /// Other spellings that mean the same formula.
  package var aliases: [String]
  /// Members in canonical order; each member's short form first, then accepted variants.
  package var members: [FormulaMember]
  /// Whether the order of `members` is fixed (false for e.g. 三农).
  package var isOrderFixed: Bool
  /// One-sentence gloss.
  package var gloss: String
  /// Where the members were confirmed (addresses or document names).
  package var sources: [String]

  package init(
    name: String, aliases: [String] = [], members: [FormulaMember], isOrderFixed: Bool = true,
    gloss: String, sources: [String]
  ) {
    self.name = name
    self.aliases = aliases
    self.members = members
    self.isOrderFixed = isOrderFixed
    self.gloss = gloss
    self.sources = sources
  }
}

/// One member of a national formula, e.g. 权力机关 (long form 国家权力机关).
package struct FormulaMember: Sendable, Equatable {
  /// The short form printed in lists, e.g. `权力机关`.
  package var text: String
  /// Other accepted forms of the same member, e.g. `国家权力机关`.
  package var variants: [String]

  package init(text: String, variants: [String] = []) {
    self.text = text
    self.variants = variants
  }
}

/// A province-level division (省级行政区).
package struct Province: Sendable, Equatable {
  /// Short name as printed in bylines, e.g. `内蒙古`, `湖北`.
  package var shortName: String
  /// Full name, e.g. `内蒙古自治区`, `湖北省`.
  package var fullName: String
  /// Kind: province, autonomous region, municipality, special administrative region.
  package var kind: ProvinceKind
  /// Other names sometimes printed (e.g. the traditional short name).
  package var aliases: [String]

  package init(shortName: String, fullName: String, kind: ProvinceKind, aliases: [String] = []) {
    self.shortName = shortName
    self.fullName = fullName
    self.kind = kind
    self.aliases = aliases
  }
}

package enum ProvinceKind: String, Sendable, Equatable, CaseIterable {
  case province
  case autonomousRegion
  case municipality
  case specialAdministrativeRegion
}

/// A known OCR misreading: what the scan printed and what the page meant.
package struct Confusable: Sendable, Equatable {
  /// The misread text as printed, e.g. `通讨`.
  package var wrong: String
  /// The intended text, e.g. `通过`.
  package var right: String
  /// True when `wrong` is never a real word, so replacing it is a certain fix.
  package var isCertain: Bool
  package var note: String

  package init(wrong: String, right: String, isCertain: Bool, note: String = "") {
    self.wrong = wrong
    self.right = right
    self.isCertain = isCertain
    self.note = note
  }
}

/// A prefecture- or county-level division (地级 / 县级), with its province.
package struct Place: Sendable, Equatable {
  /// Full name as printed, e.g. `襄阳市`, `尧都区`, `山丹县`.
  package var name: String
  package var level: PlaceLevel
  /// Short name of the province it belongs to, e.g. `湖北`.
  package var province: String
  /// Full name of the prefecture it belongs to, for county-level places.
  package var prefecture: String?

  package init(name: String, level: PlaceLevel, province: String, prefecture: String? = nil) {
    self.name = name
    self.level = level
    self.province = province
    self.prefecture = prefecture
  }
}

package enum PlaceLevel: String, Sendable, Equatable, CaseIterable {
  case prefecture
  case county
}
