import Foundation
import JSONRPC
import LSPTypes
import RendaData
import RendaIDE
import RendaText
import Testing

@testable import RendaLSP

/// The hand-written publish JSON equals the `Codable` encoding, for every seed's findings
/// and for the optional fields the seeds do not use; the publish body written straight to
/// bytes equals what `JSONWriter` writes for it.
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
      #expect(DiagnosticJSON.publishParams(params) == (try JSONValueEncoder().encode(params)), "\(name)")
      #expect(DiagnosticJSON.publishBody(params) == Self.reference(params), "\(name)")
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
    #expect(DiagnosticJSON.publishParams(odd) == (try JSONValueEncoder().encode(odd)))
    #expect(DiagnosticJSON.publishBody(odd) == Self.reference(odd))
    // Escapes in messages and URIs.
    let escaped = PublishDiagnosticsParams(
      uri: "file:///a%20b/\"q\".txt", version: 0,
      diagnostics: [Diagnostic(range: range, code: .string("x"), message: "tab\tquote\"back\\slash\n“全角”")])
    #expect(DiagnosticJSON.publishBody(escaped) == Self.reference(escaped))
    #expect((try JSONParser.parse(DiagnosticJSON.publishBody(escaped)))["params"]?["diagnostics"]?[0]?["message"]
      == .string("tab\tquote\"back\\slash\n“全角”"))
  }

  @Test func integersAreWrittenAsStringWritesThem() {
    for value in [0, 7, 9, 10, 42, 99, 100, 12_345, Int(Int32.max), Int.max, -1, -10, -987, Int.min] {
      var out: [UInt8] = []
      DiagnosticJSON.writeInteger(value, to: &out)
      #expect(out == Array(String(value).utf8), "\(value)")
    }
  }

  /// The bytes the generic path writes for the same notification.
  static func reference(_ params: PublishDiagnosticsParams) -> [UInt8] {
    JSONWriter.write(
      Message.notification(method: "textDocument/publishDiagnostics", params: DiagnosticJSON.publishParams(params)).json)
  }
}
