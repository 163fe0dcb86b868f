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
    #expect(
      error.description == "bad.json: $: not valid JSON: unexpected character: a value is expected at line 3, column 14")
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

  @Test("a file with none of the four lists")
  func emptyFile() throws {
    let error = try #require(failure(#"{"about": "nothing", "$schema": "glossary.schema.json"}"#))
    #expect(error.path == "$")
    #expect(error.message.contains("none of"))
    #expect(error.message.contains("places"))
  }

  @Test("confusables: note defaults to empty; certain is required")
  func confusables() throws {
    let glossary = try decode(
      #"{"confusables": [{"wrong": "通讨", "right": "通过", "certain": true, "note": "讨/过"}, {"wrong": "做买", "right": "做实", "certain": false}]}"#
    )
    #expect(
      glossary.confusables == [
        Confusable(wrong: "通讨", right: "通过", isCertain: true, note: "讨/过"),
        Confusable(wrong: "做买", right: "做实", isCertain: false),
      ])
    #expect(failure(#"{"confusables": [{"wrong": "通讨", "right": "通过"}]}"#)?.path == "$.confusables[0].certain")
    #expect(
      failure(#"{"confusables": [{"wrong": "通讨", "right": "通讨", "certain": true}]}"#)?.path
        == "$.confusables[0].right")
    let twice = try #require(
      failure(
        #"{"confusables": [{"wrong": "通讨", "right": "通过", "certain": true}, {"wrong": "通讨", "right": "沟通", "certain": false}]}"#
      ))
    #expect(twice.path == "$.confusables[1].wrong")
    #expect(twice.message.contains("$.confusables[0].wrong"))
    #expect(
      failure(#"{"confusables": [{"wrong": "通讨", "right": "通过", "certain": "yes"}]}"#)?.message
        == "expected true or false, found a string")
  }

  @Test("places: prefecture may be null or left out; level is checked")
  func places() throws {
    let glossary = try decode(
      #"""
      {"places": [
        {"name": "襄阳市", "level": "prefecture", "province": "湖北", "prefecture": null},
        {"name": "尧都区", "level": "county", "province": "山西", "prefecture": "临汾市"},
        {"name": "仙桃市", "level": "county", "province": "湖北"}
      ]}
      """#)
    #expect(
      glossary.places == [
        Place(name: "襄阳市", level: .prefecture, province: "湖北"),
        Place(name: "尧都区", level: .county, province: "山西", prefecture: "临汾市"),
        Place(name: "仙桃市", level: .county, province: "湖北"),
      ])
    let level = try #require(failure(#"{"places": [{"name": "襄阳市", "level": "city", "province": "湖北"}]}"#))
    #expect(level.path == "$.places[0].level")
    #expect(level.message == "unknown level \"city\"; allowed levels are prefecture, county")
    #expect(
      failure(#"{"places": [{"name": "襄阳市", "level": "prefecture", "province": "湖北", "prefecture": "襄阳市"}]}"#)?
        .path == "$.places[0].prefecture")
    #expect(
      failure(#"{"places": [{"name": "襄阳 市", "level": "prefecture", "province": "湖北"}]}"#)?.path == "$.places[0].name")
    #expect(failure(#"{"places": [{"name": "襄阳市", "level": "prefecture"}]}"#)?.path == "$.places[0].province")
    let unknown = try #require(
      failure(#"{"places": [{"name": "襄阳市", "level": "prefecture", "province": "湖北", "code": "420600"}]}"#))
    #expect(unknown.path == "$.places[0].code")
    #expect(
      failure(#"{"places": [{"name": "襄阳市", "level": "prefecture", "province": "湖北", "prefecture": 3}]}"#)?.path
        == "$.places[0].prefecture")
  }

  @Test("one name may be two places of one province, but one place is listed once")
  func duplicatePlaces() throws {
    let two = try decode(
      #"{"places": [{"name": "鼓楼区", "level": "county", "province": "江苏", "prefecture": "南京市"}, {"name": "鼓楼区", "level": "county", "province": "江苏", "prefecture": "徐州市"}]}"#
    )
    #expect(two.places.count == 2)
    let twice = try #require(
      failure(
        #"{"places": [{"name": "鼓楼区", "level": "county", "province": "江苏", "prefecture": "南京市"}, {"name": "鼓楼区", "level": "county", "province": "江苏", "prefecture": "南京市"}]}"#
      ))
    #expect(twice.path == "$.places[1]")
    #expect(twice.message.contains("$.places[0]"))
  }

  @Test("the fast reader of places files and JSONDecoder give the same glossary")
  func fastReaderAgrees() throws {
    let text = try RepositoryFiles.text(RepositoryFiles.places)
    // An escape sequence in `about` sends the file through JSONDecoder instead.
    let escaped = text.replacingOccurrences(of: #""about":""#, with: #""about":"全"#)
    #expect(escaped != text)
    let fast = try GlossaryLoader.decode(Data(text.utf8), source: "places.json")
    let slow = try GlossaryLoader.decode(Data(escaped.utf8), source: "places.json")
    #expect(fast.places.count > 3000)
    #expect(fast.places == slow.places)
  }

  @Test("a places file the fast reader declines still decodes, or fails with JSONDecoder's words")
  func fastReaderFallback() throws {
    // An escape, a syntax error, bytes that are not UTF-8: the fast reader declines them all.
    let withEscape = try decode(#"{"places": [{"name": "襄阳市", "level": "prefecture", "province": "湖北"}]}"#)
    #expect(withEscape.places.map(\.name) == ["襄阳市"])
    let malformed = try #require(failure(#"{"places": [{"name": "襄阳市", "level": "prefecture", "province": "湖北"}"#))
    #expect(malformed.path == "$")
    #expect(malformed.message.hasPrefix("not valid JSON"))
    let notUTF8 = try #require(
      GlossaryLoaderFailure.of(
        Data([
          0x7B, 0x22, 0x70, 0x6C, 0x61, 0x63, 0x65, 0x73, 0x22, 0x3A, 0x5B, 0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22,
          0x3A, 0x22, 0xFF, 0x22, 0x7D, 0x5D, 0x7D,
        ])))
    #expect(notUTF8.path == "$")
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

/// The error decoding raw bytes throws, nil when they decode.
enum GlossaryLoaderFailure {
  static func of(_ data: Data) -> GlossaryLoadError? {
    do {
      _ = try GlossaryLoader.decode(data, source: "bytes.json")
      return nil
    } catch {
      return error
    }
  }
}
