/// `textDocument/hover`.
package enum HoverRequest: LSPRequest {
  package typealias Params = TextDocumentPositionParams
  package typealias Response = Hover?
  package static let method = "textDocument/hover"
}

package struct Hover: Codable, Sendable, Hashable {
  package var contents: MarkupContent
  package var range: LSPRange?

  package init(contents: MarkupContent, range: LSPRange?) {
    self.contents = contents
    self.range = range
  }
}
