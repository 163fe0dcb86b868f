#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RendaChecks
import RendaIDE
import RendaText

/// `renda check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Regions
/// use 1-based lines and columns counted in Unicode code points, and say so with
/// `columnKind: unicodeCodePoints`.
enum SARIFReport {
  struct Log: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }
  }

  struct Run: Encodable {
    var tool: Tool
    var columnKind = "unicodeCodePoints"
    var originalUriBaseIds: [String: ArtifactLocation]?
    var artifacts: [Artifact]
    /// Nil in the frame of a streamed log (`Stream`), whose results are written apart.
    var results: [ResultJSON]?
  }

  struct Tool: Encodable {
    var driver: Driver
  }

  struct Driver: Encodable {
    var name = "renda"
    var version = RendaCommand.version
    var semanticVersion = RendaCommand.version
    var informationUri = "https://github.com/renda-lint/renda"
    var rules: [Rule]
  }

  struct Rule: Encodable {
    var id: String
    var name: String
    var shortDescription: Text
    var fullDescription: Text
    var help: Text
    var defaultConfiguration: Configuration
  }

  struct Configuration: Encodable {
    var level: String
  }

  struct Text: PrettyJSONWritable {
    var text: String

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("text", text)
      json.endObject()
    }
  }

  struct Artifact: Encodable {
    var location: ArtifactLocation
  }

  struct ArtifactLocation: PrettyJSONWritable {
    var uri: String
    var uriBaseId: String?

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("uri", uri)
      if let uriBaseId { json.member("uriBaseId", uriBaseId) }
      json.endObject()
    }
  }

  struct ResultJSON: PrettyJSONWritable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Text
    var locations: [Location]
    var relatedLocations: [RelatedLocation]?
    var fixes: [FixJSON]?

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      if let fixes { json.member("fixes", array: fixes) }
      json.member("level", level)
      json.member("locations", array: locations)
      json.member("message", message)
      if let relatedLocations { json.member("relatedLocations", array: relatedLocations) }
      json.member("ruleId", ruleId)
      json.member("ruleIndex", ruleIndex)
      json.endObject()
    }
  }

  struct Location: PrettyJSONWritable {
    var physicalLocation: PhysicalLocation

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("physicalLocation", physicalLocation)
      json.endObject()
    }
  }

  struct RelatedLocation: PrettyJSONWritable {
    var id: Int
    var physicalLocation: PhysicalLocation
    var message: Text

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("id", id)
      json.member("message", message)
      json.member("physicalLocation", physicalLocation)
      json.endObject()
    }
  }

  struct PhysicalLocation: PrettyJSONWritable {
    var artifactLocation: ArtifactLocation
    var region: Region

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("artifactLocation", artifactLocation)
      json.member("region", region)
      json.endObject()
    }
  }

  struct Region: PrettyJSONWritable {
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("endColumn", endColumn)
      json.member("endLine", endLine)
      json.member("startColumn", startColumn)
      json.member("startLine", startLine)
      json.endObject()
    }
  }

  struct FixJSON: PrettyJSONWritable {
    var description: Text
    var artifactChanges: [ArtifactChange]

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("artifactChanges", array: artifactChanges)
      json.member("description", description)
      json.endObject()
    }
  }

  struct ArtifactChange: PrettyJSONWritable {
    var artifactLocation: ArtifactLocation
    var replacements: [Replacement]

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("artifactLocation", artifactLocation)
      json.member("replacements", array: replacements)
      json.endObject()
    }
  }

  struct Replacement: PrettyJSONWritable {
    var deletedRegion: Region
    var insertedContent: Text

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("deletedRegion", deletedRegion)
      json.member("insertedContent", insertedContent)
      json.endObject()
    }
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .info, .hint: "note"
    }
  }

  static func uri(_ path: String) -> String {
    if path == "-" { return "stdin" }
    if path.hasPrefix("/") { return URL(fileURLWithPath: path).absoluteString }
    var trimmed = path
    while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
    return percentEncodingPath(trimmed)
  }

  /// `path` percent-encoded as Foundation's `addingPercentEncoding(withAllowedCharacters:
  /// .urlPathAllowed)` does it: every byte but letters, digits, `-._~!$&'()*+,=@/` and (after
  /// the first `/`: a colon in the first segment would read as a scheme) `:` written as `%XX`.
  static func percentEncodingPath(_ path: String) -> String {
    let allowed = Set("-._~!$&'()*+,=@/".utf8)
    let hex = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(path.utf8.count)
    var inFirstSegment = true
    for byte in path.utf8 {
      if byte == UInt8(ascii: "/") { inFirstSegment = false }
      let isAlphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      if isAlphanumeric || allowed.contains(byte) || (byte == UInt8(ascii: ":") && !inFirstSegment) {
        bytes.append(byte)
      } else {
        bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The results of one file, in the order of its findings.
  /// `findings`: the file's, when the caller has them (else read from `checked`).
  static func results(_ checked: CheckSession.Checked, findings: [Finding]? = nil, language: Language) -> [ResultJSON] {
    let location = ArtifactLocation(uri: uri(checked.document.path), uriBaseId: relativeBase(checked.document.path))
    // (Positions counted on along each line: see `CheckSession.PositionCursor`.)
    var positions = checked.positions()
    func region(_ range: TextRange) -> Region {
      let start = positions.position(of: range.lowerBound)
      var end = positions.position(of: range.upperBound)
      if end.line == start.line, end.column <= start.column { end.column = start.column + 1 }
      return Region(startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)
    }
    return (findings ?? checked.findings).map { finding in
      let related = finding.related.enumerated().map { index, item in
        RelatedLocation(
          id: index + 1, physicalLocation: PhysicalLocation(artifactLocation: location, region: region(item.range)),
          message: Text(text: item.message.text(in: language)))
      }
      let fixes = finding.fixes.map { fix in
        FixJSON(
          description: Text(text: fix.title.text(in: language)),
          artifactChanges: [
            ArtifactChange(
              artifactLocation: location,
              replacements: fix.edits.map { edit in
                let start = positions.position(of: edit.range.lowerBound)
                let end = positions.position(of: edit.range.upperBound)
                return Replacement(
                  deletedRegion: Region(
                    startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column),
                  insertedContent: Text(text: edit.newText))
              })
          ])
      }
      return ResultJSON(
        ruleId: finding.rule, ruleIndex: ruleIndex[finding.rule] ?? 0, level: level(finding.severity),
        message: Text(text: finding.message.text(in: language)),
        locations: [
          Location(physicalLocation: PhysicalLocation(artifactLocation: location, region: region(finding.range)))
        ],
        relatedLocations: related.isEmpty ? nil : related, fixes: fixes.isEmpty ? nil : fixes)
    }
  }

  private static let ruleIndex = Dictionary(uniqueKeysWithValues: CheckRegistry.all.enumerated().map { ($1.id, $0) })

  /// The log around the results: the rules, the artifacts (`paths`, in order), the base.
  static func log(paths: [String], results: [ResultJSON]?, language: Language) -> Log {
    let rules = CheckRegistry.all.map { check in
      Rule(
        id: check.id, name: check.id, shortDescription: Text(text: check.summary.text(in: language)),
        fullDescription: Text(text: check.summary.text(in: language)), help: Text(text: check.documentation),
        defaultConfiguration: Configuration(level: level(check.defaultSeverity)))
    }
    let artifacts = paths.map { Artifact(location: ArtifactLocation(uri: uri($0), uriBaseId: relativeBase($0))) }
    let usesBase = paths.contains { relativeBase($0) != nil }
    let run = Run(
      tool: Tool(driver: Driver(rules: rules)),
      originalUriBaseIds: usesBase
        ? [
          "SRCROOT": ArtifactLocation(
            uri: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).absoluteString)
        ]
        : nil,
      artifacts: artifacts, results: results)
    return Log(runs: [run])
  }

  /// A log written as the files are checked: its results first, batch by batch, as the
  /// workers render them (through `OrderedOutput`, in input order), then what depends on every
  /// file (the artifacts, the base URI) and the tool. JSON does not order an object's keys, so
  /// this is the log `log(paths:results:language:)` describes with `results` moved to the front
  /// of the run (`StreamingReportTests` compares the two as JSON values); nothing is held but
  /// the checked files' paths.
  final class Stream: @unchecked Sendable {
    /// Everything before the first result.
    static let opening = "{\n  \"$schema\" : \"\(Log(runs: []).schema)\",\n  \"runs\" : [\n    {\n      \"results\" : [\n"

    private let lock = ConditionLock()
    private var paths: [Int: String] = [:]

    /// The results of `findings` (by default all of the file's; once per batch of them, in
    /// order, for a file reported batch by batch) as elements of the `results` array, indented
    /// to their depth, without brackets; nil when there are none. Notes the file as an artifact.
    func item(_ checked: CheckSession.Checked, findings: [Finding]? = nil, index: Int, language: Language) -> String? {
      lock.lock()
      paths[index] = checked.document.path
      lock.unlock()
      let results = SARIFReport.results(checked, findings: findings, language: language)
      guard !results.isEmpty else { return nil }
      // In the log, the results are 4 deep.
      return PrettyJSON.elements(results, depth: 4)
    }

    /// Everything after the last result: the rest of the run (from the files checked) and of
    /// the log.
    func closing(language: Language) -> String {
      lock.lock()
      let ordered = paths.sorted { $0.key < $1.key }.map(\.value)
      lock.unlock()
      // The frame without results, its members indented to the run's depth, after the results.
      let frame = FindingsReport.encode(SARIFReport.log(paths: ordered, results: nil, language: language))
      guard let runStart = frame.firstRange(of: "\"runs\" : [\n    {\n"),
        let runEnd = frame.firstRange(of: "\n    }\n  ],")  // once: what is inside the run is deeper
      else { preconditionFailure("the encoder's layout of the SARIF frame changed") }
      return "\n      ],\n" + frame[runStart.upperBound..<runEnd.lowerBound] + frame[runEnd.lowerBound...]
    }
  }

  private static func relativeBase(_ path: String) -> String? {
    path.hasPrefix("/") || path == "-" ? nil : "SRCROOT"
  }
}
