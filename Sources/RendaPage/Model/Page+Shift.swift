import RendaText

/// How far a piece of a page moves when it is spliced into another page: by bytes, lines,
/// normalized scalars, block indices and article indices. Incremental re-analysis parses
/// a window of a page on its own and moves the result to where the window sits (and the
/// untouched rest by the length the edit added), so every element can be moved by one.
package struct PageShift: Sendable, Equatable {
  package var bytes: Int
  package var lines: Int
  package var scalars: Int
  package var blocks: Int
  package var articles: Int

  package init(bytes: Int = 0, lines: Int = 0, scalars: Int = 0, blocks: Int = 0, articles: Int = 0) {
    self.bytes = bytes
    self.lines = lines
    self.scalars = scalars
    self.blocks = blocks
    self.articles = articles
  }

  package var isZero: Bool { self == PageShift() }

  func offset(_ offset: TextOffset) -> TextOffset { TextOffset(utf8: offset.utf8 + bytes) }
  func range(_ range: TextRange) -> TextRange { offset(range.lowerBound)..<offset(range.upperBound) }
  func scalarRange(_ range: Range<Int>) -> Range<Int> { (range.lowerBound + scalars)..<(range.upperBound + scalars) }
}

extension TextSpan {
  package func shifted(by s: PageShift) -> TextSpan { TextSpan(range: s.range(range), normalized: normalized) }
}

extension Block {
  package func shifted(by s: PageShift) -> Block {
    Block(
      firstLine: firstLine + s.lines, lastLine: lastLine + s.lines, range: s.range(range), role: role,
      normalizedRange: s.scalarRange(normalizedRange), article: article.map { $0 + s.articles })
  }
}

extension Paragraph {
  package func shifted(by s: PageShift) -> Paragraph {
    Paragraph(
      blocks: (blocks.lowerBound + s.blocks)...(blocks.upperBound + s.blocks), role: role, range: s.range(range),
      normalizedRange: s.scalarRange(normalizedRange))
  }
}

extension PageFurniture {
  package func shifted(by s: PageShift) -> PageFurniture {
    PageFurniture(text: text.shifted(by: s), lines: lines.map { $0 + s.lines }, kind: kind)
  }
}

extension EnumerationMarker {
  package func shifted(by s: PageShift) -> EnumerationMarker {
    EnumerationMarker(ordinal: ordinal, marker: marker, range: s.range(range), itemSummary: itemSummary)
  }
}

extension Enumeration {
  package func shifted(by s: PageShift) -> Enumeration {
    Enumeration(scheme: scheme, markers: markers.map { $0.shifted(by: s) })
  }
}

extension QuotedSlogan {
  package func shifted(by s: PageShift) -> QuotedSlogan {
    QuotedSlogan(
      text: text, range: s.range(range), announcedCount: announcedCount,
      inlineMembers: inlineMembers.map { SloganMember(text: $0.text, range: s.range($0.range)) })
  }
}

extension Byline {
  package func shifted(by s: PageShift) -> Byline {
    Byline(
      range: s.range(range), rawText: rawText, authors: authors, province: province,
      provinceRange: provinceRange.map { s.range($0) }, usesHalfwidthParentheses: usesHalfwidthParentheses)
  }
}

extension Title {
  package func shifted(by s: PageShift) -> Title {
    Title(text: text.shifted(by: s), lines: lines.map { $0 + s.lines }, placement: placement)
  }
}

extension SectionHeading {
  package func shifted(by s: PageShift) -> SectionHeading {
    SectionHeading(
      text: text.shifted(by: s), lines: lines.map { $0 + s.lines }, ordinal: ordinal,
      sectionRange: s.range(sectionRange), enumerations: enumerations.map { $0.shifted(by: s) })
  }
}

extension RunInHead {
  package func shifted(by s: PageShift) -> RunInHead {
    RunInHead(
      text: text.shifted(by: s), line: line + s.lines, sectionRange: s.range(sectionRange),
      enumerations: enumerations.map { $0.shifted(by: s) })
  }
}

extension AuthorNote {
  package func shifted(by s: PageShift) -> AuthorNote { AuthorNote(text: text.shifted(by: s), line: line + s.lines) }
}

extension Article {
  package func shifted(by s: PageShift) -> Article {
    guard !s.isZero else { return self }
    return Article(
      byline: byline?.shifted(by: s), title: title?.shifted(by: s), bodyBlocks: bodyBlocks.map { $0 + s.blocks },
      lead: lead.map(s.range), headings: headings.map { $0.shifted(by: s) },
      runInHeads: runInHeads.map { $0.shifted(by: s) }, leadEnumerations: leadEnumerations.map { $0.shifted(by: s) },
      slogans: slogans.map { $0.shifted(by: s) }, authorNote: authorNote?.shifted(by: s), range: s.range(range))
  }
}
