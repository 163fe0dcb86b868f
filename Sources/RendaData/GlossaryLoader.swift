import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization
import RendaAnalysis

/// Reads glossary files (see `schemas/glossary.schema.json` and `docs/glossary.md`) into the
/// analysis layer's plain values. This is the IO edge: the analysis types stay free of Codable.
package enum GlossaryLoader {
  /// The built-in glossary: `Resources/formulas.json`, `provinces.json`, `confusables.json`,
  /// `places.json` and `phrases.json` (see `schemas/phrases.schema.json`).
  ///
  /// Decoded once per process; later calls return the cached value (or the cached error). Every
  /// built-in place must name a built-in province by its `shortName`.
  package static func builtIn() throws(GlossaryLoadError) -> Glossary {
    try cachedBuiltIn.get()
  }

  /// Decodes one glossary file, e.g. a user's. `source` names the file in errors.
  ///
  /// The file must match `schemas/glossary.schema.json`: unknown keys, empty or spaced names,
  /// an unknown province kind or place level, or a name used twice are errors, reported with a
  /// JSON path.
  package static func decode(_ data: Data, source: String) throws(GlossaryLoadError) -> Glossary {
    // A hand-written reader first (JSONDecoder was half of `renda check`'s start-up); anything
    // it does not recognise goes through JSONDecoder, which also words the errors.
    if let file = GlossaryFastReader.read(data) {
      return try FileMapper(source: source).map(file)
    }
    let file: GlossaryFileDTO
    do {
      file = try JSONDecoder().decode(GlossaryFileDTO.self, from: data)
    } catch let error as UnknownKeyError {
      throw GlossaryLoadError(
        source: source, path: [JSONPathComponent](codingPath: error.codingPath).rendered,
        message: "unknown key \"\(error.key)\"; allowed keys are \(error.allowed.joined(separator: ", "))")
    } catch let error as DecodingError {
      throw GlossaryLoadError(decodingError: error, source: source, data: data)
    } catch {
      throw GlossaryLoadError(source: source, path: "$", message: "cannot decode: \(error)")
    }
    return try FileMapper(source: source).map(file)
  }

  /// Reads and decodes the glossary file at `url`; errors name the file by its path.
  package static func load(contentsOf url: URL) throws(GlossaryLoadError) -> Glossary {
    let source = url.isFileURL ? url.path : url.absoluteString
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw GlossaryLoadError(source: source, path: "$", message: "cannot read the file: \(FileError.describe(error))")
    }
    return try decode(data, source: source)
  }

  /// `base` with the entries of `extra` laid over it.
  ///
  /// A formula of `extra` replaces the formula of `base` with the same `name`, in place; a
  /// province replaces the one with the same `shortName` or `fullName`. Other entries of `extra`
  /// are appended in their order. Aliases of the remaining `base` entries that an `extra` entry
  /// also uses (as its name or an alias) are dropped from the `base` entry, so a lookup of that
  /// spelling finds the `extra` entry.
  ///
  /// A confusable of `extra` replaces the one with the same `wrong`; a place replaces the one with
  /// the same name, province and prefecture (one name can be two places of one province: 江苏 has
  /// two 鼓楼区); a phrase replaces the one with the same `id`. The others are appended.
  package static func merging(_ base: Glossary, with extra: Glossary) -> Glossary {
    let extraFormulaNames = Set(extra.formulas.flatMap { [$0.name] + $0.aliases })
    var formulas = base.formulas.map { formula in
      var formula = formula
      formula.aliases.removeAll { extraFormulaNames.contains($0) }
      return formula
    }
    for formula in extra.formulas {
      if let index = formulas.firstIndex(where: { $0.name == formula.name }) {
        formulas[index] = formula
      } else {
        formulas.append(formula)
      }
    }

    let extraProvinceNames = Set(extra.provinces.flatMap { [$0.shortName, $0.fullName] + $0.aliases })
    var provinces = base.provinces.map { province in
      var province = province
      province.aliases.removeAll { extraProvinceNames.contains($0) }
      return province
    }
    for province in extra.provinces {
      if let index = provinces.firstIndex(where: {
        $0.shortName == province.shortName || $0.fullName == province.fullName
      }) {
        provinces[index] = province
      } else {
        provinces.append(province)
      }
    }

    var confusables = base.confusables
    if !extra.confusables.isEmpty {
      var position = Dictionary(
        confusables.enumerated().map { ($1.wrong, $0) }, uniquingKeysWith: { first, _ in first })
      for confusable in extra.confusables {
        if let index = position[confusable.wrong] {
          confusables[index] = confusable
        } else {
          position[confusable.wrong] = confusables.count
          confusables.append(confusable)
        }
      }
    }

    var places = base.places
    if !extra.places.isEmpty {
      var position = Dictionary(places.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
      for place in extra.places {
        if let index = position[place.key] {
          places[index] = place
        } else {
          position[place.key] = places.count
          places.append(place)
        }
      }
    }
    var phrases = base.phrases
    if !extra.phrases.isEmpty {
      var position = Dictionary(phrases.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
      for phrase in extra.phrases {
        if let index = position[phrase.id] {
          phrases[index] = phrase
        } else {
          position[phrase.id] = phrases.count
          phrases.append(phrase)
        }
      }
    }
    return Glossary(
      formulas: formulas, provinces: provinces, confusables: confusables, places: places, phrases: phrases)
  }

  // MARK: Built-in resources

  private static let cachedBuiltIn: Result<Glossary, GlossaryLoadError> = Result {
    () throws(GlossaryLoadError) -> Glossary in
    // Decoded side by side (the places file is most of the work, so two cores take about
    // the time of the places alone: a third of `renda check`'s start-up), combined in order.
    let names = ["formulas", "provinces", "confusables", "places", "phrases"]
    let files = names.map { name in Result { () throws(GlossaryLoadError) -> Data in try resource(name) } }
    // The largest first: each worker takes the next file in that order.
    let order = names.indices.sorted { ((try? files[$0].get())?.count ?? 0) > ((try? files[$1].get())?.count ?? 0) }
    let decoded = Mutex([Result<Glossary, GlossaryLoadError>?](repeating: nil, count: names.count))
    DispatchQueue.concurrentPerform(iterations: names.count) { i in
      let k = order[i]
      let result = Result { () throws(GlossaryLoadError) -> Glossary in
        try decode(files[k].get(), source: builtInSource(names[k]))
      }
      decoded.withLock { $0[k] = result }
    }
    var glossary = Glossary.empty
    for result in decoded.withLock({ $0 }) {
      guard let result else { continue }
      glossary = combining(glossary, with: try result.get())
    }
    let shortNames = Set(glossary.provinces.map(\.shortName))
    if let index = glossary.places.firstIndex(where: { !shortNames.contains($0.province) }) {
      throw GlossaryLoadError(
        source: builtInSource("places"),
        path: [JSONPathComponent]([.key("places"), .index(index), .key("province")]).rendered,
        message: "\"\(glossary.places[index].province)\" is not the shortName of a built-in province")
    }
    return glossary
  }

  /// `merging(base, with: file)` for a decoded `file`: a section `base` does not have yet is
  /// taken as it is (a decoded file names no entry twice, so merging it into nothing changes
  /// nothing) instead of being laid over entry by entry; otherwise `merging`.
  private static func combining(_ base: Glossary, with file: Glossary) -> Glossary {
    let disjoint =
      (base.formulas.isEmpty || file.formulas.isEmpty) && (base.provinces.isEmpty || file.provinces.isEmpty)
      && (base.confusables.isEmpty || file.confusables.isEmpty) && (base.places.isEmpty || file.places.isEmpty)
      && (base.phrases.isEmpty || file.phrases.isEmpty)
    guard disjoint else { return merging(base, with: file) }
    return Glossary(
      formulas: base.formulas + file.formulas, provinces: base.provinces + file.provinces,
      confusables: base.confusables + file.confusables, places: base.places + file.places,
      phrases: base.phrases + file.phrases)
  }

  private static func builtInSource(_ name: String) -> String { "RendaData/Resources/\(name).json" }

  /// A built-in file's bytes, compiled into the binary by the EmbedResources plugin.
  private static func resource(_ name: String) throws(GlossaryLoadError) -> Data {
    guard let file = EmbeddedResources.files.first(where: { $0.name == name }) else {
      throw GlossaryLoadError(source: builtInSource(name), path: "$", message: "resource missing from the build")
    }
    return file.text.withUTF8Buffer { Data($0) }
  }
}

// MARK: - DecodingError → GlossaryLoadError

extension GlossaryLoadError {
  fileprivate init(decodingError: DecodingError, source: String, data: Data) {
    switch decodingError {
    case .keyNotFound(let key, let context):
      let path = [JSONPathComponent](codingPath: context.codingPath + [key])
      self.init(source: source, path: path.rendered, message: "missing required key \"\(key.stringValue)\"")
    case .typeMismatch(let type, let context):
      self.init(
        source: source, path: [JSONPathComponent](codingPath: context.codingPath).rendered,
        message: Self.found(in: context.debugDescription).map { "expected \(Self.describe(type)), found \($0)" }
          ?? "expected \(Self.describe(type)): \(context.debugDescription)")
    case .valueNotFound(let type, let context):
      self.init(
        source: source, path: [JSONPathComponent](codingPath: context.codingPath).rendered,
        message: "expected \(Self.describe(type)), found null")
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      self.init(
        source: source, path: "$",
        message: "not valid JSON: \(Self.syntaxProblem(in: data) ?? context.debugDescription)")
    case .dataCorrupted(let context):
      self.init(
        source: source, path: [JSONPathComponent](codingPath: context.codingPath).rendered,
        message: "invalid value: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)")
    @unknown default:
      self.init(source: source, path: "$", message: "cannot decode: \(decodingError)")
    }
  }

  /// JSONDecoder says only "not valid JSON"; `StrictJSONSyntax` says what and where (nil when
  /// it finds the text well-formed, e.g. a number too large for JSONDecoder).
  private static func syntaxProblem(in data: Data) -> String? {
    StrictJSONSyntax.check([UInt8](data)).map { "\($0.message) at line \($0.line), column \($0.column)" }
  }

  /// "Expected to decode Bool but found a string instead." -> "a string" (in JSON's words).
  private static func found(in debugDescription: String) -> String? {
    guard let start = debugDescription.firstRange(of: "but found "),
      let end = debugDescription[start.upperBound...].firstRange(of: " instead")
    else { return nil }
    let found = debugDescription[start.upperBound..<end.lowerBound]
    return found == "a dictionary" ? "an object" : String(found)
  }

  private static func describe(_ type: Any.Type) -> String {
    if type == String.self { return "a string" }
    if type == Bool.self { return "true or false" }
    let name = String(describing: type)
    if name.hasPrefix("Dictionary") || name.hasPrefix("[String") { return "an object" }
    if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
    if name.hasSuffix("DTO") { return "an object" }
    return name
  }
}

// MARK: - DTOs: the JSON as written

/// A key the schema does not allow (`additionalProperties: false`).
private struct UnknownKeyError: Error {
  var codingPath: [any CodingKey]
  var key: String
  var allowed: [String]
}

private struct AnyCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension Decoder {
  /// Throws `UnknownKeyError` for the first key of the current object that `Keys` does not list.
  fileprivate func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
    let container = try container(keyedBy: AnyCodingKey.self)
    let allowed = Keys.allCases.map(\.stringValue)
    let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
    if let key = unknown.first {
      throw UnknownKeyError(codingPath: codingPath + [AnyCodingKey(stringValue: key)], key: key, allowed: allowed)
    }
  }
}

struct GlossaryFileDTO: Decodable {
  var about: String?
  var version: String?
  var formulas: [FormulaDTO]?
  var provinces: [ProvinceDTO]?
  var confusables: [ConfusableDTO]?
  var places: [PlaceDTO]?
  var phrases: [PhraseDTO]?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case schema = "$schema"
    case about, version, formulas, provinces, confusables, places, phrases
  }

  init(
    about: String?, version: String?, formulas: [FormulaDTO]? = nil, provinces: [ProvinceDTO]? = nil,
    confusables: [ConfusableDTO]? = nil, places: [PlaceDTO]? = nil, phrases: [PhraseDTO]? = nil
  ) {
    self.about = about
    self.version = version
    self.formulas = formulas
    self.provinces = provinces
    self.confusables = confusables
    self.places = places
    self.phrases = phrases
  }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    _ = try container.decodeIfPresent(String.self, forKey: .schema)
    about = try container.decodeIfPresent(String.self, forKey: .about)
    version = try container.decodeIfPresent(String.self, forKey: .version)
    formulas = try container.decodeIfPresent([FormulaDTO].self, forKey: .formulas)
    provinces = try container.decodeIfPresent([ProvinceDTO].self, forKey: .provinces)
    confusables = try container.decodeIfPresent([ConfusableDTO].self, forKey: .confusables)
    places = try container.decodeIfPresent([PlaceDTO].self, forKey: .places)
    phrases = try container.decodeIfPresent([PhraseDTO].self, forKey: .phrases)
  }
}

/// An entry of a phrase glossary (`schemas/phrases.schema.json`).
struct PhraseDTO: Decodable {
  var id: String
  var canonical: String
  var category: String
  var series: SeriesDTO?
  var accepted: [String]?
  var wrong: [String]?
  var note: String
  var source: String?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, canonical, category, series, accepted, wrong, note, source
  }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    canonical = try container.decode(String.self, forKey: .canonical)
    category = try container.decode(String.self, forKey: .category)
    series = try container.decodeIfPresent(SeriesDTO.self, forKey: .series)
    accepted = try container.decodeIfPresent([String].self, forKey: .accepted)
    wrong = try container.decodeIfPresent([String].self, forKey: .wrong)
    note = try container.decode(String.self, forKey: .note)
    source = try container.decodeIfPresent(String.self, forKey: .source)
  }
}

/// The series of a phrase entry.
struct SeriesDTO: Decodable {
  var members: [String]
  var separator: String
  var orderFixed: Bool?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case members, separator, orderFixed
  }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    members = try container.decode([String].self, forKey: .members)
    separator = try container.decode(String.self, forKey: .separator)
    orderFixed = try container.decodeIfPresent(Bool.self, forKey: .orderFixed)
  }
}

struct ConfusableDTO: Decodable {
  var wrong: String
  var right: String
  var certain: Bool
  var note: String?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case wrong, right, certain, note
  }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    wrong = try container.decode(String.self, forKey: .wrong)
    right = try container.decode(String.self, forKey: .right)
    certain = try container.decode(Bool.self, forKey: .certain)
    note = try container.decodeIfPresent(String.self, forKey: .note)
  }
}

struct PlaceDTO: Decodable {
  var name: String
  var level: String
  var province: String
  var prefecture: String?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, level, province, prefecture
  }

  init(name: String, level: String, province: String, prefecture: String?) {
    self.name = name
    self.level = level
    self.province = province
    self.prefecture = prefecture
  }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    level = try container.decode(String.self, forKey: .level)
    province = try container.decode(String.self, forKey: .province)
    prefecture = try container.decodeIfPresent(String.self, forKey: .prefecture)
  }
}

struct FormulaDTO: Decodable {
  var name: String
  var aliases: [String]?
  var members: [MemberDTO]
  var isOrderFixed: Bool?
  var gloss: String
  var sources: [String]?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, aliases, members, isOrderFixed, gloss, sources
  }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    aliases = try container.decodeIfPresent([String].self, forKey: .aliases)
    members = try container.decode([MemberDTO].self, forKey: .members)
    isOrderFixed = try container.decodeIfPresent(Bool.self, forKey: .isOrderFixed)
    gloss = try container.decode(String.self, forKey: .gloss)
    sources = try container.decodeIfPresent([String].self, forKey: .sources)
  }
}

struct MemberDTO: Decodable {
  var text: String
  var variants: [String]?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case text, variants
  }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    text = try container.decode(String.self, forKey: .text)
    variants = try container.decodeIfPresent([String].self, forKey: .variants)
  }
}

struct ProvinceDTO: Decodable {
  var shortName: String
  var fullName: String
  var kind: String
  var aliases: [String]?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case shortName, fullName, kind, aliases
  }

  init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    shortName = try container.decode(String.self, forKey: .shortName)
    fullName = try container.decode(String.self, forKey: .fullName)
    kind = try container.decode(String.self, forKey: .kind)
    aliases = try container.decodeIfPresent([String].self, forKey: .aliases)
  }
}

// MARK: - DTO → analysis values, with the checks a schema cannot express

private struct FileMapper {
  var source: String

  private func failure(_ path: [JSONPathComponent], _ message: String) -> GlossaryLoadError {
    GlossaryLoadError(source: source, path: path.rendered, message: message)
  }

  func map(_ file: GlossaryFileDTO) throws(GlossaryLoadError) -> Glossary {
    if file.formulas == nil && file.provinces == nil && file.confusables == nil && file.places == nil
      && file.phrases == nil
    {
      throw failure(
        [], "the file has none of \"formulas\", \"provinces\", \"confusables\", \"places\", \"phrases\"")
    }
    if let version = file.version, version.isEmpty {
      throw failure([.key("version")], "must not be empty")
    }
    var formulas: [NationalFormula] = []
    var formulaNames = UsedNames()
    for (index, dto) in (file.formulas ?? []).enumerated() {
      let path: [JSONPathComponent] = [.key("formulas"), .index(index)]
      formulas.append(try map(dto, at: path, names: &formulaNames))
    }
    var provinces: [Province] = []
    var provinceNames = UsedNames()
    for (index, dto) in (file.provinces ?? []).enumerated() {
      let path: [JSONPathComponent] = [.key("provinces"), .index(index)]
      provinces.append(try map(dto, at: path, names: &provinceNames))
    }
    var confusables: [Confusable] = []
    var wrongForms = UsedNames()
    for (index, dto) in (file.confusables ?? []).enumerated() {
      let path: [JSONPathComponent] = [.key("confusables"), .index(index)]
      confusables.append(try map(dto, at: path, wrongForms: &wrongForms))
    }
    var places: [Place] = []
    places.reserveCapacity(file.places?.count ?? 0)
    var placeKeys: [PlaceKey: Int] = [:]
    placeKeys.reserveCapacity(file.places?.count ?? 0)
    for (index, dto) in (file.places ?? []).enumerated() {
      let place = try map(dto, at: index)
      if let earlier = placeKeys.updateValue(index, forKey: place.key) {
        throw failure(
          [.key("places"), .index(index)],
          "\"\(place.name)\" of \(place.province) is already listed at \([JSONPathComponent]([.key("places"), .index(earlier)]).rendered)"
        )
      }
      places.append(place)
    }
    let phrases = try mapPhrases(file.phrases ?? [])
    return Glossary(
      formulas: formulas, provinces: provinces, confusables: confusables, places: places, phrases: phrases)
  }

  /// Maps the phrase entries, with the checks `schemas/phrases.schema.json` states in words:
  /// ids unique and kebab-case, forms without whitespace, a form listed by one entry only, no
  /// wrong form that is correct anywhere, and series members that make up the canonical form.
  private func mapPhrases(_ dtos: [PhraseDTO]) throws(GlossaryLoadError) -> [CanonicalPhrase] {
    var ids: [String: Int] = [:]
    var correctForms: [String: [JSONPathComponent]] = [:]
    var phrases: [CanonicalPhrase] = []
    for (index, dto) in dtos.enumerated() {
      let path: [JSONPathComponent] = [.key("phrases"), .index(index)]
      if !Self.isKebabCase(dto.id) {
        throw failure(
          path + [.key("id")], "\"\(dto.id)\" is not a kebab-case id (lower-case letters and digits, single hyphens)")
      }
      if let earlier = ids.updateValue(index, forKey: dto.id) {
        let earlierPath = [JSONPathComponent]([.key("phrases"), .index(earlier)]).rendered
        throw failure(path + [.key("id")], "\"\(dto.id)\" is already used at \(earlierPath)")
      }
      guard let category = PhraseCategory(rawValue: dto.category) else {
        let allowed = PhraseCategory.allCases.map(\.rawValue).joined(separator: ", ")
        throw failure(
          path + [.key("category")], "unknown category \"\(dto.category)\"; allowed categories are \(allowed)")
      }
      try checkForm(dto.canonical, at: path + [.key("canonical")])
      var mine: Set<String> = [dto.canonical]
      for (k, form) in (dto.accepted ?? []).enumerated() {
        try checkForm(form, at: path + [.key("accepted"), .index(k)])
        mine.insert(form)
      }
      for form in mine {
        let formPath = form == dto.canonical ? path + [.key("canonical")] : path + [.key("accepted")]
        if let earlier = correctForms.updateValue(formPath, forKey: form) {
          throw failure(formPath, "\"\(form)\" is already a form of \(earlier.rendered)")
        }
      }
      for (k, form) in (dto.wrong ?? []).enumerated() {
        try checkForm(form, at: path + [.key("wrong"), .index(k)])
      }
      if dto.note.isEmpty { throw failure(path + [.key("note")], "must not be empty") }
      if let source = dto.source, source.isEmpty { throw failure(path + [.key("source")], "must not be empty") }
      var series: PhraseSeries?
      if let s = dto.series {
        let seriesPath = path + [.key("series")]
        if s.members.count < 2 { throw failure(seriesPath + [.key("members")], "a series needs at least two members") }
        var seen: Set<String> = []
        for (k, member) in s.members.enumerated() {
          try checkForm(member, at: seriesPath + [.key("members"), .index(k)])
          if !seen.insert(member).inserted {
            throw failure(seriesPath + [.key("members"), .index(k)], "\"\(member)\" is listed twice")
          }
        }
        guard s.separator == "、" || s.separator == "，" else {
          throw failure(seriesPath + [.key("separator")], "must be \"、\" or \"，\"")
        }
        if !dto.canonical.contains(s.members.joined(separator: s.separator)) {
          throw failure(
            seriesPath + [.key("members")],
            "the members joined by \"\(s.separator)\" are not the canonical form nor part of it")
        }
        series = PhraseSeries(members: s.members, separator: s.separator, isOrderFixed: s.orderFixed ?? true)
      }
      phrases.append(
        CanonicalPhrase(
          id: dto.id, canonical: dto.canonical, category: category, series: series, accepted: dto.accepted ?? [],
          wrong: dto.wrong ?? [], note: dto.note, source: dto.source ?? ""))
    }
    for (index, dto) in dtos.enumerated() {
      for (k, form) in (dto.wrong ?? []).enumerated() {
        if let correct = correctForms[form] {
          throw failure(
            [.key("phrases"), .index(index), .key("wrong"), .index(k)],
            "\"\(form)\" is a correct form at \(correct.rendered)")
        }
      }
    }
    return phrases
  }

  /// A phrase form: a term without zero-width spaces or byte-order marks either.
  private func checkForm(_ form: String, at path: [JSONPathComponent]) throws(GlossaryLoadError) {
    try checkTerm(form, at: path)
    if form.unicodeScalars.contains(where: { $0.value == 0x200B || $0.value == 0xFEFF }) {
      throw failure(path, "\"\(form)\" contains a zero-width space; Renda removes whitespace before matching")
    }
  }

  private static func isKebabCase(_ id: String) -> Bool {
    let parts = id.split(separator: "-", omittingEmptySubsequences: false)
    return !id.isEmpty
      && parts.allSatisfy { part in
        !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
      }
  }

  private func map(
    _ dto: ConfusableDTO, at path: [JSONPathComponent], wrongForms: inout UsedNames
  ) throws(GlossaryLoadError) -> Confusable {
    try claim(dto.wrong, at: path + [.key("wrong")], in: &wrongForms)
    try checkTerm(dto.right, at: path + [.key("right")])
    if dto.right == dto.wrong {
      throw failure(path + [.key("right")], "is the same as \"wrong\"")
    }
    return Confusable(wrong: dto.wrong, right: dto.right, isCertain: dto.certain, note: dto.note ?? "")
  }

  /// Maps the place at `$.places[index]`; its JSON path is built only for an error (there are thousands).
  private func map(_ dto: PlaceDTO, at index: Int) throws(GlossaryLoadError) -> Place {
    func path(_ key: String) -> [JSONPathComponent] { [.key("places"), .index(index), .key(key)] }
    try checkTerm(dto.name, at: path("name"))
    guard let level = PlaceLevel(rawValue: dto.level) else {
      let allowed = PlaceLevel.allCases.map(\.rawValue).joined(separator: ", ")
      throw failure(path("level"), "unknown level \"\(dto.level)\"; allowed levels are \(allowed)")
    }
    try checkTerm(dto.province, at: path("province"))
    if let prefecture = dto.prefecture {
      if level == .prefecture {
        throw failure(path("prefecture"), "a prefecture-level place has no prefecture; write null")
      }
      try checkTerm(prefecture, at: path("prefecture"))
    }
    return Place(name: dto.name, level: level, province: dto.province, prefecture: dto.prefecture)
  }

  private func map(
    _ dto: FormulaDTO, at path: [JSONPathComponent], names: inout UsedNames
  ) throws(GlossaryLoadError) -> NationalFormula {
    try claim(dto.name, at: path + [.key("name")], in: &names)
    let aliases = dto.aliases ?? []
    for (index, alias) in aliases.enumerated() {
      try claim(alias, at: path + [.key("aliases"), .index(index)], in: &names)
    }
    if dto.members.isEmpty {
      throw failure(path + [.key("members")], "a formula needs at least one member")
    }
    var memberNames = UsedNames()
    var members: [FormulaMember] = []
    for (index, member) in dto.members.enumerated() {
      let memberPath = path + [.key("members"), .index(index)]
      try claim(member.text, at: memberPath + [.key("text")], in: &memberNames)
      let variants = member.variants ?? []
      for (variantIndex, variant) in variants.enumerated() {
        try claim(variant, at: memberPath + [.key("variants"), .index(variantIndex)], in: &memberNames)
      }
      members.append(FormulaMember(text: member.text, variants: variants))
    }
    if dto.gloss.isEmpty {
      throw failure(path + [.key("gloss")], "must not be empty")
    }
    let sources = dto.sources ?? []
    var seenSources: [String: Int] = [:]
    for (index, source) in sources.enumerated() {
      let sourcePath = path + [.key("sources"), .index(index)]
      if source.isEmpty { throw failure(sourcePath, "must not be empty") }
      if let earlier = seenSources[source] {
        throw failure(sourcePath, "repeats \((path + [.key("sources"), .index(earlier)]).rendered)")
      }
      seenSources[source] = index
    }
    return NationalFormula(
      name: dto.name, aliases: aliases, members: members, isOrderFixed: dto.isOrderFixed ?? true,
      gloss: dto.gloss, sources: sources)
  }

  private func map(
    _ dto: ProvinceDTO, at path: [JSONPathComponent], names: inout UsedNames
  ) throws(GlossaryLoadError) -> Province {
    try claim(dto.shortName, at: path + [.key("shortName")], in: &names)
    try claim(dto.fullName, at: path + [.key("fullName")], in: &names)
    guard let kind = ProvinceKind(rawValue: dto.kind) else {
      let allowed = ProvinceKind.allCases.map(\.rawValue).joined(separator: ", ")
      throw failure(path + [.key("kind")], "unknown kind \"\(dto.kind)\"; allowed kinds are \(allowed)")
    }
    let aliases = dto.aliases ?? []
    for (index, alias) in aliases.enumerated() {
      try claim(alias, at: path + [.key("aliases"), .index(index)], in: &names)
    }
    return Province(shortName: dto.shortName, fullName: dto.fullName, kind: kind, aliases: aliases)
  }

  /// Checks that `term` is a well-formed term: not empty, without whitespace.
  private func checkTerm(
    _ term: String, at path: @autoclosure () -> [JSONPathComponent]
  ) throws(GlossaryLoadError) {
    if term.isEmpty {
      throw failure(path(), "must not be empty")
    }
    if term.unicodeScalars.contains(where: \.isUnicodeWhitespace) {
      throw failure(path(), "\"\(term)\" contains whitespace; Renda removes whitespace before matching")
    }
  }

  /// Checks that `term` is a well-formed term not used before in the same scope, and records it.
  private func claim(
    _ term: String, at path: [JSONPathComponent], in names: inout UsedNames
  ) throws(GlossaryLoadError) {
    try checkTerm(term, at: path)
    if let earlier = names.paths[term] {
      throw failure(path, "\"\(term)\" is already used at \(earlier.rendered)")
    }
    names.paths[term] = path
  }
}

/// What makes a place one place: its name within its province and prefecture.
///
/// Hashed and compared by UTF-8 bytes: `String`'s own hashing normalizes first, which made
/// this key a third of the time of loading the built-in places.
private struct PlaceKey: Hashable {
  var name: String
  var province: String
  var prefecture: String?

  static func == (a: PlaceKey, b: PlaceKey) -> Bool {
    guard a.name.utf8.elementsEqual(b.name.utf8), a.province.utf8.elementsEqual(b.province.utf8) else {
      return false
    }
    switch (a.prefecture, b.prefecture) {
    case (nil, nil): return true
    case (let x?, let y?): return x.utf8.elementsEqual(y.utf8)
    default: return false
    }
  }

  func hash(into hasher: inout Hasher) {
    Self.combine(name, into: &hasher)
    Self.combine(province, into: &hasher)
    if let prefecture { Self.combine(prefecture, into: &hasher) } else { hasher.combine(0xFE as UInt8) }
  }

  private static func combine(_ text: String, into hasher: inout Hasher) {
    var text = text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    hasher.combine(0xFF as UInt8)
  }
}

extension Place {
  fileprivate var key: PlaceKey { PlaceKey(name: name, province: province, prefecture: prefecture) }
}

/// Terms already used in one scope (all formula names and aliases of a file, the texts and
/// variants of one formula's members, all province names of a file), with where they were used.
private struct UsedNames {
  var paths: [String: [JSONPathComponent]] = [:]
}

extension Unicode.Scalar {
  /// Unicode's White_Space property, without the property lookup (`properties.isWhitespace`
  /// is the slow part of checking thousands of place names).
  fileprivate var isUnicodeWhitespace: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }
}
