import JSONRPC
import LSPTypes

/// A result already encoded, kept by a cache so repeated requests for the same document
/// version skip `Codable` encoding (`documentSymbol`: the outline of a page is thousands of
/// nested values): as a value, or as JSON text written once (``init(text:)``), which the
/// response then carries as it is, without writing the value again. `encodeResult` passes
/// it through.
struct EncodedResult: Codable, Sendable {
  let result: ResponseResult

  init(_ json: JSONValue) {
    result = .value(json)
  }

  /// A result given as its JSON text (what `JSONWriter.write` wrote for it).
  init(text: [UInt8]) {
    result = .text(text)
  }

  /// The result as a value (parsed back from its text when it was given as text; only the
  /// `Codable` path of encoders other than `JSONValueEncoder` asks, and none is used).
  var json: JSONValue {
    switch result {
    case .value(let value): return value
    case .text(let text):
      do {
        return try JSONParser.parse(text)
      } catch {
        assertionFailure("EncodedResult: the cached text is not JSON: \(error)")
        return .null
      }
    }
  }

  init(from decoder: any Decoder) throws {
    throw DecodingError.dataCorrupted(
      DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "an encoded result is never decoded"))
  }

  /// Only for encoders other than `JSONValueEncoder`: writes the value through containers.
  func encode(to encoder: any Encoder) throws {
    try Self.write(json, to: encoder)
  }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  private struct Nested: Encodable {
    let value: JSONValue
    func encode(to encoder: any Encoder) throws { try EncodedResult.write(value, to: encoder) }
  }

  private static func write(_ value: JSONValue, to encoder: any Encoder) throws {
    switch value {
    case .object(let members):
      var container = encoder.container(keyedBy: Key.self)
      for (key, member) in members { try container.encode(Nested(value: member), forKey: Key(stringValue: key)) }
    case .array(let items):
      var container = encoder.unkeyedContainer()
      for item in items { try container.encode(Nested(value: item)) }
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .bool(let flag):
      var container = encoder.singleValueContainer()
      try container.encode(flag)
    case .integer(let number):
      var container = encoder.singleValueContainer()
      try container.encode(number)
    case .double(let number):
      var container = encoder.singleValueContainer()
      try container.encode(number)
    case .string(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    }
  }
}

/// A response's result: a value, or JSON text already written (a cached result, sent as it is).
enum ResponseResult: Sendable, Equatable {
  case value(JSONValue)
  case text([UInt8])
}

/// `textDocument/documentSymbol` answered from the per-version cache of its encoded result.
enum CachedDocumentSymbolRequest: LSPRequest {
  typealias Params = DocumentSymbolParams
  typealias Response = EncodedResult
  static let method = DocumentSymbolRequest.method
}
