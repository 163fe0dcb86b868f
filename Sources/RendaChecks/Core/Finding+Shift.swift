import RendaText

/// Moving findings with the text they are about: incremental re-analysis keeps the
/// findings after an edit and moves them by the bytes the edit added.
extension Finding {
  package func shifted(byBytes delta: Int) -> Finding {
    var moved = self
    moved.shift(byBytes: delta)
    return moved
  }

  /// Moves the finding in place (an element of an array the caller owns is changed
  /// without a copy of the finding).
  package mutating func shift(byBytes delta: Int) {
    guard delta != 0 else { return }
    func move(_ r: TextRange) -> TextRange {
      TextOffset(utf8: r.lowerBound.utf8 + delta)..<TextOffset(utf8: r.upperBound.utf8 + delta)
    }
    range = move(range)
    switch extras {
    case .none: break
    case .oneEdit(let fix):
      extras = .oneEdit(OneEditFix(title: fix.title, edit: TextEdit(range: move(fix.edit.range), newText: fix.edit.newText)))
    case .twoEdits(let fix):
      extras = .twoEdits(
        TwoEditFix(
          title: fix.title, first: TextEdit(range: move(fix.first.range), newText: fix.first.newText),
          second: TextEdit(range: move(fix.second.range), newText: fix.second.newText)))
    case .lists(let lists):
      extras = .lists(
        FindingLists(
          related: lists.related.map { RelatedLocation(range: move($0.range), message: $0.message) },
          fixes: lists.fixes.map { fix in
            Fix(title: fix.title, edits: fix.edits.map { TextEdit(range: move($0.range), newText: $0.newText) })
          }))
    }
  }

  /// Whether any of the finding's texts holds an ASCII digit: a message that may cite a
  /// line number, which a shift by whole lines would make wrong.
  package var mayCiteLines: Bool {
    func digits(_ s: String) -> Bool { s.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
    func digits(_ t: LocalizedText) -> Bool { digits(t.zh) || digits(t.en) }
    if digits(message) { return true }
    switch extras {
    case .none: return false
    case .oneEdit(let fix): return digits(fix.title) || digits(fix.edit.newText)
    case .twoEdits(let fix): return digits(fix.title) || digits(fix.first.newText) || digits(fix.second.newText)
    case .lists(let lists):
      return lists.related.contains { digits($0.message) } || lists.fixes.contains { digits($0.title) }
        || lists.fixes.contains { $0.edits.contains { digits($0.newText) } }
    }
  }
}
