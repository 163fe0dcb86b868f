import RendaText

/// The page-wide decisions of a parse: the column width (median length of body lines),
/// whether the page is double-spaced, where titles sit. A window of a page parsed on its
/// own must take them from the page, not from the window, to read like the page.
package struct PageContext: Sendable, Equatable {
  package var columnWidth: Int
  package var isDoubleSpaced: Bool
  package var titlePlacement: TitlePlacement

  package init(columnWidth: Int, isDoubleSpaced: Bool, titlePlacement: TitlePlacement) {
    self.columnWidth = columnWidth
    self.isDoubleSpaced = isDoubleSpaced
    self.titlePlacement = titlePlacement
  }
}

extension PageContext {
  /// The column width: the median length of body lines (every line but the last of the
  /// text blocks of three lines or more), 18 when there are none.
  static func columnWidth(of raw: [RawBlock], lineLength: (Int) -> Int) -> Int {
    var histogram: [Int] = []
    countBodyLines(of: raw, lineLength: lineLength, into: &histogram)
    return columnWidth(histogram: histogram)
  }

  /// Counts the lengths of the body lines of `raw` into `histogram` (count by length).
  static func countBodyLines(of raw: [RawBlock], lineLength: (Int) -> Int, into histogram: inout [Int]) {
    for block in raw where block.kind == .text && block.lastLine - block.firstLine >= 2 {
      for line in block.firstLine..<block.lastLine {
        let length = lineLength(line)
        if length >= histogram.count {
          histogram.append(contentsOf: repeatElement(0, count: length + 1 - histogram.count))
        }
        histogram[length] += 1
      }
    }
  }

  /// The median of the body line lengths counted in `histogram`, 18 when there are none.
  static func columnWidth(histogram: [Int]) -> Int {
    var remaining = histogram.reduce(0, +) / 2
    for (length, count) in histogram.enumerated() {
      if remaining < count { return length }
      remaining -= count
    }
    return 18
  }

  /// A text block short and standalone enough to be a title (`PageBuilder.isCandidate`
  /// also rules out the column lines of a double-spaced page).
  static func isTitleLike(_ block: RawBlock, shape: BlockShape, columnWidth: Int) -> Bool {
    block.kind == .text && shape.isStandaloneShort(columnWidth: columnWidth)
  }

  /// Where titles sit: after their bodies when the page opens with a byline or closes
  /// with a title-like block (furniture aside), else before their bylines.
  static func titlePlacement(
    of raw: [RawBlock], isKnownFurniture: (Int) -> Bool, isTitleLike: (Int) -> Bool
  ) -> TitlePlacement {
    let first = raw.indices.first { !isKnownFurniture($0) }
    let last = raw.indices.last { !isKnownFurniture($0) }
    return titlePlacement(
      hasByline: raw.contains { $0.kind == .byline }, firstIsByline: first.map { raw[$0].kind == .byline },
      lastIsTitleLike: last.map(isTitleLike))
  }

  /// The same rule from what it reads: whether the page has a byline, and whether its first
  /// and last blocks that are not known furniture are a byline and title-like (nil: none).
  static func titlePlacement(hasByline: Bool, firstIsByline: Bool?, lastIsTitleLike: Bool?) -> TitlePlacement {
    guard hasByline, let firstIsByline, let lastIsTitleLike else { return .afterBody }
    return firstIsByline || lastIsTitleLike ? .afterBody : .beforeByline
  }
}

extension PageParser {
  /// How many articles away from the article whose text holds it a title can be matched by
  /// content (`TitleAligner.alignStrays`): what a cut between articles must keep clear of.
  package static var contentMatchReach: Int { TitleAligner.neighbourhood }

  /// Parses `text` (a window of a page, cut at article boundaries) with the page's
  /// page-wide decisions instead of deciding them from the window.
  /// Also says where the title-like blocks inside bodies left to be matched by content sit
  /// (strays, which a page's parse may match with an untitled article up to three away): the
  /// index of the article whose text holds each, in page order.
  package static func parse(_ text: SourceText, context: PageContext) -> (page: Page, strayHomes: [Int]) {
    var builder = PageBuilder(text: text, context: context)
    let page = builder.build()
    return (page, builder.strayHomes)
  }

  /// The page-wide decisions a fresh parse of `page.text` takes, recomputed from the
  /// page's blocks and normalized view in O(blocks + lines) (no re-parse), by the rules
  /// `PageBuilder` uses (`BlockSplitter.isDoubleSpaced`, `PageContext.columnWidth`,
  /// `PageContext.titlePlacement`). Nil for a double-spaced page, whose column lines make the
  /// placement depend on neighbours (incremental analysis re-parses such pages whole).
  package static func context(of page: Page) -> PageContext? {
    let raw = page.blocks.map { block in
      RawBlock(
        firstLine: block.firstLine, lastLine: block.lastLine, scalars: block.normalizedRange,
        kind: block.role == .byline ? .byline : block.role == .authorNote ? .authorNote : .text)
    }
    guard !BlockSplitter.isDoubleSpaced(raw) else { return nil }
    let n = page.normalized
    let columnWidth = PageContext.columnWidth(of: raw) { n.range(ofLine: $0).count }
    let placement = PageContext.titlePlacement(
      of: raw,
      isKnownFurniture: { KnownFurniture.kind(of: raw[$0], in: n) != nil },
      // No column lines to rule out: the page is not double-spaced.
      isTitleLike: { PageContext.isTitleLike(raw[$0], shape: BlockShape(raw[$0], in: n), columnWidth: columnWidth) })
    return PageContext(columnWidth: columnWidth, isDoubleSpaced: false, titlePlacement: placement)
  }
}

extension PageParser {
  /// The page-wide decisions `parse(text)` takes (nil for a double-spaced page, as
  /// `context(of:)`), found without building the page: the text is read in chunks of about
  /// `chunkBytes`, each cut at a blank line (where a block always ends, so the chunks' blocks
  /// are the page's), normalized and split into blocks, counted, then dropped. Memory: one
  /// chunk's view, not the page's.
  package static func context(ofLargeText text: SourceText, chunkBytes: Int) -> PageContext? {
    var histogram: [Int] = []
    var textBlocks = 0
    var singleLineBlocks = 0
    var hasByline = false
    var firstIsByline: Bool?
    // The last block that is not known furniture, with the shape that says if it is title-like.
    var last: (block: RawBlock, shape: BlockShape)?
    var line = 0
    while line < text.lineCount {
      let target = text.line(containing: TextOffset(utf8: text.lineIndex.lineStart(line).utf8 + max(1, chunkBytes)))
      let end = text.firstBlankLine(from: max(target, line + 1)) ?? text.lineCount
      let chunk = text.lines(line..<end)
      let n = NormalizedText(chunk)
      let raw = BlockSplitter.blocks(n, lineCount: chunk.lineCount)
      PageContext.countBodyLines(of: raw, lineLength: { n.range(ofLine: $0).count }, into: &histogram)
      var lastHere: RawBlock?
      for block in raw {
        switch block.kind {
        case .text:
          textBlocks += 1
          if block.firstLine == block.lastLine { singleLineBlocks += 1 }
        case .byline: hasByline = true
        case .authorNote: break
        }
        guard KnownFurniture.kind(of: block, in: n) == nil else { continue }
        if firstIsByline == nil { firstIsByline = block.kind == .byline }
        lastHere = block
      }
      if let lastHere { last = (lastHere, BlockShape(lastHere, in: n)) }
      line = end
    }
    guard !BlockSplitter.isDoubleSpaced(textBlocks: textBlocks, singleLine: singleLineBlocks) else { return nil }
    let columnWidth = PageContext.columnWidth(histogram: histogram)
    let placement = PageContext.titlePlacement(
      hasByline: hasByline, firstIsByline: firstIsByline,
      lastIsTitleLike: last.map { PageContext.isTitleLike($0.block, shape: $0.shape, columnWidth: columnWidth) })
    return PageContext(columnWidth: columnWidth, isDoubleSpaced: false, titlePlacement: placement)
  }
}
