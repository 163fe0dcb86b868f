package struct MarkupKind: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: String
  package init(rawValue: String) { self.rawValue = rawValue }

  package static let plaintext = MarkupKind(rawValue: "plaintext")
  package static let markdown = MarkupKind(rawValue: "markdown")
}

package struct MarkupContent: Codable, Sendable, Hashable {
  package var kind: MarkupKind
  package var value: String

  package init(kind: MarkupKind, value: String) {
    self.kind = kind
    self.value = value
  }
}
