import Foundation
import JSONRPC
import LSPTypes
import RendaData
import RendaIDE
import RendaText
import Testing

@testable import RendaLSP

/// The publish body written straight to bytes equals the text of the `Codable` encoding,
/// for every seed's findings and for the optional fields the seeds do not use.
@Suite struct DiagnosticJSONTests {
  @Test func equalsTheCodableEncoding() throws {
    let glossary = try GlossaryLoader.builtIn()
    let names = try FileManager.default.contentsOfDirectory(
      atPath: PackagePaths.root.appendingPathComponent("seeds").path
    ).filter { $0.hasSuffix(".txt") }
    for name in names {
      let text = SourceText(try PackagePaths.seed(name))
      let analysis = DocumentAnalysis(text: text, glossary: glossary)
      let diagnostics = FindingsToDiagnostics.diagnostics(
        analysis.findings, converter: PositionConverter(text: text, encoding: .utf16), uri: "file:///x", language: .zh)
      let params = PublishDiagnosticsParams(uri: "file:///x", version: 3, diagnostics: diagnostics)
      #expect(DiagnosticJSON.publishBody(params) == (try Self.reference(params)), "\(name)")
    }
    let range = LSPRange(start: Position(line: 1, character: 2), end: Position(line: 3, character: 4))
    let odd = PublishDiagnosticsParams(
      uri: "u", version: nil,
      diagnostics: [
        Diagnostic(range: range, code: .integer(7), message: "m", data: .object(["k": .array([.null, .bool(true)])])),
        Diagnostic(
          range: range, severity: .hint, source: "s", message: "n",
          relatedInformation: [DiagnosticRelatedInformation(location: Location(uri: "v", range: range), message: "r")]),
      ])
    #expect(DiagnosticJSON.publishBody(odd) == (try Self.reference(odd)))
    // Escapes in messages and URIs.
    let escaped = PublishDiagnosticsParams(
      uri: "file:///a%20b/\"q\".txt", version: 0,
      diagnostics: [Diagnostic(range: range, code: .string("x"), message: "tab\tquote\"back\\slash\n“全角”")])
    #expect(DiagnosticJSON.publishBody(escaped) == (try Self.reference(escaped)))
    #expect((try JSONParser.parse(DiagnosticJSON.publishBody(escaped)))["params"]?["diagnostics"]?[0]?["message"]
      == .string("tab\tquote\"back\\slash\n“全角”"))
  }

  @Test func aBodyReusingThePreviousVersionsEqualsAFreshOne() throws {
    let glossary = try GlossaryLoader.builtIn()
    let text = SourceText(try PackagePaths.seed("003_4a68d483772d6c0e.txt"))
    let analysis = DocumentAnalysis(text: text, glossary: glossary)
    let old = FindingsToDiagnostics.diagnostics(
      analysis.findings, converter: PositionConverter(text: text, encoding: .utf16), uri: "file:///x", language: .zh)
    try #require(old.count > 100)
    let oldBody = DiagnosticJSON.publishBody(
      PublishDiagnosticsParams(uri: "file:///x", version: 1, diagnostics: old), reusing: nil)
    var changed = old
    changed[40].message += "（改）"
    var shifted = old
    for k in 60..<70 { shifted[k].range.start.character += 1 }
    let variants: [(String, [Diagnostic])] = [
      ("same", old), ("one changed", changed), ("ten shifted", shifted),
      ("one removed", Array(old[..<50] + old[51...])), ("one inserted", Array(old[..<50] + [old[7]] + old[50...])),
      ("first changed", [old[1]] + old.dropFirst()), ("last removed", Array(old.dropLast())),
      ("empty", []), ("reversed", old.reversed()),
    ]
    var rng = SeededRandom(seed: 42)
    var random = old
    for _ in 0..<30 {
      let k = Int.random(in: 0..<random.count, using: &rng)
      switch Int.random(in: 0..<3, using: &rng) {
      case 0: random.remove(at: k)
      case 1: random.insert(old[Int.random(in: 0..<old.count, using: &rng)], at: k)
      default: random[k].message = "变更\(k)"
      }
    }
    for (name, diagnostics) in variants + [("random", random)] {
      let params = PublishDiagnosticsParams(uri: "file:///x", version: 2, diagnostics: diagnostics)
      let reused = DiagnosticJSON.publishBody(params, reusing: (old, oldBody))
      #expect(reused.bytes == DiagnosticJSON.publishBody(params), "\(name)")
      #expect(reused.bytes == (try Self.reference(params)), "\(name)")
      #expect(reused.fragments.count == diagnostics.count, "\(name)")
      for (fragment, diagnostic) in zip(reused.fragments, diagnostics).prefix(60) {
        #expect(Array(reused.bytes[fragment]) == JSONWriter.write(try JSONValueEncoder().encode(diagnostic)), "\(name)")
      }
    }
  }

  @Test func linesAreMovedInAWrittenDiagnostic() throws {
    let range = LSPRange(start: Position(line: 9, character: 2), end: Position(line: 10, character: 4))
    func moved(_ range: LSPRange, _ lines: Int) -> LSPRange {
      LSPRange(
        start: Position(line: range.start.line + lines, character: range.start.character),
        end: Position(line: range.end.line + lines, character: range.end.character))
    }
    for lines in [-9, -1, 1, 3, 990] {
      let message = #"line "line": 3 \"line\":4"#
      let diagnostic = Diagnostic(
        range: range, severity: .warning, code: .string("x"), source: "renda", message: message,
        relatedInformation: [DiagnosticRelatedInformation(location: Location(uri: "u", range: range), message: "m")])
      var expected = diagnostic
      expected.range = moved(range, lines)
      expected.relatedInformation?[0].location.range = moved(range, lines)
      var written: [UInt8] = []
      DiagnosticJSON.write(diagnostic, to: &written)
      var out: [UInt8] = []
      DiagnosticJSON.copy(written[...], movingLinesBy: lines, to: &out)
      var reference: [UInt8] = []
      DiagnosticJSON.write(expected, to: &reference)
      #expect(out == reference, "\(lines)")
    }
  }

  @Test func integersAreWrittenAsStringWritesThem() {
    for value in [0, 7, 9, 10, 42, 99, 100, 12_345, Int(Int32.max), Int.max, -1, -10, -987, Int.min] {
      var out: [UInt8] = []
      JSONWriter.writeInteger(value, to: &out)
      #expect(out == Array(String(value).utf8), "\(value)")
    }
  }

  /// The bytes the generic path (`Codable` → `JSONValue` → `JSONWriter`) writes for the
  /// same notification.
  static func reference(_ params: PublishDiagnosticsParams) throws -> [UInt8] {
    JSONWriter.write(
      Message.notification(method: "textDocument/publishDiagnostics", params: try JSONValueEncoder().encode(params)).json)
  }
}
