import Foundation
import RendaAnalysis
import RendaData
import Testing

/// The phrase glossary as the loader reads it: the built-in phrases.json, a user's file with
/// `phrases`, merging by id, and the checks the schema states in words.
@Suite("canonical-phrase glossary loading")
struct PhraseGlossaryLoadingTests {
  static func decode(_ json: String) throws(GlossaryLoadError) -> Glossary {
    try GlossaryLoader.decode(Data(json.utf8), source: "test.json")
  }

  static func error(_ json: String) -> String? {
    do {
      _ = try decode(json)
      return nil
    } catch {
      return error.description
    }
  }

  @Test("the built-in phrases: 209 entries with their series, accepted and wrong forms")
  func builtIn() throws {
    let glossary = try GlossaryLoader.builtIn()
    #expect(glossary.phrases.count == 209)
    let thought = try #require(glossary.phrases.first { $0.id == "xi-npc-thought" })
    #expect(thought.canonical == "习近平总书记关于坚持和完善人民代表大会制度的重要思想")
    #expect(thought.category == .theory)
    #expect(thought.wrong == ["习近平关于坚持和完善人民代表大会制度的重要思想"])
    #expect(!thought.source.isEmpty)
    let series = try #require(glossary.phrases.first { $0.id == "never-forget-original-aspiration" }?.series)
    #expect(series.members == ["不忘初心", "牢记使命"])
    #expect(series.separator == "、")
    #expect(series.isOrderFixed)
    #expect(Set(glossary.phrases.map(\.id)).count == 209)
    // The other lists are still there.
    #expect(glossary.formulas.count == 21)
    #expect(glossary.provinces.count == 34)
  }

  @Test("a user's file may hold phrases; optional keys default")
  func userFile() throws {
    let glossary = try Self.decode(
      #"""
      {"$schema": "../schemas/phrases.schema.json", "about": "本地。", "version": "2026.1",
       "phrases": [{"id": "local-liaison-three-levels", "canonical": "代表联络站、代表联络点、代表工作室",
                    "category": "institutions",
                    "series": {"members": ["代表联络站", "代表联络点", "代表工作室"], "separator": "、"},
                    "note": "本地代表履职平台。"}]}
      """#)
    let phrase = try #require(glossary.phrases.first)
    #expect(glossary.phrases.count == 1)
    #expect(phrase.accepted.isEmpty && phrase.wrong.isEmpty && phrase.source.isEmpty)
    #expect(phrase.series?.isOrderFixed == true)
  }

  @Test("a user's phrase replaces the built-in one with the same id; others are appended")
  func merging() throws {
    let builtIn = try GlossaryLoader.builtIn()
    let extra = try Self.decode(
      #"""
      {"phrases": [
        {"id": "xi-npc-thought", "canonical": "习近平总书记关于坚持和完善人民代表大会制度的重要思想",
         "category": "theory", "note": "替换。"},
        {"id": "local-thing", "canonical": "某某工作法", "category": "npc-terms", "note": "新增。"}]}
      """#)
    let merged = GlossaryLoader.merging(builtIn, with: extra)
    #expect(merged.phrases.count == 210)
    #expect(merged.phrases.first { $0.id == "xi-npc-thought" }?.note == "替换。")
    #expect(merged.phrases.first { $0.id == "xi-npc-thought" }?.wrong == [])
    #expect(merged.phrases.last?.id == "local-thing")
    #expect(merged.formulas == builtIn.formulas)
  }

  @Test("what the schema states in words is checked, with a JSON path")
  func errors() {
    let entry = #""canonical": "不忘初心、牢记使命", "category": "slogans", "note": "主题。""#
    #expect(
      Self.error(
        #"{"phrases": [{"id": "a", \#(entry)}, {"id": "a", "canonical": "甲乙", "category": "slogans", "note": "x"}]}"#)?
        .contains("$.phrases[1].id") == true)
    #expect(Self.error(#"{"phrases": [{"id": "Not-Kebab", \#(entry)}]}"#)?.contains("kebab-case") == true)
    #expect(
      Self.error(#"{"phrases": [{"id": "a", "canonical": "甲乙", "category": "slogan", "note": "x"}]}"#)?
        .contains("unknown category") == true)
    #expect(
      Self.error(#"{"phrases": [{"id": "a", "canonical": "甲 乙", "category": "slogans", "note": "x"}]}"#)?.contains(
        "whitespace") == true)
    #expect(
      Self.error(#"{"phrases": [{"id": "a", \#(entry), "wrong": ["不忘初心、牢记使命"]}]}"#)?
        .contains("$.phrases[0].wrong[0]") == true)
    #expect(
      Self.error(#"{"phrases": [{"id": "a", \#(entry), "series": {"members": ["不忘初心", "牢记宗旨"], "separator": "、"}}]}"#)?
        .contains("not the canonical form") == true)
    #expect(
      Self.error(#"{"phrases": [{"id": "a", \#(entry), "series": {"members": ["不忘初心", "牢记使命"], "separator": ";"}}]}"#)?
        .contains("separator") == true)
    #expect(Self.error(#"{"phrases": [{"id": "a", \#(entry), "extra": 1}]}"#)?.contains("unknown key") == true)
    #expect(
      Self.error(
        #"{"phrases": [{"id": "a", \#(entry)}, {"id": "b", "canonical": "不忘初心、牢记使命", "category": "slogans", "note": "x"}]}"#
      )?
      .contains("already a form") == true)
  }
}
