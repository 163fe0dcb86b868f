import RendaText

/// Finds enumerations: `一是……二是……`, `一要/二要`, `第一，第二，`, `（一）（二）`, `1. 2.`,
/// `一方面……另一方面`.
///
/// Markers are read on the normalized text, so one split by a line wrap (`一\n是`) is
/// found whole. A marker counts only at the start of a clause (after punctuation or at a
/// paragraph's start): `统一是` holds no marker. A series restarts at its first ordinal;
/// `一要` and `第一` need a second marker to count (alone they are ordinary words), while
/// a lone `一是` is kept (it is the defect the `enumeration` rule reports).
enum EnumerationScanner {
  struct Found {
    var ordinal: Int
    var scheme: EnumerationScheme
    var length: Int
  }

  /// Enumerations in the given blocks, optionally only between normalized positions.
  static func scan(_ b: PageBuilder, blocks: [Int], from lower: Int = 0, to upper: Int = Int.max) -> [Enumeration] {
    var found: [(Found, Int)] = []
    b.normalized.scalars.withUnsafeBufferPointer { scalars in
      for i in blocks where b.roles[i] == .body {
        let range = b.raw[i].scalars.clamped(to: 0..<scalars.count)
        var j = max(range.lowerBound, lower)
        let end = min(range.upperBound, upper)
        // Whether `j` starts a clause (`marker(at:)` answers nil elsewhere), carried along.
        var clauseStart = j == range.lowerBound || j == 0 || j < end && isClauseBoundary(scalars[j - 1])
        while j < end {
          if clauseStart, let marker = marker(at: j, in: b.normalized, atClauseStart: j == range.lowerBound) {
            found.append((marker, j))
            j += marker.length
            clauseStart = j < end && isClauseBoundary(scalars[j - 1])
            continue
          }
          let s = scalars[j]
          if s.isInHanBlocks {
            // A run of ideographs, most of the text: none ends a clause, so no marker starts
            // inside the run or right after it (a test per scalar, not a test and a store).
            j &+= 1
            while j < end && scalars[j].isInHanBlocks { j &+= 1 }
            clauseStart = false
            continue
          }
          clauseStart = isClauseBoundary(s)
          j &+= 1
        }
      }
    }
    return group(found, in: b)
  }

  private static func group(_ found: [(Found, Int)], in b: PageBuilder) -> [Enumeration] {
    var series: [Enumeration] = []
    var open: [EnumerationScheme: Int] = [:]  // scheme -> index in series
    for (marker, position) in found {
      let n = b.normalized
      let value = EnumerationMarker(
        ordinal: marker.ordinal, marker: n.string(position..<(position + marker.length)),
        range: n.sourceRange(position..<(position + marker.length)),
        itemSummary: summary(n, from: position + marker.length))
      if marker.ordinal == 1 || open[marker.scheme] == nil {
        open[marker.scheme] = series.count
        series.append(Enumeration(scheme: marker.scheme, markers: [value]))
      } else {
        series[open[marker.scheme]!].markers.append(value)
      }
    }
    return series.filter { enumeration in
      switch enumeration.scheme {
      case .shiOrdinal, .parenthesized: true
      case .yaoOrdinal, .diOrdinal, .arabic, .onOneHand: enumeration.markers.count >= 2
      }
    }
  }

  private static func summary(_ n: NormalizedText, from start: Int) -> String {
    var end = start
    while end < n.count, end - start < 30 {
      let s = n.scalars[end]
      if s.endsSentence || s.isComma || s.isColon { break }
      end += 1
    }
    return n.string(start..<end)
  }

  /// The marker starting at normalized position `i`, if one does.
  /// - Parameter atClauseStart: true at the start of a block or paragraph, where the
  ///   scalar before `i` belongs to other text (a heading's last character).
  static func marker(at i: Int, in n: NormalizedText, atClauseStart: Bool = false) -> Found? {
    let scalars = n.scalars[...]
    guard i < scalars.count else { return nil }
    let first = scalars[i]
    // Every marker opens with 另, 第, a parenthesis, a Chinese numeral or an ASCII digit:
    // any other scalar (most clause starts) is no marker.
    guard first == "另" || first == "第" || first.isOpeningParenthesis || first.asciiDigitValue != nil
      || first.chineseDigitValue != nil
    else { return nil }
    let clauseStart = atClauseStart || i == 0 || isClauseBoundary(scalars[i - 1])
    guard clauseStart else { return nil }
    // 另一方面
    if first == "另", matches(scalars, i + 1, "一方面") { return Found(ordinal: 2, scheme: .onOneHand, length: 4) }
    if first == "一", matches(scalars, i + 1, "方面") { return Found(ordinal: 1, scheme: .onOneHand, length: 3) }
    // （一）
    if first.isOpeningParenthesis, let number = chineseNumber(in: scalars, at: i + 1),
      i + 1 + number.length < scalars.count, scalars[i + 1 + number.length].isClosingParenthesis
    {
      return Found(ordinal: number.value, scheme: .parenthesized, length: number.length + 2)
    }
    // 第一，
    if first == "第", let number = chineseNumber(in: scalars, at: i + 1), number.value <= 10 {
      let next = i + 1 + number.length
      if next < scalars.count, scalars[next].isComma || scalars[next] == "是" {
        return Found(ordinal: number.value, scheme: .diOrdinal, length: number.length + 1)
      }
    }
    // 一是 / 一要
    if let number = chineseNumber(in: scalars, at: i), number.value <= 20 {
      let next = i + number.length
      if next < scalars.count {
        if scalars[next] == "是" { return Found(ordinal: number.value, scheme: .shiOrdinal, length: number.length + 1) }
        if scalars[next] == "要" { return Found(ordinal: number.value, scheme: .yaoOrdinal, length: number.length + 1) }
      }
    }
    // 1. 2、
    if let digit = first.asciiDigitValue, digit > 0, i + 1 < scalars.count {
      let mark = scalars[i + 1]
      if mark.value == 0x2E || mark.value == 0xFF0E || mark.value == 0x3001,
        i + 2 < scalars.count, scalars[i + 2].asciiDigitValue == nil,
        i == 0 || isParagraphEnd(scalars[i - 1]) || n.line(ofScalar: i - 1) != n.line(ofScalar: i)
      {
        return Found(ordinal: digit, scheme: .arabic, length: 2)
      }
    }
    return nil
  }

  private static func matches(_ scalars: ArraySlice<Unicode.Scalar>, _ at: Int, _ literal: String) -> Bool {
    var j = at
    for s in literal.unicodeScalars {
      guard j < scalars.endIndex, scalars[j] == s else { return false }
      j += 1
    }
    return true
  }

  /// Whether a clause may start after `s`. An ideograph (most scalars) never ends one, and
  /// is passed at the first test (inlined: the scan asks it of every scalar).
  @inline(__always) private static func isClauseBoundary(_ s: Unicode.Scalar) -> Bool {
    !s.isInHanBlocks && (s.endsSentence || s.isComma || s.isColon || s.isQuoteMark || s.isClosingParenthesis)
  }

  private static func isParagraphEnd(_ s: Unicode.Scalar) -> Bool {
    s.endsSentence || s.isColon || s.isClosingQuoteOrBracket
  }
}
