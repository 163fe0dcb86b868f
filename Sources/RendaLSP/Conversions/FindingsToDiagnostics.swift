import LSPTypes
import RendaChecks
import RendaIDE
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

  /// The diagnostics of `findings`, the findings of an incremental update (`reuse`) of the
  /// analysis whose diagnostics were `previous` (same document, encoding and language):
  /// a finding the update kept before the window, or moved after it, whose ranges all lie
  /// outside the window (not touching its ends, where an empty range is widened to the
  /// scalar beside it) has the previous diagnostic, its lines moved by the lines the edit
  /// added; the others are converted. Equal to `diagnostics(findings, …)`: the text before
  /// the window is the old text's, and from the window's end on the old text's, moved by
  /// whole lines (the window's ends are line starts). `unchanged`: how many diagnostics at
  /// the start and at the end are the previous ones unchanged (for `DiagnosticJSON`).
  static func diagnostics(
    _ findings: [Finding], reusing previous: [Diagnostic], _ reuse: IncrementalAnalysis.Reuse,
    converter: PositionConverter, uri: DocumentURI, language: Language
  ) -> (diagnostics: [Diagnostic], unchanged: (prefix: Int, suffix: Int)) {
    guard reuse.prefix + reuse.suffix <= findings.count, reuse.prefix <= previous.count,
      reuse.suffix <= previous.count - reuse.prefix
    else { return (diagnostics(findings, converter: converter, uri: uri, language: language), (0, 0)) }
    func before(_ range: TextRange) -> Bool {
      range.upperBound.utf8 < reuse.start || (range.upperBound.utf8 == reuse.start && !range.isEmpty)
    }
    func after(_ range: TextRange) -> Bool {
      range.lowerBound.utf8 > reuse.newEnd || (range.lowerBound.utf8 == reuse.newEnd && !range.isEmpty)
    }
    var cursor = WideColumnCursor(text: converter.text, encoding: converter.encoding)
    var result: [Diagnostic] = []
    result.reserveCapacity(findings.count)
    let suffixStart = findings.count - reuse.suffix
    let oldSuffixStart = previous.count - reuse.suffix
    var leading = 0
    var trailing = 0
    for (k, finding) in findings.enumerated() {
      if k < reuse.prefix, before(finding.range), finding.related.allSatisfy({ before($0.range) }) {
        result.append(previous[k])
        if leading == k { leading += 1 }
      } else if k >= suffixStart, after(finding.range), finding.related.allSatisfy({ after($0.range) }) {
        var moved = previous[oldSuffixStart + (k - suffixStart)]
        if reuse.lines != 0 {
          moved.range = moved.range.movedBy(lines: reuse.lines)
          if let related = moved.relatedInformation {
            moved.relatedInformation = related.map { information in
              var information = information
              information.location.range = information.location.range.movedBy(lines: reuse.lines)
              return information
            }
          }
        }
        result.append(moved)
        if reuse.lines == 0 { trailing += 1 }
      } else {
        result.append(diagnostic(finding, converter: converter, cursor: &cursor, uri: uri, language: language))
        trailing = 0
      }
    }
    return (result, (leading, min(trailing, findings.count - leading)))
  }
}

extension LSPRange {
  fileprivate func movedBy(lines: Int) -> LSPRange {
    LSPRange(
      start: Position(line: start.line + lines, character: start.character),
      end: Position(line: end.line + lines, character: end.character))
  }
}
