/// A position: 0-based line and a 0-based column counted in the negotiated
/// `positionEncoding`'s code units (UTF-16 unless the client offered otherwise).
package struct Position: Codable, Sendable, Hashable {
  package var line: Int
  package var character: Int

  package init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }
}

/// LSP's `Range` (named so as not to shadow `Swift.Range`): `end` is exclusive.
package struct LSPRange: Codable, Sendable, Hashable {
  package var start: Position
  package var end: Position

  package init(start: Position, end: Position) {
    self.start = start
    self.end = end
  }
}

package struct Location: Codable, Sendable, Hashable {
  package var uri: DocumentURI
  package var range: LSPRange

  package init(uri: DocumentURI, range: LSPRange) {
    self.uri = uri
    self.range = range
  }
}

/// A document's URI as the client spells it (`file:///…`); compared as a string.
package typealias DocumentURI = String

/// How columns are counted (`general.positionEncodings`, `capabilities.positionEncoding`).
package struct PositionEncodingKind: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: String
  package init(rawValue: String) { self.rawValue = rawValue }

  package static let utf8 = PositionEncodingKind(rawValue: "utf-8")
  package static let utf16 = PositionEncodingKind(rawValue: "utf-16")
  package static let utf32 = PositionEncodingKind(rawValue: "utf-32")
}
