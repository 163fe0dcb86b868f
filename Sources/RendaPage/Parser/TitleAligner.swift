/// Ties titles to articles.
///
/// First by position: on a page whose titles follow bodies, the standalone short blocks
/// after an article's last paragraph are its title; on a page whose titles precede
/// bylines, those just before a byline are. When several blocks compete (a title and a
/// column label), the one that shares most text with the article wins.
///
/// Then by content: an article left without a title takes the stray title-like block
/// (not a heading, not adjacent to any byline) that shares most text with it, if it
/// shares enough. On a scrambled page such a title may sit inside another article's
/// text; the paragraphs that follow it, up to the next heading or title, are then a
/// fragment of the title's article and move with it.
struct TitleAligner {
  let bylines: [Int]
  let placement: TitlePlacement
  let articleCount: Int

  init(builder: PageBuilder, bylines: [Int], placement: TitlePlacement) {
    self.bylines = bylines
    self.placement = placement
    articleCount = max(bylines.count, 1)
  }

  /// Minimum share of a title's character pairs found in the article's text.
  static let minimumContentScore = 0.3
  /// A stray title is matched only with articles this close to where it stands (in
  /// articles), which keeps the matching linear on long inputs.
  static let neighbourhood = 3
  /// A title found away from any byline is short: a longer stray block is body text.
  static let maximumStrayTitleLength = 32

  mutating func alignByPosition(_ b: inout PageBuilder) -> [Title?] {
    var titles: [Title?] = Array(repeating: nil, count: articleCount)
    let owned = b.blocksByArticle(articleCount)
    for k in 0..<articleCount {
      var candidates: [Int] = []
      switch placement {
      case .afterBody:
        let own = owned[k]
        for i in own.reversed() {
          if b.roles[i] == .furniture { continue }
          guard b.isCandidate(i), i != own.first else { break }
          candidates.insert(i, at: 0)
        }
      case .beforeByline:
        guard k < bylines.count else { break }
        var i = bylines[k] - 1
        while i >= 0 {
          if b.roles[i] == .furniture {
            i -= 1
            continue
          }
          guard b.raw[i].kind == .text, b.isCandidate(i) else { break }
          candidates.insert(i, at: 0)
          i -= 1
        }
        for c in candidates { b.owner[c] = k }
      }
      guard !candidates.isEmpty else { continue }
      let chosen = choose(candidates, owned: owned[k], in: b)
      for c in candidates where !chosen.contains(c) {
        b.roles[c] = .furniture
        b.furniture.append(PageFurniture(span: b.span(blocks: [c]), lines: b.lines(of: [c]), kind: .columnLabel))
        b.owner[c] = nil
      }
      for c in chosen { b.roles[c] = .title }
      titles[k] = Title(
        text: b.span(blocks: chosen), lines: b.lines(of: chosen),
        placement: placement == .afterBody ? .after : .before)
    }
    return titles
  }

  /// The competing blocks that form the title: on a double-spaced page two adjacent
  /// blocks may be one title's two lines; otherwise the best-matching block.
  private func choose(_ candidates: [Int], owned: [Int], in b: PageBuilder) -> [Int] {
    if candidates.count == 1 { return candidates }
    if b.doubleSpaced, candidates.count == 2, candidates[0] + 1 == candidates[1],
      b.shapes[candidates[0]].length + b.shapes[candidates[1]].length <= 40
    {
      return candidates
    }
    let text = ContentIndex(b, blocks: owned, excluding: Set(candidates))
    let best = candidates.max { text.score(b, [$0]) < text.score(b, [$1]) }!
    return [best]
  }

  mutating func alignStrays(_ b: inout PageBuilder, strays: [[Int]], titles: inout [Title?], bylines: [Int]) {
    let owned = b.blocksByArticle(articleCount)
    let strayBlocks = Set(strays.flatMap { $0 })
    var indexes: [Int: ContentIndex] = [:]
    // Every (stray, untitled neighbour) pair with its score; then greedy, best first.
    var pairs: [(score: Double, article: Int, stray: Int)] = []
    for (s, group) in strays.enumerated() {
      guard group.map({ b.shapes[$0].length }).reduce(0, +) <= Self.maximumStrayTitleLength else { continue }
      let home = b.owner[group[0]] ?? 0
      for k in max(0, home - Self.neighbourhood)...min(articleCount - 1, home + Self.neighbourhood)
      where titles[k] == nil {
        if indexes[k] == nil { indexes[k] = ContentIndex(b, blocks: owned[k], excluding: strayBlocks) }
        let score = indexes[k]!.score(b, group)
        if score >= Self.minimumContentScore { pairs.append((score, k, s)) }
      }
    }
    pairs.sort { $0.score > $1.score || $0.score == $1.score && ($0.stray, $0.article) < ($1.stray, $1.article) }
    var usedStrays = Set<Int>()
    for pair in pairs where titles[pair.article] == nil && !usedStrays.contains(pair.stray) {
      usedStrays.insert(pair.stray)
      let group = strays[pair.stray]
      let previousOwner = b.owner[group[0]]
      for c in group {
        b.roles[c] = .title
        b.owner[c] = pair.article
      }
      titles[pair.article] = Title(text: b.span(blocks: group), lines: b.lines(of: group), placement: .elsewhere)
      // A title inside another article's text carries the fragment that follows it, up to
      // the next heading, title, furniture or byline.
      if previousOwner != pair.article {
        var i = group.last! + 1
        while i < b.raw.count, b.owner[i] == previousOwner, b.roles[i] == .body {
          b.owner[i] = pair.article
          i += 1
        }
      }
    }
    let remaining = strays.indices.filter { !usedStrays.contains($0) }.map { strays[$0] }
    // What no article claims: furniture if it reads like a banner, else body text.
    for group in remaining {
      let isBanner = group.allSatisfy { b.shapes[$0].commas == 0 && !b.shapes[$0].hasDigits }
      if isBanner {
        for c in group {
          b.roles[c] = .furniture
          b.owner[c] = nil
        }
        b.furniture.append(PageFurniture(span: b.span(blocks: group), lines: b.lines(of: group), kind: .banner))
      }
    }
  }
}

/// Character pairs of an article's text, to measure how much a title shares with it.
struct ContentIndex {
  private var pairs: Set<UInt64> = []

  init(_ b: PageBuilder, blocks: [Int], excluding: Set<Int>) {
    // Inserted straight into one set (no set per block to merge), reserved at the most it
    // can hold: one pair per scalar (no rehashing while it grows).
    let indexed = blocks.filter { !excluding.contains($0) && b.raw[$0].kind != .byline }
    pairs.reserveCapacity(indexed.reduce(0) { $0 + b.raw[$1].scalars.count })
    for i in indexed {
      Self.insertPairs(b.normalized.scalars[b.raw[i].scalars], into: &pairs)
    }
  }

  /// Adds the pairs of neighbouring ideographs in `scalars` (across quote marks) to `result`.
  static func insertPairs(_ scalars: ArraySlice<Unicode.Scalar>, into result: inout Set<UInt64>) {
    var previous: Unicode.Scalar?
    for s in scalars {
      if s.isCJKIdeograph {
        if let p = previous { result.insert(UInt64(p.value) << 32 | UInt64(s.value)) }
        previous = s
      } else if !s.isQuoteMark {
        previous = nil
      }
    }
  }

  /// Share of the blocks' character pairs that occur in the article's text.
  func score(_ b: PageBuilder, _ blocks: [Int]) -> Double {
    var own: Set<UInt64> = []
    for i in blocks { Self.insertPairs(b.normalized.scalars[b.raw[i].scalars], into: &own) }
    guard !own.isEmpty else { return 0 }
    let shared = own.reduce(0) { pairs.contains($1) ? $0 + 1 : $0 }
    return Double(shared) / Double(own.count)
  }
}
