import LSPTypes
import RendaIDE

extension LanguageServer {
  /// The IDE layer's suggestions at the cursor, each with a `textEdit` over the typed
  /// prefix. Reads only the text and the document's glossary, so it answers at once.
  func completion(_ params: CompletionParams) throws -> Pending<CompletionList> {
    guard let document = documents[params.textDocument.uri] else {
      return .now(CompletionList(isIncomplete: false, items: []))
    }
    let converter = PositionConverter(text: document.text, encoding: client.encoding)
    guard !converter.isPastEnd(params.position) else { return .now(CompletionList(isIncomplete: false, items: [])) }
    let offset = converter.offset(of: params.position)
    let format = client.completionDocumentationFormat
    let suggestions = CompletionProvider.suggestions(
      at: offset, in: document.text, glossary: document.configuration.glossary)
    let items = suggestions.map { suggestion in
      CompletionItem(
        label: suggestion.label, kind: Self.completionKind(suggestion.kind), detail: suggestion.detail,
        documentation: format.map {
          .markup(MarkupContent(kind: $0, value: $0 == .markdown ? suggestion.markdown : suggestion.plaintext))
        } ?? .string(suggestion.plaintext),
        sortText: suggestion.sortText, filterText: suggestion.filterText, insertTextFormat: .plainText,
        textEdit: TextEdit(range: converter.range(of: suggestion.replacing), newText: suggestion.newText))
    }
    return .now(CompletionList(isIncomplete: false, items: items))
  }

  static func completionKind(_ kind: CompletionSuggestion.Kind) -> CompletionItemKind {
    switch kind {
    case .formulaName: .constant
    case .formulaMembers: .enumMember
    case .phrase: .text
    }
  }
}
