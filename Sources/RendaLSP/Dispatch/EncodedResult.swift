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

  init(from decoder: any Decoder) throws {
    throw DecodingError.dataCorrupted(
      DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "an encoded result is never decoded"))
  }

  /// Never called: `encodeResult` passes the result through as it is, and no other encoder
  /// is given one.
  func encode(to encoder: any Encoder) throws {
    throw EncodingError.invalidValue(
      self, EncodingError.Context(codingPath: encoder.codingPath, debugDescription: "an encoded result is passed through, not encoded"))
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
