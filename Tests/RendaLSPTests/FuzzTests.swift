import Foundation
import JSONRPC
import Testing

/// Random and mutated message streams: afterwards the server is alive, answers a request,
/// and exits 0 after shutdown + exit.
@Suite(.enabled(if: RendaBinary.url != nil, "build renda first (swift build)"), .serverStderrOnFailure)
struct FuzzTests {
  static let methods = [
    "textDocument/hover", "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/codeAction",
    "textDocument/diagnostic", "workspace/diagnostic", "textDocument/didChange", "textDocument/didOpen",
    "textDocument/didSave", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration",
    "workspace/didChangeWatchedFiles", "renda/unknown", "initialize", "initialized", "textDocument/didClose",
    "textDocument/definition", "textDocument/references", "textDocument/documentHighlight",
    "textDocument/selectionRange", "workspace/symbol",
  ]

  static func randomJSON(_ random: inout SeededRandom, depth: Int = 0) -> JSONValue {
    switch Int.random(in: 0..<(depth > 3 ? 5 : 8), using: &random) {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &random))
    case 2:
      return .integer(Int.random(in: -3...100_000, using: &random) * (Bool.random(using: &random) ? 1 : 1_000_000))
    case 3: return .double(Double.random(in: -1e6...1e6, using: &random))
    case 4: return .string(ClientText.pieces.randomElement(using: &random) ?? "")
    case 5:
      return .array((0..<Int.random(in: 0...3, using: &random)).map { _ in randomJSON(&random, depth: depth + 1) })
    default:
      var members: [String: JSONValue] = [:]
      for _ in 0..<Int.random(in: 0...4, using: &random) {
        let key =
          ["line", "character", "uri", "textDocument", "position", "range", "text", "version", "id", "x"]
          .randomElement(using: &random) ?? "x"
        members[key] = randomJSON(&random, depth: depth + 1)
      }
      return .object(members)
    }
  }

  static func randomPosition(_ random: inout SeededRandom) -> JSONValue {
    let line: JSONValue =
      Int.random(in: 0..<10, using: &random) == 0
      ? randomJSON(&random) : .integer(Int.random(in: -2...600, using: &random))
    return ["line": line, "character": .integer(Int.random(in: -2...80, using: &random))]
  }

  /// A plausible message: right method, params mostly right.
  static func plausible(_ random: inout SeededRandom, uri: String, id: Int) -> JSONValue {
    let method = methods.randomElement(using: &random) ?? "renda/unknown"
    let document: JSONValue = ["uri": Bool.random(using: &random) ? .string(uri) : "file:///tmp/renda-fuzz/other.txt"]
    var params: JSONValue
    switch method {
    case "textDocument/hover", "textDocument/definition", "textDocument/documentHighlight":
      params = ["textDocument": document, "position": randomPosition(&random)]
    case "textDocument/references":
      params = [
        "textDocument": document, "position": randomPosition(&random),
        "context": ["includeDeclaration": .bool(Bool.random(using: &random))],
      ]
    case "textDocument/selectionRange":
      params = [
        "textDocument": document,
        "positions": .array((0..<Int.random(in: 0...3, using: &random)).map { _ in randomPosition(&random) }),
      ]
    case "workspace/symbol": params = ["query": .string(ClientText.pieces.randomElement(using: &random) ?? "")]
    case "textDocument/codeAction":
      params = [
        "textDocument": document, "range": ["start": randomPosition(&random), "end": randomPosition(&random)],
        "context": ["diagnostics": [], "only": Bool.random(using: &random) ? ["source.fixAll"] : nil],
      ]
    case "textDocument/didChange":
      params = [
        "textDocument": ["uri": .string(uri), "version": .integer(Int.random(in: -5...10_000, using: &random))],
        "contentChanges": [
          [
            "range": ["start": randomPosition(&random), "end": randomPosition(&random)],
            "text": .string(ClientText.pieces.randomElement(using: &random) ?? ""),
          ]
        ],
      ]
    case "textDocument/didOpen":
      params = [
        "textDocument": [
          "uri": "file:///tmp/renda-fuzz/other.txt", "languageId": "text", "version": 1,
          "text": .string(String(repeating: ClientText.pieces.randomElement(using: &random) ?? "", count: 40)),
        ]
      ]
    case "$/cancelRequest": params = ["id": .integer(Int.random(in: 0...id, using: &random))]
    case "$/setTrace":
      params = ["value": ["off", "messages", "verbose", "loud"].randomElement(using: &random) ?? "off"]
    case "workspace/didChangeConfiguration":
      params = [
        "settings": [
          "renda": ["rules": ["ocr-spacing": ["off", "error", "bogus"].randomElement(using: &random) ?? "off"]]
        ]
      ]
    case "textDocument/didClose": params = ["textDocument": ["uri": "file:///tmp/renda-fuzz/other.txt"]]
    default: params = ["textDocument": document]
    }
    if Int.random(in: 0..<6, using: &random) == 0 { params = randomJSON(&random) }
    let isRequest =
      !method.hasPrefix("textDocument/did") && !method.hasPrefix("$/") && !method.hasPrefix("workspace/didChange")
      && method != "initialized"
    var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method), "params": params]
    if isRequest || Int.random(in: 0..<10, using: &random) == 0 {
      message["id"] = Int.random(in: 0..<8, using: &random) == 0 ? randomJSON(&random) : .integer(id)
    }
    return .object(message)
  }

  static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
    var bytes = bytes
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      guard !bytes.isEmpty else { break }
      let at = Int.random(in: 0..<bytes.count, using: &random)
      switch Int.random(in: 0..<5, using: &random) {
      case 0: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
      case 1: bytes.remove(at: at)
      case 2: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
      case 3: bytes = Array(bytes[..<at])
      default: bytes.insert(contentsOf: Array("\"\\ud800{[".utf8), at: at)
      }
    }
    return bytes
  }

  @Test func randomAndMutatedStreams() async throws {
    try await LSPProcess.session { server in
      let uri = PackagePaths.seedURI()
      server.open(uri: uri, text: try PackagePaths.seed())
      // RENDA_FUZZ_SEED replays (or explores) another stream.
      let seed = ProcessInfo.processInfo.environment["RENDA_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0xF022
      var random = SeededRandom(seed: seed)
      var stream: [UInt8] = []
      for n in 0..<200 {
        let body = JSONWriter.write(Self.plausible(&random, uri: uri, id: 1000 + n))
        switch Int.random(in: 0..<10, using: &random) {
        case 0...4:
          stream += Message.frame(body)
        case 5, 6:
          stream += Message.frame(Self.mutate(body, &random))
        case 7:
          // Bad headers: missing, non-numeric, negative, over the limit, a little off.
          let headers = [
            "", "Content-Length: x\r\n", "Content-Length: -12\r\n", "Content-Length: 999999999999\r\n",
            "Content-Length: \(body.count + Int.random(in: -20...20, using: &random))\r\n",
            "content-length:\(body.count)\r\n",
            "Content-Type: a\r\n",
          ]
          stream += Array(((headers.randomElement(using: &random) ?? "") + "\r\n").utf8) + body
        case 8:
          stream += (0..<Int.random(in: 1...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        default:
          stream += Message.frame(JSONWriter.write(Self.randomJSON(&random)))
        }
      }
      // Written in random chunk sizes.
      var index = 0
      while index < stream.count {
        let end = min(stream.count, index + Int.random(in: 1...4096, using: &random))
        server.writeRaw(Array(stream[index..<end]))
        index = end
      }
      // Fill any body still awaited (a length a little too long), then a real request.
      server.writeRaw([UInt8](repeating: 0x20, count: 4096))
      #expect(server.isRunning)
      let symbols = try await server.result(
        "textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]], timeout: .seconds(60))
      #expect(symbols.arrayValue != nil)
      #expect(server.isRunning)
      let errors = server.messages.compactMap { $0["error"]?["code"]?.intValue }
      #expect(errors.count > 10 && errors.contains(-32700), "\(Set(errors))")
    }
  }
}
