import Foundation
import JSONRPC
import Testing

/// The real `renda lsp` over pipes: lifecycle, exit codes and the error policy.
@Suite(.enabled(if: RendaBinary.url != nil, "build renda first (swift build)"), .serverStderrOnFailure)
struct LifecycleTests {
  static let initialize: JSONValue = ["processId": nil, "capabilities": [:]]

  @Test func shutdownThenExitExitsZero() async throws {
    try await LSPProcess.session(initialize: false) { server in
      let result = try await server.result("initialize", Self.initialize)
      #expect(result["serverInfo"] == ["name": "renda", "version": "0.1.0"])
      server.notify("initialized", [:])
      #expect(try await server.shutdownAndExit() == 0)
    }
  }

  @Test func exitWithoutShutdownExitsOne() async throws {
    try await LSPProcess.session(initialize: false) { server in
      _ = try await server.result("initialize", Self.initialize)
      server.notify("exit")
      #expect(try await server.waitForExit() == 1)
    }
  }

  @Test func endOfInputExitsZero() async throws {
    try await LSPProcess.session(initialize: false) { server in
      _ = try await server.result("initialize", Self.initialize)
      server.closeInput()
      #expect(try await server.waitForExit() == 0)
    }
  }

  @Test func requestBeforeInitializeIsServerNotInitialized() async throws {
    try await LSPProcess.session(initialize: false) { server in
      let response = try await server.request("textDocument/hover", ["textDocument": ["uri": "file:///x"]])
      #expect(response["error"]?["code"] == -32002)
      // A notification before initialize is dropped; the server still initializes.
      server.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///x"]])
      let result = try await server.result("initialize", Self.initialize)
      #expect(result["capabilities"] != nil)
      let again = try await server.request("initialize", Self.initialize)
      #expect(again["error"]?["code"] == -32600)
    }
  }

  @Test func unknownMethodsAndBadParams() async throws {
    try await LSPProcess.session { server in
      #expect(try await server.request("renda/nothing", [:])["error"]?["code"] == -32601)
      // Unknown notifications (including $/…) are ignored without a reply.
      server.notify("renda/whatever", ["x": 1])
      server.notify("$/progress", ["token": 1])
      let bad = try await server.request("textDocument/hover", ["textDocument": ["uri": 12], "position": [:]])
      #expect(bad["error"]?["code"] == -32602)
      #expect(bad["error"]?["message"]?.stringValue?.contains("textDocument.uri") == true)
      let missing = try await server.request("textDocument/hover", ["textDocument": ["uri": "file:///a.txt"]])
      #expect(missing["error"]?["code"] == -32602)
      #expect(missing["error"]?["message"]?.stringValue?.contains("position") == true)
      let huge = try await server.request(
        "textDocument/hover", ["textDocument": ["uri": "file:///a.txt"], "position": ["line": 1e300, "character": 0]])
      #expect(huge["error"]?["code"] == -32602)
    }
  }

  @Test func hoverPastTheEndIsEmptyNotACrash() async throws {
    try await LSPProcess.session { server in
      let uri = PackagePaths.seedURI()
      server.open(uri: uri, text: try PackagePaths.seed())
      for position: JSONValue in [
        ["line": 100_000, "character": 3], ["line": 3, "character": 100_000], ["line": -4, "character": -9],
        ["line": 9_223_372_036_854_775_807, "character": 9_223_372_036_854_775_807],
      ] {
        let response = try await server.request(
          "textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": position])
        #expect(response["error"] == nil || response["error"]?["code"] == -32602, "\(position)")
      }
      #expect(server.isRunning)
    }
  }

  @Test func malformedBodyIsAParseErrorAndTheNextRequestIsAnswered() async throws {
    try await LSPProcess.session { server in
      server.writeRaw(Message.frame(Array("{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\"".utf8)))
      let parseError = try await server.waitFor("a parse error") { $0["error"]?["code"] == -32700 }
      #expect(parseError["id"] == .null)
      server.writeRaw(Message.frame([0x7B, 0xFF, 0xFE, 0x7D]))  // not UTF-8
      server.writeRaw(Message.frame(Array(#"[{"jsonrpc":"2.0","id":77,"method":"shutdown"}]"#.utf8)))
      server.writeRaw(Array("Content-Length: zzz\r\n\r\n{}".utf8))
      server.writeRaw(Array("Content-Type: text/plain\r\n\r\n{\"no\":\"length\"}".utf8))
      let response = try await server.request("renda/nothing")
      #expect(response["error"]?["code"] == -32601)
      let errors = server.messages.compactMap { $0["error"]?["code"]?.intValue }
      #expect(errors.filter { $0 == -32700 }.count == 2)
      #expect(errors.contains(-32600))  // the batch
      #expect(server.stderr.contains("Content-Length"))
    }
  }

  @Test func requestsAfterShutdownAreInvalid() async throws {
    try await LSPProcess.session(initialize: false) { server in
      _ = try await server.result("initialize", Self.initialize)
      #expect(try await server.request("shutdown")["result"] == .null)
      let after = try await server.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///a"]])
      #expect(after["error"]?["code"] == -32600)
      server.notify("exit")
      #expect(try await server.waitForExit() == 0)
    }
  }

  @Test func capabilitiesAreExactlyWhatIsImplemented() async throws {
    try await LSPProcess.session(initialize: false) { server in
      let result = try await server.result("initialize", Self.initialize)
      #expect(
        result["capabilities"]
          == [
            "positionEncoding": "utf-16",
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "documentHighlightProvider": true,
            "documentSymbolProvider": true,
            "foldingRangeProvider": true,
            "selectionRangeProvider": true,
            "workspaceSymbolProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix", "source.fixAll.renda"]],
            "diagnosticProvider": [
              "identifier": "renda", "interFileDependencies": false, "workspaceDiagnostics": true,
            ],
            "semanticTokensProvider": [
              "full": true, "range": true,
              "legend": [
                "tokenTypes": [
                  "operator", "variable", "namespace", "class", "function", "method", "macro", "enumMember",
                  "comment", "keyword",
                ],
                "tokenModifiers": ["declaration", "defaultLibrary", "deprecated", "documentation", "readonly"],
              ],
            ],
            "completionProvider": ["triggerCharacters": ["“", "（", "("], "resolveProvider": false],
          ])
      #expect(try await server.shutdownAndExit() == 0)
    }
  }

  @Test func logsGoToStderrAndTraceIsRespected() async throws {
    try await LSPProcess.session { server in
      server.notify("$/setTrace", ["value": "messages"])
      _ = try await server.request("renda/nothing")
      let trace = try await server.waitFor("a $/logTrace") { $0["method"] == "$/logTrace" }
      #expect(trace["params"]?["message"]?.stringValue?.contains("renda/nothing") == true)
      server.notify("$/setTrace", ["value": "off"])
      _ = try await server.request("renda/nothing")
      let count = server.messages.filter { $0["method"] == "$/logTrace" }.count
      _ = try await server.request("renda/nothing")
      #expect(server.messages.filter { $0["method"] == "$/logTrace" }.count == count)
      #expect(server.stderr.contains("renda lsp: info"))
    }
  }
}
