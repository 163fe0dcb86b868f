import RendaAnalysis
import RendaPage
import RendaText

/// Finds what lies under an offset: the article, a slogan mention, an enumeration marker.
/// The one finder the hover providers and the navigation features share, so an editor's
/// hover, go-to-definition and highlight agree on the element under the cursor. A caret
/// just past an element's end finds it when nothing holds the offset itself.
package enum ElementLocator {
  /// Whether `offset` lies in `range`; an empty range holds its own position.
  package static func contains(_ range: TextRange, _ offset: TextOffset) -> Bool {
    range.lowerBound <= offset && offset < range.upperBound || range.isEmpty && range.lowerBound == offset
  }

  /// Whether `offset` touches `range`: inside it or just past its end, where an editor's
  /// caret stands after typing or selecting a word (`四个机关|”`).
  package static func touches(_ range: TextRange, _ offset: TextOffset) -> Bool {
    range.lowerBound <= offset && offset <= range.upperBound
  }

  /// The first element whose range holds `offset`, else the first that ends at it.
  package static func element<Element>(
    _ elements: some Sequence<Element>, at offset: TextOffset, range: (Element) -> TextRange?
  ) -> Element? {
    var ending: Element?
    for element in elements {
      guard let r = range(element) else { continue }
      if contains(r, offset) { return element }
      if ending == nil, touches(r, offset) { ending = element }
    }
    return ending
  }

  /// The article whose text holds `offset`, else the one whose title or byline does
  /// (titles and bylines may sit outside the article's body range); an offset just past
  /// the end of one of them counts.
  package static func articleIndex(at offset: TextOffset, in page: Page) -> Int? {
    let indices = page.articles.indices
    return element(indices, at: offset) { page.articles[$0].range }
      ?? element(indices, at: offset) { page.articles[$0].title?.text.range }
      ?? element(indices, at: offset) { page.articles[$0].byline?.range }
  }

  /// Every enumeration of an article: the lead's, then each heading's, then each run-in head's.
  package static func enumerations(of article: Article) -> [Enumeration] {
    article.leadEnumerations + article.headings.flatMap(\.enumerations) + article.runInHeads.flatMap(\.enumerations)
  }

  /// The series holding the marker under `offset`, and the marker's index in it.
  package static func marker(at offset: TextOffset, in article: Article) -> (series: Enumeration, index: Int)? {
    let markers = enumerations(of: article).flatMap { series in series.markers.indices.map { (series, $0) } }
    return element(markers, at: offset) { $0.0.markers[$0.1].range }.map { (series: $0.0, index: $0.1) }
  }

  /// The resolved slogan whose mention (the text inside its quotes) holds `offset`.
  package static func slogan(at offset: TextOffset, in resolved: [ResolvedSlogan]) -> ResolvedSlogan? {
    element(resolved, at: offset) { $0.slogan.range }
  }

  /// The resolved slogan one of whose members, where the article gives it, holds `offset`.
  package static func sloganOfMember(at offset: TextOffset, in resolved: [ResolvedSlogan]) -> ResolvedSlogan? {
    let members = resolved.flatMap { slogan in slogan.members.compactMap { $0.range }.map { (slogan, $0) } }
    return element(members, at: offset) { $0.1 }?.0
  }
}
