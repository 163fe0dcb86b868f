/// Incremental update of a `LineIndex` after a text edit, so that typing in
/// a large document costs O(edit + log lines + lines after the edit) array
/// work instead of a rescan of every byte.
///
/// Why it is exact: whether byte offset `s` starts a line depends only on
/// the bytes at `s - 1` and `s` (after `\n`; after `\r` unless `s` holds `\n`).
/// When `old[lower..<upper]` becomes a replacement of `count` bytes, old
/// line starts below `lower` keep both their bytes, old starts above
/// `upper` keep both (shifted by the length change), and only offsets
/// `lower...lower + count` in the new text need a look — the replacement
/// plus one byte on each side, which is what catches a `\r\n` split by the
/// edit or joined by it. A terminator's length (1 or 2) depends on the two
/// bytes before the next line start, so it is recomputed for the lines whose
/// next start was rescanned or is the first shifted one.
extension LineIndex {
  /// Updates the index after `range` of the old text (clamped into it) was
  /// replaced by `replacementUTF8`; `newBytes` is the whole new text. The
  /// result equals `LineIndex(utf8: newBytes)`. If `newBytes` does not have
  /// the length the edit implies, the index is simply rebuilt from it; if
  /// it has the length but other content, the index is wrong but still
  /// well-formed (queries clamp and never trap).
  package mutating func applyEdit(
    replacing range: TextRange, with replacementUTF8: some Collection<UInt8>,
    newBytes: some Collection<UInt8>
  ) {
    let lower = clampedUTF8(range.lowerBound)
    let upper = max(clampedUTF8(range.upperBound), lower)
    let replacementCount = replacementUTF8.count
    let newCount = utf8Count - (upper - lower) + replacementCount
    guard newBytes.count == newCount else {
      self = LineIndex(utf8: newBytes)
      return
    }
    withContiguousBytes(newBytes) { buffer in
      applyEdit(lower: lower, upper: upper, replacementCount: replacementCount, newBuffer: buffer)
    }
  }

  /// The edit on plain byte counts; `newBuffer` has the implied length.
  private mutating func applyEdit(
    lower: Int, upper: Int, replacementCount: Int, newBuffer buffer: UnsafeBufferPointer<UInt8>
  ) {
    let delta = replacementCount - (upper - lower)
    let newUpper = lower + replacementCount

    // Old starts in 0..<kept are < lower and stay; old starts from
    // `shiftedFrom` on are > upper and move by `delta`.
    let kept = LineIndex.countBelow(in: lineStartsUTF8, lower)
    let shiftedFrom = LineIndex.countBelow(in: lineStartsUTF8, upper + 1)

    var rescanned: [Int] = []
    for offset in lower...newUpper where LineIndex.isLineStart(buffer, at: offset) {
      rescanned.append(offset)
    }

    lineStartsUTF8.replaceSubrange(kept..<shiftedFrom, with: rescanned)
    terminatorLengthsUTF8.replaceSubrange(
      kept..<shiftedFrom, with: repeatElement(UInt8(0), count: rescanned.count))
    let firstShifted = kept + rescanned.count
    if delta != 0 {
      for line in firstShifted..<lineStartsUTF8.count {
        lineStartsUTF8[line] += delta
      }
    }
    utf8Count = buffer.count

    // Lines whose next start is a rescanned one or the first shifted one.
    // `firstShifted >= 1`: when nothing is kept, offset 0 was rescanned.
    let lastLine = lineStartsUTF8.count - 1
    let firstChanged = max(kept - 1, 0)
    let lastChanged = min(firstShifted - 1, lastLine)
    for line in firstChanged...lastChanged {
      terminatorLengthsUTF8[line] =
        line == lastLine
        ? 0
        : LineIndex.terminatorLength(
          buffer, endingAt: lineStartsUTF8[line + 1], lineStart: lineStartsUTF8[line])
    }
  }

  /// Whether a line starts at byte offset `offset` (`0...buffer.count`).
  @inline(__always)
  static func isLineStart(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    if offset == 0 { return true }
    let previous = buffer[offset - 1]
    if previous == UTF8Bytes.lineFeed { return true }
    guard previous == UTF8Bytes.carriageReturn else { return false }
    return offset == buffer.count || buffer[offset] != UTF8Bytes.lineFeed
  }

  /// Length of the terminator of the line `lineStart..<nextStart`: 2 for
  /// `\r\n`, else 1. A `\r` before `\n` never starts a line, so with
  /// consistent bytes the `\r` is always inside the line; the `lineStart`
  /// check only keeps a caller's inconsistent bytes from producing a
  /// content range that ends before it starts.
  @inline(__always)
  static func terminatorLength(
    _ buffer: UnsafeBufferPointer<UInt8>, endingAt nextStart: Int, lineStart: Int
  ) -> UInt8 {
    if nextStart - 2 >= lineStart, buffer[nextStart - 1] == UTF8Bytes.lineFeed,
      buffer[nextStart - 2] == UTF8Bytes.carriageReturn
    {
      return 2
    }
    return 1
  }
}
