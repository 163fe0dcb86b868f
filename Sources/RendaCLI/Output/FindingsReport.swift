#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RendaChecks
import RendaIDE
import RendaText

/// `renda check --format json`, described by `schemas/findings.schema.json`: per file
/// `path` and `findings`; positions are 1-based lines and 1-based columns counted in
/// Unicode scalars, ranges end just past their last character.
package enum FindingsReport {
  struct File: PrettyJSONWritable {
    var path: String
    var findings: [FindingJSON]

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("findings", array: findings)
      json.member("path", path)
      json.endObject()
    }
  }

  struct FindingJSON: PrettyJSONWritable {
    var rule: String
    var severity: String
    var message: String
    var range: RangeJSON
    var related: [RelatedJSON]
    var fixes: [FixJSON]

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("fixes", array: fixes)
      json.member("message", message)
      json.member("range", range)
      json.member("related", array: related)
      json.member("rule", rule)
      json.member("severity", severity)
      json.endObject()
    }
  }

  struct RangeJSON: PrettyJSONWritable {
    var start: PositionJSON
    var end: PositionJSON

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("end", end)
      json.member("start", start)
      json.endObject()
    }
  }

  struct PositionJSON: PrettyJSONWritable {
    var line: Int
    var column: Int

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("column", column)
      json.member("line", line)
      json.endObject()
    }
  }

  struct RelatedJSON: PrettyJSONWritable {
    var range: RangeJSON
    var message: String

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("message", message)
      json.member("range", range)
      json.endObject()
    }
  }

  struct FixJSON: PrettyJSONWritable {
    var title: String
    var edits: [EditJSON]

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("edits", array: edits)
      json.member("title", title)
      json.endObject()
    }
  }

  struct EditJSON: PrettyJSONWritable {
    var range: RangeJSON
    var newText: String

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("newText", newText)
      json.member("range", range)
      json.endObject()
    }
  }

  static func range(_ range: TextRange, _ positions: inout CheckSession.PositionCursor) -> RangeJSON {
    let start = positions.position(of: range.lowerBound)
    let end = positions.position(of: range.upperBound)
    return RangeJSON(
      start: PositionJSON(line: start.line, column: start.column), end: PositionJSON(line: end.line, column: end.column)
    )
  }

  /// `findings`: the file's, when the caller has them (else read from `checked`).
  static func file(_ checked: CheckSession.Checked, findings: [Finding]? = nil, language: Language) -> File {
    file(path: checked.document.path, text: checked.text, findings: findings ?? checked.findings, language: language)
  }

  /// The JSON of one file's findings, as `renda check --format json` prints it (for the
  /// golden files).
  package static func json(path: String, analysis: DocumentAnalysis, language: Language = .zh) -> String {
    encode([file(path: path, text: analysis.text, findings: analysis.findings, language: language)])
  }

  static func file(path: String, text: SourceText, findings: [Finding], language: Language) -> File {
    // (Positions counted on along each line: see `CheckSession.PositionCursor`.)
    var positions = CheckSession.PositionCursor(text)
    return File(
      path: path,
      findings: findings.map { finding in
        FindingJSON(
          rule: finding.rule, severity: finding.severity.rawValue, message: finding.message.text(in: language),
          range: range(finding.range, &positions),
          related: finding.related.map {
            RelatedJSON(range: range($0.range, &positions), message: $0.message.text(in: language))
          },
          fixes: finding.fixes.map { fix in
            FixJSON(
              title: fix.title.text(in: language),
              edits: fix.edits.map { EditJSON(range: range($0.range, &positions), newText: $0.newText) })
          })
      })
  }

  /// One file of the report as an item of the top-level array, indented as the encoder
  /// indents array elements, for `OrderedOutput` to stream between `[` and `]`.
  static func item(_ checked: CheckSession.Checked, findings: [Finding]? = nil, language: Language) -> String {
    PrettyJSON.elements(CollectionOfOne(file(checked, findings: findings, language: language)), depth: 1)
  }

  /// One file of the report as an item of the top-level array (what `item` makes), written in
  /// pieces as its findings come, batch by batch (`CheckSession.Checked.forEachBatch`), so that
  /// a file of hundreds of thousands of findings is never encoded whole: the first piece goes
  /// through `item` (after the list's opening or separator), the others through `output`.
  /// `noting` sees each batch.
  static func streamItem(
    _ checked: CheckSession.Checked, language: Language, item: (String) -> Void, output: (String) -> Void,
    noting: ([Finding]) -> Void
  ) {
    let empty = encode(File(path: checked.document.path, findings: []))
    let hole = "\"findings\" : [\n\n  ]"
    guard let range = empty.firstRange(of: hole) else {
      // Not the encoder's layout this was written for: the whole item at once.
      let findings = checked.findings
      noting(findings)
      item(self.item(checked, findings: findings, language: language))
      return
    }
    let opening = indented(empty[..<range.lowerBound] + "\"findings\" : [\n", by: 2)
    let closing = indented("\n  ]" + empty[range.upperBound...], by: 2)
    var started = false
    checked.forEachBatch { batch in
      noting(batch)
      guard !batch.isEmpty else { return }
      // In the item, the findings are 3 deep.
      let elements = PrettyJSON.elements(
        file(path: "", text: checked.text, findings: batch, language: language).findings, depth: 3)
      if started {
        output(",\n" + elements)
      } else {
        item(opening + elements)
        started = true
      }
    }
    if started { output(closing) } else { item(indented(empty, by: 2)) }
  }

  /// The report of no file at all.
  static var emptyList: String { encode([File]()) }

  /// `json` (pretty-printed, so without raw line feeds inside strings) with `count` spaces
  /// before every line but the empty ones (the encoder writes an empty array as `[`, an empty
  /// line, `]`).
  static func indented(_ json: some StringProtocol, by count: Int) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(json.utf8.count + json.utf8.count / 8)
    let pad = [UInt8](repeating: UInt8(ascii: " "), count: count)
    var atLineStart = true
    for byte in json.utf8 {
      if atLineStart && byte != UInt8(ascii: "\n") { bytes.append(contentsOf: pad) }
      bytes.append(byte)
      atLineStart = byte == UInt8(ascii: "\n")
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "[]" }
    return String(decoding: data, as: UTF8.self)
  }
}
