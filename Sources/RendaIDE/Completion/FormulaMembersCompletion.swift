import RendaAnalysis
import RendaText

/// Right after a complete formula name that opens a list — `“四个意识”（` or
/// `“四个意识”，即` — the formula's members in canonical order as one item, closing the
/// parenthesis it opened. Offered while what is typed after the opener is still the
/// beginning of that list.
enum FormulaMembersCompletion {
  static func suggestions(_ line: TypedLine, text: SourceText, glossary: Glossary) -> [CompletionSuggestion] {
    // The opener is the last `（`, `(` or `即` on the line before the cursor.
    guard let opener = line.items.lastIndex(where: { isOpener($0.scalar) }) else { return [] }
    let typed = line.typed(from: opener + 1)
    guard
      let (name, parenthesis) = formulaName(
        before: line.items[opener].range.lowerBound, opener: line.items[opener].scalar, text: text),
      let formula = glossary.formula(named: name)
    else { return [] }
    let list = formula.members.map(\.text).joined(separator: "、")
    guard list.unicodeScalars.starts(with: typed.unicodeScalars), list != typed else { return [] }
    let closing = parenthesis && !(line.next.map(isCloser) ?? false) ? "）" : ""
    let markdown = "**“\(formula.name)”** 的成员（规范顺序）：\n\n" + list
    return [
      CompletionSuggestion(
        kind: .formulaMembers, label: list, detail: "“\(formula.name)”（\(formula.members.count) 项）",
        markdown: markdown, plaintext: markdown.replacingAll("**", with: ""),
        replacing: line.range(from: opener + 1), newText: list + closing, filterText: list, sortText: "0-0000")
    ]
  }

  private static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value == 0xFF08 || scalar.value == 0x28 || scalar == "即"
  }

  private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value == 0xFF09 || scalar.value == 0x29
  }

  /// Looking back from the opener (across line breaks and spaces, OCR wraps anywhere):
  /// an optional `，`/`：` (before `即` only), `”`, the name, `“`. Returns the name and
  /// whether the opener is a parenthesis.
  private static func formulaName(before end: TextOffset, opener: Unicode.Scalar, text: SourceText)
    -> (String, Bool)?
  {
    let lookback = 64
    let start = text.scalarBoundary(atOrBefore: end.advanced(byUTF8: -min(end.utf8, lookback * 4)))
    var scalars = text.scalars(in: start..<end).filter { !$0.isInlineWhitespace && !$0.isLineBreak }
    let parenthesis = opener != "即"
    if !parenthesis, let last = scalars.last, last == "，" || last == "," || last == "：" { scalars.removeLast() }
    guard scalars.last?.isClosingDoubleQuote == true else { return nil }
    scalars.removeLast()
    guard let quote = scalars.lastIndex(where: { $0.isOpeningDoubleQuote }), quote < scalars.count - 1 else {
      return nil
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[(quote + 1)...])
    return (String(view), parenthesis)
  }
}
