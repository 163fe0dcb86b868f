import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the transport hands the server, in arrival order.
package enum TransportEvent: Sendable, Equatable {
  case message(Message)
  /// A body that is not a usable message; answer with `response`.
  case invalid(InvalidMessage)
  /// Bytes the framer skipped (bad header, junk); log it.
  case framingError(String)
  /// The input was closed (or failed); no event follows.
  case endOfInput
}

/// Where messages to the peer go.
package protocol MessageSink: Sendable {
  func send(_ message: Message)
  /// Sends a message already written as JSON text (a large notification the server
  /// writes straight to bytes, such as `publishDiagnostics` of a 3 MB page, or a response
  /// around a cached result's text, `Message.responseBody`), in order with `send(_:)`.
  func send(body: [UInt8])
}

/// JSON-RPC over a pair of file descriptors (stdin/stdout by default).
///
/// - **Reading** happens on a dedicated thread doing blocking `read(2)`s into a
///   `MessageFramer`; bodies are decoded there, so a slow consumer never stops the reading,
///   and the events go into an `AsyncStream` with one consumer, which keeps their order.
/// - **Writing** goes through one serial queue: each message is encoded and written whole,
///   in the order `send` was called, and `send` never blocks on a slow reader of the
///   output. `flush()` waits until everything sent so far is written.
///
/// Knows nothing of LSP. SIGPIPE is ignored process-wide once a transport starts writing,
/// so a peer that closes its end makes writes fail (and be dropped) instead of killing us.
package final class StdioTransport: MessageSink, Sendable {
  private let input: Int32
  private let output: Int32
  private let writer = DispatchQueue(label: "jsonrpc.writer")
  private let outputBroken = Atomic<Bool>(false)
  private let started = Atomic<Bool>(false)

  package init(input: Int32 = 0, output: Int32 = 1) {
    self.input = input
    self.output = output
    signal(SIGPIPE, SIG_IGN)
  }

  /// Starts the reader thread (once) and returns its events.
  package func events() -> AsyncStream<TransportEvent> {
    let (stream, continuation) = AsyncStream<TransportEvent>.makeStream(bufferingPolicy: .unbounded)
    guard !started.exchange(true, ordering: .relaxed) else {
      continuation.finish()
      return stream
    }
    let fd = input
    ReaderThread.start(name: "jsonrpc.reader", stackSize: 8 << 20) {
      Self.readLoop(fd: fd, continuation: continuation)
    }
    return stream
  }

  private static func readLoop(fd: Int32, continuation: AsyncStream<TransportEvent>.Continuation) {
    var framer = MessageFramer()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    func deliver(_ events: [MessageFramer.Event]) {
      for event in events {
        switch event {
        case .message(let body):
          switch Message.decode(body) {
          case .success(let message): continuation.yield(.message(message))
          case .failure(let invalid): continuation.yield(.invalid(invalid))
          }
        case .skipped(let reason): continuation.yield(.framingError(reason))
        }
      }
    }
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count > 0 {
        deliver(framer.feed(chunk[0..<count]))
      } else if count < 0, errno == EINTR {
        continue
      } else {
        break
      }
    }
    deliver(framer.finish())
    continuation.yield(.endOfInput)
    continuation.finish()
  }

  package func send(_ message: Message) {
    writer.async { [self] in
      guard !outputBroken.load(ordering: .relaxed) else { return }
      let bytes = message.framed()
      if !writeAll(bytes) { outputBroken.store(true, ordering: .relaxed) }
    }
  }

  package func send(body: [UInt8]) {
    writer.async { [self] in
      guard !outputBroken.load(ordering: .relaxed) else { return }
      // The header, then the body as it is: a large body is not copied behind its header.
      let header = Array(Message.header(forBodyOf: body.count).utf8)
      if !writeAll(header) || !writeAll(body) { outputBroken.store(true, ordering: .relaxed) }
    }
  }

  /// Waits until every message sent so far is written (or dropped on a broken output).
  package func flush() {
    writer.sync {}
  }

  private func writeAll(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(output, raw.baseAddress! + offset, raw.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0, errno == EINTR || errno == EAGAIN {
          continue
        } else {
          return false
        }
      }
      return true
    }
  }
}
