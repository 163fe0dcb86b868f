import LSPTypes

extension LanguageServer {
  /// Every notification the server acts on; others are ignored (and logged unless they
  /// are `$/…`). `exit` is handled by the loop itself, which owns the exit code.
  static let notificationHandlers: [String: NotificationHandler] = [
    CancelRequestNotification.method: NotificationHandler(CancelRequestNotification.self) { $0.cancelRequest($1) },
    DidChangeConfigurationNotification.method: NotificationHandler(DidChangeConfigurationNotification.self) {
      $0.didChangeConfiguration($1)
    },
    DidChangeTextDocumentNotification.method: NotificationHandler(DidChangeTextDocumentNotification.self) {
      $0.didChange($1)
    },
    DidChangeWatchedFilesNotification.method: NotificationHandler(DidChangeWatchedFilesNotification.self) {
      $0.didChangeWatchedFiles($1)
    },
    DidCloseTextDocumentNotification.method: NotificationHandler(DidCloseTextDocumentNotification.self) {
      $0.didClose($1)
    },
    DidOpenTextDocumentNotification.method: NotificationHandler(DidOpenTextDocumentNotification.self) {
      $0.didOpen($1)
    },
    DidSaveTextDocumentNotification.method: NotificationHandler(DidSaveTextDocumentNotification.self) {
      $0.didSave($1)
    },
    InitializedNotification.method: NotificationHandler(InitializedNotification.self) { $0.initialized($1) },
    SetTraceNotification.method: NotificationHandler(SetTraceNotification.self) { $0.setTrace($1) },
  ]
}
