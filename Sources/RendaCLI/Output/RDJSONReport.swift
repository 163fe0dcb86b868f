#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RendaChecks
import RendaIDE
import RendaText

/// `renda check --format rdjson`: reviewdog's Diagnostic Format (`DiagnosticResult` of
/// `proto/rdf/reviewdog.proto`) for `reviewdog -f=rdjson`. Positions are 1-based lines and
/// 1-based columns counted in UTF-8 bytes, as the format says; ranges end exclusively. A fix
/// with a single edit becomes a suggestion (reviewdog offers a diagnostic's suggestions as
/// alternatives, so a fix of several edits is not one); related locations are
/// `related_locations`.
///
/// The document's keys are sorted, so `diagnostics` comes first and each file's diagnostics
/// are streamed as items of that array (`OrderedOutput`).
enum RDJSONReport {
  struct Result: Encodable {
    var diagnostics: [Diagnostic]
    var source: Source
  }

  struct Source: Encodable {
    var name = "renda"
    var url = "https://github.com/renda-lint/renda"
  }

  struct Diagnostic: PrettyJSONWritable {
    var message: String
    var location: Location
    var severity: String
    var code: Code
    var suggestions: [Suggestion]?
    var relatedLocations: [RelatedLocation]?

    enum CodingKeys: String, CodingKey {
      case message, location, severity, code, suggestions
      case relatedLocations = "related_locations"
    }

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("code", code)
      json.member("location", location)
      json.member("message", message)
      if let relatedLocations { json.member("related_locations", array: relatedLocations) }
      json.member("severity", severity)
      if let suggestions { json.member("suggestions", array: suggestions) }
      json.endObject()
    }
  }

  struct Location: PrettyJSONWritable {
    var path: String
    var range: Range

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("path", path)
      json.member("range", range)
      json.endObject()
    }
  }

  struct Range: PrettyJSONWritable {
    var start: Position
    var end: Position

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("end", end)
      json.member("start", start)
      json.endObject()
    }
  }

  struct Position: PrettyJSONWritable {
    var line: Int
    var column: Int

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("column", column)
      json.member("line", line)
      json.endObject()
    }
  }

  struct Code: PrettyJSONWritable {
    var value: String

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("value", value)
      json.endObject()
    }
  }

  struct Suggestion: PrettyJSONWritable {
    var range: Range
    var text: String

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("range", range)
      json.member("text", text)
      json.endObject()
    }
  }

  struct RelatedLocation: PrettyJSONWritable {
    var message: String
    var location: Location

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("location", location)
      json.member("message", message)
      json.endObject()
    }
  }

  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: "ERROR"
    case .warning: "WARNING"
    case .info, .hint: "INFO"
    }
  }

  /// The diagnostics of one file, in the order of its findings.
  /// `findings`: the file's, when the caller has them (else read from `checked`).
  static func diagnostics(_ checked: CheckSession.Checked, findings: [Finding]? = nil, language: Language) -> [Diagnostic] {
    let text = checked.text
    let path = checked.document.path
    func range(_ range: TextRange) -> Range {
      let start = text.lineColumn(of: range.lowerBound)
      let end = text.lineColumn(of: range.upperBound)
      return Range(
        start: Position(line: start.line + 1, column: start.utf8Column + 1),
        end: Position(line: end.line + 1, column: end.utf8Column + 1))
    }
    return (findings ?? checked.findings).map { finding in
      let suggestions = finding.fixes.compactMap { fix -> Suggestion? in
        guard fix.edits.count == 1, let edit = fix.edits.first else { return nil }
        return Suggestion(range: range(edit.range), text: edit.newText)
      }
      let related = finding.related.map {
        RelatedLocation(message: $0.message.text(in: language), location: Location(path: path, range: range($0.range)))
      }
      return Diagnostic(
        message: finding.message.text(in: language), location: Location(path: path, range: range(finding.range)),
        severity: severity(finding.severity), code: Code(value: finding.rule),
        suggestions: suggestions.isEmpty ? nil : suggestions, relatedLocations: related.isEmpty ? nil : related)
    }
  }

  /// One file's diagnostics as items of the document's `diagnostics` array (indented, without
  /// brackets); nil when the file has no finding.
  static func item(_ checked: CheckSession.Checked, findings: [Finding]? = nil, language: Language) -> String? {
    let diagnostics = diagnostics(checked, findings: findings, language: language)
    guard !diagnostics.isEmpty else { return nil }
    // In the document, they are 2 deep.
    return PrettyJSON.elements(diagnostics, depth: 2)
  }

  /// The document without diagnostics, and the text before and after the items of its
  /// `diagnostics` array when there are some.
  static let frame: (empty: String, opening: String, closing: String) = {
    let empty = FindingsReport.encode(Result(diagnostics: [], source: Source()))
    let hole = "\"diagnostics\" : [\n\n  ]"
    guard let range = empty.firstRange(of: hole) else { return (empty, empty, "") }
    let opening = String(empty[..<range.lowerBound]) + "\"diagnostics\" : [\n"
    let closing = "\n  ]" + String(empty[range.upperBound...])
    return (empty, opening, closing)
  }()

  /// The whole document for `files` (tests; `renda check` streams it).
  static func json(_ files: [CheckSession.Checked], language: Language) -> String {
    FindingsReport.encode(Result(diagnostics: files.flatMap { diagnostics($0, language: language) }, source: Source()))
  }
}
