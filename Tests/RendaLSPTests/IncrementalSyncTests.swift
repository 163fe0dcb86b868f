import Foundation
import JSONRPC
import LSPTypes
import RendaText
import Testing

@testable import RendaLSP

/// Incremental sync is the contract: the diagnostics after any sequence of edits equal
/// those of a fresh open of the final text.
@Suite(.enabled(if: RendaBinary.url != nil, "build renda first (swift build)"), .serverStderrOnFailure)
struct IncrementalSyncTests {
  /// The seed's first two articles: the whole parser runs, and 100 analyses stay quick
  /// in a debug build.
  static func base() throws -> String {
    let lines = splitLines(try PackagePaths.seed())
    return lines.prefix(280).joined(separator: "\n") + "\n"
  }

  /// URIs in related information name the document; compare the rest.
  static func normalized(_ value: JSONValue, uri: String) -> JSONValue {
    switch value {
    case .string(let text) where text == uri: return "URI"
    case .array(let elements): return .array(elements.map { normalized($0, uri: uri) })
    case .object(let members): return .object(members.mapValues { normalized($0, uri: uri) })
    default: return value
    }
  }

  @Test func fiftyRandomEditSequencesMatchAFreshOpen() async throws {
    let base = try Self.base()
    try await LSPProcess.session { server in
      var random = SeededRandom(seed: 0x5EED_2024)
      var finals: [(uri: String, fresh: String, version: Int, text: String)] = []
      for sequence in 0..<50 {
        let uri = "file:///tmp/renda-lsp-property/edited-\(sequence).txt"
        let fresh = "file:///tmp/renda-lsp-property/fresh-\(sequence).txt"
        var client = ClientText(base)
        server.open(uri: uri, text: base)
        var version = 1
        for _ in 0..<Int.random(in: 1...8, using: &random) {
          var changes: [JSONValue] = []
          for _ in 0..<Int.random(in: 1...3, using: &random) {
            if Int.random(in: 0..<40, using: &random) == 0 {
              client.replace(0..<min(client.scalars.count, 30), with: "")
              changes.append(["text": .string(client.text)])
              continue
            }
            let edit = client.randomEdit(using: &random)
            changes.append(contentChange(edit))
          }
          version += 1
          server.notify(
            "textDocument/didChange",
            ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": .array(changes)])
        }
        finals.append((uri, fresh, version, client.text))
      }
      for final in finals { server.open(uri: final.fresh, text: final.text) }
      var nonEmpty = 0
      for (index, final) in finals.enumerated() {
        let edited = try await server.diagnostics(uri: final.uri, version: final.version, timeout: .seconds(60))
        let opened = try await server.diagnostics(uri: final.fresh, version: 1, timeout: .seconds(60))
        let a = Self.normalized(edited["params"]?["diagnostics"] ?? nil, uri: final.uri)
        let b = Self.normalized(opened["params"]?["diagnostics"] ?? nil, uri: final.fresh)
        #expect(a == b, "sequence \(index): incremental and fresh diagnostics differ")
        if a != b { break }
        if a.arrayValue?.isEmpty == false { nonEmpty += 1 }
      }
      #expect(nonEmpty > 40, "the comparison should be about real findings")
    }
  }

  /// The property on a document of many articles (three seed pages), where the server
  /// re-analyses only the articles an edit touches: every edit is waited for (so each
  /// version is analysed from the one before) in half of the sequences, only the last in
  /// the others (so versions in between are superseded and their edits chain up).
  @Test func multiArticleEditSequencesMatchAFreshOpen() async throws {
    let base = try ["000_8f505736c6d266e8.txt", "001_7cb29f78ffdd70e4.txt", "002_f6e1cc83208734be.txt"]
      .map { try PackagePaths.seed($0) }.joined(separator: "\n\n")
    try await LSPProcess.session { server in
      var random = SeededRandom(seed: 0xA27_1C1E)
      for sequence in 0..<12 {
        let uri = "file:///tmp/renda-lsp-property/articles-\(sequence).txt"
        let fresh = "file:///tmp/renda-lsp-property/articles-fresh-\(sequence).txt"
        var client = ClientText(base)
        server.open(uri: uri, text: base)
        _ = try await server.diagnostics(uri: uri, version: 1, timeout: .seconds(60))
        var version = 1
        let waitEach = sequence % 2 == 0
        for _ in 0..<Int.random(in: 2...6, using: &random) {
          var changes: [JSONValue] = []
          for _ in 0..<Int.random(in: 1...2, using: &random) {
            let edit = client.randomEdit(using: &random)
            changes.append(contentChange(edit))
          }
          version += 1
          server.notify(
            "textDocument/didChange",
            ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": .array(changes)])
          if waitEach { _ = try await server.diagnostics(uri: uri, version: version, timeout: .seconds(60)) }
        }
        server.open(uri: fresh, text: client.text)
        let edited = try await server.diagnostics(uri: uri, version: version, timeout: .seconds(60))
        let opened = try await server.diagnostics(uri: fresh, version: 1, timeout: .seconds(60))
        let a = Self.normalized(edited["params"]?["diagnostics"] ?? nil, uri: uri)
        let b = Self.normalized(opened["params"]?["diagnostics"] ?? nil, uri: fresh)
        #expect(a == b, "sequence \(sequence): incremental and fresh diagnostics differ")
        #expect(a.arrayValue?.isEmpty == false)
        if a != b { break }
      }
    }
  }

  /// The same property on the edit application alone, in process: many more sequences, all
  /// three encodings.
  @Test(arguments: [PositionEncoding.utf16, .utf8, .utf32])
  func textChangesMatchTheClientsText(encoding: PositionEncoding) throws {
    let base = try Self.base()
    var random = SeededRandom(seed: 42 &+ UInt64(encoding.rawValue.count))
    for sequence in 0..<200 {
      var client = ClientText(base)
      var server = SourceText(base)
      for _ in 0..<10 {
        let before = client
        let edit = client.randomEdit(using: &random)
        // Recompute the columns in the encoding under test from the client's text before the edit.
        func convert(_ position: (line: Int, character: Int)) -> Position {
          let line = splitLines(before.text)[position.line]
          let prefix = line.utf16.prefix(position.character)
          let text = String(decoding: Array(prefix), as: UTF16.self)
          let column =
            switch encoding {
            case .utf8: text.utf8.count
            case .utf16: text.utf16.count
            case .utf32: text.unicodeScalars.count
            }
          return Position(line: position.line, character: column)
        }
        let change = TextDocumentContentChangeEvent(
          range: LSPRange(start: convert(edit.start), end: convert(edit.end)), text: edit.text)
        server = TextChanges.apply([change], to: server, encoding: encoding)
      }
      #expect(String(decoding: server.bytes, as: UTF8.self) == client.text, "sequence \(sequence)")
      #expect(server.lineIndex == SourceText(client.text).lineIndex)
    }
  }

  @Test func typingTwoHundredChangesPublishesTheLastVersionLast() async throws {
    try await LSPProcess.session { server in
      let uri = "file:///tmp/renda-lsp-typing/page.txt"
      let base = try Self.base()
      server.open(uri: uri, text: base)
      var frames: [UInt8] = []
      let typed = Array("人大代表要依法履职，做到心中有数。".unicodeScalars)
      for k in 0..<200 {
        let position: JSONValue = ["line": 4, "character": .integer(k)]
        let change: JSONValue = [
          "textDocument": ["uri": .string(uri), "version": .integer(k + 2)],
          "contentChanges": [
            ["range": ["start": position, "end": position], "text": .string(String(typed[k % typed.count]))]
          ],
        ]
        frames += Message.notification(method: "textDocument/didChange", params: change).framed()
      }
      server.writeRaw(frames)
      _ = try await server.diagnostics(uri: uri, version: 201, timeout: .seconds(60))
      // Nothing older may come after it.
      try await Task.sleep(for: .milliseconds(300))
      let versions = server.publishes(uri: uri).compactMap { $0["params"]?["version"]?.intValue }
      #expect(versions.last == 201)
      #expect(versions == versions.sorted())
      #expect(versions.count < 100, "stale versions were analysed and published: \(versions.count)")
    }
  }
}

/// Cancellation and superseded requests, against a document big enough that its analysis
/// is still running when the next message arrives.
@Suite(.enabled(if: RendaBinary.url != nil, "build renda first (swift build)"), .serverStderrOnFailure)
struct CancellationTests {
  @Test func cancelAnswersAPendingRequestOnce() async throws {
    try await LSPProcess.session { server in
      let seed = try PackagePaths.seed()
      let big = String(repeating: seed, count: 8)
      let uri = "file:///tmp/renda-lsp-cancel/big.txt"
      let other = "file:///tmp/renda-lsp-cancel/other.txt"
      let id = server.makeID()
      let contended = server.makeID()
      var frames = Message.notification(
        method: "textDocument/didOpen",
        params: ["textDocument": ["uri": .string(uri), "languageId": "text", "version": 1, "text": .string(big)]]
      ).framed()
      frames += Message.request(
        id: .number(id), method: "textDocument/hover",
        params: ["textDocument": ["uri": .string(uri)], "position": ["line": 8, "character": 15]]
      ).framed()
      frames += Message.notification(method: "$/cancelRequest", params: ["id": .integer(id)]).framed()
      // A second document waits behind the first; a change before its analysis starts
      // supersedes it, and the request that waited on it is ContentModified.
      frames += Message.notification(
        method: "textDocument/didOpen",
        params: ["textDocument": ["uri": .string(other), "languageId": "text", "version": 1, "text": .string(seed)]]
      ).framed()
      frames += Message.request(
        id: .number(contended), method: "textDocument/documentSymbol", params: ["textDocument": ["uri": .string(other)]]
      ).framed()
      frames += Message.notification(
        method: "textDocument/didChange",
        params: [
          "textDocument": ["uri": .string(other), "version": 2], "contentChanges": [["text": .string(seed + "\n")]],
        ]
      ).framed()
      server.writeRaw(frames)
      let cancelled = try await server.response(to: id)
      #expect(cancelled["error"]?["code"] == -32800)
      let modified = try await server.response(to: contended, timeout: .seconds(60))
      #expect(modified["error"]?["code"] == -32801)
      // After the analysis, the server answers normally, and the cancelled id got one reply only.
      let symbols = try await server.result(
        "textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]], timeout: .seconds(60))
      #expect((symbols.arrayValue?.count ?? 0) >= 5)
      _ = try await server.diagnostics(uri: other, version: 2, timeout: .seconds(60))
      #expect(server.messages.filter { $0["id"] == .integer(id) }.count == 1)
      // Cancelling something already answered changes nothing.
      server.notify("$/cancelRequest", ["id": .integer(id)])
      server.notify("$/cancelRequest", ["id": "no-such-request"])
    }
  }

  @Test func threeMegabyteDocument() async throws {
    try await LSPProcess.session { server in
      var page = ""
      var names = try FileManager.default.contentsOfDirectory(
        atPath: PackagePaths.root.appendingPathComponent("seeds").path)
      names.sort()
      let seeds = try names.filter { $0.hasSuffix(".txt") }.map { try PackagePaths.seed($0) }
      while page.utf8.count < 3_000_000 { page += seeds[page.utf8.count % seeds.count] }
      let uri = "file:///tmp/renda-lsp-large/page.txt"
      let clock = ContinuousClock()
      let started = clock.now
      server.open(uri: uri, text: page)
      let publish = try await server.diagnostics(uri: uri, version: 1, timeout: .seconds(120))
      let elapsed = clock.now - started
      let count = publish["params"]?["diagnostics"]?.arrayValue?.count ?? 0
      #expect(count > 1000)
      let lines = splitLines(page).count
      let symbols = try await server.result(
        "textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]], timeout: .seconds(60))
      #expect((symbols.arrayValue?.count ?? 0) > 100)
      let hover = try await server.request(
        "textDocument/hover",
        ["textDocument": ["uri": .string(uri)], "position": ["line": .integer(lines - 2), "character": 1]])
      #expect(hover["error"] == nil)
      // An edit past the end (clamped to it); shutdown and exit while it is being analysed.
      server.notify(
        "textDocument/didChange",
        [
          "textDocument": ["uri": .string(uri), "version": 2],
          "contentChanges": [
            [
              "range": [
                "start": ["line": .integer(lines + 5), "character": 0],
                "end": ["line": .integer(lines + 9), "character": 0],
              ],
              "text": "\n■ 张三（北京）\n",
            ]
          ],
        ])
      print("3 MB document: \(count) diagnostics, first publish after \(elapsed)")
    }
  }
}

/// The `TextDocumentContentChangeEvent` of an edit made by `randomEdit`.
private func contentChange(
  _ edit: (start: (line: Int, character: Int), end: (line: Int, character: Int), text: String)
) -> JSONValue {
  [
    "range": [
      "start": ["line": .integer(edit.start.line), "character": .integer(edit.start.character)],
      "end": ["line": .integer(edit.end.line), "character": .integer(edit.end.character)],
    ],
    "text": .string(edit.text),
  ]
}
