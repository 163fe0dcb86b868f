/// What the server announces: exactly what it implements.
package struct ServerCapabilities: Codable, Sendable, Hashable {
  package var positionEncoding: PositionEncodingKind?
  package var textDocumentSync: TextDocumentSyncOptions?
  package var hoverProvider: Bool?
  package var definitionProvider: Bool?
  package var referencesProvider: Bool?
  package var documentHighlightProvider: Bool?
  package var documentSymbolProvider: Bool?
  package var foldingRangeProvider: Bool?
  package var selectionRangeProvider: Bool?
  package var workspaceSymbolProvider: Bool?
  package var codeActionProvider: CodeActionOptions?
  package var diagnosticProvider: DiagnosticOptions?
  package var semanticTokensProvider: SemanticTokensOptions?
  package var completionProvider: CompletionOptions?

  package init(
    positionEncoding: PositionEncodingKind? = nil, textDocumentSync: TextDocumentSyncOptions? = nil,
    hoverProvider: Bool? = nil, definitionProvider: Bool? = nil, referencesProvider: Bool? = nil,
    documentHighlightProvider: Bool? = nil, documentSymbolProvider: Bool? = nil, foldingRangeProvider: Bool? = nil,
    selectionRangeProvider: Bool? = nil, workspaceSymbolProvider: Bool? = nil,
    codeActionProvider: CodeActionOptions? = nil, diagnosticProvider: DiagnosticOptions? = nil,
    semanticTokensProvider: SemanticTokensOptions? = nil, completionProvider: CompletionOptions? = nil
  ) {
    self.positionEncoding = positionEncoding
    self.textDocumentSync = textDocumentSync
    self.hoverProvider = hoverProvider
    self.definitionProvider = definitionProvider
    self.referencesProvider = referencesProvider
    self.documentHighlightProvider = documentHighlightProvider
    self.documentSymbolProvider = documentSymbolProvider
    self.foldingRangeProvider = foldingRangeProvider
    self.selectionRangeProvider = selectionRangeProvider
    self.workspaceSymbolProvider = workspaceSymbolProvider
    self.codeActionProvider = codeActionProvider
    self.diagnosticProvider = diagnosticProvider
    self.semanticTokensProvider = semanticTokensProvider
    self.completionProvider = completionProvider
  }
}

package struct TextDocumentSyncKind: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: Int
  package init(rawValue: Int) { self.rawValue = rawValue }

  package static let none = TextDocumentSyncKind(rawValue: 0)
  package static let full = TextDocumentSyncKind(rawValue: 1)
  package static let incremental = TextDocumentSyncKind(rawValue: 2)
}

package struct SaveOptions: Codable, Sendable, Hashable {
  package var includeText: Bool?
  package init(includeText: Bool?) { self.includeText = includeText }
}

package struct TextDocumentSyncOptions: Codable, Sendable, Hashable {
  package var openClose: Bool?
  package var change: TextDocumentSyncKind?
  package var save: SaveOptions?

  package init(openClose: Bool?, change: TextDocumentSyncKind?, save: SaveOptions?) {
    self.openClose = openClose
    self.change = change
    self.save = save
  }
}

package struct CodeActionOptions: Codable, Sendable, Hashable {
  package var codeActionKinds: [CodeActionKind]?
  package var resolveProvider: Bool?

  package init(codeActionKinds: [CodeActionKind]?, resolveProvider: Bool? = nil) {
    self.codeActionKinds = codeActionKinds
    self.resolveProvider = resolveProvider
  }
}

package struct DiagnosticOptions: Codable, Sendable, Hashable {
  package var identifier: String?
  package var interFileDependencies: Bool
  package var workspaceDiagnostics: Bool

  package init(identifier: String? = nil, interFileDependencies: Bool, workspaceDiagnostics: Bool) {
    self.identifier = identifier
    self.interFileDependencies = interFileDependencies
    self.workspaceDiagnostics = workspaceDiagnostics
  }
}
