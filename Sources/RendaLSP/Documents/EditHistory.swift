import RendaIDE

/// The byte edits that made each recent version of a document from the previous one, so
/// the analyser can bring the last analysed version up to date incrementally
/// (`IncrementalAnalysis`) instead of analysing the new text whole. Bounded: only the last
/// `capacity` versions are kept, and a whole-text replacement breaks the chain.
struct EditHistory: Sendable {
  static let capacity = 64

  private struct Entry: Sendable {
    /// The version these changes produced.
    var version: Int
    /// Nil: the text was replaced whole.
    var changes: [TextChange]?
  }

  private var entries: [Entry] = []

  init() {}

  mutating func record(version: Int, changes: [TextChange]?) {
    entries.append(Entry(version: version, changes: changes))
    if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
  }

  /// The changes that turn version `from` into version `to`, in order; nil when either
  /// version is no longer (or never was) in the history, or a version between them
  /// replaced the text whole.
  func changes(from: Int, to: Int) -> [TextChange]? {
    guard from < to, let i = entries.lastIndex(where: { $0.version == from }),
      let j = entries.lastIndex(where: { $0.version == to }), i < j
    else { return nil }
    var result: [TextChange] = []
    for entry in entries[(i + 1)...j] {
      guard let changes = entry.changes else { return nil }
      result += changes
    }
    return result
  }
}
