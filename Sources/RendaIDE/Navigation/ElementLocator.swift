import RendaAnalysis
import RendaPage
import RendaText

/// Finds what lies under an offset: the article, a slogan mention, an enumeration marker.
/// The one finder the hover providers and the navigation features share, so an editor's
/// hover, go-to-definition and highlight agree on the element under the cursor.
package enum ElementLocator {
  /// Whether `offset` lies in `range`; an empty range holds its own position.
  package static func contains(_ range: TextRange, _ offset: TextOffset) -> Bool {
    range.lowerBound <= offset && offset < range.upperBound || range.isEmpty && range.lowerBound == offset
  }

  /// The article whose text holds `offset`, else the one whose title or byline does
  /// (titles and bylines may sit outside the article's body range).
  package static func articleIndex(at offset: TextOffset, in page: Page) -> Int? {
    page.articles.firstIndex { contains($0.range, offset) }
      ?? page.articles.firstIndex { article in
        article.title.map { contains($0.text.range, offset) } ?? false
          || article.byline.map { contains($0.range, offset) } ?? false
      }
  }

  /// Every enumeration of an article: the lead's, then each heading's, then each run-in head's.
  package static func enumerations(of article: Article) -> [Enumeration] {
    article.leadEnumerations + article.headings.flatMap(\.enumerations) + article.runInHeads.flatMap(\.enumerations)
  }

  /// The series holding the marker under `offset`, and the marker's index in it.
  package static func marker(at offset: TextOffset, in article: Article) -> (series: Enumeration, index: Int)? {
    for series in enumerations(of: article) {
      if let index = series.markers.firstIndex(where: { contains($0.range, offset) }) { return (series, index) }
    }
    return nil
  }

  /// The resolved slogan whose mention (the text inside its quotes) holds `offset`.
  package static func slogan(at offset: TextOffset, in resolved: [ResolvedSlogan]) -> ResolvedSlogan? {
    resolved.first { contains($0.slogan.range, offset) }
  }

  /// The resolved slogan one of whose members, where the article gives it, holds `offset`.
  package static func sloganOfMember(at offset: TextOffset, in resolved: [ResolvedSlogan]) -> ResolvedSlogan? {
    resolved.first { slogan in slogan.members.contains { $0.range.map { contains($0, offset) } ?? false } }
  }
}
