/// `textDocument/didOpen`.
package enum DidOpenTextDocumentNotification: LSPNotification {
  package typealias Params = DidOpenTextDocumentParams
  package static let method = "textDocument/didOpen"
}

/// `textDocument/didChange`.
package enum DidChangeTextDocumentNotification: LSPNotification {
  package typealias Params = DidChangeTextDocumentParams
  package static let method = "textDocument/didChange"
}

/// `textDocument/didClose`.
package enum DidCloseTextDocumentNotification: LSPNotification {
  package typealias Params = DidCloseTextDocumentParams
  package static let method = "textDocument/didClose"
}

/// `textDocument/didSave`.
package enum DidSaveTextDocumentNotification: LSPNotification {
  package typealias Params = DidSaveTextDocumentParams
  package static let method = "textDocument/didSave"
}

package struct DidOpenTextDocumentParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentItem
  package init(textDocument: TextDocumentItem) { self.textDocument = textDocument }
}

/// One change: `range` (in the text as left by the previous change of the same
/// notification) replaced by `text`; no `range` means the whole document.
package struct TextDocumentContentChangeEvent: Codable, Sendable, Hashable {
  package var range: LSPRange?
  package var rangeLength: Int?
  package var text: String

  package init(range: LSPRange? = nil, rangeLength: Int? = nil, text: String) {
    self.range = range
    self.rangeLength = rangeLength
    self.text = text
  }
}

package struct DidChangeTextDocumentParams: Codable, Sendable, Hashable {
  package var textDocument: VersionedTextDocumentIdentifier
  package var contentChanges: [TextDocumentContentChangeEvent]

  package init(textDocument: VersionedTextDocumentIdentifier, contentChanges: [TextDocumentContentChangeEvent]) {
    self.textDocument = textDocument
    self.contentChanges = contentChanges
  }
}

package struct DidCloseTextDocumentParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

package struct DidSaveTextDocumentParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package var text: String?

  package init(textDocument: TextDocumentIdentifier, text: String? = nil) {
    self.textDocument = textDocument
    self.text = text
  }
}
