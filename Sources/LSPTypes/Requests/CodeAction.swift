/// `textDocument/codeAction`. Renda answers with `CodeAction` literals only.
package enum CodeActionRequest: LSPRequest {
  package typealias Params = CodeActionParams
  package typealias Response = [CodeAction]
  package static let method = "textDocument/codeAction"
}

package struct CodeActionKind: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: String
  package init(rawValue: String) { self.rawValue = rawValue }

  package static let quickFix = CodeActionKind(rawValue: "quickfix")
  package static let source = CodeActionKind(rawValue: "source")
  package static let sourceFixAll = CodeActionKind(rawValue: "source.fixAll")

  /// Whether a request's `only: [filter]` admits this kind: equal, or a sub-kind
  /// (`source.fixAll.renda` is admitted by `source` and `source.fixAll`).
  package func isAdmitted(by filter: CodeActionKind) -> Bool {
    rawValue == filter.rawValue || rawValue.hasPrefix(filter.rawValue + ".")
  }
}

package struct CodeActionContext: Codable, Sendable, Hashable {
  package var diagnostics: [Diagnostic]
  package var only: [CodeActionKind]?
  package var triggerKind: Int?

  package init(diagnostics: [Diagnostic] = [], only: [CodeActionKind]? = nil, triggerKind: Int? = nil) {
    self.diagnostics = diagnostics
    self.only = only
    self.triggerKind = triggerKind
  }

  private enum CodingKeys: String, CodingKey { case diagnostics, only, triggerKind }

  /// The diagnostics are the client's copy of ours; one the server cannot read must not
  /// fail the request, so they decode leniently.
  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    diagnostics = c.lenient([Diagnostic].self, forKey: .diagnostics) ?? []
    only = c.lenient([CodeActionKind].self, forKey: .only)
    triggerKind = c.lenient(Int.self, forKey: .triggerKind)
  }
}

package struct CodeActionParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package var range: LSPRange
  package var context: CodeActionContext

  package init(textDocument: TextDocumentIdentifier, range: LSPRange, context: CodeActionContext) {
    self.textDocument = textDocument
    self.range = range
    self.context = context
  }
}

package struct CodeAction: Codable, Sendable, Hashable {
  package var title: String
  package var kind: CodeActionKind?
  package var diagnostics: [Diagnostic]?
  package var isPreferred: Bool?
  package var edit: WorkspaceEdit?

  package init(
    title: String, kind: CodeActionKind?, diagnostics: [Diagnostic]? = nil, isPreferred: Bool? = nil,
    edit: WorkspaceEdit?
  ) {
    self.title = title
    self.kind = kind
    self.diagnostics = diagnostics
    self.isPreferred = isPreferred
    self.edit = edit
  }
}
