import RendaAnalysis
import RendaText

/// After an opening `“` on the cursor's line (and no `”` since): the national formulas
/// whose name or alias starts with what was typed after the quote, then those that
/// contain it. The new text completes the name and closes the quote (unless a `”`
/// already follows the cursor).
enum FormulaNameCompletion {
  /// Longer quoted text is a slogan being written, not a formula name being looked up.
  static let maximumTypedLength = 12

  static func suggestions(_ line: TypedLine, glossary: Glossary) -> [CompletionSuggestion] {
    guard let quote = line.items.lastIndex(where: { $0.scalar.isOpeningDoubleQuote }),
      !line.items[(quote + 1)...].contains(where: { $0.scalar.isClosingDoubleQuote || $0.scalar.isCJKPunctuation })
    else { return [] }
    let typed = line.typed(from: quote + 1)
    guard typed.unicodeScalars.count <= maximumTypedLength else { return [] }
    let replacing = line.range(from: quote + 1)
    let closing = line.next?.isClosingDoubleQuote == true ? "" : "”"
    var ranked: [(rank: Int, index: Int, spelling: String)] = []
    for (index, formula) in glossary.formulas.enumerated() {
      let spellings = [formula.name] + formula.aliases
      if let spelling = spellings.first(where: { $0.unicodeScalars.starts(with: typed.unicodeScalars) }) {
        ranked.append((0, index, spelling))
      } else if !typed.isEmpty, let spelling = spellings.first(where: { contains($0, typed) }) {
        ranked.append((1, index, spelling))
      }
    }
    return ranked.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map { entry in
      let formula = glossary.formulas[entry.index]
      let members = formula.members.map(\.text)
      var lines = ["**“\(formula.name)”**（\(members.count) 项）", ""]
      lines += members.enumerated().map { "\($0.offset + 1). \($0.element)" }
      if !formula.gloss.isEmpty { lines += ["", formula.gloss] }
      if let source = formula.sources.first { lines += ["", "来源：\(source)"] }
      let markdown = lines.joined(separator: "\n")
      return CompletionSuggestion(
        kind: .formulaName, label: formula.name, detail: members.joined(separator: "、"), markdown: markdown,
        plaintext: markdown.replacingAll("**", with: ""), replacing: replacing, newText: formula.name + closing,
        filterText: entry.spelling, sortText: "\(entry.rank)-\(pad(entry.index))")
    }
  }

  static func contains(_ text: String, _ part: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    let wanted = Array(part.unicodeScalars)
    guard !wanted.isEmpty, wanted.count <= scalars.count else { return wanted.isEmpty }
    return (0...(scalars.count - wanted.count)).contains { scalars[$0..<($0 + wanted.count)].elementsEqual(wanted) }
  }

  static func pad(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
