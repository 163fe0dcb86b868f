import JSONRPC
import Testing

@Suite struct MessageTests {
  func decode(_ text: String) -> Result<Message, InvalidMessage> { Message.decode(Array(text.utf8)) }

  @Test func requestsNotificationsResponses() throws {
    #expect(
      try decode(#"{"jsonrpc":"2.0","id":1,"method":"m","params":{"a":1}}"#).get()
        == .request(id: .number(1), method: "m", params: ["a": 1]))
    #expect(
      try decode(#"{"jsonrpc":"2.0","id":"x","method":"m"}"#).get()
        == .request(id: .string("x"), method: "m", params: nil))
    #expect(
      try decode(#"{"jsonrpc":"2.0","method":"n","params":[1]}"#).get() == .notification(method: "n", params: [1]))
    #expect(
      try decode(#"{"jsonrpc":"2.0","method":"n","params":null}"#).get() == .notification(method: "n", params: nil))
    #expect(
      try decode(#"{"jsonrpc":"2.0","id":3,"result":null}"#).get() == .response(id: .number(3), result: .success(nil)))
    #expect(
      try decode(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}"#).get()
        == .response(id: nil, result: .failure(ResponseError(code: -32700, message: "bad"))))
  }

  @Test func notJSONIsAParseError() {
    for body in ["{not json", "", "\u{0}"] {
      guard case .failure(let invalid) = decode(body) else {
        Issue.record("accepted \(body)")
        continue
      }
      #expect(invalid.error.code == ErrorCode.parseError)
      #expect(invalid.id == nil)
    }
  }

  @Test func nonUTF8BodyIsAParseError() {
    guard case .failure(let invalid) = Message.decode([0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D]) else {
      Issue.record("accepted a non-UTF-8 body")
      return
    }
    #expect(invalid.error.code == ErrorCode.parseError)
  }

  @Test func batchesAreRejected() {
    guard case .failure(let invalid) = decode(#"[{"jsonrpc":"2.0","id":1,"method":"m"}]"#) else {
      Issue.record("accepted a batch")
      return
    }
    #expect(invalid.error.code == ErrorCode.invalidRequest)
    #expect(invalid.response.json["id"] == .null)
  }

  @Test(arguments: [
    #"42"#, #""text""#, #"{"id":1,"method":"m"}"#, #"{"jsonrpc":"1.0","id":1,"method":"m"}"#,
    #"{"jsonrpc":"2.0","id":1,"method":7}"#, #"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#,
    #"{"jsonrpc":"2.0","id":{},"method":"m"}"#, #"{"jsonrpc":"2.0","id":1,"method":"m","params":3}"#,
    #"{"jsonrpc":"2.0","id":1}"#, #"{"jsonrpc":"2.0","result":1}"#, #"{"jsonrpc":"2.0","id":null,"method":"m"}"#,
  ])
  func notJSONRPCIsAnInvalidRequest(text: String) {
    guard case .failure(let invalid) = decode(text) else {
      Issue.record("accepted \(text)")
      return
    }
    #expect(invalid.error.code == ErrorCode.invalidRequest)
  }

  @Test func invalidRequestKeepsTheIDItCouldRead() {
    guard case .failure(let invalid) = decode(#"{"jsonrpc":"2.0","id":9,"method":7}"#) else { return }
    #expect(invalid.id == .number(9))
  }

  @Test func framedRoundTrip() throws {
    let message = Message.response(id: .string("a"), result: .failure(.methodNotFound("x/y")))
    var framer = MessageFramer()
    let events = framer.feed(message.framed())
    guard case .message(let body) = events.first else {
      Issue.record("no message")
      return
    }
    #expect(try Message.decode(body).get() == message)
  }

  @Test("a response built around a result's JSON text is the text of the response with that result")
  func responseAroundWrittenResult() throws {
    let results: [JSONValue] = [
      .null, true, 0, -17, "", "引号\"与反斜杠\\、\n换行", [], [1, "a", [:]],
      ["range": ["start": ["line": 3, "character": 0]], "name": "一、坚持党的领导", "kind": 15, "children": []],
    ]
    for id in [RequestID.number(7), .number(Int.max), .string("x-1"), .string("引\"号")] {
      for result in results {
        let written = Message.responseBody(id: id, resultText: JSONWriter.write(result))
        #expect(written == JSONWriter.write(Message.response(id: id, result: .success(result)).json))
        #expect(try Message.decode(written).get() == .response(id: id, result: .success(result)))
      }
    }
  }
}
