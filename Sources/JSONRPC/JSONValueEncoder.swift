/// Encodes `Encodable` values into a `JSONValue`, the counterpart of `JSONValueDecoder`.
///
/// `nil` optionals encoded with `encodeIfPresent` (what synthesized conformances do) are
/// left out of objects; an explicit `encodeNil` writes `null`.
package struct JSONValueEncoder {
  package init() {}

  package func encode<T: Encodable>(_ value: T) throws -> JSONValue {
    let root = Node()
    try value.encode(to: ValueEncoder(node: root, codingPath: []))
    return root.resolved()
  }
}

/// A value under construction: nested containers write into their own node, resolved
/// into a `JSONValue` once encoding is done.
private final class Node {
  enum Kind {
    case empty, value, object, array
  }

  var kind = Kind.empty
  var scalar = JSONValue.null
  var members: [String: Node] = [:]
  var elements: [Node] = []

  var value: JSONValue {
    get { resolved() }
    set {
      kind = .value
      scalar = newValue
    }
  }

  func set(_ key: String, _ value: JSONValue) {
    child(key).value = value
  }

  func child(_ key: String) -> Node {
    makeObject()
    let node = Node()
    members[key] = node
    return node
  }

  func makeObject() {
    if kind != .object {
      kind = .object
      members = [:]
    }
  }

  func makeArray() {
    if kind != .array {
      kind = .array
      elements = []
    }
  }

  func append(_ value: JSONValue) {
    appendChild().value = value
  }

  func appendChild() -> Node {
    makeArray()
    let node = Node()
    elements.append(node)
    return node
  }

  var count: Int { kind == .array ? elements.count : 0 }

  func resolved() -> JSONValue {
    switch kind {
    case .empty: return .null
    case .value: return scalar
    case .object: return .object(members.mapValues { $0.resolved() })
    case .array: return .array(elements.map { $0.resolved() })
    }
  }
}

private func integerValue<I: FixedWidthInteger>(_ value: I) -> JSONValue {
  if let exact = Int(exactly: value) { return .integer(exact) }
  return .double(Double(value))
}

private struct ValueEncoder: Encoder {
  let node: Node
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    node.makeObject()
    return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    node.makeArray()
    return UnkeyedContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleContainer(node: node, codingPath: codingPath)
  }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: Node
  let codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws { node.set(key.stringValue, .null) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { node.set(key.stringValue, .bool(value)) }
  mutating func encode(_ value: String, forKey key: Key) throws { node.set(key.stringValue, .string(value)) }
  mutating func encode(_ value: Double, forKey key: Key) throws { node.set(key.stringValue, .double(value)) }
  mutating func encode(_ value: Float, forKey key: Key) throws { node.set(key.stringValue, .double(Double(value))) }
  mutating func encode(_ value: Int, forKey key: Key) throws { node.set(key.stringValue, .integer(value)) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { node.set(key.stringValue, integerValue(value)) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { node.set(key.stringValue, integerValue(value)) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { node.set(key.stringValue, integerValue(value)) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { node.set(key.stringValue, integerValue(value)) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { node.set(key.stringValue, integerValue(value)) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { node.set(key.stringValue, integerValue(value)) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { node.set(key.stringValue, integerValue(value)) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { node.set(key.stringValue, integerValue(value)) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { node.set(key.stringValue, integerValue(value)) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try value.encode(to: ValueEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = node.child(key.stringValue)
    child.makeObject()
    return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = node.child(key.stringValue)
    child.makeArray()
    return UnkeyedContainer(node: child, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    ValueEncoder(node: node.child("super"), codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    ValueEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
  }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
  let node: Node
  let codingPath: [any CodingKey]

  var count: Int { node.count }

  mutating func encodeNil() throws { node.append(.null) }
  mutating func encode(_ value: Bool) throws { node.append(.bool(value)) }
  mutating func encode(_ value: String) throws { node.append(.string(value)) }
  mutating func encode(_ value: Double) throws { node.append(.double(value)) }
  mutating func encode(_ value: Float) throws { node.append(.double(Double(value))) }
  mutating func encode(_ value: Int) throws { node.append(.integer(value)) }
  mutating func encode(_ value: Int8) throws { node.append(integerValue(value)) }
  mutating func encode(_ value: Int16) throws { node.append(integerValue(value)) }
  mutating func encode(_ value: Int32) throws { node.append(integerValue(value)) }
  mutating func encode(_ value: Int64) throws { node.append(integerValue(value)) }
  mutating func encode(_ value: UInt) throws { node.append(integerValue(value)) }
  mutating func encode(_ value: UInt8) throws { node.append(integerValue(value)) }
  mutating func encode(_ value: UInt16) throws { node.append(integerValue(value)) }
  mutating func encode(_ value: UInt32) throws { node.append(integerValue(value)) }
  mutating func encode(_ value: UInt64) throws { node.append(integerValue(value)) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let path = codingPath + [IndexKey(node.count)]
    try value.encode(to: ValueEncoder(node: node.appendChild(), codingPath: path))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let path = codingPath + [IndexKey(node.count)]
    let child = node.appendChild()
    child.makeObject()
    return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: path))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let path = codingPath + [IndexKey(node.count)]
    let child = node.appendChild()
    child.makeArray()
    return UnkeyedContainer(node: child, codingPath: path)
  }

  mutating func superEncoder() -> any Encoder {
    let path = codingPath + [IndexKey(node.count)]
    return ValueEncoder(node: node.appendChild(), codingPath: path)
  }
}

private struct SingleContainer: SingleValueEncodingContainer {
  let node: Node
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.value = .null }
  mutating func encode(_ value: Bool) throws { node.value = .bool(value) }
  mutating func encode(_ value: String) throws { node.value = .string(value) }
  mutating func encode(_ value: Double) throws { node.value = .double(value) }
  mutating func encode(_ value: Float) throws { node.value = .double(Double(value)) }
  mutating func encode(_ value: Int) throws { node.value = .integer(value) }
  mutating func encode(_ value: Int8) throws { node.value = integerValue(value) }
  mutating func encode(_ value: Int16) throws { node.value = integerValue(value) }
  mutating func encode(_ value: Int32) throws { node.value = integerValue(value) }
  mutating func encode(_ value: Int64) throws { node.value = integerValue(value) }
  mutating func encode(_ value: UInt) throws { node.value = integerValue(value) }
  mutating func encode(_ value: UInt8) throws { node.value = integerValue(value) }
  mutating func encode(_ value: UInt16) throws { node.value = integerValue(value) }
  mutating func encode(_ value: UInt32) throws { node.value = integerValue(value) }
  mutating func encode(_ value: UInt64) throws { node.value = integerValue(value) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try value.encode(to: ValueEncoder(node: node, codingPath: codingPath))
  }
}
