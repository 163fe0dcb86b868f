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

  package static func outline(of page: Page, glossary: Glossary) -> DocumentOutline {
    let text = page.text
    func line(_ offset: TextOffset) -> Int { text.lineIndex.line(containing: offset) + 1 }
    func enumerations(_ list: [Enumeration]) -> [EnumerationOutline] {
      list.map { e in
        EnumerationOutline(
          scheme: e.scheme.rawValue,
          markers: e.markers.map {
            EnumerationMarkerOutline(
              marker: $0.marker, ordinal: $0.ordinal, line: line($0.range.lowerBound), item: $0.itemSummary,
              range: $0.range)
          },
          missingOrdinals: e.missingOrdinals, repeatedOrdinals: e.repeatedOrdinals)
      }
    }
    let articles = page.articles.map { article in
      let slogans = SloganResolver.resolve(article, glossary: glossary).map { resolved in
        SloganOutline(
          text: resolved.slogan.text, line: line(resolved.slogan.range.lowerBound), count: resolved.count,
          members: resolved.members.map(\.text), membersSource: resolved.source.rawValue,
          range: resolved.slogan.range)
      }
      return ArticleOutline(
        range: article.range,
        byline: article.byline.map {
          BylineOutline(
            line: line($0.range.lowerBound), text: withoutWhitespace($0.rawText), authors: $0.authors,
            province: $0.province,
            range: $0.range)
        },
        title: article.title.map {
          TitleOutline(
            text: $0.text.normalized, lines: $0.lines.map { $0 + 1 }, placement: $0.placement.rawValue,
            range: $0.text.range)
        },
        headings: article.headings.map {
          HeadingOutline(
            text: $0.text.normalized, lines: $0.lines.map { $0 + 1 }, ordinal: $0.ordinal, range: $0.text.range,
            sectionRange: $0.sectionRange, enumerations: enumerations($0.enumerations))
        },
        runInHeads: article.runInHeads.map {
          RunInHeadOutline(
            text: $0.text.normalized, line: $0.line + 1, range: $0.text.range, sectionRange: $0.sectionRange,
            enumerations: enumerations($0.enumerations))
        },
        leadEnumerations: enumerations(article.leadEnumerations),
        slogans: slogans,
        authorNote: article.authorNote.map {
          AuthorNoteOutline(line: $0.line + 1, text: $0.text.normalized, range: $0.text.range)
        })
    }
    let furniture = page.furniture.map {
      FurnitureOutline(
        text: $0.text.normalized, lines: $0.lines.map { $0 + 1 }, kind: $0.kind.rawValue, range: $0.text.range)
    }
    return DocumentOutline(articles: articles, furniture: furniture)
  }
}
