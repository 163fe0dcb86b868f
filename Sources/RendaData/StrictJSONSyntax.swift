import RendaText

/// A strict JSON syntax check (RFC 8259) that says where the first error is.
///
/// `JSONDecoder` accepts some text RFC 8259 does not and reports errors without a
/// position; a configuration or glossary error must name its line and column, so
/// `.renda.json` is checked here first, and a glossary `JSONDecoder` rejects is checked here
/// for the place to name. Columns count Unicode scalars, from 1.
package enum StrictJSONSyntax {
  package struct SyntaxError: Error {
    package var line: Int
    package var column: Int
    package var message: String
  }

  /// The first problem: bytes that are not UTF-8, or the first syntax error; nil for a
  /// well-formed JSON text.
  package static func check(_ bytes: [UInt8]) -> SyntaxError? {
    if let offset = bytes.withUnsafeBufferPointer({ UTF8Bytes.firstInvalidOffset($0) }) {
      return Parser(bytes: bytes, index: offset).error("bytes that are not UTF-8")
    }
    var parser = Parser(bytes: bytes)
    do throws(SyntaxError) {
      parser.skipWhitespace()
      try parser.value(depth: 0)
      parser.skipWhitespace()
      if parser.index < bytes.count { throw parser.error("unexpected text after the JSON value") }
      return nil
    } catch {
      return error
    }
  }

  private struct Parser {
    let bytes: [UInt8]
    var index = 0

    /// `message` at the current index, as a line and a column (both from 1; the column counts
    /// Unicode scalars).
    func error(_ message: String) -> SyntaxError {
      var line = 1
      var column = 1
      for byte in bytes[..<min(index, bytes.count)] {
        if byte == 0x0A {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
      }
      return SyntaxError(line: line, column: column, message: message)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
      while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { index += 1 }
    }

    mutating func expect(_ literal: String) throws(SyntaxError) {
      for byte in literal.utf8 {
        guard current == byte else { throw error("expected \(literal)") }
        index += 1
      }
    }

    mutating func value(depth: Int) throws(SyntaxError) {
      guard depth < 200 else { throw error("nested too deeply") }
      guard let c = current else { throw error("unexpected end of file: a value is missing") }
      switch c {
      case UInt8(ascii: "{"): try object(depth: depth)
      case UInt8(ascii: "["): try array(depth: depth)
      case UInt8(ascii: "\""): try string()
      case UInt8(ascii: "t"): try expect("true")
      case UInt8(ascii: "f"): try expect("false")
      case UInt8(ascii: "n"): try expect("null")
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
      default: throw error("unexpected character: a value is expected")
      }
    }

    mutating func object(depth: Int) throws(SyntaxError) {
      index += 1
      skipWhitespace()
      if current == UInt8(ascii: "}") {
        index += 1
        return
      }
      while true {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else {
          throw error(current == UInt8(ascii: "}") ? "trailing comma before }" : "expected a key in double quotes")
        }
        try string()
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw error("expected : after the key") }
        index += 1
        skipWhitespace()
        try value(depth: depth + 1)
        skipWhitespace()
        if current == UInt8(ascii: ",") {
          index += 1
          continue
        }
        guard current == UInt8(ascii: "}") else { throw error("expected , or }") }
        index += 1
        return
      }
    }

    mutating func array(depth: Int) throws(SyntaxError) {
      index += 1
      skipWhitespace()
      if current == UInt8(ascii: "]") {
        index += 1
        return
      }
      while true {
        skipWhitespace()
        if current == UInt8(ascii: "]") { throw error("trailing comma before ]") }
        try value(depth: depth + 1)
        skipWhitespace()
        if current == UInt8(ascii: ",") {
          index += 1
          continue
        }
        guard current == UInt8(ascii: "]") else { throw error("expected , or ]") }
        index += 1
        return
      }
    }

    mutating func string() throws(SyntaxError) {
      index += 1
      while let c = current {
        index += 1
        if c == UInt8(ascii: "\"") { return }
        if c < 0x20 { throw error("control character in a string") }
        if c == UInt8(ascii: "\\") {
          guard let e = current else { break }
          index += 1
          if e == UInt8(ascii: "u") {
            for _ in 0..<4 {
              guard let h = current, (0x30...0x39).contains(h) || (0x41...0x46).contains(h) || (0x61...0x66).contains(h)
              else { throw error("bad \\u escape") }
              index += 1
            }
          } else if !"\"\\/bfnrt".utf8.contains(e) {
            throw error("bad escape in a string")
          }
        }
      }
      throw error("unterminated string")
    }

    mutating func number() throws(SyntaxError) {
      if current == UInt8(ascii: "-") { index += 1 }
      guard let first = current, (0x30...0x39).contains(first) else { throw error("bad number") }
      while let c = current, (0x30...0x39).contains(c) || "+-.eE".utf8.contains(c) { index += 1 }
    }
  }
}
