/// Where a page can be cut between articles so that each piece parses like the page: what
/// incremental re-analysis and the windowed check of large texts share.
extension Page {
  /// The first line of each article's segment: its first block, with (when titles precede
  /// bylines) the furniture just before it, which the title search walks over. Segment 0
  /// starts at line 0. Nil when articles interleave.
  package func segmentStartLines(placement: TitlePlacement) -> [Int]? {
    var first: [Int?] = Array(repeating: nil, count: articles.count)
    var previous = -1
    for (i, block) in blocks.enumerated() {
      guard let k = block.article else { continue }
      guard k >= previous else { return nil }
      if k > previous {
        var start = i
        if placement == .beforeByline {
          while start > 0, blocks[start - 1].role == .furniture { start -= 1 }
        }
        first[k] = blocks[start].firstLine
        previous = k
      }
    }
    var cuts: [Int] = []
    for (k, line) in first.enumerated() {
      guard let line else { return nil }
      cuts.append(k == 0 ? 0 : line)
    }
    for k in cuts.indices.dropFirst() where cuts[k] <= cuts[k - 1] { return nil }
    return cuts
  }

  /// Whether the blocks that end right before line `line` without a blank line between
  /// include an author note (whose end the block splitter looks for across blocks).
  package func authorNoteRuns(into line: Int) -> Bool {
    var i = blocks.lastIndex { $0.firstLine < line }
    var next = line
    while let j = i, blocks[j].lastLine == next - 1 {
      if blocks[j].role == .authorNote { return true }
      next = blocks[j].firstLine
      i = j > 0 ? j - 1 : nil
    }
    return false
  }
}

extension Article {
  /// Whether the title was found by position (not missing, not matched by content).
  package var isTitledByPosition: Bool {
    guard let title else { return false }
    return title.placement != .elsewhere
  }
}
