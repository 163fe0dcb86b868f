import RendaText

/// How a highlighted range relates to the element under the cursor (LSP's
/// `DocumentHighlightKind`, without the LSP).
package enum HighlightRole: Sendable, Equatable {
  /// The element itself, or another mention of it.
  case text
  /// Something it stands for: a slogan's member.
  case read
}

/// One range to highlight and its role.
package struct NavigationHighlight: Sendable, Equatable {
  package var range: TextRange
  package var role: HighlightRole
}

/// Definition, references and highlights for the element under an offset, as plain ranges:
///
/// | under the cursor | definition | references | highlight |
/// |---|---|---|---|
/// | a slogan mention | its members (or its defining mention when the article gives none) | every mention + the members | mentions (text), members (read) |
/// | an enumeration marker | the series' first marker | the series' markers, and the mentions of a slogan the series spells out | the series' markers |
/// | a slogan's member (heading, list item) | the slogan's defining mention | every mention + the members | mentions (text), members (read) |
///
/// `includeDeclaration: false` leaves out what `definition` answers.
package enum NavigationProvider {
  package static func definition(at offset: TextOffset, in analysis: DocumentAnalysis) -> [TextRange] {
    let page = analysis.page
    let slogan = SloganNavigation.link(at: offset, in: page, glossary: analysis.glossary)
    if let slogan, slogan.onMention { return slogan.link.declaration }
    if let series = EnumerationNavigation.link(at: offset, in: page) { return [series.first] }
    if let slogan { return [slogan.link.definingMention] }
    return []
  }

  package static func references(
    at offset: TextOffset, in analysis: DocumentAnalysis, includeDeclaration: Bool
  ) -> [TextRange] {
    let page = analysis.page
    let slogan = SloganNavigation.link(at: offset, in: page, glossary: analysis.glossary)
    if let slogan, slogan.onMention {
      return without(slogan.link.everything, includeDeclaration ? [] : slogan.link.declaration)
    }
    if let series = EnumerationNavigation.link(at: offset, in: page) {
      let mentions = slogan?.link.mentions ?? []
      return without(NavigationRanges.ordered(series.markers + mentions), includeDeclaration ? [] : [series.first])
    }
    if let slogan {
      return without(slogan.link.everything, includeDeclaration ? [] : slogan.link.declaration)
    }
    return []
  }

  package static func highlights(at offset: TextOffset, in analysis: DocumentAnalysis) -> [NavigationHighlight] {
    let page = analysis.page
    let slogan = SloganNavigation.link(at: offset, in: page, glossary: analysis.glossary)
    if let slogan, slogan.onMention { return highlights(of: slogan.link) }
    if let series = EnumerationNavigation.link(at: offset, in: page) {
      return series.markers.map { NavigationHighlight(range: $0, role: .text) }
    }
    if let slogan { return highlights(of: slogan.link) }
    return []
  }

  private static func highlights(of link: SloganLink) -> [NavigationHighlight] {
    let mentions = Set(link.mentions)
    return link.mentions.map { NavigationHighlight(range: $0, role: .text) }
      + link.members.filter { !mentions.contains($0) }.map { NavigationHighlight(range: $0, role: .read) }
  }

  private static func without(_ ranges: [TextRange], _ excluded: [TextRange]) -> [TextRange] {
    let excluded = Set(excluded)
    return ranges.filter { !excluded.contains($0) }
  }
}
