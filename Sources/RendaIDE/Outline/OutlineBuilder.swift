import RendaAnalysis
import RendaPage
import RendaText

/// Turns a parsed page (and its resolved slogans) into a ``DocumentOutline``.
package enum OutlineBuilder {
  /// The text with every whitespace scalar removed, as outlines print texts.
  static func withoutWhitespace(_ text: String) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: text.unicodeScalars.filter { !$0.isInlineWhitespace && !$0.isLineBreak })
    return String(view)
  }

  /// The outline of `page`. `origin` is where the page's text starts in a larger one (a window
  /// of `outline(ofLargeText:)`): its lines and ranges are given in that text's.
  package static func outline(
    of page: Page, glossary: Glossary, origin: (line: Int, byte: Int) = (0, 0)
  ) -> DocumentOutline {
    let text = page.text
    func line(_ offset: TextOffset) -> Int { text.lineIndex.line(containing: offset) + 1 + origin.line }
    /// A page line index (from 0) as an outline line (from 1, in the larger text).
    func number(_ index: Int) -> Int { index + 1 + origin.line }
    func moved(_ range: TextRange) -> TextRange { range.moved(by: origin.byte) }
    func enumerations(_ list: [Enumeration]) -> [EnumerationOutline] {
      list.map { e in
        EnumerationOutline(
          scheme: e.scheme.rawValue,
          markers: e.markers.map {
            EnumerationMarkerOutline(
              marker: $0.marker, ordinal: $0.ordinal, line: line($0.range.lowerBound), item: $0.itemSummary,
              range: moved($0.range))
          },
          missingOrdinals: e.missingOrdinals, repeatedOrdinals: e.repeatedOrdinals)
      }
    }
    let articles = page.articles.map { article in
      let slogans = SloganResolver.resolve(article, glossary: glossary).map { resolved in
        SloganOutline(
          text: resolved.slogan.text, line: line(resolved.slogan.range.lowerBound), count: resolved.count,
          members: resolved.members.map(\.text), membersSource: resolved.source.rawValue,
          range: moved(resolved.slogan.range))
      }
      return ArticleOutline(
        range: moved(article.range),
        byline: article.byline.map {
          BylineOutline(
            line: line($0.range.lowerBound), text: withoutWhitespace($0.rawText), authors: $0.authors,
            province: $0.province,
            range: moved($0.range))
        },
        title: article.title.map {
          TitleOutline(
            text: $0.text.normalized, lines: $0.lines.map(number), placement: $0.placement.rawValue,
            range: moved($0.text.range))
        },
        headings: article.headings.map {
          HeadingOutline(
            text: $0.text.normalized, lines: $0.lines.map(number), ordinal: $0.ordinal, range: moved($0.text.range),
            sectionRange: moved($0.sectionRange), enumerations: enumerations($0.enumerations))
        },
        runInHeads: article.runInHeads.map {
          RunInHeadOutline(
            text: $0.text.normalized, line: number($0.line), range: moved($0.text.range), sectionRange: moved($0.sectionRange),
            enumerations: enumerations($0.enumerations))
        },
        leadEnumerations: enumerations(article.leadEnumerations),
        slogans: slogans,
        authorNote: article.authorNote.map {
          AuthorNoteOutline(line: number($0.line), text: $0.text.normalized, range: moved($0.text.range))
        })
    }
    let furniture = page.furniture.map {
      FurnitureOutline(
        text: $0.text.normalized, lines: $0.lines.map(number), kind: $0.kind.rawValue, range: moved($0.text.range))
    }
    return DocumentOutline(articles: articles, furniture: furniture)
  }

  /// The outline of a large text built window by window (`WindowedCheck.forEachWindow`), so
  /// that its page model is never held whole: what `outline(of: PageParser.parse(text), …)`
  /// gives (`WindowedOutlineTests`), holding the text, one window's page and the outline.
  package static func outline(
    ofLargeText text: SourceText, glossary: Glossary, windowBytes: Int = WindowedCheck.defaultWindowBytes
  ) -> DocumentOutline {
    guard text.count > windowBytes, let context = PageParser.context(ofLargeText: text, chunkBytes: windowBytes)
    else { return outline(of: PageParser.parse(text), glossary: glossary) }
    var result = DocumentOutline(articles: [], furniture: [])
    WindowedCheck.forEachWindow(of: text, context: context, windowBytes: windowBytes) { window in
      let part = outline(of: window.part, glossary: glossary, origin: (window.line, window.byte))
      result.articles += part.articles
      result.furniture += part.furniture
    }
    return result
  }
}
