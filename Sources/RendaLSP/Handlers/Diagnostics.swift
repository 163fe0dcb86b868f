import LSPTypes

/// Push diagnostics are published by the analyser's thread through `PublishGate` after each analysis;
/// these are the pull requests. A result id names a version under one configuration, so
/// an unchanged document answers `unchanged`.
extension LanguageServer {
  func documentDiagnostic(_ params: DocumentDiagnosticParams) throws -> Pending<DocumentDiagnosticReport> {
    guard let document = documents[params.textDocument.uri] else { return .now(.full(resultId: nil, items: [])) }
    let promise = analysis(of: document)
    let resultID = document.key.resultID
    let previous = params.previousResultId
    return .later {
      let analysed = try await promise.value.get()
      if previous == resultID { return .unchanged(resultId: resultID) }
      return .full(resultId: resultID, items: analysed.diagnostics)
    }
  }

  /// Every open document (Renda does not scan the workspace for files not open).
  func workspaceDiagnostic(_ params: WorkspaceDiagnosticParams) throws -> Pending<WorkspaceDiagnosticReport> {
    let previous = Dictionary(params.previousResultIds.map { ($0.uri, $0.value) }, uniquingKeysWith: { $1 })
    let jobs = documents.all.map { ($0, analysis(of: $0)) }
    return .later {
      var items: [WorkspaceDocumentDiagnosticReport] = []
      for (document, promise) in jobs {
        let resultID = document.key.resultID
        if previous[document.uri] == resultID {
          items.append(
            WorkspaceDocumentDiagnosticReport(
              uri: document.uri, version: document.version, report: .unchanged(resultId: resultID)))
          continue
        }
        guard case .success(let analysed) = await promise.value else { continue }
        items.append(
          WorkspaceDocumentDiagnosticReport(
            uri: document.uri, version: document.version,
            report: .full(resultId: resultID, items: analysed.diagnostics)))
      }
      return WorkspaceDiagnosticReport(items: items)
    }
  }
}
