import RendaAnalysis
import RendaData
import RendaText
import Testing

@testable import RendaIDE

/// Completion of formula names after `“`, of a formula's members after `“…”（`, and of
/// canonical phrases, against the built-in glossary.
@Suite struct CompletionTests {
  let glossary: Glossary

  init() throws { glossary = try GlossaryLoader.builtIn() }

  /// Suggestions with the cursor at the end of `typed` (then `after` follows the cursor).
  func suggest(_ typed: String, after: String = "") -> (SourceText, [CompletionSuggestion]) {
    let text = SourceText(typed + after)
    let cursor = TextOffset(utf8: typed.utf8.count)
    return (text, CompletionProvider.suggestions(at: cursor, in: text, glossary: glossary))
  }

  @Test func afterAnOpeningQuoteEveryFormulaIsOffered() throws {
    let (text, suggestions) = suggest("增强“")
    let names = suggestions.filter { $0.kind == .formulaName }.map(\.label)
    #expect(Set(names) == Set(glossary.formulas.map(\.name)))
    let first = try #require(suggestions.first { $0.label == "四个意识" })
    #expect(first.replacing.isEmpty)
    #expect(first.replacing.lowerBound == text.endOffset)
    #expect(first.newText == "四个意识”")
    let members = try #require(glossary.formula(named: "四个意识")).members.map(\.text)
    #expect(first.detail == members.joined(separator: "、"))
    #expect(members.allSatisfy { first.markdown.contains($0) && first.plaintext.contains($0) })
    #expect(!first.plaintext.contains("**"))
  }

  @Test func typedTextAfterTheQuoteFilters() throws {
    let (text, suggestions) = suggest("坚定“四个", after: "")
    let names = suggestions.filter { $0.kind == .formulaName }.map(\.label)
    #expect(!names.isEmpty)
    #expect(names.allSatisfy { $0.hasPrefix("四个") })
    #expect(names.contains("四个自信") && names.contains("四个意识"))
    let item = try #require(suggestions.first { $0.label == "四个自信" })
    #expect(text.string(in: item.replacing) == "四个")
    #expect(item.newText == "四个自信”")
  }

  @Test func aClosingQuoteAfterTheCursorIsNotRepeated() throws {
    let (_, suggestions) = suggest("做到“两个", after: "”。")
    let item = try #require(suggestions.first { $0.label == "两个维护" })
    #expect(item.newText == "两个维护")
  }

  @Test func aClosedQuoteOffersNoFormulaNames() {
    let (_, suggestions) = suggest("增强“四个意识”，坚定")
    #expect(!suggestions.contains { $0.kind == .formulaName })
  }

  @Test func membersAfterAParenthesis() throws {
    let (text, suggestions) = suggest("特别是在“四个机关”（")
    let item = try #require(suggestions.first)
    #expect(suggestions.count == 1)
    #expect(item.kind == .formulaMembers)
    #expect(item.newText == "政治机关、权力机关、工作机关、代表机关）")
    #expect(item.replacing == text.endOffset..<text.endOffset)
  }

  @Test func membersAfterJiAcrossALineBreakWithATypedBeginning() throws {
    let (text, suggestions) = suggest("增强“四个意识”\n，即政治", after: "")
    let item = try #require(suggestions.first)
    #expect(item.kind == .formulaMembers)
    #expect(text.string(in: item.replacing) == "政治")
    let members = try #require(glossary.formula(named: "四个意识")).members.map(\.text)
    #expect(item.newText == members.joined(separator: "、"))
  }

  @Test func membersNotOfferedWhenTheTypedTextIsNotTheList() {
    let (_, suggestions) = suggest("“四个机关”（国家")
    #expect(!suggestions.contains { $0.kind == .formulaMembers })
  }

  @Test func phrasesCompleteTheLongestTypedTail() throws {
    let phrase = try #require(glossary.phrases.first { $0.canonical == "全过程人民民主" })
    let typed = String(phrase.canonical.prefix(3))
    let (text, suggestions) = suggest("各级人大常委会践行" + typed)
    let item = try #require(suggestions.first { $0.label == phrase.canonical })
    #expect(item.kind == .phrase)
    #expect(text.string(in: item.replacing) == typed)
    #expect(item.newText == phrase.canonical)
    #expect(suggestions.filter { $0.kind == .phrase }.allSatisfy { $0.filterText.hasPrefix(typed) })
  }

  @Test func oneTypedScalarOffersNoPhrase() {
    let (_, suggestions) = suggest("。全")
    #expect(!suggestions.contains { $0.kind == .phrase })
  }

  @Test func aQuotedPhraseIsMatchedWithoutItsQuote() throws {
    let (_, suggestions) = suggest("践行“三个代表")
    let item = try #require(suggestions.first { $0.label == "“三个代表”重要思想" })
    #expect(item.newText == "三个代表”重要思想")
    let (_, unquoted) = suggest("践行三个代表")
    #expect(unquoted.first { $0.label == "“三个代表”重要思想" }?.newText == "“三个代表”重要思想")
  }
}
