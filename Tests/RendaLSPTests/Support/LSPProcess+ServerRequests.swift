import Foundation
import JSONRPC

/// Requests the server sends to the client (`workspace/configuration`,
/// `client/registerCapability`): waiting for one and answering it.
extension LSPProcess {
  /// The first request from the server with `method` (from message `start` on).
  func serverRequest(_ method: String, from start: Int = 0, timeout: Duration = .seconds(30)) async throws
    -> JSONValue
  {
    try await waitFor("a \(method) request from the server", from: start, timeout: timeout) {
      $0["method"] == .string(method) && $0["id"] != nil
    }
  }

  /// Every request from the server with `method` so far.
  func serverRequests(_ method: String) -> [JSONValue] {
    messages.filter { $0["method"] == .string(method) && $0["id"] != nil }
  }

  /// Answers a server request with `result`.
  func answer(_ request: JSONValue, result: JSONValue) {
    send(["jsonrpc": "2.0", "id": request["id"] ?? .null, "result": result])
  }

  /// Answers a server request with an error.
  func answer(_ request: JSONValue, errorCode: Int, message: String) {
    send([
      "jsonrpc": "2.0", "id": request["id"] ?? .null,
      "error": ["code": .integer(errorCode), "message": .string(message)],
    ])
  }
}
