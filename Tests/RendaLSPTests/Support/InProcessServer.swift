import Foundation
import JSONRPC
import RendaLSP
import Synchronization

/// Collects what the server sends.
final class CollectingSink: MessageSink {
  private let messages = Mutex<[JSONValue]>([])

  func send(_ message: Message) {
    let json = message.json
    messages.withLock { $0.append(json) }
  }

  func send(body: [UInt8]) {
    let json = (try? JSONParser.parse(body)) ?? .string("unparsable body")
    messages.withLock { $0.append(json) }
  }

  var all: [JSONValue] { messages.withLock { $0 } }
}

/// A `LanguageServer` in this process, fed events directly: fast tests of the handlers.
final class InProcessServer: Sendable {
  let sink = CollectingSink()
  let server: LanguageServer
  private let continuation: AsyncStream<TransportEvent>.Continuation
  /// The code the server's loop returned, once it has (in a box of its own, so the loop's
  /// task does not keep this whole helper alive).
  private final class ExitCode: Sendable {
    let value = Mutex<Int32?>(nil)
  }
  private let exitCode = ExitCode()
  private let ids = Mutex(0)

  init() {
    let (stream, continuation) = AsyncStream<TransportEvent>.makeStream()
    let server = LanguageServer(sink: sink, version: "test")
    self.server = server
    self.continuation = continuation
    let exitCode = self.exitCode
    Task {
      let code = await server.run(stream)
      exitCode.value.withLock { $0 = code }
    }
  }

  static func initialized(
    capabilities: JSONValue = LSPProcess.defaultCapabilities, initializationOptions: JSONValue? = nil
  ) async throws -> InProcessServer {
    let server = InProcessServer()
    var params: [String: JSONValue] = ["processId": nil, "capabilities": capabilities]
    if let initializationOptions { params["initializationOptions"] = initializationOptions }
    _ = try await server.result("initialize", .object(params))
    server.notify("initialized", [:])
    return server
  }

  func notify(_ method: String, _ params: JSONValue? = nil) {
    continuation.yield(.message(.notification(method: method, params: params)))
  }

  func request(_ method: String, _ params: JSONValue? = nil) async throws -> JSONValue {
    let id = ids.withLock {
      $0 += 1; return $0
    }
    continuation.yield(.message(.request(id: .number(id), method: method, params: params)))
    return try await waitFor("response \(id)") { $0["id"] == .integer(id) && $0["method"] == nil }
  }

  func result(_ method: String, _ params: JSONValue? = nil) async throws -> JSONValue {
    let response = try await request(method, params)
    if let error = response["error"] { throw ResponseFailure(method: method, error: error) }
    return response["result"] ?? .null
  }

  /// The first message matching `predicate`, looking every 5 ms for at least `timeout`.
  ///
  /// The wait counts its looks, not the clock. The server's loop runs on the same
  /// cooperative threads as every other test in the process; when long synchronous tests
  /// hold both of this machine's threads, neither this task nor the server gets a turn, and
  /// a wall-clock deadline could pass before the server ever read the request. Each look
  /// sleeps at least 5 ms, so the wait is never shorter than `timeout`.
  func waitFor(_ what: String, timeout: Duration = .seconds(90), _ predicate: (JSONValue) -> Bool) async throws
    -> JSONValue
  {
    try await Self.poll(what, every: .milliseconds(5), for: timeout) { sink.all.first(where: predicate) }
  }

  /// Calls `look` every `interval` until it answers, at most `timeout / interval` times.
  static func poll<T>(_ what: String, every interval: Duration, for timeout: Duration, _ look: () async -> T?)
    async throws -> T
  {
    let looks = max(1, Int((timeout / interval).rounded(.up)))
    for _ in 0..<looks {
      if let found = await look() { return found }
      try await Task.sleep(for: interval)
    }
    if let found = await look() { return found }
    throw Timeout(what: what)
  }

  func diagnostics(uri: String, version: Int?) async throws -> [JSONValue] {
    let publish = try await waitFor("diagnostics of \(uri)@\(version.map(String.init) ?? "null")") {
      $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
        && $0["params"]?["version"] == (version.map { .integer($0) } ?? nil)
    }
    return publish["params"]?["diagnostics"]?.arrayValue ?? []
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

  /// `shutdown` + `exit`; the exit code the loop returns.
  func finish() async throws -> Int32 {
    _ = try await result("shutdown")
    notify("exit")
    return try await Self.poll("the server loop to end", every: .milliseconds(5), for: .seconds(15)) {
      exitCode.value.withLock { $0 }
    }
  }
}
