import RendaText

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
  /// ``notSlogans`` as scalars, compared with a quoted text's start.
  private static let notSloganScalars = notSlogans.map { Array($0.unicodeScalars) }

  private static func startsWithNotSlogan(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
    notSloganScalars.contains { text.starts(with: $0) }
  }

  static func scan(_ b: PageBuilder, blocks: [Int]) -> [QuotedSlogan] {
    var result: [QuotedSlogan] = []
    let n = b.normalized
    var consumed = 0  // a quote closed in a later block is not read again from there
    n.scalars.withUnsafeBufferPointer { scalars in
      for i in blocks {
        let range = b.raw[i].scalars.clamped(to: 0..<scalars.count)
        var j = max(range.lowerBound, consumed)
        while j < range.upperBound {
          // Eight scalars without an opening quote (“ ‘ 「 『 "), most of the text, at once.
          if j + ScalarLanes.width <= range.upperBound,
            !any(Unicode.Scalar.openingQuoteLanes(of: ScalarLanes.block(scalars, at: j)))
          {
            j &+= ScalarLanes.width
            continue
          }
          let s = scalars[j]
          // (A Han character, most of the text, is rejected at the first test.)
          guard !s.isInHanBlocks, s.isOpeningQuote else {
            j &+= 1
            continue
          }
          // Find the closing quote (for ASCII quotes, the next ASCII quote). The search may
          // run past the block's end: a column break can cut a slogan (`“五个` / `一”`).
          var close = j + 1
          var reopened = false
          let searchEnd = min(n.count, j + maximumLength + 2)
          while close < searchEnd {
            let c = scalars[close]
            if s.value == 0x22 ? c.value == 0x22 : (c.value == 0x201D || c.value == 0x300D || c.value == 0x2019) { break }
            if c.endsSentence { break }
            // Another opener of the same kind: the first one lost its partner.
            if s.value != 0x22, c == s {
              reopened = true
              break
            }
            close += 1
          }
          if reopened {
            j = close
            continue
          }
          guard close < searchEnd, close - j - 1 <= maximumLength, scalars[close].isQuoteMark else {
            j += 1
            continue
          }
          let inside = (j + 1)..<close
          if let count = classify(n.scalars[inside]) {
            result.append(
              QuotedSlogan(
                text: n.string(inside), range: n.sourceRange(inside), announcedCount: count.value,
                inlineMembers: inlineMembers(
                  n, after: close + 1, limit: min(n.count, close + 240), count: count.value)))
          }
          j = close + 1
          consumed = j
        }
      }
    }
    return result
  }

  /// Nil when the text is not a numeric slogan; otherwise its announced count (itself
  /// possibly nil).
  static func classify(_ text: ArraySlice<Unicode.Scalar>) -> (value: Int?, Void)? {
    guard let first = text.first, text.count >= 2 else { return nil }
    // A slogan opens with digits, 双 or a Chinese numeral other than 〇/零 (what the tests
    // below come to); most quoted texts are rejected here without a scan.
    guard first.asciiDigitValue != nil || first == "双" || (first.chineseDigitValue ?? 0) != 0 else { return nil }
    if first == "第" { return nil }
    // One pass, no lists: the numerals' count and whether they are all one digit, whether
    // there are ASCII digits, and whether anything names a rank or a date.
    var numerals = 0
    var numeralValue: Int?
    var oneNumeralValue = true
    var hasDigits = false
    for s in text {
      if let value = s.chineseDigitValue {
        numerals += 1
        if numeralValue == nil { numeralValue = value } else if numeralValue != value { oneNumeralValue = false }
      }
      if s.asciiDigitValue != nil { hasDigits = true }
      if isRankOrOrdinal(s) { return nil }
    }
    if hasDigits {
      // Digit slogans: 1355, 2345, 1+N, 4413.
      guard first.asciiDigitValue != nil,
        text.allSatisfy({ $0.asciiDigitValue != nil || $0 == "+" || $0 == "X" || $0 == "N" || $0.isCJKIdeograph })
      else { return nil }
      return (nil, ())
    }
    if first == "双" { return startsWithNotSlogan(text) ? nil : (2, ()) }
    guard let leading = chineseNumber(in: text, at: text.startIndex) else {
      // 加减乘除 and other counts without a numeral: not numeric.
      return nil
    }
    if numerals == text.count { return nil }  // 十四五, 八五: plan names
    if startsWithNotSlogan(text) { return nil }
    let after = text.startIndex + leading.length
    if after < text.endIndex, isCounter(text[after]) { return (leading.value, ()) }
    if leading.value > 10 { return nil }  // 二十四节气表: a name, not a count
    if numerals == leading.length { return leading.value == 1 ? nil : (leading.value, ()) }
    if numerals > 0 && oneNumeralValue { return leading.value == 1 ? (nil, ()) : (leading.value, ()) }  // 三进三促; 一人一码 states no count
    return (nil, ())
  }

  /// 号 级 届 星 年 岁 次 元 期: a numeral with one of these names a rank, a date or an issue.
  private static func isRankOrOrdinal(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "号", "级", "届", "星", "年", "岁", "次", "元", "期": true
    default: false
    }
  }

  /// 个 项 大 种 条 位: a counter after the leading numeral (`五个一`, `三大`).
  private static func isCounter(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "个", "项", "大", "种", "条", "位": true
    default: false
    }
  }

  private static func inlineMembers(_ n: NormalizedText, after start: Int, limit: Int, count: Int?) -> [SloganMember] {
    guard start < limit else { return [] }
    var j = start
    var closer: ((Unicode.Scalar) -> Bool)?
    // `“三学三比”主题实践活动（A、B、C）`: the slogan's noun (a few ideographs) may stand
    // between the quote and the parenthesis.
    let noun = (j..<min(limit, j + 8)).first { !n.scalars[$0].isCJKIdeograph } ?? j
    if n.scalars[j].isOpeningParenthesis || noun - j >= 2 && noun < limit && n.scalars[noun].isOpeningParenthesis {
      j = n.scalars[j].isOpeningParenthesis ? j + 1 : noun + 1
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
    // The list's extent, with each separator's strength: `；` 3, `，` 2, `、` 1.
    var separators: [(index: Int, strength: Int)] = []
    let listStart = j
    var depth = 0  // nested parentheses inside an item: `乡（镇）政府`
    while j < limit, j - start < 240 {
      let s = n.scalars[j]
      if s.isOpeningParenthesis {
        depth += 1
      } else if depth > 0, s.isClosingParenthesis {
        depth -= 1
      } else if closer(s) {
        break
      } else if depth == 0 {
        switch s.value {
        case 0xFF1B, 0x3B: separators.append((j, 3))
        case 0xFF0C, 0x2C: separators.append((j, 2))
        case 0x3001: separators.append((j, 1))
        default: break
        }
      }
      j += 1
    }
    let listEnd = j
    guard j < limit, j - start < 240 else { return [] }  // the list never closed
    func items(minimumStrength: Int) -> [Range<Int>] {
      var result: [Range<Int>] = []
      var itemStart = listStart
      for separator in separators where separator.strength >= minimumStrength {
        if separator.index > itemStart { result.append(itemStart..<separator.index) }
        itemStart = separator.index + 1
      }
      if listEnd > itemStart { result.append(itemStart..<listEnd) }
      return result
    }
    // Split at the weakest separator that gives the announced count; `、` inside the
    // members of a `，`-separated list stays (`…的核心、全党的核心地位，坚决维护…`).
    var chosen = items(minimumStrength: 1)
    if let count {
      for strength in [3, 2, 1] {
        let candidate = items(minimumStrength: strength)
        if candidate.count == count {
          chosen = candidate
          break
        }
      }
      // `工作机关和代表机关`: the last two members joined by 和/及/与.
      if chosen.count == count - 1, let last = chosen.last,
        let joint = n.scalars[last].firstIndex(where: { $0 == "和" || $0 == "及" || $0 == "与" }),
        joint - last.lowerBound >= 2, last.upperBound - joint - 1 >= 2
      {
        chosen[chosen.count - 1] = last.lowerBound..<joint
        chosen.append((joint + 1)..<last.upperBound)
      }
    }
    let members = chosen.map { SloganMember(text: n.string($0), range: n.sourceRange($0)) }
    return members.count >= 2 ? members : []
  }
}
