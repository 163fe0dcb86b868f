import Foundation
import Testing

import RendaChecks
import RendaConfiguration
import RendaIDE
import RendaText
@testable import RendaCLI

// `PrettyJSON` must write what `JSONEncoder` writes with the reports' formatting, byte for
// byte: the reports' per-finding values go through the writer, their frames and the golden
// files through the encoder.

@Suite("PrettyJSON writes what JSONEncoder writes")
struct PrettyJSONTests {
  /// What `PrettyJSON.elements(values, depth:)` must write: the encoder's array without its
  /// brackets, indented to `depth`.
  static func reference<Value: Encodable>(_ values: [Value], depth: Int) -> String {
    let array = FindingsReport.encode(values)
    guard !values.isEmpty else { return "" }
    return FindingsReport.indented(Substring(array.utf8.dropFirst(2).dropLast(2)), by: 2 * (depth - 1))
  }

  /// Strings, numbers, optionals, empty and nested arrays, in one value.
  struct Sample: PrettyJSONWritable {
    var text: String
    var number: Int
    var optional: String?
    var list: [Sample]

    func write(to json: inout PrettyJSON) {
      json.beginObject()
      json.member("list", array: list)
      json.member("number", number)
      if let optional { json.member("optional", optional) }
      json.member("text", text)
      json.endObject()
    }
  }

  @Test("every ASCII byte, quotes, backslashes, slashes and non-ASCII text are escaped as the encoder escapes them")
  func strings() {
    let ascii = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self)
    let texts = [ascii, "", "\"", "\\", "/", "a/b", "中文“引号”", "\u{2028}\u{2029}\u{FEFF}\u{FFFD}", "😀𠀀", "\r\n\t"]
    let samples = texts.enumerated().map { index, text in
      Sample(text: text, number: index * 7919 - 30_000, optional: index % 2 == 0 ? text : nil, list: [])
    }
    for depth in 1...5 {
      #expect(PrettyJSON.elements(samples, depth: depth) == Self.reference(samples, depth: depth), "depth \(depth)")
    }
  }

  @Test("numbers: zero, negatives, the extremes")
  func numbers() {
    let samples = [0, 1, -1, 9, 10, -10, 123_456_789, Int.max, Int.min].map {
      Sample(text: "", number: $0, optional: nil, list: [])
    }
    #expect(PrettyJSON.elements(samples, depth: 1) == Self.reference(samples, depth: 1))
  }

  @Test("empty and nested arrays, at every depth")
  func nesting() {
    let leaf = Sample(text: "leaf", number: 1, optional: nil, list: [])
    let inner = Sample(text: "inner", number: 2, optional: "x", list: [leaf, leaf])
    let outer = Sample(text: "outer", number: 3, optional: nil, list: [inner, leaf, Sample(text: "", number: 0, optional: nil, list: [inner])])
    for depth in 1...4 {
      #expect(PrettyJSON.elements([outer, leaf], depth: depth) == Self.reference([outer, leaf], depth: depth))
    }
    #expect(PrettyJSON.elements([Sample](), depth: 2) == "")
  }

  @Test("the reports' values of the seeds and the own pages, in both languages: json, rdjson, sarif")
  func reports() throws {
    let directory = try StreamingCheckTests.corpus()
    defer { directory.remove() }
    let checked = try StreamingCheckTests.analyses(directory)
    #expect(checked.count > 10)
    var findings: [Finding] = []
    for language in [Language.zh, .en] {
      for file in checked {
        if language == .zh { findings += file.findings }
        let item = FindingsReport.file(file, language: language)
        #expect(PrettyJSON.elements([item], depth: 1) == Self.reference([item], depth: 1))
        #expect(PrettyJSON.elements(item.findings, depth: 3) == Self.reference(item.findings, depth: 3))
        let diagnostics = RDJSONReport.diagnostics(file, language: language)
        #expect(PrettyJSON.elements(diagnostics, depth: 2) == Self.reference(diagnostics, depth: 2))
        let results = SARIFReport.results(file, language: language)
        #expect(PrettyJSON.elements(results, depth: 4) == Self.reference(results, depth: 4))
      }
    }
    // The corpus has findings with fixes, with related locations, and with neither.
    #expect(findings.count > 100)
    #expect(findings.contains { !$0.fixes.isEmpty })
    #expect(findings.contains { !$0.related.isEmpty })
    #expect(findings.contains { $0.fixes.isEmpty && $0.related.isEmpty })
    #expect(findings.contains { $0.fixes.count == 1 && $0.fixes[0].edits.count == 1 })
  }

  @Test("the optional members: a relative path's base, results and diagnostics with and without their lists")
  func optionals() {
    let region = SARIFReport.Region(startLine: 1, startColumn: 2, endLine: 3, endColumn: 4)
    let relative = SARIFReport.ArtifactLocation(uri: "a/b.txt", uriBaseId: "SRCROOT")
    let absolute = SARIFReport.ArtifactLocation(uri: "file:///tmp/b.txt", uriBaseId: nil)
    let text = SARIFReport.Text(text: "说明 \"x\"")
    let results = [relative, absolute].flatMap { location in
      let physical = SARIFReport.PhysicalLocation(artifactLocation: location, region: region)
      return [
        SARIFReport.ResultJSON(
          ruleId: "r", ruleIndex: 0, level: "warning", message: text, locations: [.init(physicalLocation: physical)],
          relatedLocations: nil, fixes: nil),
        SARIFReport.ResultJSON(
          ruleId: "r", ruleIndex: 12, level: "note", message: text, locations: [.init(physicalLocation: physical)],
          relatedLocations: [.init(id: 1, physicalLocation: physical, message: text)],
          fixes: [
            .init(
              description: text,
              artifactChanges: [
                .init(artifactLocation: location, replacements: [.init(deletedRegion: region, insertedContent: text)])
              ])
          ]),
      ]
    }
    #expect(PrettyJSON.elements(results, depth: 4) == Self.reference(results, depth: 4))
    let range = RDJSONReport.Range(start: .init(line: 1, column: 1), end: .init(line: 1, column: 4))
    let location = RDJSONReport.Location(path: "a.txt", range: range)
    let diagnostics = [
      RDJSONReport.Diagnostic(
        message: "m", location: location, severity: "WARNING", code: .init(value: "r"), suggestions: nil,
        relatedLocations: nil),
      RDJSONReport.Diagnostic(
        message: "m", location: location, severity: "INFO", code: .init(value: "r"),
        suggestions: [.init(range: range, text: "")], relatedLocations: [.init(message: "n", location: location)]),
    ]
    #expect(PrettyJSON.elements(diagnostics, depth: 2) == Self.reference(diagnostics, depth: 2))
  }
}

@Suite("DispatchWork: the CLI's threads for the windows of one large file")
struct DispatchWorkTests {
  @Test("windows' rules on Dispatch's threads give the batches of the serial check", arguments: [2, 3])
  func sameBatches(_ width: Int) throws {
    let directory = try StreamingCheckTests.corpus()
    defer { directory.remove() }
    let pages = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted().map {
      try String(contentsOf: directory.url.appendingPathComponent($0), encoding: .utf8)
    }
    let text = SourceText(pages.joined(separator: "\n\n"))
    let glossary = try RendaConfiguration.defaults().glossary
    var serial: [[Finding]] = []
    let path = WindowedCheck.forEachBatch(in: text, glossary: glossary, windowBytes: 8_000) { serial.append($0) }
    var parallel: [[Finding]] = []
    let parallelPath = WindowedCheck.forEachBatch(
      in: text, glossary: glossary, windowBytes: 8_000, workers: DispatchWork(width: width)
    ) { parallel.append($0) }
    guard case .windows(let n) = path else {
      Issue.record("checked whole")
      return
    }
    #expect(n > 3)
    #expect(parallelPath == path)
    #expect(parallel == serial)
  }
}
