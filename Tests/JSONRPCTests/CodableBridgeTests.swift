import JSONRPC
import Testing

@Suite struct CodableBridgeTests {
  struct Position: Codable, Equatable {
    var line: Int
    var character: Int
  }

  struct Params: Codable, Equatable {
    var uri: String
    var position: Position
    var note: String?
    var tags: [String]?
  }

  @Test func decodesAndEncodes() throws {
    let json: JSONValue = ["uri": "file:///a", "position": ["line": 1, "character": 2.0], "extra": true]
    let params = try JSONValueDecoder().decode(Params.self, from: json)
    #expect(params == Params(uri: "file:///a", position: Position(line: 1, character: 2), note: nil, tags: nil))
    // nil optionals are left out.
    #expect(try JSONValueEncoder().encode(params) == ["uri": "file:///a", "position": ["line": 1, "character": 2]])
  }

  @Test func errorsNameTheField() {
    func message(_ json: JSONValue) -> String {
      do {
        _ = try JSONValueDecoder().decode(Params.self, from: json)
        return "decoded"
      } catch {
        return JSONValueDecoder.describe(error)
      }
    }
    #expect(message(["uri": "u", "position": ["line": "1", "character": 2]]).hasPrefix("position.line: expected Int"))
    #expect(message(["uri": "u", "position": ["line": 1]]) == "position.character: missing")
    #expect(message(["position": ["line": 1, "character": 1]]) == "uri: missing")
    #expect(message(["uri": "u", "position": ["line": 1.5, "character": 1]]).hasPrefix("position.line"))
    #expect(message(["uri": "u", "position": ["line": 1, "character": 1], "tags": [1]]).hasPrefix("tags[0]"))
    #expect(message([1, 2]).hasPrefix("(params)"))
  }

  @Test func largeArraysEncodeInLinearTime() throws {
    let positions = (0..<20_000).map { Position(line: $0, character: $0) }
    let clock = ContinuousClock()
    let elapsed = try clock.measure { _ = try JSONValueEncoder().encode(positions) }
    #expect(elapsed < .seconds(10))
  }
}
