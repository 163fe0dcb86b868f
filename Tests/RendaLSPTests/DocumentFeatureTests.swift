import Foundation
import JSONRPC
import Testing

/// Diagnostics, outline, hover and positions through the real binary.
@Suite(.enabled(if: RendaBinary.url != nil, "build renda first (swift build)"), .serverStderrOnFailure)
struct DocumentFeatureTests {
  @Test func seedPublishesDiagnosticsForVersionOne() async throws {
    try await LSPProcess.session { server in
      let uri = PackagePaths.seedURI()
      let page = try PackagePaths.seed()
      server.open(uri: uri, text: page)
      let publish = try await server.diagnostics(uri: uri, version: 1)
      let diagnostics = try #require(publish["params"]?["diagnostics"]?.arrayValue)
      try #require(!diagnostics.isEmpty)
      for diagnostic in diagnostics {
        #expect(diagnostic["source"] == "renda")
        let code = try #require(diagnostic["code"]?.stringValue)
        // The rule's page in this checkout's docs/rules/, which the editor opens.
        let href = try #require(diagnostic["codeDescription"]?["href"]?.stringValue)
        #expect(href.hasPrefix("file://") && href.hasSuffix("/docs/rules/\(code).md"), "\(href)")
        if let url = URL(string: href) { #expect(FileManager.default.fileExists(atPath: url.path), "\(href)") }
        #expect((1...4).contains(diagnostic["severity"]?.intValue ?? 0))
        #expect(diagnostic["message"]?.stringValue?.isEmpty == false)
        let range = try #require(diagnostic["range"])
        #expect(range["start"] != range["end"], "empty range: \(diagnostic)")
      }
    }
  }

  @Test func documentSymbolsShowFiveArticlesWithTitles() async throws {
    try await LSPProcess.session { server in
      let uri = PackagePaths.seedURI()
      server.open(uri: uri, text: try PackagePaths.seed())
      let symbols = try #require(
        try await server.result("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]]).arrayValue)
      #expect(symbols.count == 5)
      #expect(symbols.allSatisfy { $0["kind"] == 2 })
      #expect(symbols.first?["name"] == "把党的领导贯穿于“四个机关”建设始终")
      #expect(symbols.first?["detail"] == "鲁立波（山西）")
      #expect(symbols.map { $0["name"]?.stringValue ?? "" }.allSatisfy { !$0.isEmpty && $0 != "(untitled)" })
      let first = try #require(symbols.first?["children"]?.arrayValue)
      let kinds = Set(first.compactMap { $0["kind"]?.intValue })
      #expect(kinds.contains(3))  // headings
      #expect(kinds.contains(15))  // slogans
      // Selection inside range, children inside their parent.
      func contains(_ outer: JSONValue, _ inner: JSONValue) -> Bool {
        func key(_ p: JSONValue?) -> (Int, Int) { (p?["line"]?.intValue ?? -1, p?["character"]?.intValue ?? -1) }
        return key(outer["start"]) <= key(inner["start"]) && key(inner["end"]) <= key(outer["end"])
      }
      func check(_ symbol: JSONValue) {
        guard let range = symbol["range"], let selection = symbol["selectionRange"] else {
          Issue.record("symbol without ranges: \(symbol)")
          return
        }
        #expect(contains(range, selection), "\(symbol["name"] ?? nil)")
        for child in symbol["children"]?.arrayValue ?? [] {
          #expect(contains(range, child["range"] ?? nil), "\(child["name"] ?? nil) in \(symbol["name"] ?? nil)")
          check(child)
        }
      }
      symbols.forEach(check)
      let enumeration = first.flatMap { $0["children"]?.arrayValue ?? [] }.first { $0["kind"] == 10 }
      #expect(enumeration?["children"]?.arrayValue?.first?["kind"] == 22)
    }
  }

  @Test func hoverOnFourOrgansListsItsMembers() async throws {
    try await LSPProcess.session { server in
      let uri = PackagePaths.seedURI()
      let page = try PackagePaths.seed()
      server.open(uri: uri, text: page)
      let line = splitLines(page)[8]
      let at = try #require(line.range(of: "四个机关"))
      let column = line.utf16.distance(from: line.startIndex, to: at.lowerBound) + 1
      let hover = try await server.result(
        "textDocument/hover",
        ["textDocument": ["uri": .string(uri)], "position": ["line": 8, "character": .integer(column)]])
      #expect(hover["contents"]?["kind"] == "markdown")
      let value = try #require(hover["contents"]?["value"]?.stringValue)
      #expect(value.contains("政治机关"))
      #expect(value.contains("代表机关"))
      let range = try #require(hover["range"])
      #expect(text(of: range, in: page).map { $0.contains("四个机关") } == true)
    }
  }

  @Test func plaintextHoverForClientsWithoutMarkdown() async throws {
    let capabilities: JSONValue = ["textDocument": ["hover": ["contentFormat": ["plaintext"]]]]
    try await LSPProcess.session(capabilities: capabilities) { server in
      let uri = PackagePaths.seedURI()
      let page = try PackagePaths.seed()
      server.open(uri: uri, text: page)
      let line = splitLines(page)[8]
      let at = try #require(line.range(of: "四个机关"))
      let column = line.utf16.distance(from: line.startIndex, to: at.lowerBound) + 2
      let hover = try await server.result(
        "textDocument/hover",
        ["textDocument": ["uri": .string(uri)], "position": ["line": 8, "character": .integer(column)]])
      #expect(hover["contents"]?["kind"] == "plaintext")
      #expect(hover["contents"]?["value"]?.stringValue?.contains("**") == false)
    }
  }

  // MARK: Positions

  static let emojiPage = "■ 张三（北京）\n\n😀人大代表要依法履职,做到心中有数。\n"
  static let emojiURI = "file:///tmp/renda-lsp-tests/emoji.txt"

  /// The half-width comma's diagnostic must cover exactly "," in every encoding.
  @Test(arguments: [
    (["utf-8", "utf-16"], "utf-8"), (["utf-32"], "utf-32"), ([], "utf-16"), (["utf-16", "utf-32"], "utf-32"),
  ])
  func positionEncodingNegotiation(offered: [String], expected: String) async throws {
    var capabilities = LSPProcess.defaultCapabilities
    if case .object(var members) = capabilities, !offered.isEmpty {
      members["general"] = ["positionEncodings": .array(offered.map { .string($0) })]
      capabilities = .object(members)
    }
    try await LSPProcess.session(initialize: false) { server in
      let result = try await server.result("initialize", ["processId": nil, "capabilities": capabilities])
      #expect(result["capabilities"]?["positionEncoding"] == .string(expected))
      server.notify("initialized", [:])
      server.open(uri: Self.emojiURI, text: Self.emojiPage)
      let publish = try await server.diagnostics(uri: Self.emojiURI, version: 1)
      let diagnostics = try #require(publish["params"]?["diagnostics"]?.arrayValue)
      let comma = try #require(diagnostics.first { $0["code"] == "halfwidth-punctuation" })
      let range = try #require(comma["range"])
      #expect(range["start"]?["line"] == 2)
      #expect(text(of: range, in: Self.emojiPage, encoding: expected) == ",")
      // And back: a hover/code action at that position reads the same place.
      let actions = try await server.result(
        "textDocument/codeAction",
        ["textDocument": ["uri": .string(Self.emojiURI)], "range": range, "context": ["diagnostics": []]])
      let fix = try #require(actions.arrayValue?.first { $0["isPreferred"] == true })
      let edit = try #require(fix["edit"]?["changes"]?[Self.emojiURI]?[0])
      #expect(edit["newText"] == "，")
      #expect(text(of: edit["range"] ?? nil, in: Self.emojiPage, encoding: expected) == ",")
      #expect(try await server.shutdownAndExit() == 0)
    }
  }

  @Test func englishMessagesForAnEnglishLocale() async throws {
    try await LSPProcess.session(initialize: false) { server in
      _ = try await server.result("initialize", ["processId": nil, "capabilities": [:], "locale": "en-US"])
      server.notify("initialized", [:])
      server.open(uri: Self.emojiURI, text: Self.emojiPage)
      let publish = try await server.diagnostics(uri: Self.emojiURI, version: 1)
      let message = publish["params"]?["diagnostics"]?[0]?["message"]?.stringValue ?? ""
      #expect(!message.isEmpty)
      #expect(!message.unicodeScalars.contains { $0.properties.isIdeographic && !"，“”".unicodeScalars.contains($0) })
      #expect(try await server.shutdownAndExit() == 0)
    }
  }
}
