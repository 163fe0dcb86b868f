/// `textDocument/documentHighlight`: the ranges to mark that relate to the element under
/// the position.
package enum DocumentHighlightRequest: LSPRequest {
  package typealias Params = TextDocumentPositionParams
  package typealias Response = [DocumentHighlight]
  package static let method = "textDocument/documentHighlight"
}

package struct DocumentHighlightKind: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: Int
  package init(rawValue: Int) { self.rawValue = rawValue }

  package static let text = DocumentHighlightKind(rawValue: 1)
  package static let read = DocumentHighlightKind(rawValue: 2)
  package static let write = DocumentHighlightKind(rawValue: 3)
}

package struct DocumentHighlight: Codable, Sendable, Hashable {
  package var range: LSPRange
  package var kind: DocumentHighlightKind?

  package init(range: LSPRange, kind: DocumentHighlightKind?) {
    self.range = range
    self.kind = kind
  }
}
