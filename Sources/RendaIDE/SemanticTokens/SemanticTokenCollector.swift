import RendaAnalysis
import RendaPage
import RendaText

/// Builds a page's semantic tokens: every byline (marker, authors, province), title,
/// section heading, run-in head, numeric slogan, enumeration marker, author note and
/// piece of page furniture.
///
/// Elements nest (a slogan inside a heading, a marker opening a run-in head): the inner
/// element wins and the outer one is cut around it, so tokens never overlap. Each piece
/// is then split at line ends and trimmed of whitespace, because most editors cannot
/// draw a token across lines. The result is sorted by position.
package enum SemanticTokenCollector {
  package static func tokens(in analysis: DocumentAnalysis, within limit: TextRange? = nil) -> [SemanticToken] {
    let text = analysis.text
    var elements: [Element] = []
    for article in analysis.page.articles {
      collect(article, text: text, glossary: analysis.glossary, into: &elements)
    }
    for furniture in analysis.page.furniture {
      elements.append(Element(furniture.text.range, .furniture, lines: furniture.lines, layer: .outer))
    }
    let tokens = resolveOverlaps(elements).flatMap { split($0, text: text) }
      .sorted { $0.range.lowerBound < $1.range.lowerBound }
    return limit.map { overlapping(tokens, $0) } ?? tokens
  }

  /// The whole tokens that overlap `limit` (a range request answers whole tokens).
  package static func overlapping(_ tokens: [SemanticToken], _ limit: TextRange) -> [SemanticToken] {
    tokens.filter { $0.range.upperBound > limit.lowerBound && $0.range.lowerBound < limit.upperBound }
  }

  /// An element before overlaps are resolved and lines split.
  struct Element {
    enum Layer: Int, Comparable, CaseIterable {
      case outer = 0
      case inner = 1
      static func < (a: Layer, b: Layer) -> Bool { a.rawValue < b.rawValue }
    }

    var range: TextRange
    var kind: SemanticTokenKind
    var traits: SemanticTokenTraits
    /// The lines that really hold the element, when the model knows them.
    var lines: Set<Int>?
    var layer: Layer

    init(
      _ range: TextRange, _ kind: SemanticTokenKind, traits: SemanticTokenTraits = [], lines: [Int]? = nil,
      layer: Layer
    ) {
      self.range = range
      self.kind = kind
      self.traits = traits
      self.lines = lines.map(Set.init)
      self.layer = layer
    }
  }

  private static func collect(_ article: Article, text: SourceText, glossary: Glossary, into elements: inout [Element])
  {
    if let byline = article.byline {
      if let marker = bylineMarker(byline, text: text) {
        elements.append(Element(marker, .bylineMarker, layer: .inner))
      }
      for range in BylineAuthorRanges.ranges(of: byline, in: text) {
        elements.append(Element(range, .author, layer: .inner))
      }
      if let range = byline.provinceRange {
        let known = byline.province.map { glossary.province(named: $0) != nil } ?? false
        elements.append(Element(range, .province, traits: known ? [] : .unknownProvince, layer: .inner))
      }
    }
    if let title = article.title {
      elements.append(Element(title.text.range, .title, traits: .opensSection, lines: title.lines, layer: .outer))
    }
    var enumerations = article.leadEnumerations
    for heading in article.headings {
      elements.append(
        Element(heading.text.range, .sectionHeading, traits: .opensSection, lines: heading.lines, layer: .outer))
      enumerations += heading.enumerations
    }
    for head in article.runInHeads {
      elements.append(Element(head.text.range, .runInHead, traits: .opensSection, layer: .outer))
      enumerations += head.enumerations
    }
    for marker in enumerations.flatMap(\.markers) {
      elements.append(Element(marker.range, .enumerationMarker, layer: .inner))
    }
    for slogan in article.slogans {
      let national = glossary.formula(named: slogan.text) != nil
      elements.append(Element(slogan.range, .slogan, traits: national ? .nationalFormula : [], layer: .inner))
    }
    if let note = article.authorNote {
      elements.append(Element(note.text.range, .authorNote, layer: .outer))
    }
  }

  private static func bylineMarker(_ byline: Byline, text: SourceText) -> TextRange? {
    var offset = byline.range.lowerBound
    for scalar in text.scalars(in: byline.range) {
      let next = offset.advanced(byUTF8: scalar.utf8.count)
      if BylineAuthorRanges.isBylineMarker(scalar) { return offset..<next }
      if !scalar.isInlineWhitespace { return nil }
      offset = next
    }
    return nil
  }

  /// Inner elements first; each element keeps only what no earlier one took. Within a
  /// layer the element that starts first wins. O(n log n): a layer is swept in order
  /// and cut against the sorted ranges the layers above it took.
  static func resolveOverlaps(_ elements: [Element]) -> [Element] {
    var taken: [TextRange] = []  // sorted, disjoint
    var pieces: [Element] = []
    for layer in Element.Layer.allCases.sorted(by: >) {
      let members = elements.enumerated()
        .filter { $0.element.layer == layer && !$0.element.range.isEmpty }
        .sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }
      var layerEnd = TextOffset.zero
      var added: [TextRange] = []
      for (_, element) in members {
        let lower = max(element.range.lowerBound, layerEnd)
        guard lower < element.range.upperBound else { continue }
        layerEnd = element.range.upperBound
        for free in subtract(taken, from: lower..<element.range.upperBound) {
          var piece = element
          piece.range = free
          pieces.append(piece)
          added.append(free)
        }
      }
      taken = merge(taken, added)
    }
    return pieces
  }

  /// The parts of `range` that none of `taken` (sorted, disjoint) covers.
  static func subtract(_ taken: [TextRange], from range: TextRange) -> [TextRange] {
    // The first taken range that ends after the start.
    var low = 0
    var high = taken.count
    while low < high {
      let middle = (low + high) / 2
      if taken[middle].upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
    }
    var free: [TextRange] = []
    var start = range.lowerBound
    var index = low
    while index < taken.count, taken[index].lowerBound < range.upperBound {
      if taken[index].lowerBound > start { free.append(start..<taken[index].lowerBound) }
      start = max(start, taken[index].upperBound)
      index += 1
    }
    if start < range.upperBound { free.append(start..<range.upperBound) }
    return free
  }

  /// Two sorted lists of disjoint ranges, disjoint from each other, as one sorted list.
  private static func merge(_ a: [TextRange], _ b: [TextRange]) -> [TextRange] {
    var merged: [TextRange] = []
    merged.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if j == b.count || i < a.count && a[i].lowerBound < b[j].lowerBound {
        merged.append(a[i])
        i += 1
      } else {
        merged.append(b[j])
        j += 1
      }
    }
    return merged
  }

  /// One token per line the element covers (only its own lines when known), trimmed.
  private static func split(_ element: Element, text: SourceText) -> [SemanticToken] {
    let lineIndex = text.lineIndex
    let firstLine = lineIndex.line(containing: element.range.lowerBound)
    let lastLine = lineIndex.line(containing: element.range.upperBound.advanced(byUTF8: -1))
    var tokens: [SemanticToken] = []
    for line in firstLine...max(firstLine, lastLine) {
      if let lines = element.lines, !lines.contains(line) { continue }
      let content = lineIndex.contentRange(ofLine: line)
      let lower = max(content.lowerBound, element.range.lowerBound)
      let upper = min(content.upperBound, element.range.upperBound)
      guard lower < upper, let trimmed = trimmed(lower..<upper, text: text) else { continue }
      tokens.append(SemanticToken(range: trimmed, kind: element.kind, traits: element.traits))
    }
    return tokens
  }

  /// `range` without leading and trailing whitespace; nil when nothing is left.
  private static func trimmed(_ range: TextRange, text: SourceText) -> TextRange? {
    var lower: TextOffset?
    var upper = range.lowerBound
    var offset = range.lowerBound
    for scalar in text.scalars(in: range) {
      let next = offset.advanced(byUTF8: scalar.utf8.count)
      if !scalar.isInlineWhitespace && !scalar.isLineBreak {
        if lower == nil { lower = offset }
        upper = next
      }
      offset = next
    }
    guard let lower else { return nil }
    return lower..<upper
  }
}
