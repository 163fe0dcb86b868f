/// Finds numeric slogans in quotation marks: `“四个机关”`, `“五个一”`, `“四心”`, `“1355”`,
/// `“一府一委两院”`, and the members the article spells out right after them.
///
/// A quoted text is a numeric slogan when it is short and opens with a count (a Chinese
/// numeral, 双, or digits) or holds `N个`. Plan names and ordinals are not slogans
/// (`“十四五”` is all numerals; `“第一议题”` opens with 第; `“一号工程”`, `“五星级”`
/// name a rank). The count is what the slogan announces: `五个一` → 5, `四心` → 4,
/// `三进三促` → 3; none for digit strings (`1355`) or mixed counts (`一府一委两院`: the
/// analysis layer takes that one's count from the glossary).
///
/// Members given inline: a parenthetical list right after the slogan
/// (`“四个机关”（政治机关、权力机关、工作机关、代表机关）`) or a 即 clause
/// (`“12345”工作内容，即构建一套制度、建设两大阵地…`).
enum SloganScanner {
  static let maximumLength = 12

  /// Words that open with a numeral but announce no count (`双向奔赴`, `一站式`).
  static let notSlogans = ["双向", "一体", "一线", "一站式", "一张图", "一盘棋", "一把手", "一揽子", "一流", "三位一体"]

  static func scan(_ b: PageBuilder, blocks: [Int]) -> [QuotedSlogan] {
    var result: [QuotedSlogan] = []
    let n = b.normalized
    for i in blocks {
      let range = b.raw[i].scalars
      var j = range.lowerBound
      while j < range.upperBound {
        let s = n.scalars[j]
        guard s.isOpeningQuote else {
          j += 1
          continue
        }
        // Find the closing quote (for ASCII quotes, the next ASCII quote).
        var close = j + 1
        while close < range.upperBound, close - j <= maximumLength + 1 {
          let c = n.scalars[close]
          if s.value == 0x22 ? c.value == 0x22 : (c.value == 0x201D || c.value == 0x300D || c.value == 0x2019) { break }
          if c.endsSentence { break }
          close += 1
        }
        guard close < range.upperBound, close - j - 1 <= maximumLength, n.scalars[close].isQuoteMark else {
          j += 1
          continue
        }
        let inside = (j + 1)..<close
        if let count = classify(n.scalars[inside]) {
          result.append(
            QuotedSlogan(
              text: n.string(inside), range: n.sourceRange(inside), announcedCount: count.value,
              inlineMembers: inlineMembers(n, after: close + 1, limit: min(n.count, close + 240))))
        }
        j = close + 1
      }
    }
    return result
  }

  /// Nil when the text is not a numeric slogan; otherwise its announced count (itself
  /// possibly nil).
  static func classify(_ text: ArraySlice<Unicode.Scalar>) -> (value: Int?, Void)? {
    guard let first = text.first, text.count >= 2 else { return nil }
    if first == "第" { return nil }
    let numerals = text.filter { $0.chineseDigitValue != nil }
    let digits = text.filter { $0.asciiDigitValue != nil }
    if text.contains(where: { "号级届星年岁次元期".unicodeScalars.contains($0) }) { return nil }
    if !digits.isEmpty {
      // Digit slogans: 1355, 2345, 1+N, 4413.
      guard first.asciiDigitValue != nil,
        text.allSatisfy({ $0.asciiDigitValue != nil || $0 == "+" || $0 == "X" || $0 == "N" || $0.isCJKIdeograph })
      else { return nil }
      return (nil, ())
    }
    if first == "双" { return notSlogans.contains(where: { text.starts(with: $0.unicodeScalars) }) ? nil : (2, ()) }
    guard let leading = chineseNumber(in: text, at: text.startIndex) else {
      // 加减乘除 and other counts without a numeral: not numeric.
      return nil
    }
    if numerals.count == text.count { return nil }  // 十四五, 八五: plan names
    if notSlogans.contains(where: { text.starts(with: $0.unicodeScalars) }) { return nil }
    let after = text.startIndex + leading.length
    if after < text.endIndex, "个项大种条位".unicodeScalars.contains(text[after]) { return (leading.value, ()) }
    if leading.value > 10 { return nil }  // 二十四节气表: a name, not a count
    let values = Set(numerals.compactMap(\.chineseDigitValue))
    if numerals.count == leading.length { return leading.value == 1 ? nil : (leading.value, ()) }
    if values.count == 1 { return leading.value == 1 ? (nil, ()) : (leading.value, ()) }  // 三进三促; 一人一码 states no count
    return (nil, ())
  }

  private static func inlineMembers(_ n: NormalizedText, after start: Int, limit: Int) -> [SloganMember] {
    guard start < limit else { return [] }
    var j = start
    var closer: ((Unicode.Scalar) -> Bool)?
    if n.scalars[j].isOpeningParenthesis {
      j += 1
      closer = { $0.isClosingParenthesis }
      if j < limit, n.scalars[j] == "即" { j += 1 }
    } else {
      // `…”工作内容，即…` : a 即 within a few scalars.
      var k = j
      while k < min(limit, start + 8), !n.scalars[k].endsSentence {
        if n.scalars[k] == "即" {
          j = k + 1
          closer = { $0.endsSentence || $0.isClosingParenthesis }
          break
        }
        k += 1
      }
    }
    guard let closer else { return [] }
    if j < limit, n.scalars[j].isColon || n.scalars[j].isComma { j += 1 }
    var members: [SloganMember] = []
    var itemStart = j
    var depth = 0  // nested parentheses inside an item: `乡（镇）政府`
    while j < limit, j - start < 240 {
      let s = n.scalars[j]
      if s.isOpeningParenthesis {
        depth += 1
      } else if depth > 0, s.isClosingParenthesis {
        depth -= 1
      } else if closer(s) || s.value == 0x3001 || s.value == 0xFF0C || s.value == 0xFF1B || s.value == 0x2C
        || s.value == 0x3B
      {
        if j > itemStart {
          members.append(SloganMember(text: n.string(itemStart..<j), range: n.sourceRange(itemStart..<j)))
        }
        itemStart = j + 1
        if closer(s) { break }
      }
      j += 1
    }
    return members.count >= 2 ? members : []
  }
}
