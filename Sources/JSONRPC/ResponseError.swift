/// The error object of a JSON-RPC response.
package struct ResponseError: Error, Sendable, Equatable, CustomStringConvertible {
  package var code: Int
  package var message: String
  package var data: JSONValue?

  package init(code: Int, message: String, data: JSONValue? = nil) {
    self.code = code
    self.message = message
    self.data = data
  }

  package var description: String { "\(code): \(message)" }

  package static func parseError(_ message: String) -> ResponseError {
    ResponseError(code: ErrorCode.parseError, message: message)
  }

  package static func invalidRequest(_ message: String) -> ResponseError {
    ResponseError(code: ErrorCode.invalidRequest, message: message)
  }

  package static func methodNotFound(_ method: String) -> ResponseError {
    ResponseError(code: ErrorCode.methodNotFound, message: "method not found: \(method)")
  }

  package static func invalidParams(_ message: String) -> ResponseError {
    ResponseError(code: ErrorCode.invalidParams, message: message)
  }

  package static func internalError(_ message: String) -> ResponseError {
    ResponseError(code: ErrorCode.internalError, message: message)
  }

  var json: JSONValue {
    var members: [String: JSONValue] = ["code": .integer(code), "message": .string(message)]
    if let data { members["data"] = data }
    return .object(members)
  }
}

/// The error codes JSON-RPC 2.0 defines. Protocols on top (LSP) add their own in the
/// range -32099…-32000 and elsewhere.
package enum ErrorCode {
  package static let parseError = -32700
  package static let invalidRequest = -32600
  package static let methodNotFound = -32601
  package static let invalidParams = -32602
  package static let internalError = -32603
}
