import RendaPage
import RendaText

/// Shared reading aids for the structure rules (`four-organs`, `heading-parallel`,
/// `heading-format`, `enumeration`, `slogan-count`, `formula-members`): an article's
/// sections as one list, positions in the normalized text, numerals, and the short
/// quotations their messages use.
enum ArticleSections {
  /// One section opener: a section heading, or a run-in head in an article without headings.
  struct Section {
    var text: TextSpan
    /// 0-based line where the opener starts.
    var line: Int
    var sectionRange: TextRange
    var enumerations: [Enumeration]
    var isRunInHead: Bool
    /// The opener's leading ordinal (`一、`), when it has one.
    var ordinal: String?

    /// The text without a leading ordinal and without a run-in head's final stop.
    var core: [Unicode.Scalar] {
      var scalars = text.normalized.scalarArray
      if let ordinal, scalars.starts(with: ordinal.unicodeScalars) {
        scalars.removeFirst(ordinal.unicodeScalars.count)
      }
      if isRunInHead, let last = scalars.last, ArticleSections.isFinalStop(last) { scalars.removeLast() }
      return scalars
    }
  }

  /// The article's section headings, or its run-in heads when it has no headings.
  static func sections(of article: Article) -> [Section] {
    if !article.headings.isEmpty {
      return article.headings.map {
        Section(
          text: $0.text, line: $0.lines.first ?? 0, sectionRange: $0.sectionRange, enumerations: $0.enumerations,
          isRunInHead: false, ordinal: $0.ordinal)
      }
    }
    return article.runInHeads.map {
      Section(
        text: $0.text, line: $0.line, sectionRange: $0.sectionRange, enumerations: $0.enumerations,
        isRunInHead: true, ordinal: nil)
    }
  }

  /// The normalized scalars whose source bytes lie inside `range`.
  static func normalizedRange(of range: TextRange, in n: NormalizedText) -> Range<Int> {
    n.normalizedRange(of: range)
  }

  /// The first normalized scalar that starts at or after byte `offset`.
  static func firstIndex(atOrAfter offset: Int, in n: NormalizedText) -> Int {
    n.firstIndex(atOrAfter: offset)
  }

  /// Source range of the first occurrence of `needle` (whitespace-free) inside `range`.
  /// Source range of the first occurrence of `needle` among normalized scalars `scope`.
  static func find(_ needle: [Unicode.Scalar], inScalars scope: Range<Int>, _ n: NormalizedText) -> TextRange? {
    guard let start = firstOccurrence(needle, in: n.scalars[scope]) else { return nil }
    return n.sourceRange(start..<(start + needle.count))
  }

  /// Index of the first occurrence of `needle` in `haystack`.
  static func firstOccurrence<C: RandomAccessCollection>(_ needle: [Unicode.Scalar], in haystack: C) -> C.Index?
  where C.Element == Unicode.Scalar {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    var i = haystack.startIndex
    let last = haystack.index(haystack.endIndex, offsetBy: -needle.count)
    while i <= last {
      if haystack[i] == needle[0], zip(haystack[i...], needle).allSatisfy({ $0 == $1 }) { return i }
      i = haystack.index(after: i)
    }
    return nil
  }

  /// How many of a list's items (given by their source ranges, in order) belong to the
  /// list: a list separated by `、` ends at a `，` or `；`, one separated by `，` ends at a
  /// `；` (`即A、B、C，推动…`: the clause after the comma continues the sentence).
  static func listLength(_ ranges: [TextRange], in n: NormalizedText) -> Int {
    func strength(_ a: TextRange, _ b: TextRange) -> Int {
      guard a.upperBound <= b.lowerBound else { return 0 }
      let between = normalizedRange(of: a.upperBound..<b.lowerBound, in: n)
      return n.scalars[between].map { s -> Int in
        switch s.value {
        case 0x3001: 1  // 、
        case 0xFF0C, 0x2C: 2  // ， ,
        case 0xFF1B, 0x3B: 3  // ； ;
        default: 0
        }
      }.max() ?? 0
    }
    guard ranges.count >= 3 else { return ranges.count }
    let first = strength(ranges[0], ranges[1])
    guard first > 0 else { return ranges.count }
    for j in 1..<(ranges.count - 1) where strength(ranges[j], ranges[j + 1]) > first {
      return j + 1
    }
    return ranges.count
  }

  /// `第12行“以学铸魂……”`: where a piece of text is, for messages that must stand on their
  /// own (some editors do not show related locations).
  static func cite(_ span: TextSpan, in context: CheckContext, limit: Int = 16) -> LocalizedText {
    let line = context.lineNumber(of: span.range.lowerBound)
    let quoted = shortened(span.normalized, limit: limit)
    return LocalizedText(zh: "第\(line)行“\(quoted)”", en: "line \(line) “\(quoted)”")
  }

  /// `text`, cut to `limit` scalars with an ellipsis.
  static func shortened(_ text: String, limit: Int) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > limit else { return text }
    return String(scalars: scalars.prefix(limit)) + "…"
  }

  /// Joins localized parts with the language's list separator.
  static func list(_ parts: [LocalizedText], zh separator: String = "；", en enSeparator: String = "; ")
    -> LocalizedText
  {
    LocalizedText(zh: parts.map(\.zh).joined(separator: separator), en: parts.map(\.en).joined(separator: enSeparator))
  }

  /// `。！？；` and their ASCII forms.
  static func isFinalStop(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B, 0x2E, 0xFF0E: true
    default: false
    }
  }

  /// Marks that end a clause: sentence stops, commas, colons, `、`.
  static func isClauseMark(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B, 0xFF0C, 0x2C, 0x3001, 0xFF1A, 0x3A: true
    default: false
    }
  }

  /// Any punctuation or quote mark (not a letter, ideograph or digit).
  static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
    // Fast path: CJK ideographs (all letters) and ASCII letters and digits.
    switch s.value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return false
    default: break
    }
    return switch s.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol:
      true
    default: false
    }
  }

  /// The value of a Chinese numeral digit (一 … 十, 两), nil otherwise (and for 〇).
  static func chineseDigit(_ s: Unicode.Scalar) -> Int? {
    s.chineseDigitValue.flatMap { $0 == 0 ? nil : $0 }
  }

  /// Reads a Chinese numeral of one or two places at `scalars[i...]`: value and length.
  static func chineseNumber(in scalars: [Unicode.Scalar], at i: Int) -> (value: Int, length: Int)? {
    RendaPage.chineseNumber(in: scalars, at: i)
  }

  /// The Chinese numeral for small numbers (1 … 99), for messages.
  static func numeral(_ value: Int) -> String {
    let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    guard value > 0, value < 100 else { return String(value) }
    if value < 10 { return digits[value] }
    let tens = value / 10
    let units = value % 10
    return (tens == 1 ? "" : digits[tens]) + "十" + digits[units]
  }
}
