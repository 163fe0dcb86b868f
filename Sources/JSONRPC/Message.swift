/// A request id: a number or a string, kept as the peer sent it.
package enum RequestID: Hashable, Sendable, CustomStringConvertible {
  case number(Int)
  case string(String)

  package var json: JSONValue {
    switch self {
    case .number(let value): .integer(value)
    case .string(let value): .string(value)
    }
  }

  /// From a JSON value: an integer (or integral double) or a string.
  package init?(json: JSONValue) {
    if case .string(let text) = json {
      self = .string(text)
    } else if let number = json.intValue {
      self = .number(number)
    } else {
      return nil
    }
  }

  package var description: String {
    switch self {
    case .number(let value): "\(value)"
    case .string(let value): "\"\(value)\""
    }
  }
}

/// One JSON-RPC 2.0 message.
package enum Message: Sendable, Equatable {
  case request(id: RequestID, method: String, params: JSONValue?)
  case notification(method: String, params: JSONValue?)
  /// `id` is nil only for an error answering a message whose id could not be read.
  case response(id: RequestID?, result: Result<JSONValue, ResponseError>)

  package var json: JSONValue {
    switch self {
    case .request(let id, let method, let params):
      var members: [String: JSONValue] = ["jsonrpc": "2.0", "id": id.json, "method": .string(method)]
      if let params { members["params"] = params }
      return .object(members)
    case .notification(let method, let params):
      var members: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
      if let params { members["params"] = params }
      return .object(members)
    case .response(let id, let result):
      var members: [String: JSONValue] = ["jsonrpc": "2.0", "id": id?.json ?? .null]
      switch result {
      case .success(let value): members["result"] = value
      case .failure(let error): members["error"] = error.json
      }
      return .object(members)
    }
  }

  /// The message as a frame: `Content-Length` header and JSON body.
  package func framed() -> [UInt8] {
    Self.frame(JSONWriter.write(json))
  }

  /// The body of a successful response whose result is already JSON text (`resultText`, as
  /// `JSONWriter` writes it): the text `response(id: id, result: .success(value))` writes
  /// for that value, built around the bytes instead of writing the value again.
  package static func responseBody(id: RequestID, resultText: [UInt8]) -> [UInt8] {
    var body: [UInt8] = []
    body.reserveCapacity(resultText.count + 40)
    body.append(contentsOf: #"{"id":"#.utf8)
    JSONWriter.write(id.json, to: &body)
    body.append(contentsOf: #","jsonrpc":"2.0","result":"#.utf8)
    body.append(contentsOf: resultText)
    body.append(UInt8(ascii: "}"))
    return body
  }

  package static func frame(_ body: [UInt8]) -> [UInt8] {
    var bytes = Array(header(forBodyOf: body.count).utf8)
    bytes.append(contentsOf: body)
    return bytes
  }

  /// The header that frames a body of `count` bytes.
  package static func header(forBodyOf count: Int) -> String { "Content-Length: \(count)\r\n\r\n" }
}

/// A body that is not a usable message, with the error to answer it with (and the id,
/// when one could be read).
package struct InvalidMessage: Error, Sendable, Equatable {
  package var id: RequestID?
  package var error: ResponseError

  package init(id: RequestID?, error: ResponseError) {
    self.id = id
    self.error = error
  }

  /// The error response to send back.
  package var response: Message { .response(id: id, result: .failure(error)) }
}

extension Message {
  /// Reads one message from a body: JSON text of a JSON-RPC 2.0 request, notification or
  /// response. Not JSON (or not UTF-8) → -32700; a batch or anything that is JSON but
  /// not a JSON-RPC message → -32600, with the id when it can be read.
  package static func decode(_ body: [UInt8]) -> Result<Message, InvalidMessage> {
    let json: JSONValue
    do {
      json = try JSONParser.parse(body)
    } catch {
      return .failure(InvalidMessage(id: nil, error: .parseError("body is not JSON: \(error)")))
    }
    return decode(json)
  }

  package static func decode(_ json: JSONValue) -> Result<Message, InvalidMessage> {
    if case .array = json {
      return .failure(InvalidMessage(id: nil, error: .invalidRequest("batches are not supported")))
    }
    guard case .object(let members) = json else {
      return .failure(InvalidMessage(id: nil, error: .invalidRequest("a message must be a JSON object")))
    }
    var id: RequestID?
    if let rawID = members["id"], !rawID.isNull {
      guard let parsed = RequestID(json: rawID) else {
        return .failure(InvalidMessage(id: nil, error: .invalidRequest("id must be an integer or a string")))
      }
      id = parsed
    }
    func invalid(_ message: String) -> Result<Message, InvalidMessage> {
      .failure(InvalidMessage(id: id, error: .invalidRequest(message)))
    }
    guard members["jsonrpc"] == .string("2.0") else { return invalid("jsonrpc must be \"2.0\"") }
    if let rawMethod = members["method"] {
      guard case .string(let method) = rawMethod else { return invalid("method must be a string") }
      var params = members["params"]
      if params?.isNull == true { params = nil }
      switch params {
      case nil, .array?, .object?: break
      default: return invalid("params must be an object or an array")
      }
      if let id { return .success(.request(id: id, method: method, params: params)) }
      if members["id"] != nil { return invalid("id must not be null in a request") }
      return .success(.notification(method: method, params: params))
    }
    if let error = members["error"] {
      guard case .object(let fields) = error, let code = fields["code"]?.intValue else {
        return invalid("error must be an object with an integer code")
      }
      let message = fields["message"]?.stringValue ?? ""
      return .success(
        .response(id: id, result: .failure(ResponseError(code: code, message: message, data: fields["data"]))))
    }
    if let result = members["result"] {
      guard id != nil else { return invalid("a response needs an id") }
      return .success(.response(id: id, result: .success(result)))
    }
    return invalid("neither a request, a notification nor a response")
  }
}
