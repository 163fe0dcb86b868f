/// `initialized`: the client got the InitializeResult.
package enum InitializedNotification: LSPNotification {
  package typealias Params = NoParams
  package static let method = "initialized"
}

/// `exit`: end the process, 0 after `shutdown`, else 1.
package enum ExitNotification: LSPNotification {
  package typealias Params = NoParams
  package static let method = "exit"
}
