import RendaText

/// One completion the editor may offer: what to show, what replaces which typed text.
/// Editor-neutral; `RendaLSP` turns it into a `CompletionItem` with a `textEdit`.
package struct CompletionSuggestion: Sendable, Equatable {
  package enum Kind: String, Sendable, Equatable {
    /// A national formula's name after an opening `“`.
    case formulaName
    /// A formula's members, after `“…”（` or `“…”，即`.
    case formulaMembers
    /// A canonical phrase (规范提法) whose beginning was typed.
    case phrase
  }

  package var kind: Kind
  package var label: String
  /// One line: the members, or the phrase's category.
  package var detail: String
  package var markdown: String
  package var plaintext: String
  /// The typed text the suggestion replaces: on the cursor's line, ending at the cursor.
  package var replacing: TextRange
  package var newText: String
  /// What the editor matches the typed text against.
  package var filterText: String
  /// Orders the suggestions as Renda ranks them.
  package var sortText: String
}

/// The scalars before the cursor on its line, with their byte ranges: what the
/// completion providers read to tell what is being typed.
struct TypedLine {
  struct Item {
    var scalar: Unicode.Scalar
    var range: TextRange
  }

  let items: [Item]
  let cursor: TextOffset
  /// The scalar right after the cursor, if any on the same line.
  let next: Unicode.Scalar?

  init(text: SourceText, cursor: TextOffset) {
    let cursor = text.scalarBoundary(atOrBefore: cursor)
    let line = text.lineIndex.line(containing: cursor)
    let start = text.lineIndex.contentRange(ofLine: line).lowerBound
    var items: [Item] = []
    var offset = start
    for scalar in text.scalars(in: start..<cursor) {
      let next = offset.advanced(byUTF8: scalar.utf8.count)
      items.append(Item(scalar: scalar, range: offset..<next))
      offset = next
    }
    self.items = items
    self.cursor = cursor
    let after = text.scalar(at: cursor)?.scalar
    next = after.flatMap { $0.isLineBreak ? nil : $0 }
  }

  /// The items from `index` to the cursor as a string without whitespace.
  func typed(from index: Int) -> String {
    var view = String.UnicodeScalarView()
    for item in items[index...] where !item.scalar.isInlineWhitespace { view.append(item.scalar) }
    return String(view)
  }

  /// The range from the start of item `index` (or the cursor) to the cursor.
  func range(from index: Int) -> TextRange {
    index < items.count ? items[index].range.lowerBound..<cursor : cursor..<cursor
  }
}

extension Unicode.Scalar {
  var isOpeningDoubleQuote: Bool { value == 0x201C }
  var isClosingDoubleQuote: Bool { value == 0x201D }
}
