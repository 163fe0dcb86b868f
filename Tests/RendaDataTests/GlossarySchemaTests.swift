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

  @Test("the built-in files have about, version and every optional key written out")
  func builtInFilesAreComplete() throws {
    let formulas = try JSONValue.parse(RepositoryFiles.data(RepositoryFiles.formulas))
    let provinces = try JSONValue.parse(RepositoryFiles.data(RepositoryFiles.provinces))
    for file in [formulas, provinces] {
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
  }

  @Test("the docs example matches the schema")
  func docsExample() throws {
    #expect(try problems(RepositoryFiles.docsExample()) == [])
  }

  @Test("the validator rejects what the schema rules out")
  func rejections() throws {
    let missing = try problems(Data(#"{"formulas": [{"name": "三农", "members": [{"variants": []}]}]}"#.utf8))
    #expect(missing.contains("$: matches 0 of the oneOf branches, not exactly 1"))
    let branch = try problems(
      Data(#"{"formulas": [{"name": "三农", "members": [{"variants": []}]}]}"#.utf8), against: "#/$defs/formulasFile")
    #expect(branch.contains("$.formulas[0]: missing required key gloss"))
    #expect(branch.contains("$.formulas[0].members[0]: missing required key text"))
    let kind = try problems(
      Data(#"{"provinces": [{"shortName": "湖北", "fullName": "湖北省", "kind": "city"}]}"#.utf8),
      against: "#/$defs/provincesFile")
    #expect(kind == ["$.provinces[0].kind: not one of the allowed values"])
    #expect(try problems(Data("{}".utf8)) == ["$: matches 0 of the oneOf branches, not exactly 1"])
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
