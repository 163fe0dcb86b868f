/// Decodes `Decodable` values from a `JSONValue`, so typed params are decoded from the
/// tree the framer already parsed (no second parse of the bytes).
///
/// Strict about types (a string is not a number, a number is not a bool; an integral
/// double is an integer), lenient about extra keys. Errors are `DecodingError`s whose
/// coding path names the field; `JSONValueDecoder.describe(_:)` renders it as
/// `textDocument.uri: expected String`.
package struct JSONValueDecoder {
  package init() {}

  package func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
    try T(from: ValueDecoder(value: value, codingPath: []))
  }

  /// `position.line: expected Int, found a string` for a decoding error; the error's
  /// description for anything else.
  package static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ codingPath: [any CodingKey]) -> String {
      var text = ""
      for key in codingPath {
        if let index = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == "\(index)" {
          text += "[\(index)]"
        } else {
          text += text.isEmpty ? key.stringValue : "." + key.stringValue
        }
      }
      return text.isEmpty ? "(params)" : text
    }
    switch error {
    case .typeMismatch(_, let context): return "\(path(context.codingPath)): \(context.debugDescription)"
    case .valueNotFound(_, let context): return "\(path(context.codingPath)): \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])): missing"
    case .dataCorrupted(let context): return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
  }
}

struct IndexKey: CodingKey {
  var intValue: Int?
  var stringValue: String { "\(intValue ?? 0)" }
  init(_ index: Int) { intValue = index }
  init?(intValue: Int) { self.intValue = intValue }
  init?(stringValue: String) { nil }
}

private func kind(_ value: JSONValue) -> String {
  switch value {
  case .null: "null"
  case .bool: "a boolean"
  case .integer, .double: "a number"
  case .string: "a string"
  case .array: "an array"
  case .object: "an object"
  }
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
  if case .null = value {
    return .valueNotFound(type, .init(codingPath: path, debugDescription: "expected \(type), found null"))
  }
  return .typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(type), found \(kind(value))"))
}

private struct ValueDecoder: Decoder {
  let value: JSONValue
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else { throw mismatch([String: Any].self, value, codingPath) }
    return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value else { throw mismatch([Any].self, value, codingPath) }
    return UnkeyedContainer(elements: elements, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    SingleContainer(value: value, codingPath: codingPath)
  }
}

private func decodeInteger<I: FixedWidthInteger>(_ type: I.Type, _ value: JSONValue, _ path: [any CodingKey]) throws
  -> I
{
  guard let number = value.intValue, let exact = I(exactly: number) else { throw mismatch(type, value, path) }
  return exact
}

private func decodeScalar<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> T {
  switch type {
  case is Bool.Type:
    guard case .bool(let flag) = value, let result = flag as? T else { throw mismatch(type, value, path) }
    return result
  case is String.Type:
    guard case .string(let text) = value, let result = text as? T else { throw mismatch(type, value, path) }
    return result
  case is Double.Type:
    guard let number = value.doubleValue, let result = number as? T else { throw mismatch(type, value, path) }
    return result
  case is Float.Type:
    guard let number = value.doubleValue, let result = Float(number) as? T else { throw mismatch(type, value, path) }
    return result
  default:
    if let integer = type as? any FixedWidthInteger.Type {
      func open<I: FixedWidthInteger>(_ integerType: I.Type) throws -> T {
        guard let result = try decodeInteger(integerType, value, path) as? T else { throw mismatch(type, value, path) }
        return result
      }
      return try open(integer)
    }
    return try T(from: ValueDecoder(value: value, codingPath: path))
  }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let members: [String: JSONValue]
  let codingPath: [any CodingKey]

  var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

  func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

  private func value(for key: Key) throws -> JSONValue {
    guard let value = members[key.stringValue] else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
    }
    return value
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    guard let value = members[key.stringValue] else { return true }
    return value.isNull
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
    try decodeScalar(type, try value(for: key), codingPath + [key])
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let value = members[key.stringValue], !value.isNull else { return nil }
    return try decodeScalar(type, value, codingPath + [key])
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try ValueDecoder(value: try value(for: key), codingPath: codingPath + [key]).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try ValueDecoder(value: try value(for: key), codingPath: codingPath + [key]).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    ValueDecoder(value: .object(members), codingPath: codingPath)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder {
    ValueDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key])
  }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
  let elements: [JSONValue]
  let codingPath: [any CodingKey]
  var currentIndex = 0

  init(elements: [JSONValue], codingPath: [any CodingKey]) {
    self.elements = elements
    self.codingPath = codingPath
  }

  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  private mutating func next(_ type: Any.Type) throws -> (JSONValue, [any CodingKey]) {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        type, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "array too short"))
    }
    let path = codingPath + [IndexKey(currentIndex)]
    let value = elements[currentIndex]
    currentIndex += 1
    return (value, path)
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd else { return false }
    if elements[currentIndex].isNull {
      currentIndex += 1
      return true
    }
    return false
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: String.Type) throws -> String {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: Double.Type) throws -> Double {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: Float.Type) throws -> Float {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: Int.Type) throws -> Int {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: Int8.Type) throws -> Int8 {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: Int16.Type) throws -> Int16 {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: Int32.Type) throws -> Int32 {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: Int64.Type) throws -> Int64 {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: UInt.Type) throws -> UInt {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
    let (value, path) = try next(type)
    return try decodeScalar(type, value, path)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    let (value, path) = try next([String: Any].self)
    return try ValueDecoder(value: value, codingPath: path).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    let (value, path) = try next([Any].self)
    return try ValueDecoder(value: value, codingPath: path).unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder {
    let (value, path) = try next(Any.self)
    return ValueDecoder(value: value, codingPath: path)
  }
}

private struct SingleContainer: SingleValueDecodingContainer {
  let value: JSONValue
  let codingPath: [any CodingKey]

  func decodeNil() -> Bool { value.isNull }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try decodeScalar(type, value, codingPath)
  }

  func decode(_ type: Bool.Type) throws -> Bool { try decodeScalar(type, value, codingPath) }
  func decode(_ type: String.Type) throws -> String { try decodeScalar(type, value, codingPath) }
  func decode(_ type: Double.Type) throws -> Double { try decodeScalar(type, value, codingPath) }
  func decode(_ type: Float.Type) throws -> Float { try decodeScalar(type, value, codingPath) }
  func decode(_ type: Int.Type) throws -> Int { try decodeScalar(type, value, codingPath) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decodeScalar(type, value, codingPath) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decodeScalar(type, value, codingPath) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decodeScalar(type, value, codingPath) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decodeScalar(type, value, codingPath) }
  func decode(_ type: UInt.Type) throws -> UInt { try decodeScalar(type, value, codingPath) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeScalar(type, value, codingPath) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeScalar(type, value, codingPath) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeScalar(type, value, codingPath) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeScalar(type, value, codingPath) }
}
