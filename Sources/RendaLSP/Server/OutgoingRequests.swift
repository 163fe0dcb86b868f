import JSONRPC
import LSPTypes

/// Requests the server sent to the client and still waits on, by id: what to do with
/// the answer, and the timer that gives up on a client that never answers. The loop
/// never waits for an answer; an answer (or the timeout) calls the request's callback
/// on the server's actor. It also remembers the newest id sent per method, so a
/// callback can ignore an answer that a newer request of the same kind supersedes.
struct OutgoingRequests {
  /// Called once per request: with the client's answer, its error, or a timeout error.
  typealias Callback = @Sendable (isolated LanguageServer, Result<JSONValue, ResponseError>) -> Void

  struct Entry {
    var method: String
    var callback: Callback?
    var timer: Task<Void, Never>?
  }

  /// How long the server waits before it treats a request as unanswered.
  static let defaultTimeout: Duration = .seconds(120)

  /// The wait for requests sent from now on (tests shorten it).
  var timeout = defaultTimeout

  private var entries: [RequestID: Entry] = [:]
  private var newest: [String: RequestID] = [:]
  private var sent = 0

  var pendingCount: Int { entries.count }

  mutating func makeID(for method: String) -> RequestID {
    sent += 1
    let id = RequestID.string("renda-\(sent)")
    newest[method] = id
    return id
  }

  mutating func register(_ id: RequestID, _ entry: Entry) {
    entries[id] = entry
  }

  /// Removes and returns the request waiting under `id` (nil when unknown or already done).
  mutating func take(_ id: RequestID) -> Entry? {
    entries.removeValue(forKey: id)
  }

  /// Whether `id` is the newest request sent for `method`.
  func isNewest(_ id: RequestID, for method: String) -> Bool {
    newest[method] == id
  }
}

extension LanguageServer {
  /// Sends a request to the client. `onAnswer` (when given) runs on the actor with the
  /// decoded answer, the client's error, or a timeout error after `timeout` (by default
  /// `outgoing.timeout`); answers without a callback are only logged when they are errors.
  func sendRequest<Request: LSPRequest>(
    _ request: Request.Type, _ params: Request.Params, timeout: Duration? = nil,
    onAnswer: (@Sendable (isolated LanguageServer, RequestID, Result<Request.Response, ResponseError>) -> Void)? = nil
  ) {
    let json: JSONValue
    do {
      json = try JSONValueEncoder().encode(params)
    } catch {
      log.error("could not encode \(Request.method): \(error)")
      return
    }
    let id = outgoing.makeID(for: Request.method)
    let timeout = timeout ?? outgoing.timeout
    var callback: OutgoingRequests.Callback?
    if let onAnswer {
      callback = { server, result in
        let decoded = result.flatMap { value -> Result<Request.Response, ResponseError> in
          do {
            return .success(try JSONValueDecoder().decode(Request.Response.self, from: value))
          } catch {
            return .failure(.invalidParams("unexpected answer: \(JSONValueDecoder.describe(error))"))
          }
        }
        onAnswer(server, id, decoded)
      }
    }
    let timer = Task { [weak self] in
      guard (try? await Task.sleep(for: timeout)) != nil else { return }
      await self?.outgoingTimedOut(id, after: timeout)
    }
    outgoing.register(id, OutgoingRequests.Entry(method: Request.method, callback: callback, timer: timer))
    log.trace("Sending request '\(Request.method) - (\(id))'.")
    sink.send(.request(id: id, method: Request.method, params: json))
  }

  /// Sets how long later requests wait for the client's answer.
  func setClientRequestTimeout(_ timeout: Duration) {
    outgoing.timeout = timeout
  }

  /// The client answered one of the server's requests.
  func receiveAnswer(id: RequestID?, _ result: Result<JSONValue, ResponseError>) {
    guard let id, let entry = outgoing.take(id) else {
      if case .failure(let error) = result {
        log.info("client answered request \(id.map(\.description) ?? "null") with error \(error)")
      } else {
        log.info("ignored an answer to unknown request \(id.map(\.description) ?? "null")")
      }
      return
    }
    entry.timer?.cancel()
    log.trace("Received response '\(entry.method) - (\(id))'.")
    if case .failure(let error) = result { log.info("client answered \(entry.method) (\(id)) with error \(error)") }
    entry.callback?(self, result)
  }

  private func outgoingTimedOut(_ id: RequestID, after timeout: Duration) {
    guard let entry = outgoing.take(id) else { return }
    log.info("no answer to \(entry.method) (\(id)) after \(timeout); going on without it")
    entry.callback?(
      self, .failure(ResponseError(code: LSPErrorCode.requestFailed, message: "no answer after \(timeout)")))
  }
}
