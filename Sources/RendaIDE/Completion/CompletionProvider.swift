import RendaAnalysis
import RendaText

/// What to offer at a cursor: a formula's members after `“名称”（`, formula names after
/// an opening `“`, canonical phrases whose beginning was typed. Needs only the text and
/// the glossary, so it answers without waiting for the document's analysis.
package enum CompletionProvider {
  package static func suggestions(at offset: TextOffset, in text: SourceText, glossary: Glossary)
    -> [CompletionSuggestion]
  {
    let line = TypedLine(text: text, cursor: offset)
    let members = FormulaMembersCompletion.suggestions(line, text: text, glossary: glossary)
    if !members.isEmpty { return members }
    return FormulaNameCompletion.suggestions(line, glossary: glossary)
      + PhraseCompletion.suggestions(line, glossary: glossary)
  }
}
