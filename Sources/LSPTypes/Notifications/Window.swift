/// `window/logMessage` (server → client).
package enum LogMessageNotification: LSPNotification {
  package typealias Params = LogMessageParams
  package static let method = "window/logMessage"
}

/// `window/showMessage` (server → client).
package enum ShowMessageNotification: LSPNotification {
  package typealias Params = LogMessageParams
  package static let method = "window/showMessage"
}

package struct MessageType: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: Int
  package init(rawValue: Int) { self.rawValue = rawValue }

  package static let error = MessageType(rawValue: 1)
  package static let warning = MessageType(rawValue: 2)
  package static let info = MessageType(rawValue: 3)
  package static let log = MessageType(rawValue: 4)
}

/// Params of `window/logMessage` and `window/showMessage`.
package struct LogMessageParams: Codable, Sendable, Hashable {
  package var type: MessageType
  package var message: String

  package init(type: MessageType, message: String) {
    self.type = type
    self.message = message
  }
}
