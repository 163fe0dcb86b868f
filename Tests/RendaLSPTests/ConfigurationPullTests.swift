import Foundation
import JSONRPC
import Testing

@testable import RendaLSP

/// `workspace/configuration` pull: after `initialized` and on each
/// `workspace/didChangeConfiguration` the server asks for the `renda` section and applies
/// the answer; no answer, an error or a null section keeps the configuration it has.
@Suite(.enabled(if: RendaBinary.url != nil, "build renda first (swift build)"), .serverStderrOnFailure)
struct ConfigurationPullTests {
  static let pulling: JSONValue = ["workspace": ["configuration": true]]

  static func codes(_ publish: JSONValue) -> Set<String> {
    Set(publish["params"]?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? [])
  }

  /// The next publish of `uri` after message `start`.
  static func nextPublish(_ server: LSPProcess, uri: String, from start: Int, version: Int = 1) async throws
    -> JSONValue
  {
    try await server.waitFor("a publish of \(uri)", from: start) {
      $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
        && $0["params"]?["version"] == .integer(version)
    }
  }

  @Test func answerTurnsARuleOffAndAChangePullsAgain() async throws {
    try await LSPProcess.session(capabilities: Self.pulling) { server in
      let request = try await server.serverRequest("workspace/configuration")
      #expect(request["params"]?["items"] == [["section": "renda"]])
      let uri = PackagePaths.seedURI()
      server.open(uri: uri, text: try PackagePaths.seed())
      let before = try await server.diagnostics(uri: uri, version: 1)
      try #require(Self.codes(before).contains("ocr-spacing"), "seed 001 has OCR spacing to report")

      var mark = server.messages.count
      server.answer(request, result: [["rules": ["ocr-spacing": "off"]]])
      let after = try await Self.nextPublish(server, uri: uri, from: mark)
      #expect(!Self.codes(after).contains("ocr-spacing"))
      #expect(!Self.codes(after).isEmpty)

      // A change of settings (pushed as null, as pull clients do) asks again.
      mark = server.messages.count
      server.notify("workspace/didChangeConfiguration", ["settings": nil])
      let again = try await server.serverRequest("workspace/configuration", from: mark)
      #expect(again["id"] != request["id"])
      mark = server.messages.count
      server.answer(again, result: [["rules": ["ocr-spacing": "error"]]])
      let restored = try await server.waitFor("a publish with ocr-spacing errors", from: mark) { message in
        message["method"] == "textDocument/publishDiagnostics"
          && message["params"]?["diagnostics"]?.arrayValue?.contains {
            $0["code"] == "ocr-spacing" && $0["severity"] == 1
          } == true
      }
      #expect(restored["params"]?["version"] == 1)
    }
  }

  @Test func aClientThatNeverAnswersStillGetsDiagnosticsAndAnswers() async throws {
    try await LSPProcess.session(capabilities: Self.pulling) { server in
      _ = try await server.serverRequest("workspace/configuration")
      let uri = PackagePaths.seedURI()
      server.open(uri: uri, text: try PackagePaths.seed())
      let publish = try await server.diagnostics(uri: uri, version: 1)
      #expect(Self.codes(publish).contains("ocr-spacing"))
      let symbols = try await server.result("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])
      #expect(symbols.arrayValue?.isEmpty == false)
    }
  }

  @Test func anErrorOrANullSectionKeepsTheCurrentSettings() async throws {
    try await LSPProcess.session(
      capabilities: Self.pulling, initializationOptions: ["rules": ["ocr-spacing": "off"]]
    ) { server in
      let request = try await server.serverRequest("workspace/configuration")
      let uri = PackagePaths.seedURI()
      let page = try PackagePaths.seed()
      server.open(uri: uri, text: page)
      #expect(!Self.codes(try await server.diagnostics(uri: uri, version: 1)).contains("ocr-spacing"))
      server.answer(request, errorCode: -32603, message: "no settings here")

      var mark = server.messages.count
      server.notify("workspace/didChangeConfiguration", ["settings": nil])
      let again = try await server.serverRequest("workspace/configuration", from: mark)
      server.answer(again, result: [nil])
      // An edit after both answers is analysed with the settings from initialize.
      mark = server.messages.count
      server.notify(
        "textDocument/didChange",
        [
          "textDocument": ["uri": .string(uri), "version": 2],
          "contentChanges": [["text": .string(page + "\n")]],
        ])
      let publish = try await Self.nextPublish(server, uri: uri, from: mark, version: 2)
      #expect(!Self.codes(publish).contains("ocr-spacing"))
      #expect(!Self.codes(publish).isEmpty)
    }
  }

  @Test func aLaterAnswerWithoutRulesClearsWhatAnEarlierOneSet() async throws {
    try await LSPProcess.session(capabilities: Self.pulling) { server in
      let request = try await server.serverRequest("workspace/configuration")
      let uri = PackagePaths.seedURI()
      server.open(uri: uri, text: try PackagePaths.seed())
      _ = try await server.diagnostics(uri: uri, version: 1)
      var mark = server.messages.count
      server.answer(request, result: [["rules": ["ocr-spacing": "off"]]])
      #expect(!Self.codes(try await Self.nextPublish(server, uri: uri, from: mark)).contains("ocr-spacing"))
      // The user removed the setting: the next answer has no rules at all.
      mark = server.messages.count
      server.notify("workspace/didChangeConfiguration", ["settings": nil])
      let again = try await server.serverRequest("workspace/configuration", from: mark)
      mark = server.messages.count
      server.answer(again, result: [["language": "zh"]])
      _ = try await server.waitFor("ocr-spacing back", from: mark) { message in
        message["method"] == "textDocument/publishDiagnostics"
          && message["params"]?["diagnostics"]?.arrayValue?.contains { $0["code"] == "ocr-spacing" } == true
      }
    }
  }

  @Test func aClientWithoutTheCapabilityIsNotAsked() async throws {
    try await LSPProcess.session { server in
      let uri = PackagePaths.seedURI()
      server.open(uri: uri, text: try PackagePaths.seed())
      _ = try await server.diagnostics(uri: uri, version: 1)
      server.notify("workspace/didChangeConfiguration", ["settings": nil])
      _ = try await server.result("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])
      #expect(server.serverRequests("workspace/configuration").isEmpty)
    }
  }
}

/// The pull's timeout, in process (the real one is 120 s): an unanswered request is given
/// up, and an answer arriving after that changes nothing.
@Suite struct ConfigurationPullTimeoutTests {
  @Test func aLateAnswerIsIgnored() async throws {
    let server = InProcessServer()
    await server.server.setClientRequestTimeout(.milliseconds(100))
    _ = try await server.result(
      "initialize", ["processId": nil, "capabilities": ConfigurationPullTests.pulling])
    server.notify("initialized", [:])
    let request = try await server.waitFor("workspace/configuration") { $0["method"] == "workspace/configuration" }
    let id = try #require(request["id"]?.stringValue)
    #expect(await server.server.outgoing.pendingCount == 1)
    // Counted looks rather than a clock (see `InProcessServer.waitFor`).
    _ = try await InProcessServer.poll("the request to time out", every: .milliseconds(20), for: .seconds(10)) {
      await server.server.outgoing.pendingCount == 0 ? true : nil
    }
    _ = await server.server.receive(
      .message(.response(id: .string(id), result: .success([["rules": ["halfwidth-punctuation": "off"]]]))))
    let uri = "file:///tmp/renda-lsp-pull/page.txt"
    server.open(uri: uri, text: "■ 张三（北京）\n\n人大代表要依法履职,做到心中有数。\n")
    let diagnostics = try await server.diagnostics(uri: uri, version: 1)
    #expect(diagnostics.contains { $0["code"] == "halfwidth-punctuation" })
    #expect(try await server.finish() == 0)
  }
}
