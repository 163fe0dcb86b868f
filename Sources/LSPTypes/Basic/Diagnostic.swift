package struct DiagnosticSeverity: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: Int
  package init(rawValue: Int) { self.rawValue = rawValue }

  package static let error = DiagnosticSeverity(rawValue: 1)
  package static let warning = DiagnosticSeverity(rawValue: 2)
  package static let information = DiagnosticSeverity(rawValue: 3)
  package static let hint = DiagnosticSeverity(rawValue: 4)
}

package struct CodeDescription: Codable, Sendable, Hashable {
  package var href: String
  package init(href: String) { self.href = href }
}

package struct DiagnosticRelatedInformation: Codable, Sendable, Hashable {
  package var location: Location
  package var message: String

  package init(location: Location, message: String) {
    self.location = location
    self.message = message
  }
}

package struct Diagnostic: Codable, Sendable, Hashable {
  package var range: LSPRange
  package var severity: DiagnosticSeverity?
  package var code: IntegerOrString?
  package var codeDescription: CodeDescription?
  package var source: String?
  package var message: String
  package var relatedInformation: [DiagnosticRelatedInformation]?
  package var data: LSPAny?

  package init(
    range: LSPRange, severity: DiagnosticSeverity? = nil, code: IntegerOrString? = nil,
    codeDescription: CodeDescription? = nil, source: String? = nil, message: String,
    relatedInformation: [DiagnosticRelatedInformation]? = nil, data: LSPAny? = nil
  ) {
    self.range = range
    self.severity = severity
    self.code = code
    self.codeDescription = codeDescription
    self.source = source
    self.message = message
    self.relatedInformation = relatedInformation
    self.data = data
  }
}
