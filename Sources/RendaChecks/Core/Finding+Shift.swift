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
  /// without a copy of the finding): its range, and the ranges of its fixes and related
  /// locations through `extrasShift` (nothing is allocated, see ``Finding``).
  package mutating func shift(byBytes delta: Int) {
    guard delta != 0 else { return }
    range = range.moved(by: delta)
    extrasShift += delta
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
    case .sharedEdit(let fix, _, _): return digits(fix.title) || digits(fix.newText)
    case .twoEdits(let fix): return digits(fix.title) || digits(fix.first.newText) || digits(fix.second.newText)
    case .oneFix(let one): return digits(one.fix.title) || one.fix.edits.contains { digits($0.newText) }
    case .lists(let lists):
      return lists.related.contains { digits($0.message) } || lists.fixes.contains { digits($0.title) }
        || lists.fixes.contains { $0.edits.contains { digits($0.newText) } }
    }
  }
}
