import Foundation
import RendaAnalysis
import Testing

/// The data files as written against `schemas/glossary.schema.json`, without Python.
/// (The full check by hand: see docs/glossary.md, "To check a file against the schema".)
@Suite("Glossary schema")
struct GlossarySchemaTests {
  let schema: JSONValue
  let validator: MiniSchemaValidator

  init() throws {
    schema = try JSONValue.parse(RepositoryFiles.data(RepositoryFiles.schema))
    validator = MiniSchemaValidator(root: schema)
  }

  private func problems(_ data: Data, against reference: String? = nil) throws -> [String] {
    let value = try JSONValue.parse(data)
    let target = try reference.map { try #require(validator.resolve($0)) } ?? schema
    return validator.validate(value, against: target)
  }

  @Test("formulas.json matches the schema and $defs/formulasFile")
  func formulasFile() throws {
    let data = try RepositoryFiles.data(RepositoryFiles.formulas)
    #expect(try problems(data) == [])
    #expect(try problems(data, against: "#/$defs/formulasFile") == [])
  }

  @Test("provinces.json matches the schema and $defs/provincesFile")
  func provincesFile() throws {
    let data = try RepositoryFiles.data(RepositoryFiles.provinces)
    #expect(try problems(data) == [])
    #expect(try problems(data, against: "#/$defs/provincesFile") == [])
  }

  @Test("confusables.json matches the schema and $defs/confusablesFile")
  func confusablesFile() throws {
    let data = try RepositoryFiles.data(RepositoryFiles.confusables)
    #expect(try problems(data) == [])
    #expect(try problems(data, against: "#/$defs/confusablesFile") == [])
  }

  @Test("places.json matches the schema and $defs/placesFile")
  func placesFile() throws {
    let data = try RepositoryFiles.data(RepositoryFiles.places)
    #expect(try problems(data) == [])
    #expect(try problems(data, against: "#/$defs/placesFile") == [])
  }

  @Test("a user's file may combine any of the four lists")
  func combinedFile() throws {
    let data = Data(
      #"""
      {"formulas": [{"name": "三联", "members": [{"text": "甲"}], "gloss": "本地。"}],
       "provinces": [{"shortName": "湖北", "fullName": "湖北省", "kind": "province"}],
       "confusables": [{"wrong": "通讨", "right": "通过", "certain": true}],
       "places": [{"name": "某新区", "level": "county", "province": "湖北", "prefecture": "襄阳市"},
                  {"name": "某市", "level": "prefecture", "province": "湖北"}]}
      """#.utf8)
    #expect(try problems(data) == [])
    #expect(try problems(Data(#"{"places": []}"#.utf8)) == [])
  }

  @Test("the built-in files have about, version and every optional key written out")
  func builtInFilesAreComplete() throws {
    let formulas = try JSONValue.parse(RepositoryFiles.data(RepositoryFiles.formulas))
    let provinces = try JSONValue.parse(RepositoryFiles.data(RepositoryFiles.provinces))
    let confusables = try JSONValue.parse(RepositoryFiles.data(RepositoryFiles.confusables))
    let places = try JSONValue.parse(RepositoryFiles.data(RepositoryFiles.places))
    for file in [formulas, provinces, confusables, places] {
      #expect(file["about"]?.string?.isEmpty == false)
      #expect(file["version"]?.string?.isEmpty == false)
    }
    for formula in formulas["formulas"]?.array ?? [] {
      #expect(
        Set(formula.object?.keys ?? [:].keys) == ["name", "aliases", "members", "isOrderFixed", "gloss", "sources"])
      for member in formula["members"]?.array ?? [] {
        #expect(Set(member.object?.keys ?? [:].keys) == ["text", "variants"])
      }
    }
    for province in provinces["provinces"]?.array ?? [] {
      #expect(Set(province.object?.keys ?? [:].keys) == ["shortName", "fullName", "kind", "aliases"])
    }
    for confusable in confusables["confusables"]?.array ?? [] {
      #expect(Set(confusable.object?.keys ?? [:].keys) == ["wrong", "right", "certain", "note"])
    }
    for place in places["places"]?.array ?? [] {
      #expect(Set(place.object?.keys ?? [:].keys) == ["name", "level", "province", "prefecture"])
    }
  }

  @Test("the docs examples match the schema")
  func docsExample() throws {
    #expect(try problems(RepositoryFiles.docsExample()) == [])
    #expect(try problems(RepositoryFiles.docsExample("user places")) == [])
  }

  @Test("the validator rejects what the schema rules out")
  func rejections() throws {
    let missing = try problems(Data(#"{"formulas": [{"name": "三农", "members": [{"variants": []}]}]}"#.utf8))
    #expect(missing.contains("$.formulas[0]: missing required key gloss"))
    let branch = try problems(
      Data(#"{"formulas": [{"name": "三农", "members": [{"variants": []}]}]}"#.utf8), against: "#/$defs/formulasFile")
    #expect(branch.contains("$.formulas[0]: missing required key gloss"))
    #expect(branch.contains("$.formulas[0].members[0]: missing required key text"))
    let kind = try problems(
      Data(#"{"provinces": [{"shortName": "湖北", "fullName": "湖北省", "kind": "city"}]}"#.utf8),
      against: "#/$defs/provincesFile")
    #expect(kind == ["$.provinces[0].kind: not one of the allowed values"])
    #expect(try problems(Data("{}".utf8)) == ["$: matches none of the anyOf branches"])
    #expect(try problems(Data(#"{"about": "x", "extra": []}"#.utf8)).contains("$: key extra is not allowed"))
    let place = try problems(
      Data(#"{"places": [{"name": "尧都 区", "level": "town", "province": "山西", "prefecture": 3}]}"#.utf8))
    #expect(place.contains("$.places[0].name: must be non-empty without whitespace"))
    #expect(place.contains("$.places[0].level: not one of the allowed values"))
    #expect(place.contains("$.places[0].prefecture: matches 0 of the oneOf branches, not exactly 1"))
    let confusable = try problems(Data(#"{"confusables": [{"wrong": "通讨", "right": "通过"}]}"#.utf8))
    #expect(confusable == ["$.confusables[0]: missing required key certain"])
  }

  @Test("the place levels in the schema are PlaceLevel's cases")
  func levels() throws {
    let values = try #require(validator.resolve("#/$defs/place")?["properties"]?["level"]?["enum"]?.array)
    #expect(values.compactMap(\.string) == PlaceLevel.allCases.map(\.rawValue))
  }

  @Test("the province kinds in the schema are ProvinceKind's cases")
  func kinds() throws {
    let values = try #require(validator.resolve("#/$defs/province")?["properties"]?["kind"]?["enum"]?.array)
    #expect(values.compactMap(\.string) == ProvinceKind.allCases.map(\.rawValue))
  }

  @Test("every property in the schema has a description")
  func descriptions() throws {
    let definitions = try #require(schema["$defs"]?.object)
    for (name, definition) in definitions {
      #expect(definition["description"]?.string != nil, "$defs/\(name)")
      for (key, property) in definition["properties"]?.object ?? [:] {
        let described =
          property["description"]?.string
          ?? property["$ref"]?.string.flatMap { validator.resolve($0)?["description"]?.string }
        #expect(described != nil, "$defs/\(name).properties.\(key)")
      }
    }
  }
}
