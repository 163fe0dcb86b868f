import RendaText

/// Moving findings with the text they are about: incremental re-analysis keeps the
/// findings after an edit and moves them by the bytes the edit added.
extension Finding {
  package func shifted(byBytes delta: Int) -> Finding {
    guard delta != 0 else { return self }
    func move(_ r: TextRange) -> TextRange {
      TextOffset(utf8: r.lowerBound.utf8 + delta)..<TextOffset(utf8: r.upperBound.utf8 + delta)
    }
    var moved = self
    moved.range = move(range)
    moved.related = related.map { RelatedLocation(range: move($0.range), message: $0.message) }
    moved.fixes = fixes.map { fix in
      Fix(title: fix.title, edits: fix.edits.map { TextEdit(range: move($0.range), newText: $0.newText) })
    }
    return moved
  }

  /// Whether any of the finding's texts holds an ASCII digit: a message that may cite a
  /// line number, which a shift by whole lines would make wrong.
  package var mayCiteLines: Bool {
    func digits(_ t: LocalizedText) -> Bool {
      t.zh.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } || t.en.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }
    return digits(message) || related.contains { digits($0.message) } || fixes.contains { digits($0.title) }
      || fixes.contains { $0.edits.contains { $0.newText.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } } }
  }
}
