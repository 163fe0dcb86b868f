import Foundation
import JSONRPC
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The stdio transport over a pair of pipes.
@Suite struct TransportTests {
  @Test func readsFramesAndWritesWholeMessages() async throws {
    var input: [Int32] = [0, 0]
    var output: [Int32] = [0, 0]
    #expect(pipe(&input) == 0)
    #expect(pipe(&output) == 0)
    let transport = StdioTransport(input: input[0], output: output[1])
    let events = transport.events()

    let bytes =
      Message.request(id: .number(1), method: "a", params: nil).framed()
      + Array("Content-Length: x\r\n\r\n".utf8) + Array("Content-Length: 5\r\n\r\n{bad}".utf8)
      + Message.notification(method: "b", params: ["k": "v"]).framed()
    _ = bytes.withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
    close(input[1])

    var received: [TransportEvent] = []
    for await event in events { received.append(event) }
    #expect(received.first == .message(.request(id: .number(1), method: "a", params: nil)))
    #expect(received.contains { if case .framingError = $0 { true } else { false } })
    #expect(received.contains { if case .invalid(let m) = $0 { m.error.code == ErrorCode.parseError } else { false } })
    #expect(received.contains(.message(.notification(method: "b", params: ["k": "v"]))))
    #expect(received.last == .endOfInput)

    for k in 0..<50 { transport.send(.notification(method: "n\(k)", params: nil)) }
    transport.flush()
    close(output[1])
    var data: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(output[0], $0.baseAddress, $0.count) }
      if count <= 0 { break }
      data += chunk[0..<count]
    }
    close(output[0])
    close(input[0])
    var framer = MessageFramer()
    let methods = framer.feed(data).compactMap { event -> String? in
      guard case .message(let body) = event, case .notification(let method, _) = try? Message.decode(body).get()
      else { return nil }
      return method
    }
    #expect(methods == (0..<50).map { "n\($0)" })
  }
}
