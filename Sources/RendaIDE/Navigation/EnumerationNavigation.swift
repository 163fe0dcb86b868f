import RendaPage
import RendaText

/// An enumeration marker under the cursor (`二是`) and the series it belongs to.
package struct EnumerationLink: Sendable, Equatable {
  /// Every marker of the series, in page order.
  package var markers: [TextRange]
  /// Index in `markers` of the one under the cursor.
  package var current: Int

  /// The series' first marker: where "go to definition" on any marker leads.
  package var first: TextRange { markers[0] }
}

/// Links an enumeration marker to its siblings in the same series (a series restarts in
/// each section, so siblings are the markers the parser grouped with it).
package enum EnumerationNavigation {
  package static func link(at offset: TextOffset, in page: Page) -> EnumerationLink? {
    guard let k = ElementLocator.articleIndex(at: offset, in: page),
      let (series, index) = ElementLocator.marker(at: offset, in: page.articles[k])
    else { return nil }
    return EnumerationLink(markers: series.markers.map(\.range), current: index)
  }
}
