import RendaPage
import RendaText

/// The nested ranges "expand selection" steps through from a position: word → clause →
/// sentence → paragraph → section → article → document.
///
/// Without word segmentation a "word" is the run of ideographs (or of letters and digits)
/// around the position on its line; the clause is the text between punctuation marks (it
/// may wrap across lines, as OCR'd columns do); the sentence runs to `。！？` (with any
/// closing quote after it). Each step must strictly contain the one before (LSP requires
/// it), so a level that adds nothing, or does not contain the previous one, is dropped.
package enum SelectionRanges {
  /// Innermost first; never empty (the whole document is always last).
  package static func chain(at offset: TextOffset, in page: Page) -> [TextRange] {
    let text = page.text
    var candidates: [TextRange] = []
    if let paragraph = ElementLocator.element(page.paragraphs, at: offset, range: { $0.range }) {
      let scalars = ScalarRun(text: text, range: paragraph.range)
      if let at = scalars.index(at: offset) {
        let sentence = scalars.bounds(around: at, stoppingAt: isSentenceBreak, keepingTrailing: true)
        let clause = scalars.bounds(around: at, stoppingAt: isClauseBreak, keepingTrailing: false, within: sentence)
        if let word = scalars.word(around: at, within: clause) { candidates.append(scalars.range(word)) }
        candidates.append(scalars.range(clause))
        candidates.append(scalars.range(sentence))
      }
      candidates.append(paragraph.range)
    }
    if let k = ElementLocator.articleIndex(at: offset, in: page) {
      let article = page.articles[k]
      candidates += sections(of: article).filter { ElementLocator.touches($0, offset) }
      candidates.append(extent(of: article))
    }
    candidates.append(TextOffset.zero..<text.endOffset)
    var chain: [TextRange] = []
    // Every range must hold the position (trimming may leave it outside, on a space).
    for range in candidates where !range.isEmpty && range.lowerBound <= offset && offset <= range.upperBound {
      if let last = chain.last {
        guard range != last, range.lowerBound <= last.lowerBound, last.upperBound <= range.upperBound else { continue }
      }
      chain.append(range)
    }
    return chain.isEmpty ? [TextOffset.zero..<text.endOffset] : chain
  }

  /// Each section with its heading: headings' sections, else run-in heads' sections.
  static func sections(of article: Article) -> [TextRange] {
    let headings = article.headings.map { join($0.text.range, $0.sectionRange) }
    if !headings.isEmpty { return headings }
    return article.runInHeads.map { join($0.text.range, $0.sectionRange) }
  }

  /// The article with its title, byline and author note, wherever they sit.
  static func extent(of article: Article) -> TextRange {
    let parts = [article.title?.text.range, article.byline?.range, article.authorNote?.text.range]
    return parts.compactMap { $0 }.reduce(article.range, join)
  }

  static func join(_ a: TextRange, _ b: TextRange) -> TextRange {
    min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
  }

  static func isSentenceBreak(_ s: Unicode.Scalar) -> Bool {
    "。！？!?…".unicodeScalars.contains(s)
  }

  static func isClauseBreak(_ s: Unicode.Scalar) -> Bool {
    s.isCJKPunctuation || ",;:!?()\"'[]".unicodeScalars.contains(s)
  }
}

/// A paragraph's scalars with their byte offsets: the scans above move by index.
struct ScalarRun {
  var scalars: [Unicode.Scalar] = []
  var offsets: [TextOffset] = []
  var end: TextOffset

  init(text: SourceText, range: TextRange) {
    var offset = range.lowerBound
    for scalar in text.scalars(in: range) {
      scalars.append(scalar)
      offsets.append(offset)
      offset = offset.advanced(byUTF8: scalar.utf8.count)
    }
    end = offset
  }

  /// The scalar holding `offset`.
  func index(at offset: TextOffset) -> Int? {
    guard !scalars.isEmpty, offset < end else { return scalars.isEmpty ? nil : scalars.count - 1 }
    var low = 0
    var high = offsets.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if offsets[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  func range(_ indices: Range<Int>) -> TextRange {
    offsets[indices.lowerBound]..<(indices.upperBound < offsets.count ? offsets[indices.upperBound] : end)
  }

  /// The run between the break before `at` and the break after it (inclusive when
  /// `keepingTrailing`, with closing quotes and brackets), whitespace trimmed at both ends.
  func bounds(
    around at: Int, stoppingAt isBreak: (Unicode.Scalar) -> Bool, keepingTrailing: Bool,
    within outer: Range<Int>? = nil
  ) -> Range<Int> {
    let outer = outer ?? 0..<scalars.count
    var start = at
    while start > outer.lowerBound, !isBreak(scalars[start - 1]) { start -= 1 }
    var stop = at
    while stop < outer.upperBound, !isBreak(scalars[stop]) { stop += 1 }
    if keepingTrailing, stop < outer.upperBound {
      stop += 1
      while stop < outer.upperBound, isBreak(scalars[stop]) || Self.isClosing(scalars[stop]) { stop += 1 }
    }
    if stop == at, !keepingTrailing { stop = min(at + 1, outer.upperBound) }  // on a break itself
    while start < stop, isSpace(scalars[start]) { start += 1 }
    while stop > start, isSpace(scalars[stop - 1]) { stop -= 1 }
    return start < stop ? start..<stop : at..<min(at + 1, scalars.count)
  }

  /// The run of ideographs, or of letters and digits, holding `at` (or ending just
  /// before it), on one line.
  func word(around at: Int, within outer: Range<Int>) -> Range<Int>? {
    var at = at
    if Self.wordClass(scalars[at]) == nil, at > outer.lowerBound, Self.wordClass(scalars[at - 1]) != nil { at -= 1 }
    guard let kind = Self.wordClass(scalars[at]) else { return nil }
    var start = at
    while start > outer.lowerBound, Self.wordClass(scalars[start - 1]) == kind { start -= 1 }
    var stop = at + 1
    while stop < outer.upperBound, Self.wordClass(scalars[stop]) == kind { stop += 1 }
    return start..<stop
  }

  private func isSpace(_ s: Unicode.Scalar) -> Bool { s.isInlineWhitespace || s.isLineBreak }

  private static func isClosing(_ s: Unicode.Scalar) -> Bool {
    "”’」』）)》\"".unicodeScalars.contains(s)
  }

  /// What a word is made of: ideographs, or letters and digits (`2022`, `AI`).
  private enum WordClass { case ideograph, alphanumeric }

  /// Nil for anything that is not part of a word (punctuation, spaces, symbols).
  private static func wordClass(_ s: Unicode.Scalar) -> WordClass? {
    if s.isCJKIdeograph { return .ideograph }
    if s.properties.isAlphabetic || s.properties.numericType != nil { return .alphanumeric }
    return nil
  }
}
