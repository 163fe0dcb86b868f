#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import JSONRPC
import LSPTypes
import RendaText
import Synchronization

/// The language server: lifecycle, open documents, requests in flight.
///
/// One loop reads the transport's events in order (`run`). Notifications are applied
/// there, in arrival order, and each edit makes a new immutable `Document`. A request is
/// decoded and resolves its document snapshot on the loop too, so it sees exactly the
/// edits that came before it; work that needs an analysis then runs in a task
/// registered in `inFlight`, which `$/cancelRequest` can answer for. Analysis runs on
/// the `Analyser`'s own thread, which publishes each result itself through the
/// `PublishGate` (only if the document is still at that version), without a hop through
/// the loop.
///
/// Error policy at the boundary (each row has a test in `Tests/RendaLSPTests`):
///
/// | input | server does |
/// |---|---|
/// | header without `Content-Length`, or a non-numeric, negative or huge one | log, skip to the next header |
/// | body is not JSON (or not UTF-8) | `-32700`, `id: null` |
/// | JSON but not JSON-RPC; a batch | `-32600` (with the id when one can be read) |
/// | request before `initialize` | `-32002`; notifications are dropped |
/// | `initialize` twice; any request after `shutdown` | `-32600` |
/// | request, unknown method | `-32601` |
/// | request, params don't decode | `-32602`, the message names the field |
/// | notification, unknown or `$/…` | ignored (unknown ones logged) |
/// | notification, known but params don't decode | logged + `window/showMessage` |
/// | `$/cancelRequest` for a request still pending | `-32800` at once; its result is dropped |
/// | a pending analysis superseded by an edit | its waiting requests get `-32801` |
/// | handler throws | `-32603`; the server keeps running |
/// | position past the end, inside a scalar, negative | clamped (on a missing line: hover `null`, navigation `[]`, selection ranges `-32602`) |
/// | answer to a server request: an error, none within 120 s, an unknown id | logged; its callback gets the error and the configuration stays |
/// | `exit` | exit code 0 after `shutdown`, else 1; end of input: 0 |
package actor LanguageServer {
  enum Lifecycle {
    case uninitialized
    case running
    case shutDown
  }

  let sink: any MessageSink
  let log: ServerLog
  let version: String
  let analyser: Analyser

  var lifecycle = Lifecycle.uninitialized {
    didSet { documents.gate.setRunning(lifecycle == .running) }
  }
  var client = ClientSettings() {
    didSet { documents.gate.setEncoding(client.encoding) }
  }
  var documents: DocumentStore
  var configurations = ConfigurationResolver()
  /// Symbols of the workspace's files that are not open, read when `workspace/symbol` asks.
  let workspaceSymbols = WorkspaceSymbolIndex()
  /// Requests answered by a task; removed by whoever replies first.
  var inFlight: [RequestID: Task<Void, Never>] = [:]
  /// Requests sent to the client, waiting for its answers (`OutgoingRequests.swift`).
  var outgoing = OutgoingRequests()

  package init(sink: any MessageSink, version: String) {
    self.sink = sink
    self.version = version
    log = ServerLog(sink: sink)
    let store = DocumentStore()
    documents = store
    analyser = Analyser { [gate = store.gate] result in gate.publish(result, to: sink) }
  }

  /// Reads events until `exit` or the end of input; returns the process exit code: 0
  /// after `shutdown` + `exit` or at the end of input, 1 for `exit` without `shutdown`.
  package func run(_ events: AsyncStream<TransportEvent>) async -> Int32 {
    for await event in events {
      if let code = receive(event) { return code }
    }
    log.info("end of input: exiting")
    return 0
  }

  /// Handles one event; returns the exit code when the server must stop.
  func receive(_ event: TransportEvent) -> Int32? {
    switch event {
    case .message(.request(let id, let method, let params)):
      receiveRequest(id: id, method: method, params: params)
    case .message(.notification(let method, let params)):
      return receiveNotification(method: method, params: params)
    case .message(.response(let id, let result)):
      receiveAnswer(id: id, result)
    case .invalid(let invalid):
      log.warning("invalid message: \(invalid.error.message)")
      sink.send(invalid.response)
    case .framingError(let reason):
      log.warning("input: \(reason)")
    case .endOfInput:
      return nil
    }
    return nil
  }

  private func receiveRequest(id: RequestID, method: String, params: JSONValue?) {
    log.trace("Received request '\(method) - (\(id))'.", verbose: params.map { "Params: \(Self.preview($0))" })
    switch lifecycle {
    case .uninitialized where method != InitializeRequest.method:
      return respond(
        id, method: method,
        .failure(ResponseError(code: LSPErrorCode.serverNotInitialized, message: "the server is not initialized yet")))
    case .running where method == InitializeRequest.method:
      return respond(id, method: method, .failure(.invalidRequest("the server is already initialized")))
    case .shutDown:
      return respond(id, method: method, .failure(.invalidRequest("the server is shut down; only exit is accepted")))
    default: break
    }
    guard let handler = Self.requestHandlers[method] else {
      return respond(id, method: method, .failure(.methodNotFound(method)))
    }
    guard inFlight[id] == nil else {
      return respond(id, method: method, .failure(.invalidRequest("request id \(id) is already in use")))
    }
    switch handler.start(self, params) {
    case .now(let result):
      respond(id, method: method, result)
    case .later(let work):
      let started = ContinuousClock.now
      inFlight[id] = Task { [weak self] in
        let result = await work()
        await self?.finish(id, method: method, result, started: started)
      }
    }
  }

  private func finish(
    _ id: RequestID, method: String, _ result: Result<ResponseResult, ResponseError>, started: ContinuousClock.Instant
  ) {
    guard inFlight.removeValue(forKey: id) != nil else { return }  // cancelled: already answered
    let elapsed = ContinuousClock.now - started
    let milliseconds = Int((elapsed / .milliseconds(1)).rounded())
    respond(id, method: method, result, note: " Processing request took \(milliseconds)ms.")
  }

  func respond(_ id: RequestID, method: String, _ result: Result<ResponseResult, ResponseError>, note: String = "") {
    if case .failure(let error) = result, error.code != LSPErrorCode.requestCancelled,
      error.code != LSPErrorCode.contentModified
    {
      log.info("\(method) (\(id)): error \(error)")
    }
    log.trace("Sending response '\(method) - (\(id))'.\(note)")
    switch result {
    case .success(.text(let text)): sink.send(body: Message.responseBody(id: id, resultText: text))
    case .success(.value(let value)): sink.send(.response(id: id, result: .success(value)))
    case .failure(let error): sink.send(.response(id: id, result: .failure(error)))
    }
  }

  private func receiveNotification(method: String, params: JSONValue?) -> Int32? {
    log.trace("Received notification '\(method)'.", verbose: params.map { "Params: \(Self.preview($0))" })
    if method == ExitNotification.method {
      let code: Int32 = lifecycle == .shutDown ? 0 : 1
      log.info("exit (code \(code))")
      return code
    }
    guard lifecycle == .running else {
      log.info("ignored '\(method)': the server is \(lifecycle == .shutDown ? "shut down" : "not initialized")")
      return nil
    }
    guard let handler = Self.notificationHandlers[method] else {
      if !method.hasPrefix("$/") { log.info("ignored unknown notification '\(method)'") }
      return nil
    }
    if let problem = handler.run(self, params) {
      // Document state may now be out of step with the client: tell the user.
      log.showMessage("Renda: could not read '\(method)': invalid params: \(problem)", type: .error)
    }
    return nil
  }

  // MARK: Sending

  func send<Notification: LSPNotification>(_ notification: Notification.Type, _ params: Notification.Params) {
    do {
      sink.send(.notification(method: Notification.method, params: try JSONValueEncoder().encode(params)))
    } catch {
      log.error("could not encode \(Notification.method): \(error)")
    }
  }

  // MARK: Analysis

  /// The analysis of `document` as it is now, scheduled if needed.
  func analysis(of document: Document) -> AnalysisPromise {
    analyser.analysis(of: document, encoding: client.encoding, language: client.language)
  }

  static func preview(_ value: JSONValue) -> String {
    let text = value.description
    return text.count > 2000 ? String(text.prefix(2000)) + "…" : text
  }
}

/// Runs the server on stdin/stdout until `exit` or the end of input; returns the exit code.
package enum LanguageServerMain {
  package static func runStdio(version: String) -> Int32 {
    let transport = StdioTransport()
    let server = LanguageServer(sink: transport, version: version)
    let finished = DispatchSemaphore(value: 0)
    let code = ExitCode()
    Task {
      code.set(await server.run(transport.events()))
      finished.signal()
    }
    finished.wait()
    transport.flush()
    return code.value
  }
}

private final class ExitCode: Sendable {
  private let stored = Mutex<Int32>(0)
  func set(_ value: Int32) { stored.withLock { $0 = value } }
  var value: Int32 { stored.withLock { $0 } }
}
