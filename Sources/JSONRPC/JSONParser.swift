/// Why a body is not JSON: the byte offset and what was expected there.
package struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  package var offset: Int
  package var reason: String

  package init(offset: Int, reason: String) {
    self.offset = offset
    self.reason = reason
  }

  package var description: String { "\(reason) at byte \(offset)" }
}

/// RFC 8259 JSON text → `JSONValue`, total on any bytes.
///
/// - Nesting deeper than `maximumDepth` is a parse error, so hostile input cannot
///   exhaust the stack.
/// - Strings must be well-formed UTF-8 (a body that is not UTF-8 is a parse error).
/// - A `\u` escape of a lone surrogate decodes to U+FFFD; a pair decodes to its scalar.
/// - Raw control characters inside strings are accepted (lenient; every encoder escapes
///   them anyway).
/// - Integers that fit `Int` stay integers; other numbers are `Double`.
package enum JSONParser {
  package static let maximumDepth = 128

  package static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
      var parser = Parser(buffer: buffer)
      parser.skipWhitespace()
      let value = try parser.parseValue(depth: 0)
      parser.skipWhitespace()
      guard parser.index == buffer.count else { throw parser.error("unexpected data after the JSON value") }
      return value
    }
  }

  package static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }
}

private struct Parser {
  let buffer: UnsafeBufferPointer<UInt8>
  var index = 0

  init(buffer: UnsafeBufferPointer<UInt8>) {
    self.buffer = buffer
  }

  func error(_ reason: String) -> JSONParseError { JSONParseError(offset: index, reason: reason) }

  mutating func skipWhitespace() {
    while index < buffer.count {
      switch buffer[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
    guard index < buffer.count else { throw error("unexpected end of input") }
    switch buffer[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
    case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("unexpected character")
    }
  }

  mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
    let count = literal.utf8CodeUnitCount
    guard index + count <= buffer.count else { throw error("unexpected end of input") }
    let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
    for k in 0..<count where buffer[index + k] != expected[k] { throw error("invalid literal") }
    index += count
  }

  mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth <= JSONParser.maximumDepth else { throw error("nesting too deep") }
    index += 1  // {
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if index < buffer.count, buffer[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < buffer.count, buffer[index] == UInt8(ascii: "\"") else { throw error("expected a string key") }
      let key = try parseString()
      skipWhitespace()
      guard index < buffer.count, buffer[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
      index += 1
      skipWhitespace()
      members[key] = try parseValue(depth: depth)
      skipWhitespace()
      guard index < buffer.count else { throw error("unexpected end of input in an object") }
      if buffer[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if buffer[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      throw error("expected ',' or '}'")
    }
  }

  mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth <= JSONParser.maximumDepth else { throw error("nesting too deep") }
    index += 1  // [
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < buffer.count, buffer[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth))
      skipWhitespace()
      guard index < buffer.count else { throw error("unexpected end of input in an array") }
      if buffer[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if buffer[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      throw error("expected ',' or ']'")
    }
  }

  mutating func parseString() throws(JSONParseError) -> String {
    index += 1  // opening quote
    let start = index
    // Fast path: no escapes.
    while index < buffer.count {
      let byte = buffer[index]
      if byte == UInt8(ascii: "\"") {
        let span = UnsafeBufferPointer(rebasing: buffer[start..<index])
        guard let text = String(validating: span, as: UTF8.self) else {
          index = start
          throw error("string is not valid UTF-8")
        }
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      index += 1
    }
    guard index < buffer.count else { throw error("unterminated string") }
    // Slow path: copy runs and decode escapes.
    var bytes: [UInt8] = Array(buffer[start..<index])
    while index < buffer.count {
      let byte = buffer[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        guard let text = String(validating: bytes, as: UTF8.self) else {
          throw error("string is not valid UTF-8")
        }
        return text
      }
      if byte != UInt8(ascii: "\\") {
        bytes.append(byte)
        index += 1
        continue
      }
      index += 1
      guard index < buffer.count else { throw error("unterminated escape") }
      let escape = buffer[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""): bytes.append(0x22)
      case UInt8(ascii: "\\"): bytes.append(0x5C)
      case UInt8(ascii: "/"): bytes.append(0x2F)
      case UInt8(ascii: "b"): bytes.append(0x08)
      case UInt8(ascii: "f"): bytes.append(0x0C)
      case UInt8(ascii: "n"): bytes.append(0x0A)
      case UInt8(ascii: "r"): bytes.append(0x0D)
      case UInt8(ascii: "t"): bytes.append(0x09)
      case UInt8(ascii: "u"):
        let scalar = try parseUnicodeEscape()
        appendUTF8(scalar, to: &bytes)
      default: throw error("invalid escape")
      }
    }
    throw error("unterminated string")
  }

  /// After `\u`: four hex digits, and for a high surrogate a following `\uDC00`-`\uDFFF`.
  mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
    let first = try parseHex4()
    if (0xD800...0xDBFF).contains(first) {
      // Look for the low half.
      if index + 6 <= buffer.count, buffer[index] == UInt8(ascii: "\\"), buffer[index + 1] == UInt8(ascii: "u") {
        let save = index
        index += 2
        let second = try parseHex4()
        if (0xDC00...0xDFFF).contains(second) {
          let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
          return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
        index = save  // not a pair: decode the next escape on its own
      }
      return "\u{FFFD}"
    }
    if (0xDC00...0xDFFF).contains(first) { return "\u{FFFD}" }
    return Unicode.Scalar(first) ?? "\u{FFFD}"
  }

  mutating func parseHex4() throws(JSONParseError) -> UInt32 {
    guard index + 4 <= buffer.count else { throw error("short \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = buffer[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("invalid \\u escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    let value = scalar.value
    switch value {
    case 0..<0x80:
      bytes.append(UInt8(value))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | value >> 6))
      bytes.append(UInt8(0x80 | value & 0x3F))
    case 0x800..<0x10000:
      bytes.append(UInt8(0xE0 | value >> 12))
      bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    default:
      bytes.append(UInt8(0xF0 | value >> 18))
      bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
      bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    }
  }

  mutating func parseNumber() throws(JSONParseError) -> JSONValue {
    let start = index
    var isInteger = true
    if buffer[index] == UInt8(ascii: "-") { index += 1 }
    guard index < buffer.count else { throw error("invalid number") }
    if buffer[index] == UInt8(ascii: "0") {
      index += 1
    } else if isDigit(buffer[index]) {
      while index < buffer.count, isDigit(buffer[index]) { index += 1 }
    } else {
      throw error("invalid number")
    }
    if index < buffer.count, buffer[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard index < buffer.count, isDigit(buffer[index]) else { throw error("invalid number") }
      while index < buffer.count, isDigit(buffer[index]) { index += 1 }
    }
    if index < buffer.count, buffer[index] == UInt8(ascii: "e") || buffer[index] == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if index < buffer.count, buffer[index] == UInt8(ascii: "+") || buffer[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard index < buffer.count, isDigit(buffer[index]) else { throw error("invalid number") }
      while index < buffer.count, isDigit(buffer[index]) { index += 1 }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self)
    if isInteger, let value = Int(text) { return .integer(value) }
    guard let value = Double(text), value.isFinite else {
      index = start
      throw error("number out of range")
    }
    return .double(value)
  }

  func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
