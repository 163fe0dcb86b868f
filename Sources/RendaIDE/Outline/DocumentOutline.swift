import RendaText

/// The outline of a page as plain values: what `renda outline` prints and what the
/// language server's document symbols are made of. Lines are 1-based; texts have all
/// whitespace removed; ranges are UTF-8 byte ranges into the page.
package struct DocumentOutline: Sendable, Equatable {
  package var articles: [ArticleOutline]
  /// Standalone blocks that belong to no article: column labels, mastheads, banners.
  package var furniture: [FurnitureOutline]
}

package struct FurnitureOutline: Sendable, Equatable {
  package var text: String
  package var lines: [Int]
  /// `columnLabel`, `masthead` or `banner`.
  package var kind: String
  package var range: TextRange
}

package struct ArticleOutline: Sendable, Equatable {
  package var range: TextRange
  package var byline: BylineOutline?
  package var title: TitleOutline?
  package var headings: [HeadingOutline]
  package var runInHeads: [RunInHeadOutline]
  /// Enumerations in the lead, before the first heading or run-in head.
  package var leadEnumerations: [EnumerationOutline]
  package var slogans: [SloganOutline]
  package var authorNote: AuthorNoteOutline?

  /// `加强学习培训…`, or the byline when the article has no title.
  package var displayName: String {
    title?.text ?? byline.map { $0.authors.joined(separator: "、") } ?? "(untitled)"
  }
}

package struct BylineOutline: Sendable, Equatable {
  package var line: Int
  /// The byline with whitespace removed (`■宋军郭磊（湖北）`).
  package var text: String
  package var authors: [String]
  package var province: String?
  package var range: TextRange
}

package struct TitleOutline: Sendable, Equatable {
  package var text: String
  package var lines: [Int]
  /// `after`, `before` or `elsewhere`.
  package var placement: String
  package var range: TextRange
}

package struct HeadingOutline: Sendable, Equatable {
  package var text: String
  package var lines: [Int]
  package var ordinal: String?
  package var range: TextRange
  package var sectionRange: TextRange
  package var enumerations: [EnumerationOutline]
}

package struct RunInHeadOutline: Sendable, Equatable {
  package var text: String
  package var line: Int
  package var range: TextRange
  package var sectionRange: TextRange
  package var enumerations: [EnumerationOutline]
}

package struct EnumerationOutline: Sendable, Equatable {
  package var scheme: String
  package var markers: [EnumerationMarkerOutline]
  package var missingOrdinals: [Int]
  package var repeatedOrdinals: [Int]
}

package struct EnumerationMarkerOutline: Sendable, Equatable {
  package var marker: String
  package var ordinal: Int
  package var line: Int
  package var item: String
  package var range: TextRange
}

package struct SloganOutline: Sendable, Equatable {
  package var text: String
  package var line: Int
  package var count: Int?
  package var members: [String]
  /// Where the members come from: `inlineList`, `enumeration`, `sections`, `glossary`, `none`.
  package var membersSource: String
  package var range: TextRange
}

package struct AuthorNoteOutline: Sendable, Equatable {
  package var line: Int
  package var text: String
  package var range: TextRange
}
