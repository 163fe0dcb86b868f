import JSONRPC
import LSPTypes
import RendaText
import Synchronization

/// Publishes an analysis straight from the analyser's thread when it is still current: the
/// document open at that version and configuration, the positions in the negotiated
/// encoding, the server running. The server's loop keeps the gate in step with its own
/// state (`DocumentStore`, `lifecycle`, `client`), so a result needs no hop through the
/// loop. The check and the send are one step under the gate's lock, and the loop updates
/// the gate before it sends anything itself (e.g. the empty diagnostics of `didClose`), so
/// no stale result can follow what the loop sent.
final class PublishGate: Sendable {
  private struct State {
    var current: [DocumentURI: AnalysisKey] = [:]
    var encoding = PositionEncoding.utf16
    var running = false
  }

  private let state = Mutex(State())

  init() {}

  func setCurrent(_ key: AnalysisKey?, of uri: DocumentURI) {
    state.withLock { $0.current[uri] = key }
  }

  func setEncoding(_ encoding: PositionEncoding) {
    state.withLock { $0.encoding = encoding }
  }

  func setRunning(_ running: Bool) {
    state.withLock { $0.running = running }
  }

  /// Sends `result`'s `publishDiagnostics` if it is still current; returns whether it did.
  @discardableResult
  func publish(_ result: AnalysedDocument, to sink: any MessageSink) -> Bool {
    state.withLock { state in
      guard state.running, state.current[result.key.uri] == result.key,
        state.encoding == result.converter.encoding
      else { return false }
      sink.send(body: result.publish.bytes)
      return true
    }
  }
}
