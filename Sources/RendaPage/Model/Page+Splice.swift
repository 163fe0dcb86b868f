import RendaText

/// Splicing pages: the page of an edited text built from the old page and a window of
/// the new text parsed on its own (incremental re-analysis), and the part of a page that
/// holds some of its articles (to run the rules on those articles only).
extension Page {
  /// The page of `newText` made of this page's lines before `lines`, `window` (the parse
  /// of the new text's lines that replaced `lines`, articles `articles` of this page) and
  /// this page's lines from `lines.upperBound` on, moved by the edit. Nil when a paragraph
  /// would straddle a cut (the cuts are not article boundaries).
  package func splicing(
    window: Page, replacingLines lines: Range<Int>, articles: Range<Int>, newText: SourceText
  ) -> Page? {
    let lineDelta = newText.lineCount - text.lineCount
    let byteDelta = newText.count - text.count
    let windowStart = text.lineIndex.lineStart(lines.lowerBound)
    let toEnd = lines.upperBound >= text.lineCount
    let prefixBlocks = blocks.firstIndex { $0.firstLine >= lines.lowerBound } ?? blocks.count
    let suffixBlocks = blocks.firstIndex { $0.firstLine >= lines.upperBound } ?? blocks.count
    let lowerScalar = normalized.range(ofLine: lines.lowerBound).lowerBound
    let upperScalar = toEnd ? normalized.count : normalized.range(ofLine: lines.upperBound).lowerBound
    let inWindow = PageShift(
      bytes: windowStart.utf8, lines: lines.lowerBound, scalars: lowerScalar, blocks: prefixBlocks,
      articles: articles.lowerBound)
    let after = PageShift(
      bytes: byteDelta, lines: lineDelta, scalars: lowerScalar + window.normalized.count - upperScalar,
      blocks: prefixBlocks + window.blocks.count - suffixBlocks,
      articles: articles.lowerBound + window.articles.count - articles.upperBound)

    guard
      paragraphs.allSatisfy({ p in
        (p.blocks.upperBound < prefixBlocks || p.blocks.lowerBound >= prefixBlocks)
          && (p.blocks.upperBound < suffixBlocks || p.blocks.lowerBound >= suffixBlocks)
      })
    else { return nil }

    // The normalized view: the prefix copied in bulk, the window and the suffix moved.
    let windowLines =
      toEnd ? window.normalized.lineStarts.count : newText.lineCount - (text.lineCount - lines.upperBound) - lines.lowerBound
    let spliced = normalized.splicing(
      lowerScalar..<upperScalar, lines: lines, with: window.normalized, at: inWindow.bytes, windowLines: windowLines,
      keepsLinesAfter: !toEnd, byteDelta: after.bytes)
    guard spliced.lineStarts.count == newText.lineCount + 1 else { return nil }

    var newBlocks = Array(blocks[..<prefixBlocks])
    newBlocks += window.blocks.map { $0.shifted(by: inWindow) }
    newBlocks += blocks[suffixBlocks...].map { $0.shifted(by: after) }
    var newParagraphs = paragraphs.filter { $0.blocks.upperBound < prefixBlocks }
    newParagraphs += window.paragraphs.map { $0.shifted(by: inWindow) }
    newParagraphs += paragraphs.filter { $0.blocks.lowerBound >= suffixBlocks }.map { $0.shifted(by: after) }
    var newArticles = Array(self.articles[..<articles.lowerBound])
    newArticles += window.articles.map { $0.shifted(by: inWindow) }
    newArticles += self.articles[articles.upperBound...].map { $0.shifted(by: after) }
    var newFurniture = furniture.filter { ($0.lines.first ?? 0) < lines.lowerBound }
    newFurniture += window.furniture.map { $0.shifted(by: inWindow) }
    newFurniture += furniture.filter { ($0.lines.first ?? 0) >= lines.upperBound }.map { $0.shifted(by: after) }
    return Page(
      text: newText, normalized: spliced, layout: layout, blocks: newBlocks, paragraphs: newParagraphs,
      articles: newArticles, furniture: newFurniture)
  }

  /// The part of this page that holds articles `articles` and the blocks on lines
  /// `lines` (the articles' own lines, with the furniture between them), renumbered from
  /// zero; same text and normalized view, so ranges and line numbers stay the page's.
  package func part(articles: Range<Int>, lines: Range<Int>) -> Page {
    let first = blocks.firstIndex { $0.firstLine >= lines.lowerBound } ?? blocks.count
    let end = blocks.firstIndex { $0.firstLine >= lines.upperBound } ?? blocks.count
    let down = PageShift(blocks: -first, articles: -articles.lowerBound)
    return Page(
      text: text, normalized: normalized, layout: layout, blocks: blocks[first..<end].map { $0.shifted(by: down) },
      paragraphs: paragraphs.filter { $0.blocks.lowerBound >= first && $0.blocks.upperBound < end }.map {
        $0.shifted(by: down)
      },
      articles: self.articles[articles].map { $0.shifted(by: down) },
      furniture: furniture.filter { lines.contains($0.lines.first ?? -1) })
  }
}
