/// Finds run-in heads: in an article without section headings, the short first sentences
/// that open paragraphs and form a parallel series dividing the body
/// (`抓政治引领，让代表履职有方向。 / 抓平台建设，让代表履职有底气。 / …`).
///
/// A candidate opens a real paragraph: the block before it ends a paragraph (`。！？` or
/// the lead's `：`), or, inside a block, the line before it ends with `。`. On a
/// double-spaced page line order cannot be trusted, so every line start is a candidate.
/// Its first sentence must be short (at most ``maximumLength`` scalars). Candidates are
/// parallel when their clause shapes agree (same number of comma-separated clauses of
/// about the same lengths, or the same opening character and clause count); the largest
/// parallel series of three or more is the article's run-in heads. Enumeration items
/// (一是…) are never run-in heads.
enum RunInHeadDetector {
  static let maximumLength = 48

  struct Candidate {
    var start: Int
    var end: Int  // exclusive, includes the final stop
    var isStrong: Bool
    var shape: [Int]
    var first: Unicode.Scalar
  }

  static func detect(in b: PageBuilder, blocks: [Int], article k: Int) -> [RunInHead] {
    let n = b.normalized
    var candidates: [Candidate] = []
    for i in blocks {
      let block = b.raw[i]
      // A block that continues a sentence cut by a column break opens no paragraph.
      let opensParagraph = b.doubleSpaced || HeadingDetector.previousEndsParagraph(b, i)
      if opensParagraph,
        let c = candidate(b, at: block.scalars.lowerBound, limit: lineLimit(b, block.firstLine), strong: true)
      {
        candidates.append(c)
      }
      guard block.lastLine > block.firstLine else { continue }
      for line in (block.firstLine + 1)...block.lastLine {
        let start = n.range(ofLine: line).lowerBound
        guard start > block.scalars.lowerBound, start < block.scalars.upperBound else { continue }
        var j = start - 1
        while j > block.scalars.lowerBound, n.scalars[j].isClosingQuoteOrBracket { j -= 1 }
        guard n.scalars[j].endsSentenceStrictly else { continue }
        if let c = candidate(b, at: start, limit: lineLimit(b, line), strong: false) { candidates.append(c) }
      }
    }
    // A series of three or more; or as many as the lead announces (`抓实“两个重点”：`).
    let announced = announcedCount(b, blocks: blocks, before: candidates.first?.start)
    let minimum = announced.map { min(3, max(2, $0)) } ?? 3
    guard candidates.count >= minimum else { return [] }

    var best: [Int] = []
    var bestStrong = 0
    for (s, seed) in candidates.enumerated() {
      // Counted first; the group's list is made only when it is the best so far (a list per
      // candidate, and one more to count the strong, were most of the detector's allocations).
      func inGroup(_ j: Int) -> Bool { j == s || parallel(seed, candidates[j]) }
      var size = 0
      var strong = 0
      for j in candidates.indices where inGroup(j) {
        size += 1
        if candidates[j].isStrong { strong += 1 }
      }
      guard size >= 3 || size == announced && size >= minimum, strong >= 2 else { continue }
      if size > best.count || size == best.count && strong > bestStrong {
        best = candidates.indices.filter(inGroup)
        bestStrong = strong
      }
    }
    guard !best.isEmpty else { return [] }
    let heads = best.map { candidates[$0] }.sorted { $0.start < $1.start }
    let articleEnd = blocks.map { b.raw[$0].scalars.upperBound }.max() ?? n.count
    return heads.enumerated().map { index, head in
      let sectionEnd = index + 1 < heads.count ? heads[index + 1].start : articleEnd
      let sectionBlocks = blocks.filter {
        b.raw[$0].scalars.upperBound > head.start && b.raw[$0].scalars.lowerBound < sectionEnd
      }
      let enumerations = EnumerationScanner.scan(b, blocks: sectionBlocks, from: head.end, to: sectionEnd)
      return RunInHead(
        text: b.span(head.start..<head.end), line: n.line(ofScalar: head.start),
        sectionRange: n.sourceRange(head.start..<sectionEnd), enumerations: enumerations)
    }
  }

  /// The count of the last quoted slogan in the lead's last block, when that block ends
  /// with a colon (`着力抓实“五个重点”：`).
  private static func announcedCount(_ b: PageBuilder, blocks: [Int], before: Int?) -> Int? {
    guard let before, let lead = blocks.last(where: { b.raw[$0].scalars.upperBound <= before }),
      b.shapes[lead].lastMeaningful?.isColon == true
    else { return nil }
    let slogans = SloganScanner.scan(b, blocks: [lead])
    return slogans.last?.announcedCount
  }

  /// On a double-spaced page a sentence must end on its own line.
  private static func lineLimit(_ b: PageBuilder, _ line: Int) -> Int? {
    b.doubleSpaced ? b.normalized.range(ofLine: line).upperBound : nil
  }

  private static func candidate(_ b: PageBuilder, at start: Int, limit: Int?, strong: Bool) -> Candidate? {
    let scalars = b.normalized.scalars
    guard start < scalars.count else { return nil }
    let first = scalars[start]
    // A head may open with a short quotation (`“请进来”，让代表开阔视野。`), not with a
    // quoted sentence (`“环境就是民生。”…`).
    if first.isOpeningQuote {
      guard let close = scalars[(start + 1)..<min(scalars.count, start + 10)].firstIndex(where: \.isQuoteMark),
        !scalars[(start + 1)..<close].contains(where: \.endsSentence)
      else { return nil }
    } else if first.isOpeningParenthesis || !first.isCJKIdeograph {
      return nil
    }
    if EnumerationScanner.marker(at: start, in: b.normalized, atClauseStart: true) != nil { return nil }
    let end = min(limit ?? scalars.count, start + maximumLength + 1, scalars.count)
    var shape: [Int] = []
    var clause = 0
    var quoteDepth = 0
    var j = start
    while j < end {
      let s = scalars[j]
      if s.endsSentenceStrictly {
        shape.append(clause)
        var stop = j + 1
        while stop < scalars.count, scalars[stop].isClosingQuoteOrBracket, quoteDepth > 0 {
          quoteDepth -= 1
          stop += 1
        }
        guard shape.count <= 4, clause > 0 else { return nil }
        return Candidate(start: start, end: stop, isStrong: strong, shape: shape, first: first)
      }
      if s.value == 0x201C || s.value == 0x2018 || s.value == 0x300C { quoteDepth += 1 }
      if s.value == 0x201D || s.value == 0x2019 || s.value == 0x300D { quoteDepth = max(0, quoteDepth - 1) }
      if (s.value == 0xFF0C || s.value == 0x2C) && quoteDepth == 0 {
        shape.append(clause)
        clause = 0
      } else if !s.isQuoteMark {
        clause += 1
      }
      if s.value == 0xFF1B || s.value == 0x3B || s.isColon { return nil }
      j += 1
    }
    return nil
  }

  static func parallel(_ a: Candidate, _ b: Candidate) -> Bool {
    guard a.shape.count == b.shape.count else { return false }
    let closeShape = zip(a.shape, b.shape).allSatisfy { abs($0 - $1) <= 1 }
    if a.shape.count >= 2 {
      if closeShape { return true }
      let totalA = a.shape.reduce(0, +)
      let totalB = b.shape.reduce(0, +)
      return a.first == b.first && abs(totalA - totalB) <= 6
    }
    // One clause: only short sentences of about the same length.
    guard a.shape[0] <= 14, b.shape[0] <= 14 else { return a.first == b.first && closeShape }
    return closeShape
  }
}
