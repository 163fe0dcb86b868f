import Foundation
import RendaAnalysis
import RendaChecks
import RendaPage
import RendaText
import Testing

@Suite("canonical-phrase")
struct CanonicalPhraseTests {
  func seen(_ body: String) -> [SeenFinding] {
    findings(of: "canonical-phrase", in: page(body: body))
  }

  @Test("the built-in glossary holds the 209 phrases, in five categories")
  func glossary() {
    #expect(builtInGlossary.phrases.count == 209)
    let counts = Dictionary(grouping: builtInGlossary.phrases, by: \.category).mapValues(\.count)
    #expect(counts == [.theory: 22, .meetings: 31, .institutions: 48, .slogans: 67, .npcTerms: 41])
    #expect(builtInGlossary.phrases.filter { $0.series != nil }.count == 46)
  }

  @Test("a listed wrong form: error, canonical form in both languages, certain fix")
  func listedWrong() throws {
    let found = seen("深入学习习近平关于坚持和完善人民代表大会制度的重要思想。")
    let first = try #require(found.first)
    #expect(found.count == 1)
    #expect(first.severity == .error)
    #expect(first.line == 5)
    #expect(first.covered == "习近平关于坚持和完善人民代表大会制度的重要思想")
    #expect(first.zh.contains("应为“习近平总书记关于坚持和完善人民代表大会制度的重要思想”"))
    #expect(first.en.contains("“习近平总书记关于坚持和完善人民代表大会制度的重要思想”"))
    #expect(first.fixedText?.contains("深入学习习近平总书记关于坚持和完善人民代表大会制度的重要思想。") == true)
  }

  @Test("a phrase wrapped across lines or spaced out is found, and the fix keeps the break")
  func wrapped() throws {
    let found = seen(
      "深入学习习近平关于坚持和完善人民代\n表大会制度的重要思想。\n\n坚持正确监督、有郊监 督、依法监督。\n\n要不忘初心、牢计使\n命。")
    #expect(found.map(\.line) == [5, 8, 10])
    #expect(found.first?.fixedText?.contains("习近平总书记关于坚持和完善人民代\n表大会制度") == true)
    let spaced = try #require(found.dropFirst().first)
    #expect(spaced.covered == "正确监督、有郊监 督、依法监督")
    #expect(spaced.fixedText?.contains("正确监督、有效监 督、依法监督") == true)
    let wrappedPhrase = try #require(found.last)
    #expect(wrappedPhrase.covered == "不忘初心、牢计使\n命")
    #expect(wrappedPhrase.fixedText?.contains("要不忘初心、牢记使\n命。") == true)
    #expect(seen("要不忘初心、牢记使\n明。").isEmpty, "an edit at the last character of a short phrase")
  }

  @Test("a one-edit near-miss of eight characters or more is fixed; shorter ones only warned")
  func nearMisses() {
    let long = seen("要践行全心全意为人名服务的宗旨。")
    #expect(long.map(\.covered) == ["全心全意为人名服务"])
    #expect(long.first?.zh.contains("“名”应为“民”") == true)
    #expect(long.first?.fixedText?.contains("全心全意为人民服务") == true)
    let short = seen("保证人民当家做主。")
    #expect(short.map(\.covered) == ["人民当家做主"])
    #expect(short.first?.fixedText == nil)
  }

  @Test("the related location points at a correct use in the same article")
  func related() throws {
    let text = page(
      body: "认真学习习近平总书记关于坚持和完善人民代表大会制度的重要思想。\n\n深入学习习近平关于坚持和完善人民代表大会制度的重要思想。")
    let source = SourceText(text)
    let all = CheckRunner.findings(
      in: PageParser.parse(source), glossary: builtInGlossary,
      configuration: CheckConfiguration.default.limited(to: ["canonical-phrase"]))
    let finding = try #require(all.first)
    #expect(all.count == 1)
    let related = try #require(finding.related.first)
    #expect(source.lineIndex.line(containing: related.range.lowerBound) + 1 == 5)
    #expect(source.string(in: related.range) == "习近平总书记关于坚持和完善人民代表大会制度的重要思想")
    #expect(related.message.zh.contains("本文第5行"))
  }

  @Test("the meeting-name grammar: 党的十九届人大 is reported with the likely intended text")
  func meetingGrammar() throws {
    let found = seen("全面贯彻党的十九大和十九届历次全会精神。\n\n深入学习贯彻落实党的十九届人\n大及历次全会精神。")
    let first = try #require(found.first)
    #expect(found.count == 1)
    #expect(first.line == 7)
    #expect(first.covered == "党的十九届人\n大及历次全会")
    #expect(first.zh.contains("党的十九大和十九届历次全会"))
    #expect(first.fixedText == nil)
    #expect(seen("学习党的十九届六中全会精神和党的二十届三中全会精神。").isEmpty)
  }

  @Test("a reordered series and a wrong separator")
  func series() {
    let reordered = seen("要牢记使命、不忘初心。")
    #expect(reordered.map(\.covered) == ["牢记使命、不忘初心"])
    #expect(reordered.first?.severity == .error)
    let unconfirmed = seen("准确把握依法监督、正确监督、有效监督的规律。")
    #expect(unconfirmed.first?.severity == .warning)
    let separator = seen("坚持江山就是人民、人民就是江山。")
    #expect(separator.map(\.covered) == ["江山就是人民、人民就是江山"])
    #expect(separator.first?.fixedText?.contains("江山就是人民，人民就是江山") == true)
  }

  @Test("correct forms, accepted variants and near words are quiet")
  func quiet() {
    let body = """
      全国人民代表大会常务委员会、全国人大常委会、不忘初心，牢记使命、“以人民为中心”的发展思想，
      围绕中心服务大局，我国人民代表大会制度，如何审议工作报告，中央人才工作会议，第一个百年奋斗目标，
      党的二十届四中全会，十九届六中全会，山丹县十九届人大三次会议，习近平关于调查研究重要论述。
      """
    #expect(seen(body).isEmpty)
  }

  @Test("a misreading ocr-confusable reports is left to it")
  func confusable() {
    let found = findings(
      of: "canonical-phrase", in: page(body: "推进国家冶理体系和治理能力现代化。"),
      configuration: .default)
    #expect(found.isEmpty)
  }

  @Test("a user's phrase replaces the built-in one with its id, and new ones are matched")
  func userPhrases() {
    var glossary = builtInGlossary
    glossary.phrases.append(
      RendaAnalysis.CanonicalPhrase(
        id: "local-liaison", canonical: "代表联络站、代表联络点、代表工作室", category: .institutions,
        series: PhraseSeries(members: ["代表联络站", "代表联络点", "代表工作室"], separator: "、"),
        note: "本地代表履职平台。"))
    let found = findings(
      of: "canonical-phrase", in: page(body: "建好代表联络点、代表联络站、代表工作室。"), glossary: glossary)
    #expect(found.map(\.covered) == ["代表联络点、代表联络站、代表工作室"])
  }

  @Test("an inline suppression silences the rule")
  func suppression() {
    let found = seen("<!-- renda-disable-next-line canonical-phrase -->\n深入学习习近平关于坚持和完善人民代表大会制度的重要思想。")
    #expect(found.isEmpty)
  }

  @Test("explain documents the rule and the glossary format")
  func documentation() {
    let doc = RendaChecks.CanonicalPhrase().documentation
    #expect(doc.contains("canonical-phrase"))
    for word in [
      "\"canonical\"", "\"accepted\"", "\"wrong\"", "\"series\"", "\"separator\"", "\"orderFixed\"", "党的十九届人大",
    ] {
      #expect(doc.contains(word), "\(word)")
    }
  }
}
