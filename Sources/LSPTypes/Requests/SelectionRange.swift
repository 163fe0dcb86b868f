/// `textDocument/selectionRange`: for each position, the nested ranges "expand
/// selection" steps through.
package enum SelectionRangeRequest: LSPRequest {
  package typealias Params = SelectionRangeParams
  package typealias Response = [SelectionRange]
  package static let method = "textDocument/selectionRange"
}

package struct SelectionRangeParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package var positions: [Position]

  package init(textDocument: TextDocumentIdentifier, positions: [Position]) {
    self.textDocument = textDocument
    self.positions = positions
  }
}

/// A range and the one that contains it; each parent must strictly contain its child.
package struct SelectionRange: Codable, Sendable, Hashable {
  package var range: LSPRange
  /// Held in an array: a struct cannot contain itself directly.
  private var parentStorage: [SelectionRange]

  package var parent: SelectionRange? {
    get { parentStorage.first }
    set { parentStorage = newValue.map { [$0] } ?? [] }
  }

  package init(range: LSPRange, parent: SelectionRange?) {
    self.range = range
    parentStorage = parent.map { [$0] } ?? []
  }

  /// Innermost first: each range becomes the parent of the one before.
  package init?(nested ranges: [LSPRange]) {
    guard let innermost = ranges.first else { return nil }
    let parent = ranges.count > 1 ? SelectionRange(nested: Array(ranges.dropFirst())) : nil
    self.init(range: innermost, parent: parent)
  }

  private enum CodingKeys: String, CodingKey { case range, parent }

  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    range = try c.decode(LSPRange.self, forKey: .range)
    parentStorage = try c.decodeIfPresent(SelectionRange.self, forKey: .parent).map { [$0] } ?? []
  }

  package func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(range, forKey: .range)
    try c.encodeIfPresent(parent, forKey: .parent)
  }
}
