package struct TextEdit: Codable, Sendable, Hashable {
  package var range: LSPRange
  package var newText: String

  package init(range: LSPRange, newText: String) {
    self.range = range
    self.newText = newText
  }
}

package struct TextDocumentEdit: Codable, Sendable, Hashable {
  package var textDocument: OptionalVersionedTextDocumentIdentifier
  package var edits: [TextEdit]

  package init(textDocument: OptionalVersionedTextDocumentIdentifier, edits: [TextEdit]) {
    self.textDocument = textDocument
    self.edits = edits
  }
}

/// Either `changes` (per URI) or `documentChanges` (versioned), as the client supports.
package struct WorkspaceEdit: Codable, Sendable, Hashable {
  package var changes: [DocumentURI: [TextEdit]]?
  package var documentChanges: [TextDocumentEdit]?

  package init(changes: [DocumentURI: [TextEdit]]? = nil, documentChanges: [TextDocumentEdit]? = nil) {
    self.changes = changes
    self.documentChanges = documentChanges
  }
}
