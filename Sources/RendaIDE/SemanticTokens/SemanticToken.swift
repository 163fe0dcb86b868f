import RendaText

/// One highlighted piece of a page: a range on a single line, what element it belongs
/// to and what is special about it. Editor-neutral: `RendaLSP` maps kinds and traits to
/// the LSP legend and encodes positions in the negotiated encoding.
package struct SemanticToken: Sendable, Equatable {
  /// Never spans a line break, never empty, never starts or ends with whitespace.
  package var range: TextRange
  package var kind: SemanticTokenKind
  package var traits: SemanticTokenTraits

  package init(range: TextRange, kind: SemanticTokenKind, traits: SemanticTokenTraits = []) {
    self.range = range
    self.kind = kind
    self.traits = traits
  }
}

/// The page element a token marks, in Renda's vocabulary.
package enum SemanticTokenKind: String, Sendable, Equatable, CaseIterable {
  /// The `■` that opens a byline.
  case bylineMarker
  /// One author's name in a byline (`宋 军`).
  case author
  /// The province inside a byline's parentheses (`湖北`).
  case province
  case title
  case sectionHeading
  case runInHead
  /// A quoted numeric slogan (`四个机关`), without its quotes.
  case slogan
  /// An enumeration marker (`一是`, `（二）`, `第三，`).
  case enumerationMarker
  /// `（作者系…）`.
  case authorNote
  /// Column labels, mastheads, banners.
  case furniture
}

/// What a token's element is besides its kind.
package struct SemanticTokenTraits: OptionSet, Sendable, Hashable {
  package let rawValue: Int
  package init(rawValue: Int) { self.rawValue = rawValue }

  /// The element names a part of the page (title, heading, run-in head).
  package static let opensSection = SemanticTokenTraits(rawValue: 1 << 0)
  /// A slogan that is a national formula of the glossary.
  package static let nationalFormula = SemanticTokenTraits(rawValue: 1 << 1)
  /// A byline province the glossary does not know.
  package static let unknownProvince = SemanticTokenTraits(rawValue: 1 << 2)
}
