/// `workspace/symbol`: symbols matching a query across the workspace. Renda answers
/// `SymbolInformation[]`.
package enum WorkspaceSymbolRequest: LSPRequest {
  package typealias Params = WorkspaceSymbolParams
  package typealias Response = [SymbolInformation]
  package static let method = "workspace/symbol"
}

package struct WorkspaceSymbolParams: Codable, Sendable, Hashable {
  package var query: String

  package init(query: String) { self.query = query }
}
