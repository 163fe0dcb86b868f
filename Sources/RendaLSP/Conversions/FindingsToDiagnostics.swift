import LSPTypes
import RendaChecks
import RendaText

/// Findings → LSP diagnostics. The `Diagnostic` word lives only here and in `LSPTypes`.
enum FindingsToDiagnostics {
  static func diagnostics(
    _ findings: [Finding], converter: PositionConverter, uri: DocumentURI, language: Language
  ) -> [Diagnostic] {
    // Findings come in text order: one cursor counts each line's columns once.
    var cursor = WideColumnCursor(text: converter.text, encoding: converter.encoding)
    return findings.map { diagnostic($0, converter: converter, cursor: &cursor, uri: uri, language: language) }
  }

  static func diagnostic(
    _ finding: Finding, converter: PositionConverter, uri: DocumentURI, language: Language
  ) -> Diagnostic {
    var cursor = WideColumnCursor(text: converter.text, encoding: converter.encoding)
    return diagnostic(finding, converter: converter, cursor: &cursor, uri: uri, language: language)
  }

  static func diagnostic(
    _ finding: Finding, converter: PositionConverter, cursor: inout WideColumnCursor, uri: DocumentURI,
    language: Language
  ) -> Diagnostic {
    let range = converter.diagnosticRange(of: finding.range, cursor: &cursor)
    let related = finding.related.map {
      DiagnosticRelatedInformation(
        location: Location(uri: uri, range: converter.diagnosticRange(of: $0.range)),
        message: $0.message.text(in: language))
    }
    return Diagnostic(
      range: range,
      severity: severity(finding.severity),
      code: .string(finding.rule),
      codeDescription: RuleDocumentation.href(rule: finding.rule).map { CodeDescription(href: $0) },
      source: "renda",
      message: finding.message.text(in: language),
      relatedInformation: related.isEmpty ? nil : related)
  }

  static func severity(_ severity: Severity) -> DiagnosticSeverity {
    switch severity {
    case .error: .error
    case .warning: .warning
    case .info: .information
    case .hint: .hint
    }
  }
}
