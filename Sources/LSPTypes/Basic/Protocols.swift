/// A request: its method name, what its params decode to, what its result encodes from.
/// Adding one: a type here (in `Requests/`), a handler in `RendaLSP/Handlers/`, a row in
/// `RendaLSP/Dispatch/`.
package protocol LSPRequest: Sendable {
  associatedtype Params: Codable & Sendable
  associatedtype Response: Codable & Sendable
  static var method: String { get }
}

/// A notification: its method name and params.
package protocol LSPNotification: Sendable {
  associatedtype Params: Codable & Sendable
  static var method: String { get }
}

/// Params of a method that takes none (`shutdown`, `exit`, `initialized`): decodes from
/// anything, encodes as `{}`.
package struct NoParams: Codable, Sendable, Equatable {
  package init() {}
  package init(from decoder: any Decoder) throws {}
  package func encode(to encoder: any Encoder) throws {
    _ = encoder.container(keyedBy: NoKeys.self)
  }
  private enum NoKeys: CodingKey {}
}

/// A `null` result (`shutdown`).
package struct LSPNull: Codable, Sendable, Equatable {
  package init() {}
  package init(from decoder: any Decoder) throws {}
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encodeNil()
  }
}

/// LSP's `integer | string`, as in request ids and diagnostic codes.
package enum IntegerOrString: Codable, Sendable, Hashable {
  case integer(Int)
  case string(String)

  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Int.self) {
      self = .integer(number)
    } else {
      self = .string(try container.decode(String.self))
    }
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .integer(let number): try container.encode(number)
    case .string(let text): try container.encode(text)
    }
  }
}

/// Error codes LSP adds to JSON-RPC's.
package enum LSPErrorCode {
  package static let serverNotInitialized = -32002
  package static let unknownErrorCode = -32001
  package static let requestFailed = -32803
  package static let serverCancelled = -32802
  package static let contentModified = -32801
  package static let requestCancelled = -32800
}

extension KeyedDecodingContainer {
  /// The value for `key`, or nil when it is missing, null or of the wrong shape: what a
  /// server reads from client capabilities, where one odd field must not fail `initialize`.
  package func lenient<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
    (try? decodeIfPresent(type, forKey: key)) ?? nil
  }
}
