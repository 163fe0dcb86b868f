import Foundation
import JSONRPC
import RendaConfiguration
import RendaIDE
import RendaText

/// Latencies and memory of the real `renda lsp` binary.
struct EditorLatency {
  struct Settings {
    var requests: Int
    var smallKeystrokes: Int
    var largeKeystrokes: Int
    var startups: Int
    /// Size of the large document in bytes (3 MB in full mode).
    var largeBytes: Int
  }

  let executable: String
  let settings: Settings
  let configuration: RendaConfiguration

  /// Whether `renda lsp` exists and answers `initialize`.
  static func available(_ executable: String) -> Bool {
    guard FileManager.default.isExecutableFile(atPath: executable),
      let client = try? LSPClient(executable: executable)
    else { return false }
    defer { client.shutdown() }
    return client.initialize(timeout: 10) != nil
  }

  /// Milliseconds between two stamps.
  static func ms(_ from: UInt64, _ to: UInt64) -> Double { Double(to &- from) / 1e6 }

  /// Spawn → `initialize` answered, and `initialize` sent → first diagnostics of a page.
  func startup(page: String) throws -> (startup: Stats, firstDiagnostics: Stats) {
    var start: [Double] = []
    var first: [Double] = []
    for _ in 0..<settings.startups {
      let client = try LSPClient(executable: executable)
      guard let (sent, answered) = client.initialize() else { throw BenchError("initialize failed") }
      let uri = "file:///bench/startup.txt"
      client.open(uri, text: page)
      guard let diagnostics = client.diagnostics(uri, version: 1) else { throw BenchError("no diagnostics") }
      start.append(Self.ms(client.spawned, answered))
      first.append(Self.ms(sent, diagnostics.time))
      client.shutdown()
    }
    return (Stats(samples: start), Stats(samples: first))
  }

  /// Positions worth hovering in `text`: bylines, titles, headings, run-in heads,
  /// slogans, enumeration markers, then line starts; UTF-16 as the server negotiates.
  func hoverTargets(_ text: SourceText) -> [JSONValue] {
    let analysis = DocumentAnalysis(
      text: text, glossary: configuration.glossary, configuration: configuration.checks)
    let outline = analysis.outline
    var offsets: [TextOffset] = []
    for article in outline.articles {
      if let byline = article.byline { offsets.append(byline.range.lowerBound) }
      if let title = article.title { offsets.append(title.range.lowerBound) }
      offsets.append(contentsOf: article.headings.map(\.range.lowerBound))
      offsets.append(contentsOf: article.runInHeads.map(\.range.lowerBound))
      offsets.append(contentsOf: article.slogans.map(\.range.lowerBound))
      for enumeration in article.leadEnumerations + article.headings.flatMap(\.enumerations) {
        offsets.append(contentsOf: enumeration.markers.map(\.range.lowerBound))
      }
    }
    for line in stride(from: 0, to: text.lineCount, by: 7) {
      offsets.append(text.lineIndex.contentRange(ofLine: line).lowerBound)
    }
    return offsets.map { offset in
      let position = text.wideLineColumn(of: offset, in: .utf16)
      return lspPosition(line: position.line, character: position.column)
    }
  }

  /// Round trips of `count` requests built by `params(i)`; milliseconds, and how many
  /// answers had a non-null result.
  func roundTrips(_ client: LSPClient, _ method: String, count: Int, _ params: (Int) -> JSONValue) throws -> (
    Stats, Int
  ) {
    var samples: [Double] = []
    var answered = 0
    for i in 0..<count {
      let (id, sent) = client.request(method, params(i))
      guard let reply = client.response(id) else { throw BenchError("\(method) got no answer") }
      if let result = reply.message["result"], !result.isNull { answered += 1 }
      samples.append(Self.ms(sent, reply.time))
    }
    return (Stats(samples: samples), answered)
  }

  /// A line in the middle of the document with at least `minimum` characters.
  static func editLine(_ text: SourceText, minimum: Int = 12) -> Int {
    let middle = text.lineCount / 2
    for delta in 0..<text.lineCount {
      for line in [middle + delta, middle - delta] where line >= 0 && line < text.lineCount {
        if text.lineText(line).unicodeScalars.count >= minimum { return line }
      }
    }
    return middle
  }

  /// Keystrokes: one-character incremental `didChange` (typing a character, then deleting
  /// it, alternately) → `publishDiagnostics` of that version; milliseconds.
  func keystrokes(_ client: LSPClient, uri: String, text: SourceText, count: Int, firstVersion: Int) throws -> Stats {
    let line = Self.editLine(text)
    var samples: [Double] = []
    var version = firstVersion
    for k in 0..<count {
      version += 1
      let start = lspPosition(line: line, character: 2)
      let typed = k % 2 == 0
      let change: JSONValue = [
        "range": ["start": start, "end": typed ? start : lspPosition(line: line, character: 3)],
        "text": .string(typed ? "的" : ""),
      ]
      let sent = client.notify(
        "textDocument/didChange",
        ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": [change]])
      guard let published = client.diagnostics(uri, version: version) else {
        throw BenchError("no diagnostics for version \(version) of \(uri)")
      }
      samples.append(Self.ms(sent, published.time))
    }
    return Stats(samples: samples)
  }

  struct Results {
    var startup: Stats
    var firstDiagnostics: Stats
    var hover: Stats
    var hoverAnswered: Int
    var symbols: Stats
    var smallKeystroke: Stats
    var smallBytes: Int
    var rssFiveSeeds: Int
    var largeOpen: Double
    var largeKeystroke: Stats
    var largeBytes: Int
    var rssLarge: Int
    var peakLarge: Int
  }

  func run(seeds: [[UInt8]], large: [UInt8], log: (String) -> Void) throws -> Results {
    let page = seeds[0]
    let pageText = try SourceText(validating: page)
    let pageString = String(decoding: page, as: UTF8.self)
    log("lsp: start-up ×\(settings.startups)")
    let (startup, first) = try startup(page: pageString)

    let client = try LSPClient(executable: executable)
    guard client.initialize() != nil else { throw BenchError("initialize failed") }
    let uri = "file:///bench/seed-0.txt"
    client.open(uri, text: pageString)
    guard client.diagnostics(uri, version: 1) != nil else { throw BenchError("no diagnostics for the seed") }
    let targets = hoverTargets(pageText)
    log("lsp: hover ×\(settings.requests) over \(targets.count) positions")
    let (hover, answered) = try roundTrips(client, "textDocument/hover", count: settings.requests) { i in
      ["textDocument": ["uri": .string(uri)], "position": targets[i % targets.count]]
    }
    log("lsp: documentSymbol ×\(settings.requests)")
    let (symbols, _) = try roundTrips(client, "textDocument/documentSymbol", count: settings.requests) { _ in
      ["textDocument": ["uri": .string(uri)]]
    }
    log("lsp: keystrokes ×\(settings.smallKeystrokes) on \(page.count) bytes")
    let small = try keystrokes(client, uri: uri, text: pageText, count: settings.smallKeystrokes, firstVersion: 1)
    for (n, seed) in seeds.enumerated().dropFirst() {
      let other = "file:///bench/seed-\(n).txt"
      client.open(other, text: String(decoding: seed, as: UTF8.self))
      guard client.diagnostics(other, version: 1) != nil else { throw BenchError("no diagnostics for seed \(n)") }
    }
    // The server's resident memory at rest: after half a second without requests (it
    // returns freed memory to the system when idle, not while the author types).
    usleep(500_000)
    let rssSeeds = client.memory?.rss ?? 0
    client.shutdown()

    log("lsp: \(large.count) bytes: open, then keystrokes ×\(settings.largeKeystrokes)")
    let big = try LSPClient(executable: executable)
    guard big.initialize() != nil else { throw BenchError("initialize failed") }
    let bigURI = "file:///bench/large.txt"
    let bigText = try SourceText(validating: large)
    let opened = big.open(bigURI, text: String(decoding: large, as: UTF8.self))
    guard let firstBig = big.diagnostics(bigURI, version: 1, timeout: 600) else {
      throw BenchError("no diagnostics for the large document")
    }
    usleep(500_000)
    let rssLarge = big.memory?.rss ?? 0
    let largeKeystroke = try keystrokes(
      big, uri: bigURI, text: bigText, count: settings.largeKeystrokes, firstVersion: 1)
    let peakLarge = big.memory?.peak ?? 0
    big.shutdown()
    return Results(
      startup: startup, firstDiagnostics: first, hover: hover, hoverAnswered: answered, symbols: symbols,
      smallKeystroke: small, smallBytes: page.count, rssFiveSeeds: rssSeeds,
      largeOpen: Self.ms(opened, firstBig.time), largeKeystroke: largeKeystroke, largeBytes: large.count,
      rssLarge: rssLarge, peakLarge: peakLarge)
  }
}
