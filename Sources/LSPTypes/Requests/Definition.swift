/// `textDocument/definition`: where the element under the position is defined.
/// Renda answers `Location[]` (possibly empty).
package enum DefinitionRequest: LSPRequest {
  package typealias Params = TextDocumentPositionParams
  package typealias Response = [Location]
  package static let method = "textDocument/definition"
}

/// `textDocument/references`: every place the element under the position is used.
package enum ReferencesRequest: LSPRequest {
  package typealias Params = ReferenceParams
  package typealias Response = [Location]
  package static let method = "textDocument/references"
}

package struct ReferenceContext: Codable, Sendable, Hashable {
  /// Whether the answer includes the declaration (what `definition` answers).
  package var includeDeclaration: Bool

  package init(includeDeclaration: Bool) { self.includeDeclaration = includeDeclaration }
}

package struct ReferenceParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package var position: Position
  package var context: ReferenceContext

  package init(textDocument: TextDocumentIdentifier, position: Position, context: ReferenceContext) {
    self.textDocument = textDocument
    self.position = position
    self.context = context
  }
}
