import Foundation
import JSONRPC
import Testing

/// `textDocument/semanticTokens/full` and `/range` through the real binary: the legend,
/// and the decoded tokens landing on seed 001's byline and headings in UTF-16 and UTF-8.
@Suite(.enabled(if: RendaBinary.url != nil, "build renda first (swift build)"), .serverStderrOnFailure)
struct SemanticTokensProtocolTests {
  /// One token decoded from the relative encoding, with the text it covers.
  struct DecodedToken: Equatable {
    var line: Int
    var start: Int
    var length: Int
    var type: String
    var modifiers: Set<String>
    var text: String
  }

  static let utf8Capabilities: JSONValue = [
    "general": ["positionEncodings": ["utf-8", "utf-16"]]
  ]

  static func legend(of initialize: JSONValue) -> (types: [String], modifiers: [String]) {
    let legend = initialize["capabilities"]?["semanticTokensProvider"]?["legend"]
    return (
      legend?["tokenTypes"]?.arrayValue?.compactMap(\.stringValue) ?? [],
      legend?["tokenModifiers"]?.arrayValue?.compactMap(\.stringValue) ?? []
    )
  }

  static func decode(
    _ result: JSONValue, legend: (types: [String], modifiers: [String]), document: String, encoding: String
  ) throws -> [DecodedToken] {
    let data = try #require(result["data"]?.arrayValue).compactMap { $0.intValue }
    try #require(data.count % 5 == 0)
    var tokens: [DecodedToken] = []
    var line = 0
    var start = 0
    for index in stride(from: 0, to: data.count, by: 5) {
      let (deltaLine, deltaStart, length, type, bits) =
        (data[index], data[index + 1], data[index + 2], data[index + 3], data[index + 4])
      line += deltaLine
      start = deltaLine == 0 ? start + deltaStart : deltaStart
      let range: JSONValue = [
        "start": ["line": .integer(line), "character": .integer(start)],
        "end": ["line": .integer(line), "character": .integer(start + length)],
      ]
      let covered = try #require(text(of: range, in: document, encoding: encoding), "token outside its line")
      let modifiers = Set(legend.modifiers.indices.filter { bits & (1 << $0) != 0 }.map { legend.modifiers[$0] })
      tokens.append(
        DecodedToken(
          line: line, start: start, length: length, type: legend.types[type], modifiers: modifiers, text: covered))
    }
    return tokens
  }

  /// Opens seed 001 in a fresh server and returns its decoded tokens.
  static func seedTokens(capabilities: JSONValue, encoding: String) async throws -> [DecodedToken] {
    try await tokens(
      of: try PackagePaths.seed(), uri: PackagePaths.seedURI(), capabilities: capabilities, encoding: encoding)
  }

  /// Opens `page` in a fresh server and returns its decoded tokens.
  static func tokens(
    of page: String, uri: String = "file:///tmp/renda-semantic/page.txt", capabilities: JSONValue, encoding: String
  ) async throws -> [DecodedToken] {
    var decoded: [DecodedToken] = []
    let server = try LSPProcess()
    defer { server.kill() }
    try await ServerUnderTest.$current.withValue(server) {
      let initialize = try await server.result(
        "initialize", ["processId": nil, "capabilities": capabilities])
      #expect(initialize["capabilities"]?["positionEncoding"] == .string(encoding))
      server.notify("initialized", [:])
      server.open(uri: uri, text: page)
      let result = try await server.result(
        "textDocument/semanticTokens/full", ["textDocument": ["uri": .string(uri)]])
      decoded = try decode(result, legend: legend(of: initialize), document: page, encoding: encoding)
      #expect(try await server.shutdownAndExit() == 0)
    }
    return decoded
  }

  static func checkSeedOne(_ tokens: [DecodedToken]) {
    #expect(tokens.contains { $0.line == 0 && $0.type == "variable" && $0.text == "鲁立波" })
    #expect(tokens.contains { $0.line == 0 && $0.type == "namespace" && $0.text == "山西" })
    #expect(tokens.contains { $0.line == 0 && $0.type == "operator" && $0.text == "■" })
    let heading = tokens.first { $0.text == "坚持党的领导 把牢政治机关定位" }
    #expect(heading?.type == "function")
    #expect(heading?.modifiers.contains("declaration") == true)
    #expect(heading?.line == 14)
    let slogan = tokens.first { $0.text == "四个机关" && $0.line == 8 }
    #expect(slogan?.type == "macro")
    #expect(slogan?.modifiers.contains("defaultLibrary") == true)
    #expect(tokens.contains { $0.type == "enumMember" && $0.text == "一是" })
    #expect(tokens.contains { $0.type == "comment" && $0.text.hasPrefix("（作者系") })
    // Sorted and disjoint.
    for (a, b) in zip(tokens, tokens.dropFirst()) {
      #expect(a.line < b.line || a.line == b.line && a.start + a.length <= b.start, "\(a) then \(b)")
    }
  }

  @Test func legendIsAnnounced() async throws {
    try await LSPProcess.session(initialize: false) { server in
      let initialize = try await server.result("initialize", ["processId": nil, "capabilities": [:]])
      let provider = try #require(initialize["capabilities"]?["semanticTokensProvider"])
      #expect(provider["full"] == true)
      #expect(provider["range"] == true)
      let legend = Self.legend(of: initialize)
      #expect(
        Set(["class", "function", "method", "macro", "enumMember", "comment", "namespace"]).isSubset(of: legend.types))
      #expect(legend.modifiers.contains("declaration"))
      server.notify("initialized", [:])
    }
  }

  @Test func seedOneTokensInUTF16() async throws {
    let tokens = try await Self.seedTokens(capabilities: LSPProcess.defaultCapabilities, encoding: "utf-16")
    Self.checkSeedOne(tokens)
    // A CJK scalar is one UTF-16 unit.
    #expect(tokens.first { $0.text == "鲁立波" }?.length == 3)
  }

  @Test func seedOneTokensInUTF8AreTheSameTokens() async throws {
    let utf8 = try await Self.seedTokens(capabilities: Self.utf8Capabilities, encoding: "utf-8")
    Self.checkSeedOne(utf8)
    #expect(utf8.first { $0.text == "鲁立波" }?.length == 9)
    let utf16 = try await Self.seedTokens(capabilities: LSPProcess.defaultCapabilities, encoding: "utf-16")
    #expect(utf8.map(\.text) == utf16.map(\.text))
    #expect(utf8.map(\.type) == utf16.map(\.type))
    #expect(utf8.map(\.line) == utf16.map(\.line))
  }

  @Test func astralScalarsCountTwoUTF16Units() async throws {
    // U+20BB7 (𠮷) is two UTF-16 units and four UTF-8 bytes.
    let page = "𠮷𠮷要增强“四个意识”，坚定“四个自信”。\n"
    let utf16 = try await Self.tokens(of: page, capabilities: [:], encoding: "utf-16")
    #expect(utf16.first?.text == "四个意识")
    #expect(utf16.first?.start == 2 * 2 + 4)
    #expect(utf16.first?.length == 4)
    let utf8 = try await Self.tokens(of: page, capabilities: Self.utf8Capabilities, encoding: "utf-8")
    #expect(utf8.first?.text == "四个意识")
    #expect(utf8.first?.start == 2 * 4 + 4 * 3)
    #expect(utf8.first?.length == 12)
  }

  @Test func rangeRequestAnswersOnlyTheRange() async throws {
    try await LSPProcess.session { server in
      let uri = PackagePaths.seedURI()
      let page = try PackagePaths.seed()
      server.open(uri: uri, text: page)
      let result = try await server.result(
        "textDocument/semanticTokens/range",
        [
          "textDocument": ["uri": .string(uri)],
          "range": ["start": ["line": 13, "character": 0], "end": ["line": 16, "character": 0]],
        ])
      let data = try #require(result["data"]?.arrayValue).compactMap { $0.intValue }
      try #require(data.count >= 5)
      // The first token is absolute: the heading on line 14.
      #expect(data[0] == 14)
      var line = 0
      for index in stride(from: 0, to: data.count, by: 5) {
        line += data[index]
        #expect((13...16).contains(line))
      }
    }
  }

  @Test func unknownDocumentAnswersNull() async throws {
    try await LSPProcess.session { server in
      let result = try await server.result(
        "textDocument/semanticTokens/full", ["textDocument": ["uri": "file:///tmp/renda-semantic/none.txt"]])
      #expect(result == .null)
    }
  }
}
