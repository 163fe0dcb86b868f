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

extension PageParser {
  /// Parses `text` (a window of a page, cut at article boundaries) with the page's
  /// page-wide decisions instead of deciding them from the window.
  /// Also says how many title-like blocks inside bodies were left to be matched by content
  /// (strays, which a page's parse may match with an untitled article up to three away).
  package static func parse(_ text: SourceText, context: PageContext) -> (page: Page, strays: Int) {
    var builder = PageBuilder(text: text, context: context)
    let page = builder.build()
    return (page, builder.strayCount)
  }

  /// The page-wide decisions a fresh parse of `page.text` takes, recomputed from the
  /// page's blocks and normalized view in O(blocks + lines) (no re-parse): the same rules
  /// as `PageBuilder` (`BlockSplitter.isDoubleSpaced`, the median body line,
  /// `decidePlacement`). Nil for a double-spaced page, whose column lines make the
  /// placement depend on neighbours (incremental analysis re-parses such pages whole).
  package static func context(of page: Page) -> PageContext? {
    let raw = page.blocks.map { block in
      RawBlock(
        firstLine: block.firstLine, lastLine: block.lastLine, scalars: block.normalizedRange,
        kind: block.role == .byline ? .byline : block.role == .authorNote ? .authorNote : .text)
    }
    guard !BlockSplitter.isDoubleSpaced(raw) else { return nil }
    let n = page.normalized
    // Median of the body lines (all but the last line of text blocks of three lines or more).
    var histogram: [Int] = []
    var total = 0
    for block in raw where block.kind == .text && block.lastLine - block.firstLine >= 2 {
      for line in block.firstLine..<block.lastLine {
        let length = n.range(ofLine: line).count
        if length >= histogram.count {
          histogram.append(contentsOf: repeatElement(0, count: length + 1 - histogram.count))
        }
        histogram[length] += 1
        total += 1
      }
    }
    var columnWidth = 18
    if total > 0 {
      var remaining = total / 2
      for (length, count) in histogram.enumerated() {
        if remaining < count {
          columnWidth = length
          break
        }
        remaining -= count
      }
    }
    // Placement, as `PageBuilder.decidePlacement`.
    func isKnownFurniture(_ i: Int) -> Bool {
      raw[i].kind == .text && raw[i].scalars.count <= 12 && KnownFurniture.kind(of: n.string(raw[i].scalars)) != nil
    }
    var placement = TitlePlacement.afterBody
    let hasByline = raw.contains { $0.kind == .byline }
    if hasByline, let first = raw.indices.first(where: { !isKnownFurniture($0) }),
      let last = raw.indices.last(where: { !isKnownFurniture($0) }), raw[first].kind != .byline
    {
      let block = raw[last]
      let shape = BlockShape(
        n.scalars[block.scalars],
        lineLengths: (block.firstLine...block.lastLine).map { n.range(ofLine: $0).count })
      let candidate = block.kind == .text && shape.isStandaloneShort(columnWidth: columnWidth)
      placement = candidate ? .afterBody : .beforeByline
    }
    return PageContext(columnWidth: columnWidth, isDoubleSpaced: false, titlePlacement: placement)
  }
}
