import RendaAnalysis
import RendaText

/// Canonical phrases (规范提法) whose beginning was just typed: the longest tail (at
/// least two scalars) of the run of text before the cursor that begins some phrase, and
/// every phrase it begins. Chinese has no spaces between words, so the typed word is not
/// known in advance; the longest tail that matches is the most specific reading.
///
/// A phrase that starts with a quote (`“三个代表”重要思想`) is matched without it.
enum PhraseCompletion {
  static let minimumTyped = 2
  static let maximumSuggestions = 30

  static func suggestions(_ line: TypedLine, glossary: Glossary) -> [CompletionSuggestion] {
    // The run: scalars back to the last whitespace or punctuation other than inner marks.
    var start = line.items.count
    while start > 0, isRunScalar(line.items[start - 1].scalar) { start -= 1 }
    let run = line.items[start...].map(\.scalar)
    guard run.count >= minimumTyped else { return [] }
    let keys = glossary.phrases.map { Array(key(of: $0.canonical).unicodeScalars) }
    let longest = keys.map(\.count).max() ?? 0
    var length = min(run.count, longest - 1)
    while length >= minimumTyped {
      let tail = run[(run.count - length)...]
      let matches = keys.indices.filter { keys[$0].count > length && keys[$0].starts(with: tail) }
      if !matches.isEmpty {
        let from = line.items.count - length
        let quoted = from > 0 && line.items[from - 1].scalar.isOpeningDoubleQuote
        return suggestions(for: matches, glossary: glossary, replacing: line.range(from: from), quoted: quoted)
      }
      length -= 1
    }
    return []
  }

  /// `quoted`: an opening quote was typed before the tail, so it is not inserted again.
  private static func suggestions(for matches: [Int], glossary: Glossary, replacing: TextRange, quoted: Bool)
    -> [CompletionSuggestion]
  {
    matches.prefix(maximumSuggestions).enumerated().map { rank, index in
      let phrase = glossary.phrases[index]
      var lines = ["**\(phrase.canonical)**", "", "\(phrase.category.chineseName)"]
      if !phrase.note.isEmpty { lines += ["", phrase.note] }
      if !phrase.source.isEmpty { lines += ["", "来源：\(phrase.source)"] }
      let markdown = lines.joined(separator: "\n")
      return CompletionSuggestion(
        kind: .phrase, label: phrase.canonical, detail: phrase.category.chineseName, markdown: markdown,
        plaintext: markdown.replacingAll("**", with: ""), replacing: replacing,
        newText: quoted ? key(of: phrase.canonical) : phrase.canonical,
        filterText: key(of: phrase.canonical), sortText: "2-\(FormulaNameCompletion.pad(rank))")
    }
  }

  /// The phrase without a leading opening quote.
  private static func key(of canonical: String) -> String {
    var scalars = canonical.unicodeScalars[...]
    if scalars.first?.isOpeningDoubleQuote == true { scalars = scalars.dropFirst() }
    return String(String.UnicodeScalarView(scalars))
  }

  private static func isRunScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isCJKIdeograph || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }
}
