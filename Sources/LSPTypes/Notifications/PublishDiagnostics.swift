/// `textDocument/publishDiagnostics` (server → client).
package enum PublishDiagnosticsNotification: LSPNotification {
  package typealias Params = PublishDiagnosticsParams
  package static let method = "textDocument/publishDiagnostics"
}

package struct PublishDiagnosticsParams: Codable, Sendable, Hashable {
  package var uri: DocumentURI
  package var version: Int?
  package var diagnostics: [Diagnostic]

  package init(uri: DocumentURI, version: Int?, diagnostics: [Diagnostic]) {
    self.uri = uri
    self.version = version
    self.diagnostics = diagnostics
  }
}
