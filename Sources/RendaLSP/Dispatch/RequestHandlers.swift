import LSPTypes

extension LanguageServer {
  /// Every request the server answers. Adding one: its types in `LSPTypes/Requests/`, a
  /// handler in `Handlers/`, a row here, and its capability in `Handlers/Lifecycle.swift`.
  static let requestHandlers: [String: RequestHandler] = [
    CodeActionRequest.method: RequestHandler(CodeActionRequest.self) { try $0.codeAction($1) },
    CompletionRequest.method: RequestHandler(CompletionRequest.self) { try $0.completion($1) },
    DefinitionRequest.method: RequestHandler(DefinitionRequest.self) { try $0.definition($1) },
    DocumentDiagnosticRequest.method: RequestHandler(DocumentDiagnosticRequest.self) { try $0.documentDiagnostic($1) },
    DocumentHighlightRequest.method: RequestHandler(DocumentHighlightRequest.self) { try $0.documentHighlight($1) },
    DocumentSymbolRequest.method: RequestHandler(CachedDocumentSymbolRequest.self) { try $0.documentSymbol($1) },
    FoldingRangeRequest.method: RequestHandler(FoldingRangeRequest.self) { try $0.foldingRange($1) },
    HoverRequest.method: RequestHandler(HoverRequest.self) { try $0.hover($1) },
    InitializeRequest.method: RequestHandler(InitializeRequest.self) { try $0.initialize($1) },
    ReferencesRequest.method: RequestHandler(ReferencesRequest.self) { try $0.references($1) },
    SelectionRangeRequest.method: RequestHandler(SelectionRangeRequest.self) { try $0.selectionRange($1) },
    SemanticTokensFullRequest.method: RequestHandler(SemanticTokensFullRequest.self) {
      try $0.semanticTokensFull($1)
    },
    SemanticTokensRangeRequest.method: RequestHandler(SemanticTokensRangeRequest.self) {
      try $0.semanticTokensRange($1)
    },
    ShutdownRequest.method: RequestHandler(ShutdownRequest.self) { try $0.shutdown($1) },
    WorkspaceDiagnosticRequest.method: RequestHandler(WorkspaceDiagnosticRequest.self) {
      try $0.workspaceDiagnostic($1)
    },
    WorkspaceSymbolRequest.method: RequestHandler(WorkspaceSymbolRequest.self) { try $0.workspaceSymbol($1) },
  ]
}
