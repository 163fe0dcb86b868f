import LSPTypes
import RendaChecks
import RendaText

/// Findings → LSP diagnostics. The `Diagnostic` word lives only here and in `LSPTypes`.
enum FindingsToDiagnostics {
  static func diagnostics(
    _ findings: [Finding], converter: PositionConverter, uri: DocumentURI, language: Language
  ) -> [Diagnostic] {
    findings.map { diagnostic($0, converter: converter, uri: uri, language: language) }
  }

  static func diagnostic(
    _ finding: Finding, converter: PositionConverter, uri: DocumentURI, language: Language
  ) -> Diagnostic {
    let related = finding.related.map {
      DiagnosticRelatedInformation(
        location: Location(uri: uri, range: converter.diagnosticRange(of: $0.range)),
        message: $0.message.text(in: language))
    }
    return Diagnostic(
      range: converter.diagnosticRange(of: finding.range),
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
