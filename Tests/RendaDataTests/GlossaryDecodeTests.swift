import Foundation
import RendaAnalysis
import RendaData
import Testing

@Suite("Decoding a user's glossary file")
struct GlossaryDecodeTests {
  private func decode(_ json: String, source: String = "my-glossary.json") throws(GlossaryLoadError) -> Glossary {
    try GlossaryLoader.decode(Data(json.utf8), source: source)
  }

  /// The error decoding `json` throws; records an issue if it decodes.
  private func failure(_ json: String, source: String = "my-glossary.json") -> GlossaryLoadError? {
    do {
      let glossary = try decode(json, source: source)
      Issue.record("decoded unexpectedly: \(glossary)")
      return nil
    } catch {
      return error
    }
  }

  @Test("a minimal formula takes the defaults")
  func minimalFormula() throws {
    let glossary = try decode(
      #"{"formulas": [{"name": "两手抓", "members": [{"text": "学习"}, {"text": "实践"}], "gloss": "一手抓学习，一手抓实践。"}]}"#)
    #expect(
      glossary
        == Glossary(
          formulas: [
            NationalFormula(
              name: "两手抓", members: [FormulaMember(text: "学习"), FormulaMember(text: "实践")],
              gloss: "一手抓学习，一手抓实践。", sources: [])
          ], provinces: []))
  }

  @Test("a file with provinces only")
  func provincesOnly() throws {
    let glossary = try decode(
      #"{"about": "x", "version": "1", "provinces": [{"shortName": "湖北", "fullName": "湖北省", "kind": "province", "aliases": ["鄂"]}]}"#
    )
    #expect(glossary.formulas.isEmpty)
    #expect(glossary.provinces == [Province(shortName: "湖北", fullName: "湖北省", kind: .province, aliases: ["鄂"])])
  }

  @Test("the example in docs/glossary.md decodes")
  func docsExample() throws {
    let glossary = try GlossaryLoader.decode(RepositoryFiles.docsExample(), source: "docs/glossary.md")
    let formula = try #require(glossary.formula(named: "三联"))
    #expect(formula.members.count == 3)
    #expect(formula.isOrderFixed)
    #expect(glossary.provinces.isEmpty)
  }

  @Test("a missing key is reported with the source and its JSON path")
  func missingKey() throws {
    let error = try #require(
      failure(#"{"formulas": [{"name": "三个一", "members": [{"text": "一"}, {"variants": ["二"]}], "gloss": "g"}]}"#))
    #expect(error.source == "my-glossary.json")
    #expect(error.path == "$.formulas[0].members[1].text")
    #expect(error.description == #"my-glossary.json: $.formulas[0].members[1].text: missing required key "text""#)
  }

  @Test("malformed JSON names the source and a line and column")
  func malformedJSON() throws {
    let error = try #require(failure("{\n  \"formulas\": [\n    {\"name\": 三联}\n  ]\n}", source: "bad.json"))
    #expect(error.path == "$")
    #expect(error.description.hasPrefix("bad.json: $: not valid JSON"))
    #if os(Linux)
      // JSONSerialization on Linux reports a byte offset, which the loader turns into line:column.
      #expect(error.description == "bad.json: $: not valid JSON: Invalid value at line 3, column 14")
    #endif
  }

  @Test("bytes that are not UTF-8")
  func invalidUTF8() throws {
    var data = Data(#"{"formulas": [{"name": ""#.utf8)
    data.append(0xFF)
    data.append(contentsOf: Array(#""}]}"#.utf8))
    do {
      _ = try GlossaryLoader.decode(data, source: "latin1.json")
      Issue.record("decoded invalid UTF-8")
    } catch {
      #expect(error.description.hasPrefix("latin1.json: $: not valid JSON"))
    }
  }

  @Test("a value of the wrong type")
  func typeMismatch() throws {
    let error = try #require(
      failure(#"{"formulas": [{"name": "三农", "members": [{"text": "农业"}], "isOrderFixed": "no", "gloss": "g"}]}"#))
    #expect(error.path == "$.formulas[0].isOrderFixed")
    #expect(error.message == "expected true or false, found a string")
  }

  @Test("null where a value is required")
  func nullValue() throws {
    let error = try #require(failure(#"{"formulas": [{"name": "三农", "members": [{"text": "农业"}], "gloss": null}]}"#))
    #expect(error.path == "$.formulas[0].gloss")
    #expect(error.message == "expected a string, found null")
  }

  @Test("a list where an object is expected, and the reverse")
  func wrongContainers() throws {
    #expect(failure(#"[]"#)?.description == "my-glossary.json: $: expected an object, found an array")
    #expect(
      failure(#"{"formulas": {}}"#)?.description == "my-glossary.json: $.formulas: expected an array, found an object")
  }

  @Test("an unknown key is an error, not ignored")
  func unknownKey() throws {
    let error = try #require(failure(#"{"formulas": [{"name": "三农", "memebrs": [], "gloss": "g"}]}"#))
    #expect(error.path == "$.formulas[0].memebrs")
    #expect(error.message.hasPrefix(#"unknown key "memebrs"; allowed keys are name, aliases, members"#))
    #expect(failure(#"{"formula": []}"#)?.path == "$.formula")
  }

  @Test("an unknown province kind")
  func unknownKind() throws {
    let error = try #require(failure(#"{"provinces": [{"shortName": "襄阳", "fullName": "襄阳市", "kind": "city"}]}"#))
    #expect(error.path == "$.provinces[0].kind")
    #expect(error.message.contains("specialAdministrativeRegion"))
  }

  @Test("a file with neither formulas nor provinces")
  func emptyFile() throws {
    let error = try #require(failure(#"{"about": "nothing", "$schema": "glossary.schema.json"}"#))
    #expect(error.path == "$")
    #expect(error.message.contains("neither"))
  }

  @Test("a name used twice, or an alias that is another entry's name")
  func duplicates() throws {
    let twice = try #require(
      failure(
        #"{"formulas": [{"name": "三农", "members": [{"text": "农业"}], "gloss": "g"}, {"name": "三农", "members": [{"text": "农村"}], "gloss": "g"}]}"#
      ))
    #expect(twice.path == "$.formulas[1].name")
    #expect(twice.message.contains("$.formulas[0].name"))

    let alias = try #require(
      failure(
        #"{"provinces": [{"shortName": "湖北", "fullName": "湖北省", "kind": "province"}, {"shortName": "湖南", "fullName": "湖南省", "kind": "province", "aliases": ["湖北"]}]}"#
      ))
    #expect(alias.path == "$.provinces[1].aliases[0]")

    let member = try #require(
      failure(
        #"{"formulas": [{"name": "两院", "members": [{"text": "法院"}, {"text": "检察院", "variants": ["法院"]}], "gloss": "g"}]}"#
      ))
    #expect(member.path == "$.formulas[0].members[1].variants[0]")
  }

  @Test("empty and spaced terms, and a formula without members")
  func badTerms() throws {
    #expect(
      failure(#"{"formulas": [{"name": "", "members": [{"text": "a"}], "gloss": "g"}]}"#)?.path == "$.formulas[0].name")
    #expect(
      failure(#"{"formulas": [{"name": "四个 机关", "members": [{"text": "a"}], "gloss": "g"}]}"#)?.message.contains(
        "whitespace")
        == true)
    #expect(
      failure(#"{"formulas": [{"name": "四个机关", "members": [], "gloss": "g"}]}"#)?.path == "$.formulas[0].members")
    #expect(
      failure(#"{"formulas": [{"name": "x", "members": [{"text": "a"}], "gloss": ""}]}"#)?.path == "$.formulas[0].gloss"
    )
  }

  @Test("load(contentsOf:) names the file by its path")
  func loadFromFile() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("renda-glossary-\(UUID().uuidString).json")
    try Data(#"{"provinces": [{"shortName": "湖北"}]}"#.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    do {
      _ = try GlossaryLoader.load(contentsOf: url)
      Issue.record("loaded a file without fullName")
    } catch {
      #expect(error.description == "\(url.path): $.provinces[0].fullName: missing required key \"fullName\"")
    }
    let missing = url.appendingPathExtension("missing")
    #expect(throws: GlossaryLoadError.self) { try GlossaryLoader.load(contentsOf: missing) }
  }
}
