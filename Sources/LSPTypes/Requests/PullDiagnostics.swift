/// `textDocument/diagnostic` (pull).
package enum DocumentDiagnosticRequest: LSPRequest {
  package typealias Params = DocumentDiagnosticParams
  package typealias Response = DocumentDiagnosticReport
  package static let method = "textDocument/diagnostic"
}

/// `workspace/diagnostic` (pull, every document the server knows).
package enum WorkspaceDiagnosticRequest: LSPRequest {
  package typealias Params = WorkspaceDiagnosticParams
  package typealias Response = WorkspaceDiagnosticReport
  package static let method = "workspace/diagnostic"
}

package struct DocumentDiagnosticParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package var identifier: String?
  package var previousResultId: String?

  package init(textDocument: TextDocumentIdentifier, identifier: String? = nil, previousResultId: String? = nil) {
    self.textDocument = textDocument
    self.identifier = identifier
    self.previousResultId = previousResultId
  }
}

/// `{kind: "full", resultId?, items}` or `{kind: "unchanged", resultId}`.
package enum DocumentDiagnosticReport: Codable, Sendable, Hashable {
  case full(resultId: String?, items: [Diagnostic])
  case unchanged(resultId: String)

  private enum CodingKeys: String, CodingKey { case kind, resultId, items }

  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    switch try c.decode(String.self, forKey: .kind) {
    case "unchanged": self = .unchanged(resultId: try c.decode(String.self, forKey: .resultId))
    default:
      self = .full(
        resultId: try c.decodeIfPresent(String.self, forKey: .resultId),
        items: try c.decode([Diagnostic].self, forKey: .items))
    }
  }

  package func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .full(let resultId, let items):
      try c.encode("full", forKey: .kind)
      try c.encodeIfPresent(resultId, forKey: .resultId)
      try c.encode(items, forKey: .items)
    case .unchanged(let resultId):
      try c.encode("unchanged", forKey: .kind)
      try c.encode(resultId, forKey: .resultId)
    }
  }
}

package struct PreviousResultId: Codable, Sendable, Hashable {
  package var uri: DocumentURI
  package var value: String

  package init(uri: DocumentURI, value: String) {
    self.uri = uri
    self.value = value
  }
}

package struct WorkspaceDiagnosticParams: Codable, Sendable, Hashable {
  package var identifier: String?
  package var previousResultIds: [PreviousResultId]

  package init(identifier: String? = nil, previousResultIds: [PreviousResultId] = []) {
    self.identifier = identifier
    self.previousResultIds = previousResultIds
  }

  private enum CodingKeys: String, CodingKey { case identifier, previousResultIds }

  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    identifier = try c.decodeIfPresent(String.self, forKey: .identifier)
    previousResultIds = try c.decodeIfPresent([PreviousResultId].self, forKey: .previousResultIds) ?? []
  }
}

/// A document's report inside a workspace report: the document report plus `uri` and
/// `version` (`integer | null`, always written).
package struct WorkspaceDocumentDiagnosticReport: Codable, Sendable, Hashable {
  package var uri: DocumentURI
  package var version: Int?
  package var report: DocumentDiagnosticReport

  package init(uri: DocumentURI, version: Int?, report: DocumentDiagnosticReport) {
    self.uri = uri
    self.version = version
    self.report = report
  }

  private enum CodingKeys: String, CodingKey { case uri, version }

  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    uri = try c.decode(String.self, forKey: .uri)
    version = try c.decodeIfPresent(Int.self, forKey: .version)
    report = try DocumentDiagnosticReport(from: decoder)
  }

  package func encode(to encoder: any Encoder) throws {
    try report.encode(to: encoder)
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(uri, forKey: .uri)
    if let version { try c.encode(version, forKey: .version) } else { try c.encodeNil(forKey: .version) }
  }
}

package struct WorkspaceDiagnosticReport: Codable, Sendable, Hashable {
  package var items: [WorkspaceDocumentDiagnosticReport]
  package init(items: [WorkspaceDocumentDiagnosticReport]) { self.items = items }
}
