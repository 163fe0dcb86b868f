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
  private let task: Task<Int32, Never>
  private let ids = Mutex(0)

  init() {
    let (stream, continuation) = AsyncStream<TransportEvent>.makeStream()
    let server = LanguageServer(sink: sink, version: "test")
    self.server = server
    self.continuation = continuation
    task = Task { await server.run(stream) }
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

  func waitFor(_ what: String, timeout: Duration = .seconds(90), _ predicate: (JSONValue) -> Bool) async throws
    -> JSONValue
  {
    let deadline = ContinuousClock.now + timeout
    while true {
      if let found = sink.all.first(where: predicate) { return found }
      if ContinuousClock.now > deadline { throw Timeout(what: what) }
      try await Task.sleep(for: .milliseconds(5))
    }
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
    let task = self.task
    return try await withThrowingTaskGroup(of: Int32?.self) { group in
      group.addTask { await task.value }
      group.addTask {
        try await Task.sleep(for: .seconds(15))
        return nil
      }
      defer { group.cancelAll() }
      guard let code = try await group.next() ?? nil else { throw Timeout(what: "the server loop to end") }
      return code
    }
  }
}
