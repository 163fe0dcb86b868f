import Foundation
import JSONRPC
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Paths of the package, found from this source file.
enum PackagePaths {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // RendaLSPTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  static func seed(_ name: String = "001_7cb29f78ffdd70e4.txt") throws -> String {
    try String(contentsOf: root.appendingPathComponent("seeds/\(name)"), encoding: .utf8)
  }

  static func seedURI(_ name: String = "001_7cb29f78ffdd70e4.txt") -> String {
    root.appendingPathComponent("seeds/\(name)").absoluteString
  }
}

/// The `renda` to run: `$RENDA_BINARY`, else `<package root>/.build/debug/renda`.
enum RendaBinary {
  static let url: URL? = {
    let candidate: URL
    if let override = ProcessInfo.processInfo.environment["RENDA_BINARY"], !override.isEmpty {
      candidate = URL(fileURLWithPath: override)
    } else {
      candidate = PackagePaths.root.appendingPathComponent(".build/debug/renda")
    }
    return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
  }()
}

struct Timeout: Error, CustomStringConvertible {
  var what: String
  var description: String { "timed out waiting for \(what)" }
}

struct ServerExited: Error, CustomStringConvertible {
  var what: String
  var description: String { "the server exited while waiting for \(what)" }
}

/// `renda lsp` as a child process over pipes: frames written to its stdin, every message
/// it writes collected by a reader thread, its stderr kept for failure reports.
final class LSPProcess: Sendable {
  private struct State {
    var messages: [JSONValue] = []
    var stderr = Data()
    var outputClosed = false
    var nextID = 0
  }

  private final class Shared: Sendable {
    let lock = Mutex(State())
    func withLock<T>(_ body: (inout State) -> T) -> T { lock.withLock { body(&$0) } }
  }

  private let process: Process
  private let input: Int32
  private let state = Shared()

  init(arguments: [String] = ["lsp"], directory: URL = PackagePaths.root) throws {
    guard let binary = RendaBinary.url else { throw Timeout(what: "a renda binary (none built)") }
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    self.process = process
    input = stdin.fileHandleForWriting.fileDescriptor
    let outputFD = stdout.fileHandleForReading.fileDescriptor
    let errorFD = stderr.fileHandleForReading.fileDescriptor
    let state = self.state
    Thread.detachNewThread {
      var framer = MessageFramer()
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(outputFD, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        for event in framer.feed(chunk[0..<count]) {
          guard case .message(let body) = event else { continue }
          let value = (try? JSONParser.parse(body)) ?? .string("<unparsable: \(body.count) bytes>")
          state.withLock { $0.messages.append(value) }
        }
      }
      state.withLock { $0.outputClosed = true }
    }
    Thread.detachNewThread {
      var chunk = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(errorFD, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        state.withLock { $0.stderr.append(contentsOf: chunk[0..<count]) }
      }
    }
  }

  var stderr: String { state.withLock { String(decoding: $0.stderr, as: UTF8.self) } }
  var messages: [JSONValue] { state.withLock { $0.messages } }
  var isRunning: Bool { process.isRunning }

  // MARK: Writing

  func writeRaw(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(input, raw.baseAddress! + offset, raw.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0, errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
  }

  func send(_ message: JSONValue) {
    writeRaw(Message.frame(JSONWriter.write(message)))
  }

  func makeID() -> Int {
    state.withLock {
      $0.nextID += 1; return $0.nextID
    }
  }

  /// Sends a request and returns its id without waiting.
  @discardableResult
  func sendRequest(_ method: String, _ params: JSONValue? = nil, id: Int? = nil) -> Int {
    let id = id ?? makeID()
    var message: JSONValue = ["jsonrpc": "2.0", "id": .integer(id), "method": .string(method)]
    if let params, case .object(var members) = message {
      members["params"] = params
      message = .object(members)
    }
    send(message)
    return id
  }

  func notify(_ method: String, _ params: JSONValue? = nil) {
    var members: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
    if let params { members["params"] = params }
    send(.object(members))
  }

  // MARK: Waiting

  /// The first message (from `start` on) matching `predicate`, waiting up to `timeout`.
  func waitFor(
    _ what: String, from start: Int = 0, timeout: Duration = .seconds(30), _ predicate: (JSONValue) -> Bool
  ) async throws -> JSONValue {
    let deadline = ContinuousClock.now + timeout
    var checked = start
    while true {
      let (messages, closed) = state.withLock { ($0.messages, $0.outputClosed) }
      if checked < messages.count {
        for index in checked..<messages.count where predicate(messages[index]) { return messages[index] }
        checked = messages.count
      }
      if closed { throw ServerExited(what: what) }
      if ContinuousClock.now > deadline { throw Timeout(what: what) }
      try await Task.sleep(for: .milliseconds(2))
    }
  }

  /// The response to request `id`.
  func response(to id: Int, timeout: Duration = .seconds(30)) async throws -> JSONValue {
    try await waitFor("the response to request \(id)", timeout: timeout) {
      $0["id"] == .integer(id) && $0["method"] == nil
    }
  }

  /// Sends a request and waits for its response (the whole message).
  func request(_ method: String, _ params: JSONValue? = nil, timeout: Duration = .seconds(30)) async throws
    -> JSONValue
  {
    try await response(to: sendRequest(method, params), timeout: timeout)
  }

  /// Sends a request and returns its `result`, failing on an error response.
  func result(_ method: String, _ params: JSONValue? = nil, timeout: Duration = .seconds(30)) async throws
    -> JSONValue
  {
    let response = try await request(method, params, timeout: timeout)
    if let error = response["error"] { throw ResponseFailure(method: method, error: error) }
    return response["result"] ?? .null
  }

  /// `publishDiagnostics` for `uri` at `version`.
  func diagnostics(uri: String, version: Int, timeout: Duration = .seconds(30)) async throws -> JSONValue {
    try await waitFor("diagnostics of \(uri) version \(version)", timeout: timeout) {
      $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
        && $0["params"]?["version"] == .integer(version)
    }
  }

  /// Every `publishDiagnostics` for `uri` so far.
  func publishes(uri: String) -> [JSONValue] {
    messages.filter {
      $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
    }
  }

  // MARK: Ending

  func closeInput() {
    close(input)
  }

  func waitForExit(timeout: Duration = .seconds(15)) async throws -> Int32 {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
      if ContinuousClock.now > deadline { throw Timeout(what: "the server to exit") }
      try await Task.sleep(for: .milliseconds(5))
    }
    return process.terminationStatus
  }

  /// `shutdown`, then `exit`; returns the exit status.
  func shutdownAndExit() async throws -> Int32 {
    let response = try await request("shutdown")
    #expect(response["error"] == nil)
    #expect(response["result"] == .null)
    notify("exit")
    return try await waitForExit()
  }

  func kill() {
    if process.isRunning { process.terminate() }
  }

  // MARK: Sessions

  static let defaultCapabilities: JSONValue = [
    "textDocument": [
      "hover": ["contentFormat": ["markdown", "plaintext"]],
      "documentSymbol": ["hierarchicalDocumentSymbolSupport": true],
      "publishDiagnostics": ["relatedInformation": true, "versionSupport": true],
    ]
  ]

  /// Starts a server, runs `body` (after `initialize`/`initialized` unless `initialize` is
  /// false), ends with `shutdown` + `exit` and expects exit status 0. Any error is recorded
  /// with the server's stderr.
  static func session(
    initialize: Bool = true, capabilities: JSONValue = defaultCapabilities,
    initializationOptions: JSONValue? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (LSPProcess) async throws -> Void
  ) async throws {
    let server = try LSPProcess()
    defer { server.kill() }
    try await ServerUnderTest.$current.withValue(server) {
      try await run(
        server, initialize: initialize, capabilities: capabilities,
        initializationOptions: initializationOptions, sourceLocation: sourceLocation, body)
    }
  }

  private static func run(
    _ server: LSPProcess, initialize: Bool, capabilities: JSONValue, initializationOptions: JSONValue?,
    sourceLocation: SourceLocation, _ body: (LSPProcess) async throws -> Void
  ) async throws {
    do {
      if initialize {
        var params: [String: JSONValue] = ["processId": nil, "capabilities": capabilities]
        if let initializationOptions { params["initializationOptions"] = initializationOptions }
        let result = try await server.result("initialize", .object(params))
        #expect(result["serverInfo"]?["name"] == "renda", sourceLocation: sourceLocation)
        server.notify("initialized", [:])
      }
      try await body(server)
      if server.isRunning {
        let status = try await server.shutdownAndExit()
        #expect(status == 0, "exit status after shutdown + exit", sourceLocation: sourceLocation)
      }
    } catch {
      // The stderr is added by `.serverStderrOnFailure`.
      Issue.record("\(error)", sourceLocation: sourceLocation)
    }
  }

  func open(uri: String, text: String, version: Int = 1) {
    notify(
      "textDocument/didOpen",
      [
        "textDocument": [
          "uri": .string(uri), "languageId": "text", "version": .integer(version), "text": .string(text),
        ]
      ])
  }
}

struct ResponseFailure: Error, CustomStringConvertible {
  var method: String
  var error: JSONValue
  var description: String { "\(method) failed: \(error)" }
}

/// The text a range covers, with columns counted in UTF-16 code units (LSP's default).
func text(of range: JSONValue, in document: String, encoding: String = "utf-16") -> String? {
  guard let startLine = range["start"]?["line"]?.intValue, let startColumn = range["start"]?["character"]?.intValue,
    let endLine = range["end"]?["line"]?.intValue, let endColumn = range["end"]?["character"]?.intValue
  else { return nil }
  let lines = splitLines(document)
  func index(_ line: Int, _ column: Int) -> String.Index? {
    guard line < lines.count else { return nil }
    let content = lines[line]
    switch encoding {
    case "utf-8":
      return content.utf8.index(content.startIndex, offsetBy: column, limitedBy: content.endIndex)
    case "utf-32":
      return content.unicodeScalars.index(content.startIndex, offsetBy: column, limitedBy: content.endIndex)
    default:
      return content.utf16.index(content.startIndex, offsetBy: column, limitedBy: content.endIndex)
    }
  }
  guard startLine == endLine, let start = index(startLine, startColumn), let end = index(endLine, endColumn),
    start <= end
  else { return nil }
  return String(lines[startLine][start..<end])
}

/// Lines of a text split at `\n`, `\r\n` and `\r`, as LSP counts them.
func splitLines(_ text: String) -> [Substring] {
  var lines: [Substring] = []
  var start = text.startIndex
  var index = text.startIndex
  let scalars = text.unicodeScalars
  while index < text.endIndex {
    let scalar = scalars[index]
    if scalar == "\n" || scalar == "\r" {
      lines.append(text[start..<index])
      var next = scalars.index(after: index)
      if scalar == "\r", next < text.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
      start = next
      index = next
    } else {
      index = scalars.index(after: index)
    }
  }
  lines.append(text[start...])
  return lines
}

/// The server a subprocess test talks to, so a failing expectation can show its stderr.
enum ServerUnderTest {
  @TaskLocal static var current: LSPProcess?
}

extension Trait where Self == IssueHandlingTrait {
  /// Appends the stderr of the server under test to every issue recorded while it runs.
  static var serverStderrOnFailure: Self {
    .compactMapIssues { issue in
      let marker = "--- renda lsp stderr ---"
      guard let server = ServerUnderTest.current, !issue.comments.contains(where: { $0.rawValue.hasPrefix(marker) })
      else { return issue }
      var issue = issue
      issue.comments.append(Comment(rawValue: "\(marker)\n\(server.stderr)"))
      return issue
    }
  }
}
