import Foundation
import RendaAnalysis
import Testing

@testable import RendaData

// `GlossaryFastReader` reads glossary files without JSONDecoder; whatever it declines goes to
// JSONDecoder. Both paths must accept the same files and give the same values.

@Suite("GlossaryFastReader: the same glossaries as JSONDecoder")
struct GlossaryFastReaderTests {
  static let resources = ["formulas", "provinces", "confusables", "places", "phrases"].map {
    RepositoryFiles.root.appendingPathComponent("Sources/RendaData/Resources/\($0).json")
  }

  /// `text` with an escape sequence in the value of `about`, which the fast reader declines.
  static func escaped(_ text: String) throws -> String {
    let key = try #require(text.range(of: #""about""#))
    let quote = try #require(text.range(of: "\"", range: key.upperBound..<text.endIndex))
    var copy = text
    copy.insert(contentsOf: #"\u5168"#, at: quote.upperBound)
    return copy
  }

  @Test("every built-in file: the fast reader reads it, and its glossary equals JSONDecoder's", arguments: resources)
  func builtInFilesAgree(url: URL) throws {
    let text = try RepositoryFiles.text(url)
    #expect(GlossaryFastReader.read(Data(text.utf8)) != nil, "the fast reader declined \(url.lastPathComponent)")
    let slowText = try Self.escaped(text)
    #expect(GlossaryFastReader.read(Data(slowText.utf8)) == nil)
    let fast = try GlossaryLoader.decode(Data(text.utf8), source: url.lastPathComponent)
    let slow = try GlossaryLoader.decode(Data(slowText.utf8), source: url.lastPathComponent)
    #expect(fast == slow)
    #expect(fast != .empty)
  }

  @Test("every section, optional keys null or absent, booleans: read as JSONDecoder reads them")
  func allSections() throws {
    let json = """
      {"$schema": null, "version": "1", "about": "test",
       "formulas": [{"name": "两个维护", "aliases": ["两维护"], "isOrderFixed": false, "gloss": "说明",
                     "sources": null,
                     "members": [{"text": "维护甲", "variants": ["维护甲方"]}, {"text": "维护乙"}]}],
       "provinces": [{"shortName": "鄂", "fullName": "湖北省", "kind": "province", "aliases": []}],
       "confusables": [{"wrong": "通讨", "right": "通过", "certain": true, "note": null},
                       {"wrong": "人大代丧", "right": "人大代表", "certain": false, "note": "说明"}],
       "places": [{"name": "襄阳市", "level": "prefecture", "province": "鄂", "prefecture": null},
                  {"name": "谷城县", "level": "county", "province": "鄂", "prefecture": "襄阳市"}],
       "phrases": [{"id": "two-things", "canonical": "坚持甲、乙", "category": "slogans", "note": "n",
                    "series": {"members": ["甲", "乙"], "separator": "、", "orderFixed": false},
                    "accepted": ["坚持甲与乙"], "wrong": ["坚持乙、甲"], "source": "s"}]}
      """
    let fastFile = try #require(GlossaryFastReader.read(Data(json.utf8)))
    #expect(fastFile.confusables?.map(\.certain) == [true, false])
    #expect(fastFile.places?.map(\.prefecture) == [nil, "襄阳市"])
    #expect(fastFile.formulas?.first?.members.map(\.variants) == [["维护甲方"], nil])
    #expect(fastFile.phrases?.first?.series?.orderFixed == false)
    let slowJSON = try Self.escaped(json)
    #expect(GlossaryFastReader.read(Data(slowJSON.utf8)) == nil)
    let fast = try GlossaryLoader.decode(Data(json.utf8), source: "t.json")
    let slow = try GlossaryLoader.decode(Data(slowJSON.utf8), source: "t.json")
    #expect(fast == slow)
    #expect(fast.formulas.count == 1 && fast.provinces.count == 1 && fast.confusables.count == 2)
    #expect(fast.places.count == 2 && fast.phrases.count == 1)
  }

  @Test(
    "declined: unknown, repeated or missing keys, wrong types, numbers, a BOM, trailing bytes",
    arguments: [
      #"{"places": [{"name": "甲", "level": "county", "province": "鄂", "city": "x"}]}"#,
      #"{"places": [{"name": "甲", "name": "乙", "level": "county", "province": "鄂"}]}"#,
      #"{"places": [{"level": "county", "province": "鄂"}]}"#,
      #"{"confusables": [{"wrong": "甲", "right": "乙", "certain": "yes"}]}"#,
      #"{"confusables": [{"wrong": "甲", "right": "乙", "certain": 1}]}"#,
      #"{"confusables": [{"wrong": "甲", "right": "乙", "certain": trueish}]}"#,
      #"{"formulas": [{"name": "甲", "members": null, "gloss": "g"}]}"#,
      "\u{FEFF}{\"places\": []}",
      #"{"places": []} x"#,
      #"{"places": [], "places": []}"#,
      #"{"extra": 1}"#,
    ])
  func declines(json: String) {
    #expect(GlossaryFastReader.read(Data(json.utf8)) == nil)
  }

  @Test("a declined user file still fails with JSONDecoder's words and its JSON path")
  func declinedErrors() throws {
    do {
      _ = try GlossaryLoader.decode(
        Data(#"{"confusables": [{"wrong": "甲", "right": "乙", "certain": "yes"}]}"#.utf8), source: "my.json")
      Issue.record("decoded a file with a string for `certain`")
    } catch {
      #expect(error.source == "my.json")
      #expect(error.path == "$.confusables[0].certain")
    }
  }
}
