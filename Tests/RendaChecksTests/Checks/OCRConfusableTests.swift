import Foundation
import RendaAnalysis
import RendaChecks
import Testing

@Suite("ocr-confusable")
struct OCRConfusableTests {
  static let glossary = Glossary(
    formulas: [], provinces: [],
    confusables: [
      Confusable(wrong: "通讨", right: "通过", isCertain: true, note: "讨/过"),
      Confusable(wrong: "做买", right: "做实", isCertain: false, note: "买/实; 做买卖 is a word"),
      Confusable(wrong: "深人", right: "深入", isCertain: true, note: "人/入"),
    ])

  func seen(_ body: String) -> [SeenFinding] {
    findings(of: "ocr-confusable", in: page(body: body), glossary: Self.glossary)
  }

  @Test("a listed misreading is flagged, and the certain fix restores the word")
  func certain() {
    let found = seen("机关通讨学习改进作风。")
    #expect(found.count == 1)
    #expect(found.first?.covered == "通讨")
    #expect(found.first?.line == 5)
    #expect(found.first?.severity == .warning)
    #expect(found.first?.zh.contains("“通讨”应为“通过”") == true)
    #expect(found.first?.en.contains("“通过”") == true)
    #expect(found.first?.fixedText?.contains("机关通过学习改进作风。") == true)
  }

  @Test("a misreading split by a line break or a space is found; the range covers exactly it")
  func splitForms() {
    let found = seen("机关通\n讨学习，深 人调研。")
    #expect(found.map(\.covered) == ["通\n讨", "深 人"])
    #expect(found.first?.fixedText?.contains("机关通\n过学习") == true)
    #expect(found.last?.fixedText?.contains("深 入调研") == true)
  }

  @Test("an uncertain entry warns without a fix")
  func uncertain() {
    let found = seen("做买政府债务审查监督。")
    #expect(found.map(\.covered) == ["做买"])
    #expect(found.first?.zh.contains("请对照原文核实") == true)
    #expect(found.first?.fixedText == nil)
  }

  @Test("real words that hold a listed form across a word boundary are quiet")
  func realWords() {
    #expect(seen("经过沟通讨论，资深人士和群众一起做买卖。").isEmpty)
  }

  @Test("a stray underscore between Chinese characters is removed with the space before it")
  func underscore() {
    let found = seen("发挥服务保 _障的职能作用。")
    #expect(found.map(\.covered) == ["_"])
    #expect(found.first?.zh.contains("下划线") == true)
    #expect(found.first?.fixedText?.contains("发挥服务保障的职能作用。") == true)
  }

  @Test("underscores in Latin text and fill-in blanks are quiet")
  func underscoreQuiet() {
    #expect(seen("文件名为 file_name，姓名：____。").isEmpty)
  }

  @Test("forms that start past the Basic Multilingual Plane, high in it, or with `_` are found too")
  func firstScalarsAnywhere() {
    let entries = [
      Confusable(wrong: "\u{20000}人", right: "丁人", isCertain: true),
      Confusable(wrong: "\u{31350}人", right: "丁人", isCertain: true),
      Confusable(wrong: "ＡＢ", right: "AB", isCertain: true),
      Confusable(wrong: "_名", right: "名", isCertain: true),
      Confusable(wrong: "通讨", right: "通过", isCertain: true),
    ]
    let text = page(body: "甲\u{20000}人乙\u{31350}人，\u{20001}人ＡＢ字，file_名，服务保_障，通讨。")
    let all = Glossary(formulas: [], provinces: [], confusables: entries)
    let found = findings(of: "ocr-confusable", in: text, glossary: all)
    #expect(found.map(\.covered) == ["\u{20000}人", "\u{31350}人", "ＡＢ", "_名", "_", "通讨"])
    // Without a form past the plane: scalars past the last first scalar, in the plane or not, are in none.
    let inPlane = Glossary(formulas: [], provinces: [], confusables: Array(entries.dropFirst(2)))
    #expect(findings(of: "ocr-confusable", in: text, glossary: inPlane).map(\.covered) == ["ＡＢ", "_名", "_", "通讨"])
  }

  @Test("the built-in glossary knows 通讨")
  func builtIn() {
    #expect(!builtInGlossary.confusables.isEmpty)
    let found = findings(of: "ocr-confusable", in: page(body: "机关通讨学习改进作风。"))
    #expect(found.map(\.covered) == ["通讨"])
    #expect(found.first?.fixedText?.contains("机关通过学习") == true)
  }

  @Test("every entry of confusables.json has a misread form of two or more characters")
  func dataShape() throws {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/RendaData/Resources/confusables.json")
    let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    #expect(Set(file.keys) == ["about", "version", "confusables"])
    let entries = try #require(file["confusables"] as? [[String: Any]])
    #expect(entries.count >= 24)
    var seenWrong: Set<String> = []
    for entry in entries {
      let wrong = try #require(entry["wrong"] as? String)
      let right = try #require(entry["right"] as? String)
      #expect(Set(entry.keys) == ["wrong", "right", "certain", "note"], "\(wrong)")
      #expect(entry["certain"] is Bool, "\(wrong)")
      #expect(wrong.unicodeScalars.count >= 2, "\(wrong)")
      #expect(wrong != right, "\(wrong)")
      #expect(seenWrong.insert(wrong).inserted, "\(wrong) twice")
    }
  }
}
