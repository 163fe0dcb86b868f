/// A JSON value, as JSON-RPC messages carry it.
///
/// Why our own value type rather than Foundation's `JSONSerialization`:
///
/// - **Exact types.** `JSONSerialization` on Linux returns `NSNumber` for numbers and
///   booleans alike, so `1` and `true` (and `1` and `1.0`) are hard to tell apart — and a
///   request id must stay the integer or string the client sent.
/// - **Total on hostile input.** The server must never crash on any bytes: the parser
///   here bounds nesting depth (no stack overflow on `[[[[…`), reports ill-formed UTF-8
///   as a parse error, and turns a lone surrogate escape (`"\ud800"`) into U+FFFD as
///   decisions.md asks, where Foundation rejects the whole message.
/// - **Sendable values.** Messages cross from the reader thread to the server actor; an
///   enum of value types is `Sendable` without `Any`.
/// - It is small (a parser, a writer and a `Codable` bridge) and has its own tests.
package enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case integer(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])
}

extension JSONValue {
  /// The member `key` of an object; nil for a missing key or a value that is no object.
  package subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The element at `index` of an array; nil when out of range or not an array.
  package subscript(index: Int) -> JSONValue? {
    if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
    return nil
  }

  package var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// An integer, or a double without a fractional part that fits an `Int`.
  package var intValue: Int? {
    switch self {
    case .integer(let value): return value
    case .double(let value):
      guard value.rounded() == value, let exact = Int(exactly: value) else { return nil }
      return exact
    default: return nil
    }
  }

  package var doubleValue: Double? {
    switch self {
    case .integer(let value): return Double(value)
    case .double(let value): return value
    default: return nil
    }
  }

  package var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  package var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  package var objectValue: [String: JSONValue]? {
    if case .object(let value) = self { return value }
    return nil
  }

  package var isNull: Bool {
    if case .null = self { return true }
    return false
  }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  package init(nilLiteral: ()) { self = .null }
  package init(booleanLiteral value: Bool) { self = .bool(value) }
  package init(integerLiteral value: Int) { self = .integer(value) }
  package init(floatLiteral value: Double) { self = .double(value) }
  package init(stringLiteral value: String) { self = .string(value) }
  package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  package init(dictionaryLiteral elements: (String, JSONValue)...) {
    var members: [String: JSONValue] = [:]
    for (key, value) in elements { members[key] = value }
    self = .object(members)
  }
}

extension JSONValue: CustomStringConvertible {
  /// Compact JSON text (object keys sorted).
  package var description: String { String(decoding: JSONWriter.write(self), as: UTF8.self) }
}
