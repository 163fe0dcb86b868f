import RendaText

/// A numeric slogan in quotation marks: `“四个机关”`, `“五个一”`, `“四心”`, `“1355”`.
///
/// The parser records the slogan and the number it announces; what it stands for
/// (its members) is resolved by the analysis layer from the glossary and the article.
package struct QuotedSlogan: Sendable, Equatable {
  /// The slogan's text inside the quotes, whitespace removed.
  package var text: String
  /// Range of the text inside the quotes.
  package var range: TextRange
  /// The count the slogan announces (`五个一` → 5, `四心` → 4), nil when it states none
  /// (`1355`, `加减乘除`).
  package var announcedCount: Int?
  /// Members the article spells out right after the slogan (a parenthetical list or a
  /// 即 clause), in order; empty when it gives none there.
  package var inlineMembers: [SloganMember]

  package init(text: String, range: TextRange, announcedCount: Int?, inlineMembers: [SloganMember]) {
    self.text = text
    self.range = range
    self.announcedCount = announcedCount
    self.inlineMembers = inlineMembers
  }
}

/// One member of a slogan as the article gives it.
package struct SloganMember: Sendable, Equatable {
  package var text: String
  package var range: TextRange

  package init(text: String, range: TextRange) {
    self.text = text
    self.range = range
  }
}
