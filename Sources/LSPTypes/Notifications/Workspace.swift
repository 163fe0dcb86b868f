/// `workspace/didChangeConfiguration`.
package enum DidChangeConfigurationNotification: LSPNotification {
  package typealias Params = DidChangeConfigurationParams
  package static let method = "workspace/didChangeConfiguration"
}

/// `workspace/didChangeWatchedFiles`.
package enum DidChangeWatchedFilesNotification: LSPNotification {
  package typealias Params = DidChangeWatchedFilesParams
  package static let method = "workspace/didChangeWatchedFiles"
}

package struct DidChangeConfigurationParams: Codable, Sendable, Hashable {
  package var settings: LSPAny?
  package init(settings: LSPAny?) { self.settings = settings }
}

package struct FileChangeType: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: Int
  package init(rawValue: Int) { self.rawValue = rawValue }

  package static let created = FileChangeType(rawValue: 1)
  package static let changed = FileChangeType(rawValue: 2)
  package static let deleted = FileChangeType(rawValue: 3)
}

package struct FileEvent: Codable, Sendable, Hashable {
  package var uri: DocumentURI
  package var type: FileChangeType

  package init(uri: DocumentURI, type: FileChangeType) {
    self.uri = uri
    self.type = type
  }
}

package struct DidChangeWatchedFilesParams: Codable, Sendable, Hashable {
  package var changes: [FileEvent]
  package init(changes: [FileEvent]) { self.changes = changes }
}
