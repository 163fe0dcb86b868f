import Foundation
import JSONRPC
import LSPTypes
import Testing

@testable import RendaLSP

/// Definition, references, document highlight, selection ranges and workspace symbols
/// through the real binary, on seed 000, in UTF-16 and UTF-8 positions.
@Suite(.enabled(if: RendaBinary.url != nil, "build renda first (swift build)"), .serverStderrOnFailure, .serialized)
struct NavigationTests {
  static let seedName = "000_8f505736c6d266e8.txt"

  static func capabilities(_ encoding: String) -> JSONValue {
    guard case .object(var members) = LSPProcess.defaultCapabilities else { return LSPProcess.defaultCapabilities }
    members["general"] = ["positionEncodings": [.string(encoding)]]
    return .object(members)
  }

  /// The position of the `occurrence`-th `needle` on 0-based `line`, moved `by` scalars in,
  /// with the column counted in `encoding`.
  static func position(_ needle: String, line: Int, in page: String, by: Int = 0, encoding: String = "utf-16") throws
    -> JSONValue
  {
    let content = splitLines(page)[line]
    let found = try #require(content.range(of: needle), "\(needle) on line \(line)")
    let at = content.unicodeScalars.index(found.lowerBound, offsetBy: by)
    let column =
      switch encoding {
      case "utf-8": content.utf8.distance(from: content.startIndex, to: at)
      case "utf-32": content.unicodeScalars.distance(from: content.startIndex, to: at)
      default: content.utf16.distance(from: content.startIndex, to: at)
      }
    return ["line": .integer(line), "character": .integer(column)]
  }

  static func at(_ uri: String, _ position: JSONValue) -> JSONValue {
    ["textDocument": ["uri": .string(uri)], "position": position]
  }

  static func references(_ uri: String, _ position: JSONValue, includeDeclaration: Bool) -> JSONValue {
    [
      "textDocument": ["uri": .string(uri)], "position": position,
      "context": ["includeDeclaration": .bool(includeDeclaration)],
    ]
  }

  static func startLines(_ locations: JSONValue) -> [Int] {
    (locations.arrayValue ?? []).compactMap { $0["range"]?["start"]?["line"]?.intValue }
  }

  static func key(_ position: JSONValue?) -> (Int, Int) {
    (position?["line"]?.intValue ?? -1, position?["character"]?.intValue ?? -1)
  }

  @Test(arguments: ["utf-16", "utf-8"])
  func definitionFromSloganToHeadingsAndFromMarkerToFirstMarker(encoding: String) async throws {
    try await LSPProcess.session(capabilities: Self.capabilities(encoding)) { server in
      let uri = PackagePaths.seedURI(Self.seedName)
      let page = try PackagePaths.seed(Self.seedName)
      server.open(uri: uri, text: page)
      // The title's “四个机关” (0-based line 586) → the four organ headings.
      let title = try Self.position("四个机关", line: 586, in: page, by: 1, encoding: encoding)
      let headings = try await server.result("textDocument/definition", Self.at(uri, title))
      #expect(Self.startLines(headings) == [457, 477, 507, 537])
      #expect(headings.arrayValue?.allSatisfy { $0["uri"] == .string(uri) } == true)
      let first = try #require(headings[0]?["range"])
      #expect(first["start"]?["character"] == 0)
      // 三是 (line 30) → the series' 一是 (line 17), its range exactly "一是" in this encoding.
      let third = try Self.position("三是", line: 30, in: page, encoding: encoding)
      let marker = try await server.result("textDocument/definition", Self.at(uri, third))
      #expect(Self.startLines(marker) == [17])
      #expect(text(of: marker[0]?["range"] ?? nil, in: page, encoding: encoding) == "一是")
    }
  }

  @Test func referencesRespectIncludeDeclaration() async throws {
    try await LSPProcess.session { server in
      let uri = PackagePaths.seedURI(Self.seedName)
      let page = try PackagePaths.seed(Self.seedName)
      server.open(uri: uri, text: page)
      let title = try Self.position("四个机关", line: 586, in: page)
      let all = try await server.result(
        "textDocument/references", Self.references(uri, title, includeDeclaration: true))
      let mentions = try await server.result(
        "textDocument/references", Self.references(uri, title, includeDeclaration: false))
      // Both “四个机关” of the page (articles 2 and 4), plus the four headings when asked.
      #expect(Self.startLines(mentions).count == 2)
      #expect(Self.startLines(mentions).contains(586))
      #expect(Set(Self.startLines(all)) == Set(Self.startLines(mentions) + [457, 477, 507, 537]))
      // From a heading (a member) back: the same references.
      let heading = try Self.position("权力机关", line: 477, in: page)
      let fromHeading = Self.references(uri, heading, includeDeclaration: true)
      #expect(try await server.result("textDocument/references", fromHeading) == all)
    }
  }

  @Test func highlightOnMarkerAndOnSlogan() async throws {
    try await LSPProcess.session { server in
      let uri = PackagePaths.seedURI(Self.seedName)
      let page = try PackagePaths.seed(Self.seedName)
      server.open(uri: uri, text: page)
      let marker = try await server.result(
        "textDocument/documentHighlight", Self.at(uri, try Self.position("二是", line: 26, in: page)))
      let markers = try #require(marker.arrayValue)
      #expect(markers.compactMap { text(of: $0["range"] ?? nil, in: page) } == ["一是", "二是", "三是", "四是", "五是"])
      #expect(markers.allSatisfy { $0["kind"] == 1 })
      let slogan = try await server.result(
        "textDocument/documentHighlight", Self.at(uri, try Self.position("四个机关", line: 586, in: page)))
      let kinds = (slogan.arrayValue ?? []).map { $0["kind"]?.intValue ?? 0 }
      #expect(kinds.filter { $0 == 1 }.count == 2)
      #expect(kinds.filter { $0 == 2 }.count == 4)
    }
  }

  @Test(arguments: ["utf-16", "utf-8"])
  func selectionRangesAreStrictlyNested(encoding: String) async throws {
    try await LSPProcess.session(capabilities: Self.capabilities(encoding)) { server in
      let uri = PackagePaths.seedURI(Self.seedName)
      let page = try PackagePaths.seed(Self.seedName)
      server.open(uri: uri, text: page)
      let positions: [JSONValue] = [
        try Self.position("实施一个工程", line: 17, in: page, by: 1, encoding: encoding),
        try Self.position("四个机关", line: 586, in: page, by: 2, encoding: encoding),
        ["line": 1, "character": 0],
      ]
      let result = try await server.result(
        "textDocument/selectionRange",
        ["textDocument": ["uri": .string(uri)], "positions": .array(positions)])
      let chains = try #require(result.arrayValue)
      try #require(chains.count == positions.count)
      for (chain, position) in zip(chains, positions) {
        var ranges: [JSONValue] = []
        var node: JSONValue? = chain
        while let current = node, let range = current["range"] {
          ranges.append(range)
          node = current["parent"]
        }
        // A blank line between blocks: the article and the page only.
        #expect(ranges.count >= (position["line"] == 1 ? 2 : 3), "\(chain)")
        let innermost = try #require(ranges.first)
        #expect(Self.key(innermost["start"]) <= Self.key(position) && Self.key(position) <= Self.key(innermost["end"]))
        for (child, parent) in zip(ranges, ranges.dropFirst()) {
          #expect(parent != child)
          #expect(
            Self.key(parent["start"]) <= Self.key(child["start"]) && Self.key(child["end"]) <= Self.key(parent["end"]))
        }
        #expect(Self.key(ranges.last?["start"]) == (0, 0))
      }
      let word = try #require(chains.first?["range"])
      #expect(text(of: word, in: page, encoding: encoding) == "一是实施一个工程")
    }
  }

  @Test func workspaceSymbolsFromOpenDocumentsAndFilesUnderTheRoot() async throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("renda-nav-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try PackagePaths.seed("004_907459e35631e193.txt").write(
      to: root.appendingPathComponent("sub/page004.txt"), atomically: true, encoding: .utf8)
    try PackagePaths.seed(Self.seedName).write(
      to: root.appendingPathComponent("open.txt"), atomically: true, encoding: .utf8)
    try Data([0x61, 0xFF, 0xFE, 0x62]).write(to: root.appendingPathComponent("broken.txt"))
    try "以党建引领“四个机关”建设".write(to: root.appendingPathComponent("ignored.json"), atomically: true, encoding: .utf8)
    try await LSPProcess.session(initialize: false) { server in
      _ = try await server.result(
        "initialize",
        ["processId": nil, "capabilities": LSPProcess.defaultCapabilities, "rootUri": .string(root.absoluteString)])
      server.notify("initialized", [:])
      // The open document is also a file under the root: its symbols come once, from memory.
      let uri = root.appendingPathComponent("open.txt").absoluteString
      server.open(uri: uri, text: try PackagePaths.seed(Self.seedName))
      let symbols = try #require(try await server.result("workspace/symbol", ["query": "四个机关"]).arrayValue)
      let uris = Set(symbols.compactMap { $0["location"]?["uri"]?.stringValue })
      #expect(uris.contains(uri))
      #expect(uris.contains { $0.hasSuffix("/sub/page004.txt") })
      #expect(!uris.contains { $0.hasSuffix("broken.txt") || $0.hasSuffix(".json") })
      #expect(symbols.contains { $0["name"] == "以高质量党建引领“四个机关”建设" && $0["kind"] == 2 })
      #expect(symbols.contains { $0["name"] == "“四个机关”" && $0["kind"] == 15 })
      #expect(symbols.allSatisfy { $0["name"]?.stringValue?.contains("四个机关") == true })
      let titles = symbols.filter { $0["name"] == "以高质量党建引领“四个机关”建设" }
      #expect(titles.count == 1, "\(titles)")
      // A subsequence matches too, after the substrings; an author by name.
      let authors = try #require(try await server.result("workspace/symbol", ["query": "廖进"]).arrayValue)
      #expect(authors.first?["kind"] == 7)
      #expect(authors.first?["containerName"] == "以高质量党建引领“四个机关”建设")
      let all = try #require(try await server.result("workspace/symbol", ["query": ""]).arrayValue)
      #expect(all.count > symbols.count)
      #expect(all.count <= 500)
    }
  }

  @Test func positionsPastTheEndAnswerEmptyOrInvalidParams() async throws {
    try await LSPProcess.session { server in
      let uri = PackagePaths.seedURI(Self.seedName)
      server.open(uri: uri, text: try PackagePaths.seed(Self.seedName))
      let past: JSONValue = ["line": 100_000, "character": 3]
      #expect(try await server.result("textDocument/definition", Self.at(uri, past)) == [])
      let references = Self.references(uri, past, includeDeclaration: true)
      #expect(try await server.result("textDocument/references", references) == [])
      #expect(try await server.result("textDocument/documentHighlight", Self.at(uri, past)) == [])
      let selection = try await server.request(
        "textDocument/selectionRange", ["textDocument": ["uri": .string(uri)], "positions": [past]])
      #expect(selection["error"]?["code"] == -32602)
      // Far past a line's end, and on a document that is not open: empty, not an error.
      let wide: JSONValue = ["line": 3, "character": 9999]
      #expect(try await server.result("textDocument/definition", Self.at(uri, wide)) == [])
      #expect(try await server.result("textDocument/definition", Self.at("file:///nowhere.txt", wide)) == [])
      // Missing context: invalid params naming the field; the server keeps answering.
      let missing = try await server.request("textDocument/references", Self.at(uri, wide))
      #expect(missing["error"]?["code"] == -32602)
      #expect(try await server.result("textDocument/documentHighlight", Self.at(uri, wide)) == [])
    }
  }
}

/// The workspace roots `initialize` gives, and the file index `workspace/symbol` reads.
@Suite struct WorkspaceSymbolIndexTests {
  @Test func rootsPreferWorkspaceFoldersThenRootUriThenRootPath() throws {
    let folders = try JSONValueDecoder().decode(
      InitializeParams.self,
      from: [
        "capabilities": [:], "rootUri": "file:///srv/root", "rootPath": "/srv/path",
        "workspaceFolders": [["uri": "file:///srv/a", "name": "a"], ["uri": "untitled:b", "name": "b"]],
      ])
    #expect(ClientSettings(folders).workspaceRoots == ["/srv/a"])
    let rootUri = try JSONValueDecoder().decode(
      InitializeParams.self, from: ["capabilities": [:], "rootUri": "file:///srv/root", "rootPath": "/srv/path"])
    #expect(ClientSettings(rootUri).workspaceRoots == ["/srv/root"])
    let rootPath = try JSONValueDecoder().decode(
      InitializeParams.self, from: ["capabilities": [:], "rootUri": nil, "rootPath": "/srv/path"])
    #expect(ClientSettings(rootPath).workspaceRoots == ["/srv/path"])
    #expect(ClientSettings().workspaceRoots.isEmpty)
  }

  @Test func changedFilesAreReadAgainAndLargeOrHiddenOnesSkipped() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("renda-index-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let page = root.appendingPathComponent("page.md")
    let text = "■ 宋 军 郭磊（湖北）\n\n常委会着力建设“四个机关”（政治机关、权力机关、工作机关、代表机关）。\n"
    try text.write(to: page, atomically: true, encoding: .utf8)
    try text.write(to: root.appendingPathComponent(".hidden/page.txt"), atomically: true, encoding: .utf8)
    try Data(repeating: 0x61, count: WorkspaceSymbolIndex.maximumFileSize + 1)
      .write(to: root.appendingPathComponent("huge.txt"))
    let index = WorkspaceSymbolIndex()
    func names() -> [String: [String]] {
      let files = index.symbols(under: [root.path], skipping: [], encoding: .utf16)
      return Dictionary(
        files.map { (URL(string: $0.uri)?.lastPathComponent ?? "", $0.symbols.map(\.symbol.name)) },
        uniquingKeysWith: { $0 + $1 })
    }
    let first = names()
    #expect(Array(first.keys) == ["page.md"])
    #expect(first["page.md"]?.contains("四个机关") == true)
    #expect(first["page.md"]?.contains("宋军") == true)
    try text.replacingOccurrences(of: "四个机关", with: "五个一流").write(to: page, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: page.path)
    let second = names()
    #expect(second["page.md"]?.contains("五个一流") == true)
    #expect(second["page.md"]?.contains("四个机关") == false)
  }
}
