/// `$/setTrace`: how much the server reports through `$/logTrace`.
package enum SetTraceNotification: LSPNotification {
  package typealias Params = SetTraceParams
  package static let method = "$/setTrace"
}

/// `$/logTrace` (server → client), only while the trace is not `off`.
package enum LogTraceNotification: LSPNotification {
  package typealias Params = LogTraceParams
  package static let method = "$/logTrace"
}

package struct SetTraceParams: Codable, Sendable, Hashable {
  package var value: TraceValue
  package init(value: TraceValue) { self.value = value }
}

package struct LogTraceParams: Codable, Sendable, Hashable {
  package var message: String
  package var verbose: String?

  package init(message: String, verbose: String? = nil) {
    self.message = message
    self.verbose = verbose
  }
}
