import RendaPage
import RendaText

/// What a numeric slogan stands for in its article, and where the article says so.
package struct ResolvedSlogan: Sendable, Equatable {
  package var slogan: QuotedSlogan
  /// The count: announced by the slogan, or, for a national formula without a count word
  /// (`一府一委两院`), its number of members. Nil when neither states one.
  package var count: Int?
  /// The members, in the order the source gives them.
  package var members: [ResolvedMember]
  package var source: MemberSource
  /// The national formula the slogan names, if the glossary has it.
  package var formula: NationalFormula?
}

package struct ResolvedMember: Sendable, Equatable {
  package var text: String
  /// Where the article gives the member; nil for a glossary member the article does not spell out.
  package var range: TextRange?
  /// The member's ordinal when an enumeration gives it (`三是` → 3).
  package var ordinal: Int?

  package init(text: String, range: TextRange?, ordinal: Int? = nil) {
    self.text = text
    self.range = range
    self.ordinal = ordinal
  }
}

/// Where a slogan's members were found.
package enum MemberSource: String, Sendable, Equatable {
  /// A parenthetical list or a 即 clause right after the slogan.
  case inlineList
  /// The enumeration that follows the slogan (`打造“五个站”：一是接待站……`).
  case enumeration
  /// The article's own section headings or run-in heads (a title's `“五个强化”` over five headings).
  case sections
  /// The glossary's fixed members of a national formula (the article does not list them).
  case glossary
  /// None found.
  case none
}

/// Resolves each slogan of an article: inline list first, then the following
/// enumeration, then the article's sections when their number matches, then the glossary.
package enum SloganResolver {
  package static func resolve(_ article: Article, glossary: Glossary) -> [ResolvedSlogan] {
    let enumerations =
      article.leadEnumerations + article.headings.flatMap(\.enumerations)
      + article.runInHeads.flatMap(\.enumerations)
    let sections: [(String, TextRange)] =
      article.headings.isEmpty
      ? article.runInHeads.map { ($0.text.normalized, $0.text.range) }
      : article.headings.map { ($0.text.normalized, $0.text.range) }
    var resolved: [ResolvedSlogan] = []
    // The first slogan of each text that the article itself defines (a source other than
    // none or the glossary), by text.
    var defined: [String: Int] = [:]
    for slogan in article.slogans {
      var value = resolve(slogan, glossary: glossary, enumerations: enumerations, sections: sections, article: article)
      // A later mention of a slogan the article defined earlier stands for the same members.
      if value.source == .none || value.source == .glossary {
        if let earlier = defined[slogan.text] {
          value.members = resolved[earlier].members
          value.source = resolved[earlier].source
        }
      } else if defined[slogan.text] == nil {
        defined[slogan.text] = resolved.count
      }
      resolved.append(value)
    }
    return resolved
  }

  private static func resolve(
    _ slogan: QuotedSlogan, glossary: Glossary, enumerations: [Enumeration], sections: [(String, TextRange)],
    article: Article
  ) -> ResolvedSlogan {
    let formula = glossary.formula(named: slogan.text)
    let count = slogan.announcedCount ?? formula?.members.count
    if !slogan.inlineMembers.isEmpty {
      return ResolvedSlogan(
        slogan: slogan, count: count,
        members: slogan.inlineMembers.map { ResolvedMember(text: $0.text, range: $0.range) },
        source: .inlineList, formula: formula)
    }
    // An enumeration starting right after the slogan: at once (`“五个站”：一是…`), or in
    // the next sentence when its length matches the count or its items name what the
    // slogan counts (`围绕“五个一”…格局。一是实施一个工程…`).
    if let series = enumerations.first(where: { e in
      guard let first = e.markers.first, first.ordinal == 1, e.markers.count >= 2 else { return false }
      let gap = first.range.lowerBound.utf8 - slogan.range.upperBound.utf8
      return gap >= 0
        && (gap <= 24
          || gap <= 240
            && (e.markers.count == count || itemsNameCountedWord(slogan.text, items: e.markers.map(\.itemSummary))))
    }) {
      return ResolvedSlogan(
        slogan: slogan, count: count,
        members: series.markers.map { ResolvedMember(text: $0.itemSummary, range: $0.range, ordinal: $0.ordinal) },
        source: .enumeration, formula: formula)
    }
    // The article's sections, when the slogan stands in the title or the lead and
    // announces their number.
    let inFrame =
      (article.title.map { $0.text.range.contains(slogan.range.lowerBound) } ?? false)
      || (article.lead.map { $0.contains(slogan.range.lowerBound) } ?? false)
    if inFrame, let count, count == sections.count, count >= 2 {
      return ResolvedSlogan(
        slogan: slogan, count: count, members: sections.map { ResolvedMember(text: $0.0, range: $0.1) },
        source: .sections, formula: formula)
    }
    if let formula {
      return ResolvedSlogan(
        slogan: slogan, count: count, members: formula.members.map { ResolvedMember(text: $0.text, range: nil) },
        source: .glossary, formula: formula)
    }
    return ResolvedSlogan(slogan: slogan, count: count, members: [], source: .none, formula: nil)
  }

  /// Whether most items name what the slogan counts: its last word (`“五个站”` over
  /// 接待站、联络站…), or, for a `“N个一”` slogan, a 一 with a measure word in each item
  /// (`“五个一”` over 实施一个工程、建立一张清单…). This is how a list of another length
  /// than the count is still known to be the slogan's own.
  package static func itemsNameCountedWord(_ slogan: String, items: [String]) -> Bool {
    let scalars = Array(slogan.unicodeScalars)
    guard let word = scalars.last, !items.isEmpty else { return false }
    let naming: Int
    if word == "一", scalars.count >= 3, scalars[scalars.count - 2] == "个" {
      naming = items.filter { item in
        let s = Array(item.unicodeScalars)
        return s.indices.dropLast().contains { s[$0] == "一" && measureWords.contains(s[$0 + 1]) }
      }.count
    } else {
      guard word.chineseDigitValue == nil else { return false }
      naming = items.filter { $0.unicodeScalars.contains(word) }.count
    }
    return naming * 2 > items.count
  }

  /// Measure words that follow 一 in the items of a `“N个一”` slogan.
  private static let measureWords: Set<Unicode.Scalar> = [
    "个", "张", "支", "套", "批", "项", "本", "份", "条", "座", "种", "类", "次", "场", "堂", "部", "台", "册", "片",
  ]
}
