import RendaText

/// A parsed page: the articles a careful reader finds in it, and the page furniture
/// that belongs to none of them.
///
/// Every element carries its exact source range (UTF-8 byte offsets into the page's
/// ``SourceText``); line numbers are derived from ranges through the text's line index.
package struct Page: Sendable {
  package var text: SourceText
  /// The whitespace-free view the parser matched on, with offsets back to `text`.
  package var normalized: NormalizedText
  /// How the page is laid out, as the parser decided it.
  package var layout: PageLayout
  package var blocks: [Block]
  /// Body paragraphs: body blocks joined across column breaks (a block continues the
  /// previous one when that one does not end a paragraph). Every other block (byline,
  /// title, heading, note, furniture) is a paragraph of its own.
  package var paragraphs: [Paragraph]
  package var articles: [Article]
  package var furniture: [PageFurniture]

  package init(
    text: SourceText, normalized: NormalizedText, layout: PageLayout, blocks: [Block], paragraphs: [Paragraph],
    articles: [Article], furniture: [PageFurniture]
  ) {
    self.text = text
    self.normalized = normalized
    self.layout = layout
    self.blocks = blocks
    self.paragraphs = paragraphs
    self.articles = articles
    self.furniture = furniture
  }
}

/// Layout facts the parser decides once per page.
package struct PageLayout: Sendable, Equatable {
  /// Where titles sit relative to their articles.
  package var titlePlacement: TitlePlacement
  /// True when nearly every line is followed by a blank line (a scrambled OCR page):
  /// blank lines then say nothing about paragraphs.
  package var isDoubleSpaced: Bool

  package init(titlePlacement: TitlePlacement, isDoubleSpaced: Bool) {
    self.titlePlacement = titlePlacement
    self.isDoubleSpaced = isDoubleSpaced
  }
}

package enum TitlePlacement: String, Sendable, Equatable {
  /// The title follows its article's body (just before the next byline or at the page's end).
  case afterBody
  /// The title precedes its article's byline.
  case beforeByline
}

/// A run of consecutive non-blank lines. Bylines and author notes always start a block of
/// their own, even when the OCR left no blank line before them.
package struct Block: Sendable, Equatable {
  /// 0-based index of the first and last line of the block (inclusive).
  package var firstLine: Int
  package var lastLine: Int
  /// Source range from the first line's first non-blank scalar to the last line's last one.
  package var range: TextRange
  package var role: BlockRole

  /// The block's scalars in ``Page/normalized``.
  package var normalizedRange: Range<Int>
  /// Index of the owning article in ``Page/articles``, nil for furniture.
  package var article: Int?

  package init(
    firstLine: Int, lastLine: Int, range: TextRange, role: BlockRole, normalizedRange: Range<Int>, article: Int?
  ) {
    self.firstLine = firstLine
    self.lastLine = lastLine
    self.range = range
    self.role = role
    self.normalizedRange = normalizedRange
    self.article = article
  }

  package var lines: ClosedRange<Int> { firstLine...lastLine }
}

/// A paragraph: one or more blocks read as one run of text.
package struct Paragraph: Sendable, Equatable {
  /// Indices into ``Page/blocks``, consecutive.
  package var blocks: ClosedRange<Int>
  package var role: BlockRole
  package var range: TextRange
  /// The paragraph's scalars in ``Page/normalized`` (may include furniture between
  /// its blocks only when the page interleaves them; normally contiguous).
  package var normalizedRange: Range<Int>

  package init(blocks: ClosedRange<Int>, role: BlockRole, range: TextRange, normalizedRange: Range<Int>) {
    self.blocks = blocks
    self.role = role
    self.range = range
    self.normalizedRange = normalizedRange
  }
}

/// What a block turned out to be.
package enum BlockRole: String, Sendable, Equatable {
  case byline
  case title
  case heading
  case authorNote
  case furniture
  case body
}

/// One article: byline, optional title, lead, sections or run-in heads, slogans, author note.
package struct Article: Sendable {
  /// Nil only for a page (or draft) that has no byline at all.
  package var byline: Byline?
  package var title: Title?
  /// Index into ``Page/blocks`` of each block that belongs to this article's text
  /// (lead and body paragraphs, headings), in page order.
  package var bodyBlocks: [Int]
  /// The lead's source range: body text between the byline and the first section heading
  /// (or the whole body when the article has no headings), up to the first run-in head.
  /// A range, not a ``TextSpan``: no reader needs the lead's normalized text, and building
  /// it cost 1% of `check` (read it from ``Page/normalized`` where needed).
  package var lead: TextRange?
  package var headings: [SectionHeading]
  package var runInHeads: [RunInHead]
  /// Enumerations in the lead, before any heading or run-in head.
  package var leadEnumerations: [Enumeration]
  package var slogans: [QuotedSlogan]
  package var authorNote: AuthorNote?
  /// Source range from the first to the last byte of the article's own blocks.
  package var range: TextRange

  package init(
    byline: Byline?, title: Title?, bodyBlocks: [Int], lead: TextRange?, headings: [SectionHeading],
    runInHeads: [RunInHead], leadEnumerations: [Enumeration], slogans: [QuotedSlogan],
    authorNote: AuthorNote?, range: TextRange
  ) {
    self.byline = byline
    self.title = title
    self.bodyBlocks = bodyBlocks
    self.lead = lead
    self.headings = headings
    self.runInHeads = runInHeads
    self.leadEnumerations = leadEnumerations
    self.slogans = slogans
    self.authorNote = authorNote
    self.range = range
  }
}

/// A piece of text with its source range and its normalized form (all whitespace removed).
package struct TextSpan: Sendable, Equatable {
  package var range: TextRange
  /// The text with every whitespace scalar (spaces, U+3000, line breaks) removed.
  package var normalized: String

  package init(range: TextRange, normalized: String) {
    self.range = range
    self.normalized = normalized
  }
}

/// `■ 宋 军 郭磊（湖北）`: the article's authors and their province-level division.
package struct Byline: Sendable, Equatable {
  package var range: TextRange
  /// The byline as printed, trimmed.
  package var rawText: String
  /// Author names, each without padding spaces (`宋军`, `郭磊`).
  package var authors: [String]
  /// The province as printed inside the parentheses, whitespace removed; nil when the byline has none.
  package var province: String?
  /// Range of the province text inside the parentheses.
  package var provinceRange: TextRange?
  /// True when the parentheses are ASCII `(` `)` rather than full-width.
  package var usesHalfwidthParentheses: Bool

  package init(
    range: TextRange, rawText: String, authors: [String], province: String?,
    provinceRange: TextRange?, usesHalfwidthParentheses: Bool
  ) {
    self.range = range
    self.rawText = rawText
    self.authors = authors
    self.province = province
    self.provinceRange = provinceRange
    self.usesHalfwidthParentheses = usesHalfwidthParentheses
  }
}

/// An article's title: one or more short blocks (two on a double-spaced page).
package struct Title: Sendable, Equatable {
  package var text: TextSpan
  /// 0-based lines that hold the title's text.
  package var lines: [Int]
  package var placement: TitleAlignment

  package init(text: TextSpan, lines: [Int], placement: TitleAlignment) {
    self.text = text
    self.lines = lines
    self.placement = placement
  }
}

/// How the parser tied a title to its article.
package enum TitleAlignment: String, Sendable, Equatable {
  /// Right after the article's body.
  case after
  /// Right before the article's byline.
  case before
  /// Elsewhere on the page, matched by the text it shares with the article.
  case elsewhere
}

/// A section heading: a standalone short block inside the body, parallel with its siblings.
package struct SectionHeading: Sendable, Equatable {
  package var text: TextSpan
  /// 0-based lines of the heading.
  package var lines: [Int]
  /// A leading ordinal such as `一、`, `（二）`, `3.` when the heading is numbered.
  package var ordinal: String?
  /// Range of the section's body: from after the heading to the next heading or the article's end.
  package var sectionRange: TextRange
  package var enumerations: [Enumeration]

  package init(
    text: TextSpan, lines: [Int], ordinal: String?, sectionRange: TextRange, enumerations: [Enumeration]
  ) {
    self.text = text
    self.lines = lines
    self.ordinal = ordinal
    self.sectionRange = sectionRange
    self.enumerations = enumerations
  }
}

/// A run-in head: the short first sentence that opens a paragraph and names its section,
/// in an article without section headings (`抓政治引领，让代表履职有方向。`).
package struct RunInHead: Sendable, Equatable {
  package var text: TextSpan
  /// 0-based line where the sentence starts.
  package var line: Int
  /// Range of the section the head opens: to the next head or the article's end.
  package var sectionRange: TextRange
  package var enumerations: [Enumeration]

  package init(text: TextSpan, line: Int, sectionRange: TextRange, enumerations: [Enumeration]) {
    self.text = text
    self.line = line
    self.sectionRange = sectionRange
    self.enumerations = enumerations
  }
}

/// `（作者系山东省滕州市人大常委会主任）`
package struct AuthorNote: Sendable, Equatable {
  package var text: TextSpan
  /// 0-based line where the note starts.
  package var line: Int

  package init(text: TextSpan, line: Int) {
    self.text = text
    self.line = line
  }
}

/// A standalone block that is neither title nor heading: a column label (`主任笔谈`),
/// a masthead (`人民代表報`), a banner inside another article's text.
package struct PageFurniture: Sendable, Equatable {
  package enum Kind: String, Sendable, Equatable {
    case columnLabel
    case masthead
    case banner
  }

  package var text: TextSpan
  package var lines: [Int]
  package var kind: Kind

  package init(text: TextSpan, lines: [Int], kind: Kind) {
    self.text = text
    self.lines = lines
    self.kind = kind
  }
}
