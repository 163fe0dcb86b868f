#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONRPC
import LSPTypes
import Synchronization
import RendaData

/// The server's log: every line goes to stderr (never stdout, which carries the
/// protocol); warnings and errors also go to the client as `window/logMessage`, and
/// `showMessage` puts one in front of the user. While the trace is on, `trace` sends
/// `$/logTrace`.
final class ServerLog: Sendable {
  private let sink: any MessageSink
  private let traceValue = Mutex(TraceValue.off)

  init(sink: any MessageSink) {
    self.sink = sink
  }

  var traceLevel: TraceValue {
    get { traceValue.withLock { $0 } }
    set { traceValue.withLock { $0 = newValue } }
  }

  func info(_ message: String) {
    write("info", message)
  }

  func warning(_ message: String) {
    write("warning", message)
    notify(LogMessageNotification.self, LogMessageParams(type: .warning, message: message))
  }

  func error(_ message: String) {
    write("error", message)
    notify(LogMessageNotification.self, LogMessageParams(type: .error, message: message))
  }

  /// A problem the user should see (e.g. a `.renda.json` that does not load).
  func showMessage(_ message: String, type: MessageType = .warning) {
    write(type == .error ? "error" : "warning", message)
    notify(ShowMessageNotification.self, LogMessageParams(type: type, message: message))
  }

  /// `$/logTrace` when the trace is `messages` or `verbose`; `verbose` text only for `verbose`.
  func trace(_ message: @autoclosure () -> String, verbose: @autoclosure () -> String? = nil) {
    let level = traceLevel
    guard level != .off else { return }
    let params = LogTraceParams(message: message(), verbose: level == .verbose ? verbose() : nil)
    notify(LogTraceNotification.self, params)
  }

  private func write(_ level: String, _ message: String) {
    FileDescriptorIO.write("renda lsp: \(level): \(message)\n", to: 2)
  }

  private func notify<N: LSPNotification>(_ notification: N.Type, _ params: N.Params) {
    guard let json = try? JSONValueEncoder().encode(params) else { return }
    sink.send(.notification(method: N.method, params: json))
  }
}
