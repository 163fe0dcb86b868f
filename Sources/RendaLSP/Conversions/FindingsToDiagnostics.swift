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

  /// The `publishDiagnostics` body of `findings`, the findings of an incremental update
  /// (`reuse`) of the analysis whose body was `previous` (same document, encoding and
  /// language): a finding the update kept before the window, or moved after it, whose
  /// ranges all lie outside the window (not touching its ends, where an empty range is
  /// widened to the scalar beside it) has the previous diagnostic's text, copied in runs,
  /// its line numbers moved by the lines the edit added; the others are converted and
  /// written. Equal to `DiagnosticJSON.publishBody` of `diagnostics(findings, …)`: the
  /// text before the window is the old text's, and from the window's end on the old
  /// text's moved by whole lines (the window's ends are line starts). Nil when `previous`
  /// does not fit `reuse`.
  static func publishBody(
    _ findings: [Finding], reusing previous: DiagnosticJSON.PublishBody, _ reuse: IncrementalAnalysis.Reuse,
    converter: PositionConverter, uri: DocumentURI, version: Int?, language: Language
  ) -> DiagnosticJSON.PublishBody? {
    let old = previous.fragments
    guard reuse.prefix >= 0, reuse.suffix >= 0, reuse.prefix + reuse.suffix <= findings.count,
      reuse.prefix + reuse.suffix <= old.count
    else { return nil }
    func before(_ range: TextRange) -> Bool {
      range.upperBound.utf8 < reuse.start || (range.upperBound.utf8 == reuse.start && !range.isEmpty)
    }
    func after(_ range: TextRange) -> Bool {
      range.lowerBound.utf8 > reuse.newEnd || (range.lowerBound.utf8 == reuse.newEnd && !range.isEmpty)
    }
    var cursor = WideColumnCursor(text: converter.text, encoding: converter.encoding)
    var out: [UInt8] = []
    out.reserveCapacity(previous.bytes.count + 1024)
    var fragments: [Range<Int>] = []
    fragments.reserveCapacity(findings.count)
    out.append(contentsOf: DiagnosticJSON.bodyHead)
    // The run of previous diagnostics being copied: old indices `run`, moved by `lines`.
    var run = 0..<0
    var runLines = 0
    func flush() {
      guard !run.isEmpty else { return }
      if runLines == 0 {
        DiagnosticJSON.copy(run, of: previous, to: &out, fragments: &fragments)
      } else {
        for (n, fragment) in old[run].enumerated() {
          if n > 0 { out.append(UInt8(ascii: ",")) }
          let start = out.count
          DiagnosticJSON.copy(previous.bytes[fragment], movingLinesBy: runLines, to: &out)
          fragments.append(start..<out.count)
        }
      }
      run = 0..<0
    }
    let suffixStart = findings.count - reuse.suffix
    let oldSuffixStart = old.count - reuse.suffix
    // By index, through the buffer: the kept findings are only looked at, never copied.
    findings.withUnsafeBufferPointer { findings in
      for k in findings.indices {
        var source: (index: Int, lines: Int)?
        // (`mayHaveRelated` first: it reads the finding in place; `related` copies it.)
        if k < reuse.prefix, before(findings[k].range),
          !findings[k].mayHaveRelated || findings[k].related.allSatisfy({ before($0.range) })
        {
          source = (k, 0)
        } else if k >= suffixStart, after(findings[k].range),
          !findings[k].mayHaveRelated || findings[k].related.allSatisfy({ after($0.range) })
        {
          source = (oldSuffixStart + (k - suffixStart), reuse.lines)
        }
        if let source, !run.isEmpty, source.index == run.upperBound, source.lines == runLines {
          run = run.lowerBound..<(run.upperBound + 1)
          continue
        }
        flush()
        if k > 0 { out.append(UInt8(ascii: ",")) }
        if let source {
          run = source.index..<(source.index + 1)
          runLines = source.lines
        } else {
          let start = out.count
          DiagnosticJSON.write(
            diagnostic(findings[k], converter: converter, cursor: &cursor, uri: uri, language: language), to: &out)
          fragments.append(start..<out.count)
        }
      }
    }
    flush()
    DiagnosticJSON.writeTail(uri: uri, version: version, to: &out)
    return DiagnosticJSON.PublishBody(bytes: out, fragments: fragments)
  }
}
