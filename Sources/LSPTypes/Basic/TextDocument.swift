package struct TextDocumentIdentifier: Codable, Sendable, Hashable {
  package var uri: DocumentURI
  package init(uri: DocumentURI) { self.uri = uri }
}

package struct VersionedTextDocumentIdentifier: Codable, Sendable, Hashable {
  package var uri: DocumentURI
  package var version: Int
  package init(uri: DocumentURI, version: Int) {
    self.uri = uri
    self.version = version
  }
}

/// `version: integer | null`: the key is always written.
package struct OptionalVersionedTextDocumentIdentifier: Codable, Sendable, Hashable {
  package var uri: DocumentURI
  package var version: Int?

  package init(uri: DocumentURI, version: Int?) {
    self.uri = uri
    self.version = version
  }

  private enum CodingKeys: String, CodingKey { case uri, version }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(uri, forKey: .uri)
    if let version {
      try container.encode(version, forKey: .version)
    } else {
      try container.encodeNil(forKey: .version)
    }
  }
}

package struct TextDocumentItem: Codable, Sendable, Hashable {
  package var uri: DocumentURI
  package var languageId: String
  package var version: Int
  package var text: String

  package init(uri: DocumentURI, languageId: String, version: Int, text: String) {
    self.uri = uri
    self.languageId = languageId
    self.version = version
    self.text = text
  }
}

package struct TextDocumentPositionParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package var position: Position

  package init(textDocument: TextDocumentIdentifier, position: Position) {
    self.textDocument = textDocument
    self.position = position
  }
}
