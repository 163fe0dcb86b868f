import JSONRPC
import Testing

/// The Content-Length framer: bytes split anywhere, several messages per read, and every
/// kind of bad header, after which the next good message still comes through.
@Suite struct FramingTests {
  static func frame(_ body: String) -> [UInt8] {
    Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
  }

  static func messages(_ events: [MessageFramer.Event]) -> [String] {
    events.compactMap {
      if case .message(let body) = $0 { return String(decoding: body, as: UTF8.self) }
      return nil
    }
  }

  static func skipped(_ events: [MessageFramer.Event]) -> [String] {
    events.compactMap {
      if case .skipped(let reason) = $0 { return reason }
      return nil
    }
  }

  let body = #"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"text":"四个机关😀"}}"#

  @Test func splitAtEveryByte() {
    let bytes = Self.frame(body)
    for split in 0...bytes.count {
      var framer = MessageFramer()
      var events = framer.feed(bytes[0..<split])
      events += framer.feed(bytes[split...])
      #expect(Self.messages(events) == [body], "split at \(split)")
      #expect(Self.skipped(events).isEmpty, "split at \(split)")
      #expect(framer.bufferedCount == 0)
    }
  }

  @Test func byteByByte() {
    var framer = MessageFramer()
    var events: [MessageFramer.Event] = []
    for byte in Self.frame(body) + Self.frame("{}") { events += framer.feed([byte]) }
    #expect(Self.messages(events) == [body, "{}"])
  }

  @Test func twoMessagesInOneChunk() {
    var framer = MessageFramer()
    let events = framer.feed(Self.frame(body) + Self.frame(#"{"b":2}"#))
    #expect(Self.messages(events) == [body, #"{"b":2}"#])
  }

  @Test func otherHeadersAndCaseAreAccepted() {
    var framer = MessageFramer()
    let bytes = Array(
      "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  2\r\n\r\n{}".utf8)
    #expect(Self.messages(framer.feed(bytes)) == ["{}"])
  }

  @Test(arguments: [
    "X-Nothing: here\r\n\r\n",
    "Content-Length: abc\r\n\r\n",
    "Content-Length: -5\r\n\r\n",
    "Content-Length: 99999999999999999999\r\n\r\n",
    "Content-Length: 999999999\r\n\r\n",
    "Content-Length: \r\n\r\n",
    "Content-Length: 1.5\r\n\r\n",
  ])
  func badHeaderIsSkippedAndTheNextMessageArrives(header: String) {
    var framer = MessageFramer()
    // The bad header is followed by the body it announced (now junk), then a good frame.
    let bytes = Array(header.utf8) + Array(#"{"junk":true}"#.utf8) + Self.frame(body)
    let events = framer.feed(bytes)
    #expect(Self.messages(events) == [body])
    #expect(!Self.skipped(events).isEmpty)
  }

  @Test func badHeaderSplitAtEveryByte() {
    let bytes = Array("Content-Length: nope\r\n\r\n{x}".utf8) + Self.frame(body)
    for split in 0...bytes.count {
      var framer = MessageFramer()
      let events = framer.feed(bytes[0..<split]) + framer.feed(bytes[split...])
      #expect(Self.messages(events) == [body], "split at \(split)")
    }
  }

  @Test func shortLengthLeavesJunkThatIsSkipped() {
    var framer = MessageFramer()
    let bytes = Array("Content-Length: 3\r\n\r\n{\"a\":1}".utf8) + Self.frame(body)
    let events = framer.feed(bytes)
    #expect(Self.messages(events) == [#"{"a"#, body])
  }

  @Test func strayBlankLinesBetweenMessagesAreIgnored() {
    var framer = MessageFramer()
    let events = framer.feed(Self.frame("{}") + Array("\r\n\r\n".utf8) + Self.frame("[]"))
    #expect(Self.messages(events) == ["{}", "[]"])
    #expect(Self.skipped(events).isEmpty)
  }

  @Test func zeroLengthBodyIsAMessage() {
    var framer = MessageFramer()
    #expect(Self.messages(framer.feed(Array("Content-Length: 0\r\n\r\n".utf8))) == [""])
  }

  @Test func endOfInputInsideABodyIsReported() {
    var framer = MessageFramer()
    #expect(framer.feed(Array("Content-Length: 10\r\n\r\n{\"a\"".utf8)).isEmpty)
    #expect(Self.skipped(framer.finish()).count == 1)
    #expect(framer.finish().isEmpty)
  }

  @Test func headerThatNeverEndsIsCutAndRecovers() {
    var framer = MessageFramer()
    let junk = [UInt8](repeating: UInt8(ascii: "x"), count: MessageFramer.maximumHeaderLength + 10)
    let events = framer.feed(junk) + framer.feed(Self.frame(body))
    #expect(Self.messages(events) == [body])
    #expect(framer.bufferedCount == 0)
  }

  @Test func largeBodyInChunks() {
    let text = String(repeating: "人大代表", count: 100_000)
    let bytes = Self.frame(text)
    var framer = MessageFramer()
    var events: [MessageFramer.Event] = []
    var index = 0
    while index < bytes.count {
      let end = min(index + 65536, bytes.count)
      events += framer.feed(bytes[index..<end])
      index = end
    }
    #expect(Self.messages(events) == [text])
  }
}
