/// `textDocument/foldingRange`.
package enum FoldingRangeRequest: LSPRequest {
  package typealias Params = FoldingRangeParams
  package typealias Response = [FoldingRange]
  package static let method = "textDocument/foldingRange"
}

package struct FoldingRangeParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

package struct FoldingRangeKind: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: String
  package init(rawValue: String) { self.rawValue = rawValue }

  package static let comment = FoldingRangeKind(rawValue: "comment")
  package static let imports = FoldingRangeKind(rawValue: "imports")
  package static let region = FoldingRangeKind(rawValue: "region")
}

package struct FoldingRange: Codable, Sendable, Hashable {
  package var startLine: Int
  package var startCharacter: Int?
  package var endLine: Int
  package var endCharacter: Int?
  package var kind: FoldingRangeKind?
  package var collapsedText: String?

  package init(
    startLine: Int, startCharacter: Int? = nil, endLine: Int, endCharacter: Int? = nil,
    kind: FoldingRangeKind? = nil, collapsedText: String? = nil
  ) {
    self.startLine = startLine
    self.startCharacter = startCharacter
    self.endLine = endLine
    self.endCharacter = endCharacter
    self.kind = kind
    self.collapsedText = collapsedText
  }
}
