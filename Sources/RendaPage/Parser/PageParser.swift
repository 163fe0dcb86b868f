import RendaText

/// Builds the page model from a page of text. Never fails: any text gives a ``Page``.
///
/// The stages, each in its own file:
/// 1. ``NormalizedText``: the whitespace-free view with offsets back to the source.
/// 2. ``BlockSplitter``: blocks of non-blank lines; bylines and author notes stand alone.
/// 3. Layout: whether titles come after bodies or before bylines; whether the page is
///    double-spaced (blank lines meaningless).
/// 4. Articles: one per byline; ``TitleAligner`` ties titles to articles (by position,
///    then by the text they share), ``HeadingDetector`` finds parallel section headings,
///    ``RunInHeadDetector`` finds run-in heads in articles without headings.
/// 5. ``EnumerationScanner`` and ``SloganScanner`` over each article's normalized text.
package enum PageParser {
  package static func parse(_ text: SourceText) -> Page {
    var builder = PageBuilder(text: text)
    return builder.build()
  }
}

/// Mutable state of one parse.
struct PageBuilder {
  let text: SourceText
  let normalized: NormalizedText
  let raw: [RawBlock]
  let shapes: [BlockShape]
  let doubleSpaced: Bool
  let columnWidth: Int
  /// Role of each raw block, filled in by the stages.
  var roles: [BlockRole]
  /// Owning article of each raw block (nil: furniture or unowned).
  var owner: [Int?]
  var furniture: [PageFurniture] = []
  let context: PageContext?
  /// The home article of each title-like block left to be matched by content (read by
  /// window parses).
  var strayHomes: [Int] = []

  /// - Parameter context: page-wide decisions taken elsewhere (a window of a page parsed
  ///   with its page's layout, see `PageParser+Window.swift`); nil decides them here.
  init(text: SourceText, context: PageContext? = nil) {
    self.text = text
    self.context = context
    let normalized = NormalizedText(text)
    self.normalized = normalized
    let raw = BlockSplitter.blocks(normalized, lineCount: text.lineIndex.lineCount)
    self.raw = raw
    shapes = raw.map { BlockShape($0, in: normalized) }
    doubleSpaced = context?.isDoubleSpaced ?? BlockSplitter.isDoubleSpaced(raw)
    columnWidth = context?.columnWidth ?? PageContext.columnWidth(of: raw) { normalized.range(ofLine: $0).count }
    roles = raw.map { block in
      switch block.kind {
      case .byline: .byline
      case .authorNote: .authorNote
      case .text: .body
      }
    }
    owner = Array(repeating: nil, count: raw.count)
  }

  // MARK: Shapes

  func isCandidate(_ i: Int) -> Bool {
    PageContext.isTitleLike(raw[i], shape: shapes[i], columnWidth: columnWidth) && !isColumnLine(i)
  }

  /// On a double-spaced page, a short line among similar short lines is a column line of
  /// body text, not a heading.
  func isColumnLine(_ i: Int) -> Bool {
    guard doubleSpaced else { return false }
    func similar(_ j: Int) -> Bool {
      guard j >= 0, j < raw.count, raw[j].kind == .text, shapes[j].lineCount == 1 else { return false }
      return abs(shapes[j].length - shapes[i].length) <= 2 && shapes[j].length <= columnWidth + 4
    }
    var run = 1
    var j = i - 1
    while similar(j) {
      run += 1
      j -= 1
    }
    j = i + 1
    while similar(j) {
      run += 1
      j += 1
    }
    return run >= 3
  }

  func isKnownFurniture(_ i: Int) -> PageFurniture.Kind? { KnownFurniture.kind(of: raw[i], in: normalized) }

  func span(_ scalars: Range<Int>) -> TextSpan {
    TextSpan(range: normalized.sourceRange(scalars), normalized: normalized.string(scalars))
  }

  func span(blocks: [Int]) -> TextSpan {
    let string = blocks.map { normalized.string(raw[$0].scalars) }.joined()
    let lower = normalized.sourceRange(raw[blocks.first!].scalars).lowerBound
    let upper = normalized.sourceRange(raw[blocks.last!].scalars).upperBound
    return TextSpan(range: lower..<upper, normalized: string)
  }

  func lines(of blocks: [Int]) -> [Int] {
    // One list of the right size (`flatMap` made an array per block and grew the result).
    var lines: [Int] = []
    lines.reserveCapacity(blocks.reduce(0) { $0 + raw[$1].lastLine - raw[$1].firstLine + 1 })
    for i in blocks { lines.append(contentsOf: raw[i].firstLine...raw[i].lastLine) }
    return lines
  }

  // MARK: Build

  mutating func build() -> Page {
    let bylines = raw.indices.filter { raw[$0].kind == .byline }
    let placement = context?.titlePlacement ?? decidePlacement()
    let layout = PageLayout(titlePlacement: placement, isDoubleSpaced: doubleSpaced)
    guard !raw.isEmpty else {
      return Page(
        text: text, normalized: normalized, layout: layout, blocks: [], paragraphs: [], articles: [], furniture: [])
    }

    // Known furniture first: it is never a title or heading.
    for i in raw.indices {
      if let kind = isKnownFurniture(i) {
        roles[i] = .furniture
        furniture.append(PageFurniture(span: span(blocks: [i]), lines: lines(of: [i]), kind: kind))
      }
    }

    // Regions: article k owns the blocks from its byline to the next byline; blocks before
    // the first byline belong to the first article.
    let articleCount = max(bylines.count, 1)
    var k = 0
    for i in raw.indices {
      while k + 1 < bylines.count, bylines[k + 1] <= i { k += 1 }
      if roles[i] != .furniture { owner[i] = k }
    }

    var aligner = TitleAligner(builder: self, bylines: bylines, placement: placement)
    var titles = aligner.alignByPosition(&self)
    var headingBlocks: [[Int]] = Array(repeating: [], count: articleCount)
    var strays: [[Int]] = []
    let owned = blocksByArticle(articleCount)
    for k in 0..<articleCount {
      let result = HeadingDetector.detect(in: self, own: owned[k], article: k, bylines: bylines)
      headingBlocks[k] = result.headings
      for h in result.headings { roles[h] = .heading }
      strays.append(contentsOf: result.strays)
    }
    strayHomes = strays.map { owner[$0[0]] ?? 0 }
    aligner.alignStrays(&self, strays: mergeAdjacent(strays), titles: &titles, bylines: bylines)

    var articles: [Article] = []
    let finalOwned = blocksByArticle(articleCount)
    for k in 0..<articleCount {
      articles.append(
        buildArticle(k, own: finalOwned[k], bylines: bylines, title: titles[k], headings: headingBlocks[k]))
    }
    let blocks = raw.indices.map { i in
      Block(
        firstLine: raw[i].firstLine, lastLine: raw[i].lastLine,
        range: normalized.sourceRange(raw[i].scalars), role: roles[i], normalizedRange: raw[i].scalars,
        article: owner[i])
    }
    let paragraphs = joinParagraphs(blocks)
    furniture.sort { $0.text.range.lowerBound < $1.text.range.lowerBound }
    return Page(
      text: text, normalized: normalized, layout: layout, blocks: blocks, paragraphs: paragraphs, articles: articles,
      furniture: furniture)
  }

  /// Joins body blocks across column breaks: a body block continues the previous body
  /// block when that one does not end a paragraph.
  func joinParagraphs(_ blocks: [Block]) -> [Paragraph] {
    var paragraphs: [Paragraph] = []
    for (i, block) in blocks.enumerated() {
      if block.role == .body, let last = paragraphs.last, last.role == .body, last.blocks.upperBound == i - 1,
        !shapes[i - 1].endsParagraph
      {
        paragraphs[paragraphs.count - 1] = Paragraph(
          blocks: last.blocks.lowerBound...i, role: .body, range: last.range.lowerBound..<block.range.upperBound,
          normalizedRange: last.normalizedRange.lowerBound..<block.normalizedRange.upperBound)
      } else {
        paragraphs.append(
          Paragraph(blocks: i...i, role: block.role, range: block.range, normalizedRange: block.normalizedRange))
      }
    }
    return paragraphs
  }

  /// Titles follow bodies when the page opens with a byline or closes with a title-like
  /// block; otherwise they precede bylines.
  func decidePlacement() -> TitlePlacement {
    PageContext.titlePlacement(of: raw, isKnownFurniture: { isKnownFurniture($0) != nil }, isTitleLike: isCandidate)
  }

  /// Groups stray blocks that follow each other directly (a two-line title on a
  /// double-spaced page is two blocks).
  func mergeAdjacent(_ strays: [[Int]]) -> [[Int]] {
    let sorted = strays.sorted { $0[0] < $1[0] }
    var merged: [[Int]] = []
    for group in sorted {
      if doubleSpaced, var lastGroup = merged.last, let tail = lastGroup.last, tail + 1 == group[0],
        owner[tail] == owner[group[0]], lastGroup.count < 2, group.count == 1
      {
        lastGroup.append(contentsOf: group)
        merged[merged.count - 1] = lastGroup
      } else {
        merged.append(group)
      }
    }
    return merged
  }

  /// The blocks each article owns, in page order. O(blocks).
  func blocksByArticle(_ articleCount: Int) -> [[Int]] {
    // Counted first, so that each list is allocated once (not grown block by block).
    var counts = Array(repeating: 0, count: articleCount)
    for i in raw.indices {
      if let k = owner[i], k < articleCount { counts[k] += 1 }
    }
    var owned: [[Int]] = counts.map { count in
      var list: [Int] = []
      list.reserveCapacity(count)
      return list
    }
    for i in raw.indices {
      if let k = owner[i], k < articleCount { owned[k].append(i) }
    }
    return owned
  }

  func buildArticle(_ k: Int, own: [Int], bylines: [Int], title: Title?, headings: [Int]) -> Article {
    var byline: Byline?
    if k < bylines.count { byline = parseByline(bylines[k]) }
    // The article's blocks by role, in one pass into lists allocated once.
    var body: [Int] = []
    var textBlocks: [Int] = []
    var sloganBlocks: [Int] = []
    body.reserveCapacity(own.count)
    textBlocks.reserveCapacity(own.count)
    sloganBlocks.reserveCapacity(own.count)
    for i in own {
      let role = roles[i]
      if role == .body || role == .heading { body.append(i) }
      if role == .body { textBlocks.append(i) }
      if role != .byline && role != .authorNote { sloganBlocks.append(i) }
    }
    var note: AuthorNote?
    if let n = own.first(where: { roles[$0] == .authorNote }) {
      note = AuthorNote(text: span(raw[n].scalars), line: raw[n].firstLine)
    }
    // Sections.
    var sectionHeadings: [SectionHeading] = []
    let firstHeading = headings.first
    // The blocks and headings are in page order: a section's blocks are a run of the text
    // blocks, copied at once (a `filter` grew its list block by block).
    let leadBlocks = Array(textBlocks.prefix { firstHeading == nil || $0 < firstHeading! })
    for (n, h) in headings.enumerated() {
      let next = n + 1 < headings.count ? headings[n + 1] : Int.max
      let sectionBlocks = Array(textBlocks.drop { $0 <= h }.prefix { $0 < next })
      let enumerations = EnumerationScanner.scan(self, blocks: sectionBlocks)
      let headingSpan = span(raw[h].scalars)
      sectionHeadings.append(
        SectionHeading(
          text: headingSpan, lines: lines(of: [h]), ordinal: HeadingDetector.ordinal(of: headingSpan.normalized),
          sectionRange: range(of: sectionBlocks, fallback: headingSpan.range),
          enumerations: enumerations))
    }
    var runInHeads: [RunInHead] = []
    if headings.isEmpty {
      runInHeads = RunInHeadDetector.detect(in: self, blocks: textBlocks, article: k)
    }
    // The lead: body blocks before the first heading, or before the first run-in head.
    var lead: TextRange?
    var leadEnumerations: [Enumeration] = []

    let leadEnd = headings.isEmpty ? (runInHeads.isEmpty ? nil : firstRunInScalar(runInHeads[0])) : nil
    let leadCandidates = headings.isEmpty ? textBlocks : leadBlocks
    var leadScalars: [Range<Int>] = []
    for i in leadCandidates {
      let r = raw[i].scalars
      let upper = min(r.upperBound, leadEnd ?? r.upperBound)
      if upper > r.lowerBound { leadScalars.append(r.lowerBound..<upper) }
    }

    if let first = leadScalars.first, let last = leadScalars.last {
      lead = normalized.sourceRange(first.lowerBound..<last.upperBound)
      leadEnumerations = EnumerationScanner.scan(self, blocks: leadCandidates, to: leadEnd ?? Int.max)
    }
    let slogans = SloganScanner.scan(self, blocks: sloganBlocks)
    let allRanges = own.map { normalized.sourceRange(raw[$0].scalars) }
    let lower = allRanges.map(\.lowerBound).min() ?? TextOffset(utf8: 0)
    let upper = allRanges.map(\.upperBound).max() ?? lower
    return Article(
      byline: byline, title: title, bodyBlocks: body, lead: lead, headings: sectionHeadings,
      runInHeads: runInHeads, leadEnumerations: leadEnumerations,
      slogans: slogans.sorted { $0.range.lowerBound < $1.range.lowerBound }, authorNote: note,
      range: lower..<upper)
  }

  /// Normalized index where a run-in head starts.
  func firstRunInScalar(_ head: RunInHead) -> Int {
    normalized.firstIndex(atOrAfter: head.text.range.lowerBound.utf8)
  }

  func range(of blocks: [Int], fallback: TextRange) -> TextRange {
    guard let first = blocks.first, let last = blocks.last else {
      return fallback.upperBound..<fallback.upperBound
    }
    return normalized.sourceRange(raw[first].scalars)
      .lowerBound..<normalized.sourceRange(raw[last].scalars)
      .upperBound
  }

  func parseByline(_ i: Int) -> Byline {
    let lineRange = text.lineIndex.contentRange(ofLine: raw[i].firstLine)
    var items: [(scalar: Unicode.Scalar, offset: Int, length: Int)] = []
    var offset = lineRange.lowerBound.utf8
    while offset < lineRange.upperBound.utf8, let (scalar, length) = text.scalar(at: TextOffset(utf8: offset)) {
      items.append((scalar, offset, length))
      offset += length
    }
    let result = BylineParser.parse(items)
    let range = normalized.sourceRange(raw[i].scalars)
    let rawText = text.string(in: range)
    return Byline(
      range: range, rawText: rawText, authors: result.authors, province: result.province,
      provinceRange: result.provinceRange, usesHalfwidthParentheses: result.usesHalfwidthParentheses)
  }
}

extension PageFurniture {
  init(span: TextSpan, lines: [Int], kind: Kind) {
    self.init(text: span, lines: lines, kind: kind)
  }
}
