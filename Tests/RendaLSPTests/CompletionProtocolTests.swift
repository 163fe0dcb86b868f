import Foundation
import JSONRPC
import Testing

/// `textDocument/completion` through the real binary: formula names after `“`, members
/// after `“…”（`, canonical phrases, with `textEdit` ranges in the negotiated encoding.
@Suite(.enabled(if: RendaBinary.url != nil, "build renda first (swift build)"), .serverStderrOnFailure)
struct CompletionProtocolTests {
  static let uri = "file:///tmp/renda-completion/draft.txt"

  static let capabilities: JSONValue = [
    "textDocument": ["completion": ["completionItem": ["documentationFormat": ["markdown", "plaintext"]]]]
  ]

  /// Completion at the end of the last line of `page`, the column counted in `encoding`.
  static func complete(_ server: LSPProcess, _ page: String, encoding: String = "utf-16", version: Int = 1)
    async throws -> [JSONValue]
  {
    server.open(uri: uri, text: page, version: version)
    let lines = splitLines(page)
    let last = lines[lines.count - 1]
    let column = encoding == "utf-8" ? last.utf8.count : last.utf16.count
    let result = try await server.result(
      "textDocument/completion",
      [
        "textDocument": ["uri": .string(uri)],
        "position": ["line": .integer(lines.count - 1), "character": .integer(column)],
        "context": ["triggerKind": 2, "triggerCharacter": "“"],
      ])
    #expect(result["isIncomplete"] == false)
    return try #require(result["items"]?.arrayValue)
  }

  @Test func triggerCharacterIsAnnounced() async throws {
    try await LSPProcess.session(initialize: false) { server in
      let initialize = try await server.result("initialize", ["processId": nil, "capabilities": [:]])
      #expect(initialize["capabilities"]?["completionProvider"]?["triggerCharacters"] == ["“", "（", "("])
      server.notify("initialized", [:])
    }
  }

  @Test func formulaNamesAfterAnOpeningQuote() async throws {
    try await LSPProcess.session(capabilities: Self.capabilities) { server in
      let page = "各级人大常委会要增强“四个"
      let items = try await Self.complete(server, page)
      let labels = items.compactMap { $0["label"]?.stringValue }
      #expect(labels.contains("四个意识") && labels.contains("四个自信") && labels.contains("四个机关"))
      #expect(!labels.contains("两个维护"))
      let item = try #require(items.first { $0["label"] == "四个意识" })
      #expect(item["textEdit"]?["newText"] == "四个意识”")
      let range = try #require(item["textEdit"]?["range"])
      #expect(text(of: range, in: page) == "四个")
      #expect(item["documentation"]?["kind"] == "markdown")
      #expect(item["documentation"]?["value"]?.stringValue?.contains("政治意识") == true)
      #expect(item["detail"]?.stringValue?.contains("、") == true)
    }
  }

  @Test func membersAfterTheFormulaInUTF8() async throws {
    var capabilities = Self.capabilities
    if case .object(var members) = capabilities {
      members["general"] = ["positionEncodings": ["utf-8"]]
      capabilities = .object(members)
    }
    try await LSPProcess.session(capabilities: capabilities) { server in
      let page = "特别是在“四个机关”（"
      let items = try await Self.complete(server, page, encoding: "utf-8")
      try #require(items.count == 1)
      #expect(items[0]["textEdit"]?["newText"] == "政治机关、权力机关、工作机关、代表机关）")
      let range = try #require(items[0]["textEdit"]?["range"])
      #expect(range["start"]?["character"] == .integer(page.utf8.count))
      #expect(range["end"] == range["start"])
    }
  }

  @Test func canonicalPhrasesWithoutAQuote() async throws {
    try await LSPProcess.session { server in
      let page = "坚持和完善人民代"
      let items = try await Self.complete(server, page)
      let item = try #require(items.first { $0["label"] == "人民代表大会制度" })
      let range = try #require(item["textEdit"]?["range"])
      #expect(text(of: range, in: page) == "人民代")
      #expect(item["textEdit"]?["newText"] == "人民代表大会制度")
      // This client names no documentationFormat: a plain string, not MarkupContent.
      #expect(item["documentation"]?.stringValue?.isEmpty == false)
    }
  }

  @Test func unknownDocumentGetsNoItems() async throws {
    try await LSPProcess.session { server in
      let result = try await server.result(
        "textDocument/completion",
        ["textDocument": ["uri": "file:///tmp/renda-completion/none.txt"], "position": ["line": 0, "character": 0]])
      #expect(result["items"] == [])
    }
  }
}
