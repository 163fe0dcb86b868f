import Foundation
import JSONRPC
import Testing

@Suite struct JSONTests {
  @Test func parsesAllKinds() throws {
    let value = try JSONParser.parse(#" {"a": [1, -2, 3.5, 1e3, true, false, null], "b": "x\"\\\/\n\t\u00e9"} "#)
    #expect(
      value
        == .object([
          "a": .array([.integer(1), .integer(-2), .double(3.5), .double(1000), .bool(true), .bool(false), .null]),
          "b": .string("x\"\\/\n\té"),
        ]))
  }

  @Test func surrogates() throws {
    #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    #expect(try JSONParser.parse(#""a\ud800b""#) == .string("a\u{FFFD}b"))
    #expect(try JSONParser.parse(#""\udc00""#) == .string("\u{FFFD}"))
    #expect(try JSONParser.parse(#""\ud800\u0041""#) == .string("\u{FFFD}A"))
  }

  @Test(arguments: [
    "", "{", "[1,]", "{\"a\":}", "tru", "01", "1.", "-", "\"abc", "{\"a\" 1}", "[1 2]", "nul", "1 2", "\"\\x\"",
    "\"\\u12\"", "1e999",
  ])
  func rejectsMalformed(text: String) {
    #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
  }

  @Test func rejectsInvalidUTF8() {
    #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
    #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }  // encoded surrogate
    #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0x5C, 0x6E, 0xC3, 0x22]) }  // after an escape
  }

  @Test func boundsNesting() throws {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    _ = try JSONParser.parse(fine)
  }

  @Test func bigIntegersBecomeDoubles() throws {
    #expect(try JSONParser.parse("9223372036854775807") == .integer(Int.max))
    let big = try JSONParser.parse("92233720368547758070")
    #expect(big.doubleValue.map { $0 > 9.2e19 } == true)
    #expect(big.intValue == nil)
  }

  /// What the writer produces, Foundation reads back as the same value.
  @Test func writerOutputReadsBackInFoundation() throws {
    let value: JSONValue = [
      "s": "引号\"反斜杠\\换行\n控制\u{01}😀", "i": 42, "d": 0.25, "t": true, "n": nil, "a": [1, "two", [3]],
      "o": ["k": "v"],
    ]
    let bytes = JSONWriter.write(value)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(object["s"] as? String == "引号\"反斜杠\\换行\n控制\u{01}😀")
    #expect(object["i"] as? Int == 42)
    #expect(object["d"] as? Double == 0.25)
    #expect(object["n"] is NSNull)
    #expect(try JSONParser.parse(bytes) == value)
  }

  @Test func writerIsDeterministic() {
    let value: JSONValue = ["b": 1, "a": 2, "c": ["z": 1, "y": 2]]
    #expect(value.description == #"{"a":2,"b":1,"c":{"y":2,"z":1}}"#)
  }
}
