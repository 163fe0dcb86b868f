import LSPTypes
import RendaText

extension LanguageServer {
  func didOpen(_ params: DidOpenTextDocumentParams) {
    let item = params.textDocument
    var document = Document(
      uri: item.uri, languageId: item.languageId, version: item.version, text: SourceText(item.text),
      configuration: configurations.configuration(for: item.uri))
    document.history.record(version: item.version, changes: nil)
    reportConfigurationProblems()
    documents[item.uri] = document
    _ = analysis(of: document)
  }

  /// Applies the changes (incremental or whole) and schedules the new version; a pending
  /// analysis of an older version is superseded.
  func didChange(_ params: DidChangeTextDocumentParams) {
    let uri = params.textDocument.uri
    guard var document = documents[uri] else {
      log.warning("didChange for \(uri), which is not open: ignored")
      return
    }
    let (text, edits) = TextChanges.applying(params.contentChanges, to: document.text, encoding: client.encoding)
    document.text = text
    document.version = params.textDocument.version
    document.history.record(version: document.version, changes: edits)
    documents[uri] = document
    _ = analysis(of: document)
  }

  /// Forgets the document and clears its diagnostics.
  func didClose(_ params: DidCloseTextDocumentParams) {
    let uri = params.textDocument.uri
    guard documents[uri] != nil else { return }
    documents[uri] = nil
    analyser.forget(uri)
    send(PublishDiagnosticsNotification.self, PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
  }

  /// Saving a `.renda.json` reloads the configuration (for clients that do not watch files).
  func didSave(_ params: DidSaveTextDocumentParams) {
    if params.textDocument.uri.hasSuffix("/.renda.json") {
      reloadConfiguration(reason: "\(params.textDocument.uri) saved")
    }
  }
}
