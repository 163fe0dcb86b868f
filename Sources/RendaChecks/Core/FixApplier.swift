import RendaText

/// Applies fixes to a text: the edits of every fix, in order, skipping a fix whose edits
/// collide with one already taken (a second `renda fix` picks it up).
///
/// Two edits collide when they replace overlapping text, when they insert at the same place,
/// when one inserts at a place the other replaces (at its start, too: an insertion there after
/// the replacement), or when one replaces text around the place where the other inserted.
/// The edits of one fix must not collide with each other either. The taken edits are kept
/// sorted (fixes come in text order, so each is appended: O(log n) per edit) and the result is
/// built in one pass over the text, not edited in place: O(n log n) in the edits, O(n) in the
/// text.
package enum FixApplier {
  package struct Result: Sendable {
    package var text: SourceText
    package var appliedFixes: Int
    package var skippedFixes: Int
  }

  package static func apply(_ fixes: [Fix], to text: SourceText) -> Result {
    var taken = TakenEdits()
    var edits: [TextEdit] = []
    var applied = 0
    var skipped = 0
    for fix in fixes {
      guard !fix.edits.contains(where: { taken.collides(with: $0.range) }), !Self.collideWithEachOther(fix.edits)
      else {
        skipped += 1
        continue
      }
      for edit in fix.edits { taken.insert(edit.range) }
      edits += fix.edits
      applied += 1
    }
    // In text order, an insertion before a replacement that starts where it inserts.
    edits.sort {
      ($0.range.lowerBound.utf8, $0.range.upperBound.utf8) < ($1.range.lowerBound.utf8, $1.range.upperBound.utf8)
    }
    let old = text.bytes
    var bytes: [UInt8] = []
    bytes.reserveCapacity(old.count + edits.reduce(0) { $0 + $1.newText.utf8.count })
    var cursor = 0
    for edit in edits {
      let lower = min(max(cursor, edit.range.lowerBound.utf8), old.count)
      let upper = min(max(lower, edit.range.upperBound.utf8), old.count)
      bytes += old[cursor..<lower]
      bytes += edit.newText.utf8
      cursor = upper
    }
    bytes += old[cursor...]
    let newText = (try? SourceText(validating: bytes)) ?? SourceText(String(decoding: bytes, as: UTF8.self))
    return Result(text: newText, appliedFixes: applied, skippedFixes: skipped)
  }

  /// Whether two of `edits` (one fix's: a few) collide.
  private static func collideWithEachOther(_ edits: [TextEdit]) -> Bool {
    guard edits.count > 1 else { return false }
    var taken = TakenEdits()
    for edit in edits {
      if taken.collides(with: edit.range) { return true }
      taken.insert(edit.range)
    }
    return false
  }

  /// The ranges of the edits taken so far: replacements (disjoint) and insertion points, each
  /// sorted.
  private struct TakenEdits {
    var replacements: [Range<Int>] = []
    var insertions: [Int] = []

    func collides(with range: TextRange) -> Bool {
      let (a, b) = (range.lowerBound.utf8, range.upperBound.utf8)
      if a == b {
        // An insertion: at another insertion's place, or where a replacement starts or runs.
        if let k = Self.index(in: insertions, before: a + 1), insertions[k] == a { return true }
        if let k = Self.lastStart(in: replacements, atOrBefore: a), replacements[k].upperBound > a { return true }
        return false
      }
      // A replacement: over another (the replacements are disjoint, so only the last one that
      // starts before its end can reach into it), or around an insertion strictly inside it.
      if let k = Self.lastStart(in: replacements, atOrBefore: b - 1), replacements[k].upperBound > a { return true }
      if let k = Self.index(in: insertions, before: b), insertions[k] > a { return true }
      return false
    }

    mutating func insert(_ range: TextRange) {
      let (a, b) = (range.lowerBound.utf8, range.upperBound.utf8)
      if a == b {
        insertions.insert(a, at: Self.insertionIndex(insertions.count) { insertions[$0] <= a })
      } else {
        replacements.insert(a..<b, at: Self.insertionIndex(replacements.count) { replacements[$0].lowerBound <= a })
      }
    }

    /// The index of the last element below `limit` in the sorted `values`, or nil.
    static func index(in values: [Int], before limit: Int) -> Int? {
      let k = insertionIndex(values.count) { values[$0] < limit } - 1
      return k >= 0 ? k : nil
    }

    /// The index of the last replacement starting at or before `offset`, or nil.
    static func lastStart(in ranges: [Range<Int>], atOrBefore offset: Int) -> Int? {
      let k = insertionIndex(ranges.count) { ranges[$0].lowerBound <= offset } - 1
      return k >= 0 ? k : nil
    }

    /// The first index in `0..<count` where `isBefore` is false (it holds for a prefix);
    /// checked from the end first, where text-ordered fixes land.
    static func insertionIndex(_ count: Int, _ isBefore: (Int) -> Bool) -> Int {
      if count == 0 || isBefore(count - 1) { return count }
      var low = 0
      var high = count - 1
      while low < high {
        let middle = (low + high) / 2
        if isBefore(middle) { low = middle + 1 } else { high = middle }
      }
      return low
    }
  }
}
