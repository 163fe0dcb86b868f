import RendaAnalysis
import RendaPage
import RendaText

/// A numeric slogan under the cursor with everything it links to: every mention of the
/// same slogan on the page, and where the cursor's article gives its members.
package struct SloganLink: Sendable, Equatable {
  /// The slogan as printed inside its quotes, whitespace removed (`四个机关`).
  package var text: String
  /// Every mention of the slogan on the page (the text inside the quotes), in page order.
  package var mentions: [TextRange]
  /// Where the cursor's article gives the members (list, 即 clause, enumeration markers,
  /// section headings), in page order; empty when it spells out none.
  package var members: [TextRange]
  /// The mention whose resolution gives the members, else the slogan's first mention in
  /// the article: where "go to definition" from a member leads back to.
  package var definingMention: TextRange

  /// What `definition` on the slogan answers: the members, or, when the article gives
  /// none, the defining mention.
  package var declaration: [TextRange] { members.isEmpty ? [definingMention] : members }

  /// Mentions and members together, in page order, without repeats.
  package var everything: [TextRange] { NavigationRanges.ordered(mentions + members) }
}

/// Links a slogan mention, or a member the article gives for one, to the slogan's other
/// mentions and its members. Resolution is `SloganResolver`'s; this only collects ranges.
package enum SloganNavigation {
  /// The link when `offset` lies on a slogan mention (`onMention`) or on one of a slogan's
  /// members (`onMember`); nil otherwise.
  package static func link(at offset: TextOffset, in page: Page, glossary: Glossary) -> (
    link: SloganLink, onMention: Bool
  )? {
    guard let k = ElementLocator.articleIndex(at: offset, in: page) else { return nil }
    let resolved = SloganResolver.resolve(page.articles[k], glossary: glossary)
    if let slogan = ElementLocator.slogan(at: offset, in: resolved) {
      return (link(for: slogan.slogan.text, resolved: resolved, page: page), true)
    }
    if let slogan = ElementLocator.sloganOfMember(at: offset, in: resolved) {
      return (link(for: slogan.slogan.text, resolved: resolved, page: page), false)
    }
    return nil
  }

  /// The link of the slogan `text`, its members taken from one article's resolutions.
  static func link(for text: String, resolved: [ResolvedSlogan], page: Page) -> SloganLink {
    let same = resolved.filter { $0.slogan.text == text }
    let mentions = page.articles.flatMap(\.slogans).filter { $0.text == text }.map(\.range)
    let members = same.flatMap { $0.members.compactMap(\.range) }
    let defining = same.first { slogan in slogan.members.contains { $0.range != nil } } ?? same.first
    return SloganLink(
      text: text, mentions: NavigationRanges.ordered(mentions), members: NavigationRanges.ordered(members),
      definingMention: defining?.slogan.range ?? mentions.first ?? (TextOffset.zero..<TextOffset.zero))
  }
}

/// Range lists as navigation answers them.
enum NavigationRanges {
  /// `ranges` in page order without repeats.
  static func ordered(_ ranges: [TextRange]) -> [TextRange] {
    var seen: Set<TextRange> = []
    return ranges.filter { seen.insert($0).inserted }.sorted {
      ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound)
    }
  }
}
