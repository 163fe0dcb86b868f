import Dispatch
import JSONRPC
import LSPTypes
import RendaChecks
import RendaData
import RendaText

extension LanguageServer {
  /// Exactly what the server implements.
  static func capabilities(encoding: PositionEncoding) -> ServerCapabilities {
    ServerCapabilities(
      positionEncoding: encoding.kind,
      textDocumentSync: TextDocumentSyncOptions(
        openClose: true, change: .incremental, save: SaveOptions(includeText: false)),
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: CodeActionOptions(codeActionKinds: [.quickFix, CodeActionKind.rendaFixAll]),
      diagnosticProvider: DiagnosticOptions(
        identifier: "renda", interFileDependencies: false, workspaceDiagnostics: true),
      semanticTokensProvider: SemanticTokensOptions(legend: SemanticTokensEncoding.legend, range: true, full: true),
      completionProvider: CompletionOptions(triggerCharacters: ["“", "（", "("], resolveProvider: false)
    )
  }

  func initialize(_ params: InitializeParams) throws -> Pending<InitializeResult> {
    client = ClientSettings(params)
    log.traceLevel = params.trace ?? .off
    configurations.setOverrides(from: params.initializationOptions)
    reportConfigurationProblems()
    lifecycle = .running
    let offered = params.capabilities.general?.positionEncodings?.map(\.rawValue) ?? []
    log.info(
      "initialize from \(params.clientInfo?.name ?? "an unnamed client"): positions in \(client.encoding.rawValue)"
        + (offered.isEmpty
          ? " (the client offered no positionEncodings)" : " (offered: \(offered.joined(separator: ", ")))")
        + ", hover as \(client.hoverFormat.rawValue), messages in \(client.language.rawValue)")
    // The built-in glossary and the rules' indexes of it are built on another core while
    // the client gets the answer and opens its first document.
    DispatchQueue.global(qos: .userInitiated).async {
      if let glossary = try? GlossaryLoader.builtIn() { CheckRunner.prepare(glossary: glossary) }
    }
    return .now(
      InitializeResult(
        capabilities: Self.capabilities(encoding: client.encoding),
        serverInfo: ServerInfo(name: "renda", version: version)
      ))
  }

  func initialized(_ params: NoParams) {
    pullConfiguration(reason: "initialized")
    guard client.watchFilesDynamically else { return }
    let options: LSPAny = .object(["watchers": .array([.object(["globPattern": .string("**/.renda.json")])])])
    sendRequest(
      RegisterCapabilityRequest.self,
      RegistrationParams(registrations: [
        Registration(
          id: "renda-configuration-files", method: DidChangeWatchedFilesNotification.method, registerOptions: options)
      ]))
  }

  func shutdown(_ params: NoParams) throws -> Pending<LSPNull> {
    lifecycle = .shutDown
    log.info("shutdown")
    return .now(LSPNull())
  }

  func setTrace(_ params: SetTraceParams) {
    log.traceLevel = params.value
  }

  /// Answers a request still in flight with -32800; a request already answered (or
  /// unknown) is left alone, as the protocol asks.
  func cancelRequest(_ params: CancelParams) {
    let id: RequestID =
      switch params.id {
      case .integer(let number): .number(number)
      case .string(let text): .string(text)
      }
    guard let task = inFlight.removeValue(forKey: id) else { return }
    task.cancel()
    respond(
      id, method: "$/cancelRequest",
      .failure(ResponseError(code: LSPErrorCode.requestCancelled, message: "request \(id) was cancelled")))
  }
}

extension CodeActionKind {
  /// Applies every certain fix in the document.
  static let rendaFixAll = CodeActionKind(rawValue: "source.fixAll.renda")
}
