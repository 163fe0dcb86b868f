import Foundation
import JSONRPC
import LSPTypes
import RendaAnalysis
import RendaChecks
import RendaData
import RendaIDE
import RendaText
import Testing

@testable import RendaLSP

/// The handlers in process: code actions, folding, pull diagnostics, configuration.
@Suite(.serialized) struct HandlerTests {
  static let uri = "file:///tmp/renda-lsp-handlers/page.txt"
  static let page = "■ 张三（北京）\n\n人大代表要依法履职,做到心中有数。\n"

  @Test func quickFixDisableAndFixAll() async throws {
    let server = try await InProcessServer.initialized()
    let seed = try PackagePaths.seed()
    server.open(uri: Self.uri, text: seed)
    let diagnostics = try await server.diagnostics(uri: Self.uri, version: 1)
    let withFix = try #require(diagnostics.first)
    let actions = try #require(
      try await server.result(
        "textDocument/codeAction",
        ["textDocument": ["uri": .string(Self.uri)], "range": withFix["range"] ?? nil, "context": ["diagnostics": []]]
      ).arrayValue)
    let kinds = actions.compactMap { $0["kind"]?.stringValue }
    #expect(kinds.contains("quickfix"))
    #expect(kinds.contains("source.fixAll.renda"))
    let disable = try #require(actions.first { $0["title"]?.stringValue?.contains("停用") == true })
    let insert = try #require(disable["edit"]?["changes"]?[Self.uri]?[0])
    #expect(insert["newText"]?.stringValue?.hasPrefix("<!-- renda-disable-next-line ") == true)
    #expect(insert["range"]?["start"]?["character"] == 0)
    #expect(insert["range"]?["start"] == insert["range"]?["end"])
    #expect(insert["range"]?["start"]?["line"] == withFix["range"]?["start"]?["line"])

    // Applying the disable edit removes that finding there.
    let rule = try #require(withFix["code"]?.stringValue)
    let line = try #require(withFix["range"]?["start"]?["line"]?.intValue)
    server.notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": .string(Self.uri), "version": 2],
        "contentChanges": [["range": insert["range"] ?? nil, "text": insert["newText"] ?? nil]],
      ])
    let after = try await server.diagnostics(uri: Self.uri, version: 2)
    #expect(!after.contains { $0["code"] == .string(rule) && $0["range"]?["start"]?["line"] == .integer(line + 1) })

    // fixAll: the edits produce exactly what FixApplier produces.
    let fixAll = try #require(
      try await server.result(
        "textDocument/codeAction",
        [
          "textDocument": ["uri": .string(Self.uri)],
          "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
          "context": ["diagnostics": [], "only": ["source.fixAll"]],
        ]
      ).arrayValue)
    #expect(fixAll.count == 1)
    let edits = try #require(fixAll.first?["edit"]?["changes"]?[Self.uri]?.arrayValue)
    var lines = splitLines(seed).map(String.init)
    lines.insert("<!-- renda-disable-next-line \(rule) -->", at: line)
    let text = SourceText(lines.joined(separator: "\n"))
    let analysis = DocumentAnalysis(text: text, glossary: try RendaConfigurationDefaults.glossary())
    let expected = FixApplier.apply(analysis.findings.compactMap(\.fixes.first), to: text).text
    let converter = PositionConverter(text: text, encoding: .utf16)
    var bytes = text.bytes
    let ranges = edits.map { edit in
      (converter.textRange(of: decodeRange(edit["range"] ?? nil)), edit["newText"]?.stringValue ?? "")
    }
    for (range, newText) in ranges.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
      bytes.replaceSubrange(range.lowerBound.utf8..<range.upperBound.utf8, with: Array(newText.utf8))
    }
    #expect(bytes == expected.bytes)
    #expect(try await server.finish() == 0)
  }

  @Test func onlyFiltersKinds() async throws {
    let server = try await InProcessServer.initialized()
    server.open(uri: Self.uri, text: Self.page)
    let diagnostics = try await server.diagnostics(uri: Self.uri, version: 1)
    let range = try #require(diagnostics.first?["range"])
    let quick = try await server.result(
      "textDocument/codeAction",
      [
        "textDocument": ["uri": .string(Self.uri)], "range": range,
        "context": ["diagnostics": [], "only": ["quickfix"]],
      ])
    #expect(quick.arrayValue?.allSatisfy { $0["kind"] == "quickfix" } == true)
    let source = try await server.result(
      "textDocument/codeAction",
      ["textDocument": ["uri": .string(Self.uri)], "range": range, "context": ["diagnostics": [], "only": ["source"]]])
    #expect(source.arrayValue?.map { $0["kind"] } == ["source.fixAll.renda"])
    #expect(try await server.finish() == 0)
  }

  @Test func versionedEditsWhenTheClientSupportsThem() async throws {
    let server = try await InProcessServer.initialized(capabilities: [
      "workspace": ["workspaceEdit": ["documentChanges": true]]
    ])
    server.open(uri: Self.uri, text: Self.page, version: 7)
    let range = try #require(try await server.diagnostics(uri: Self.uri, version: 7).first?["range"])
    let actions = try await server.result(
      "textDocument/codeAction", ["textDocument": ["uri": .string(Self.uri)], "range": range, "context": [:]])
    let change = try #require(actions[0]?["edit"]?["documentChanges"]?[0])
    #expect(change["textDocument"] == ["uri": .string(Self.uri), "version": 7])
    #expect(try await server.finish() == 0)
  }

  @Test func foldingRangesCoverArticlesAndSections() async throws {
    let server = try await InProcessServer.initialized()
    server.open(uri: Self.uri, text: try PackagePaths.seed())
    let ranges = try #require(
      try await server.result("textDocument/foldingRange", ["textDocument": ["uri": .string(Self.uri)]]).arrayValue)
    #expect(ranges.count >= 5 + 4)
    #expect(ranges.first == ["startLine": 0, "endLine": 146, "kind": "region"])
    #expect(ranges.allSatisfy { ($0["startLine"]?.intValue ?? 0) < ($0["endLine"]?.intValue ?? 0) })
    #expect(try await server.finish() == 0)
  }

  @Test func flatSymbolsForClientsWithoutHierarchy() async throws {
    let server = try await InProcessServer.initialized(capabilities: [:])
    server.open(uri: Self.uri, text: try PackagePaths.seed())
    let symbols = try #require(
      try await server.result("textDocument/documentSymbol", ["textDocument": ["uri": .string(Self.uri)]]).arrayValue)
    #expect(symbols.filter { $0["kind"] == 2 }.count == 5)
    #expect(symbols.allSatisfy { $0["location"]?["uri"] == .string(Self.uri) })
    #expect(symbols.contains { $0["containerName"] == "把党的领导贯穿于“四个机关”建设始终" })
    #expect(try await server.finish() == 0)
  }

  @Test func pullDiagnostics() async throws {
    let server = try await InProcessServer.initialized()
    server.open(uri: Self.uri, text: Self.page)
    let pushed = try await server.diagnostics(uri: Self.uri, version: 1)
    let report = try await server.result("textDocument/diagnostic", ["textDocument": ["uri": .string(Self.uri)]])
    #expect(report["kind"] == "full")
    #expect(report["items"]?.arrayValue == pushed)
    let resultID = try #require(report["resultId"])
    let again = try await server.result(
      "textDocument/diagnostic", ["textDocument": ["uri": .string(Self.uri)], "previousResultId": resultID])
    #expect(again == ["kind": "unchanged", "resultId": resultID])
    let workspace = try await server.result("workspace/diagnostic", ["previousResultIds": []])
    let item = try #require(workspace["items"]?[0])
    #expect(item["uri"] == .string(Self.uri))
    #expect(item["version"] == 1)
    #expect(item["items"]?.arrayValue == pushed)
    let unchanged = try await server.result(
      "workspace/diagnostic", ["previousResultIds": [["uri": .string(Self.uri), "value": resultID]]])
    #expect(unchanged["items"]?[0]?["kind"] == "unchanged")
    #expect(try await server.finish() == 0)
  }

  @Test func closeClearsDiagnostics() async throws {
    let server = try await InProcessServer.initialized()
    server.open(uri: Self.uri, text: Self.page)
    _ = try await server.diagnostics(uri: Self.uri, version: 1)
    server.notify("textDocument/didClose", ["textDocument": ["uri": .string(Self.uri)]])
    #expect(try await server.diagnostics(uri: Self.uri, version: nil).isEmpty)
    #expect(
      try await server.result(
        "textDocument/hover",
        [
          "textDocument": ["uri": .string(Self.uri)], "position": ["line": 0, "character": 0],
        ]) == .null)
    #expect(try await server.finish() == 0)
  }

  @Test func rulesFromInitializationOptions() async throws {
    let server = try await InProcessServer.initialized(initializationOptions: [
      "rules": ["halfwidth-punctuation": "error"], "language": "en",
    ])
    server.open(uri: Self.uri, text: Self.page)
    let comma = try #require(
      try await server.diagnostics(uri: Self.uri, version: 1).first {
        $0["code"] == "halfwidth-punctuation"
      })
    #expect(comma["severity"] == 1)
    #expect(comma["message"]?.stringValue?.contains("应为") == false)
    // Settings change: the rule off; documents are re-analysed and republished.
    server.notify(
      "workspace/didChangeConfiguration", ["settings": ["renda": ["rules": ["halfwidth-punctuation": "off"]]]])
    let publishes = try await server.waitFor("a republish") { message in
      message["method"] == "textDocument/publishDiagnostics"
        && message["params"]?["diagnostics"]?.arrayValue?.contains { $0["code"] == "halfwidth-punctuation" } == false
    }
    #expect(publishes["params"]?["version"] == 1)
    #expect(try await server.finish() == 0)
  }

  @Test func badSettingsAreShownNotFatal() async throws {
    let server = try await InProcessServer.initialized(initializationOptions: ["rules": ["no-such-rule": "off"]])
    let shown = try await server.waitFor("showMessage") { $0["method"] == "window/showMessage" }
    #expect(shown["params"]?["message"]?.stringValue?.contains("no-such-rule") == true)
    server.open(uri: Self.uri, text: Self.page)
    #expect(try await !server.diagnostics(uri: Self.uri, version: 1).isEmpty)
    #expect(try await server.finish() == 0)
  }

  @Test func configurationFileIsFoundAndReloaded() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("renda-lsp-\(UUID().uuidString)")
    let nested = directory.appendingPathComponent("pages/2024")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let config = directory.appendingPathComponent(".renda.json")
    try Data(#"{"rules": {"halfwidth-punctuation": "off"}}"#.utf8).write(to: config)
    let uri = nested.appendingPathComponent("page.txt").absoluteString

    let server = try await InProcessServer.initialized(capabilities: [
      "workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]
    ])
    let registration = try await server.waitFor("registerCapability") { $0["method"] == "client/registerCapability" }
    #expect(registration["params"]?["registrations"]?[0]?["method"] == "workspace/didChangeWatchedFiles")
    server.open(uri: uri, text: Self.page)
    #expect(try await server.diagnostics(uri: uri, version: 1).allSatisfy { $0["code"] != "halfwidth-punctuation" })

    try Data(#"{"rules": {"halfwidth-punctuation": "hint"}}"#.utf8).write(to: config)
    server.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(config.absoluteString), "type": 2]]])
    let republished = try await server.waitFor("a republish with the rule on") { message in
      message["method"] == "textDocument/publishDiagnostics"
        && message["params"]?["diagnostics"]?.arrayValue?.contains { $0["code"] == "halfwidth-punctuation" } == true
    }
    let comma = republished["params"]?["diagnostics"]?.arrayValue?.first { $0["code"] == "halfwidth-punctuation" }
    #expect(comma?["severity"] == 4)
    #expect(try await server.finish() == 0)
  }

  @Test func emptyRangesAreWidened() {
    let text = SourceText("ab\n\n人")
    let converter = PositionConverter(text: text, encoding: .utf16)
    let at = { (offset: Int) in TextOffset(utf8: offset) }
    #expect(converter.nonEmpty(at(0)..<at(0)) == at(0)..<at(1))
    #expect(converter.nonEmpty(at(2)..<at(2)) == at(1)..<at(2))  // before a line break: the scalar before
    #expect(converter.nonEmpty(at(7)..<at(7)) == at(4)..<at(7))  // at the end
    #expect(converter.nonEmpty(at(5)..<at(5)) == at(4)..<at(7))  // inside 人: snapped, then widened
    #expect(PositionConverter(text: SourceText(""), encoding: .utf16).nonEmpty(at(0)..<at(0)).isEmpty)
  }

  @Test func positionsClamp() {
    let text = SourceText("a😀b\r\nc")
    let converter = PositionConverter(text: text, encoding: .utf16)
    #expect(converter.offset(of: Position(line: 0, character: 2)) == TextOffset(utf8: 1))  // inside the surrogate pair
    #expect(converter.offset(of: Position(line: 0, character: 99)) == TextOffset(utf8: 6))
    #expect(converter.offset(of: Position(line: 9, character: 0)) == text.endOffset)
    #expect(converter.offset(of: Position(line: -1, character: 5)) == .zero)
    #expect(converter.position(of: TextOffset(utf8: 6)) == Position(line: 0, character: 4))
    #expect(converter.position(of: TextOffset(utf8: 9)) == Position(line: 1, character: 1))
  }

  @Test func textDifferencePerLine() {
    let old = SourceText("一 二\n三四\r\n五")
    let new = SourceText("一二\n三四\r\n五六")
    let edits = TextDifference.edits(from: old, to: new)
    #expect(edits.count == 2)
    #expect(TextDifference.apply(edits, to: old) == new.bytes)
    let joined = SourceText("一 二三四\r\n五")
    #expect(TextDifference.apply(TextDifference.edits(from: old, to: joined), to: old) == joined.bytes)
  }
}

func decodeRange(_ json: JSONValue) -> LSPRange {
  (try? JSONValueDecoder().decode(LSPRange.self, from: json))
    ?? LSPRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0))
}

enum RendaConfigurationDefaults {
  static func glossary() throws -> RendaAnalysis.Glossary {
    try GlossaryLoader.builtIn()
  }
}
