import RendaText

/// The shape of party meeting names (党的二十大, 党的十九届六中全会, 二十届二中、三中全会,
/// 十九届历次全会), which a pattern generates and a list cannot hold: the grammar says which
/// names are well formed and which are not.
///
/// Well formed: a congress `党的N大` (also `N大`, `中共N大`); a plenum `党的N届M中全会`
/// (also `N届M中全会`, `中共N届M中全会`), several plenums `N届M中、K中全会`, `N届历次全会`;
/// `N届` followed by `中央…` (中央委员会第M次全体会议, 中央纪委M次全会, 中央政治局…);
/// without `党的`, any `N届…` (a local congress `山丹县十九届人大三次会议`, `十四届全国人大`).
///
/// Ill formed (reported by `canonical-phrase`):
/// - `党的N届` (or `中共N届`) followed by anything but a plenum, 历次全会 or 中央…:
///   `党的十九届人大及历次全会精神` (届 belongs to a plenum; 党的…大 takes no 届);
/// - a congress with a plenum suffix: `党的十九大三中全会`;
/// - a plenum that lost 中 or 全: `二十届三全会`, `二十届三中会`;
/// - 第 inside a short form: `十九届第六中全会`, `十四届全国人大第一次会议`.
package enum MeetingNameGrammar {
  /// What is wrong with a meeting name.
  package enum Problem: Sendable, Equatable {
    /// `党的N届` followed by something other than a plenum (`党的十九届人大`).
    case termWithoutPlenum
    /// `党的N大` followed by a plenum (`党的十九大三中全会`).
    case congressWithPlenum
    /// `N届M全会` or `N届M中会`.
    case truncatedPlenum
    /// `N届第M中全会`, `N届全国人大第M次会议`.
    case ordinalInShortForm
  }

  /// An ill-formed meeting name: where it is (normalized scalars), the congress or term
  /// number it names, and the well-formed text it most likely stands for.
  package struct Defect: Sendable, Equatable {
    package var range: Range<Int>
    package var problem: Problem
    /// The term or congress number as printed (`十九`).
    package var number: String
    /// The likely intended text (`党的十九大和十九届历次全会`).
    package var suggestion: String
  }

  /// A well-formed mention of a party congress or plenum: its range and number.
  package struct Mention: Sendable, Equatable {
    package var range: Range<Int>
    package var number: String
  }

  // MARK: Numerals

  /// 〇 一 … 十 百 零 两: the scalars of a Chinese numeral.
  package static func isChineseNumeral(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "两": true
    default: false
    }
  }

  /// A Chinese numeral or an ASCII or full-width digit.
  package static func isNumeral(_ s: Unicode.Scalar) -> Bool {
    isChineseNumeral(s) || ("0"..."9").contains(s) || (0xFF10...0xFF19).contains(s.value)
  }

  /// The range of the Chinese numeral (at most three scalars) that ends just before `end`.
  private static func numeral(endingAt end: Int, in s: [Unicode.Scalar], from lower: Int) -> Range<Int>? {
    var start = end
    while start > lower, end - start < 3, isChineseNumeral(s[start - 1]) { start -= 1 }
    return start < end ? start..<end : nil
  }

  /// The length of the Chinese numeral (at most three scalars) that starts at `start`.
  private static func numeralLength(at start: Int, in s: [Unicode.Scalar], to upper: Int) -> Int {
    var end = start
    while end < upper, end - start < 3, isChineseNumeral(s[end]) { end += 1 }
    return end - start
  }

  private static func matches(_ word: String, at i: Int, in s: [Unicode.Scalar], to upper: Int) -> Bool {
    var k = i
    for scalar in word.unicodeScalars {
      guard k < upper, s[k] == scalar else { return false }
      k += 1
    }
    return true
  }

  private static func length(_ word: String) -> Int { word.unicodeScalars.count }

  /// `党的` or `中共` ending just before `end`: its start.
  private static func partyPrefix(endingAt end: Int, in s: [Unicode.Scalar], from lower: Int) -> Int? {
    guard end - 2 >= lower else { return nil }
    if s[end - 2] == "党" && s[end - 1] == "的" || s[end - 2] == "中" && s[end - 1] == "共" { return end - 2 }
    return nil
  }

  // MARK: Scanning

  /// The ill-formed names and the well-formed mentions in `s[range]`.
  package static func scan(_ s: [Unicode.Scalar], range: Range<Int>) -> (defects: [Defect], mentions: [Mention]) {
    var defects: [Defect] = []
    var mentions: [Mention] = []
    let lower = range.lowerBound
    let upper = range.upperBound
    var i = lower
    while i < upper {
      // Only 届 and 大 start a name's reading: the scalars between are passed eight at a time.
      i = nextCandidate(from: i, to: upper, in: s)
      guard i < upper else { break }
      let c = s[i]
      if c == "届", let number = numeral(endingAt: i, in: s, from: lower) {
        var start = number.lowerBound
        if start > lower, s[start - 1] == "第" { start -= 1 }
        let party = partyPrefix(endingAt: start, in: s, from: lower)
        let text = string(s, number)
        let after = i + 1
        let m = numeralLength(at: after, in: s, to: upper)
        if m > 0, matches("中全会", at: after + m, in: s, to: upper) {
          mentions.append(Mention(range: (party ?? start)..<(after + m + 3), number: text))
        } else if m > 0, after + m < upper, s[after + m] == "中",
          after + m + 1 < upper, ["、", "和", "及", "，"].contains(s[after + m + 1])
        {
          mentions.append(Mention(range: (party ?? start)..<(after + m + 1), number: text))
        } else if matches("历次全会", at: after, in: s, to: upper) {
          mentions.append(Mention(range: (party ?? start)..<(after + 4), number: text))
        } else if m > 0, matches("全会", at: after + m, in: s, to: upper) {
          defects.append(
            Defect(
              range: (party ?? start)..<(after + m + 2), problem: .truncatedPlenum, number: text,
              suggestion: "\(party == nil ? "" : "党的")\(text)届\(string(s, after..<(after + m)))中全会"))
        } else if m > 0, matches("中会", at: after + m, in: s, to: upper) {
          defects.append(
            Defect(
              range: (party ?? start)..<(after + m + 2), problem: .truncatedPlenum, number: text,
              suggestion: "\(party == nil ? "" : "党的")\(text)届\(string(s, after..<(after + m)))中全会"))
        } else if after < upper, s[after] == "第", numeralLength(at: after + 1, in: s, to: upper) > 0,
          matches("中全会", at: after + 1 + numeralLength(at: after + 1, in: s, to: upper), in: s, to: upper)
        {
          let k = numeralLength(at: after + 1, in: s, to: upper)
          defects.append(
            Defect(
              range: (party ?? start)..<(after + 1 + k + 3), problem: .ordinalInShortForm, number: text,
              suggestion: "\(party == nil ? "" : "党的")\(text)届\(string(s, (after + 1)..<(after + 1 + k)))中全会"))
        } else if matches("全国人大第", at: after, in: s, to: upper),
          numeralLength(at: after + 5, in: s, to: upper) > 0,
          matches("次会议", at: after + 5 + numeralLength(at: after + 5, in: s, to: upper), in: s, to: upper)
        {
          let k = numeralLength(at: after + 5, in: s, to: upper)
          defects.append(
            Defect(
              range: start..<(after + 5 + k + 3), problem: .ordinalInShortForm, number: text,
              suggestion: "\(text)届全国人大\(string(s, (after + 5)..<(after + 5 + k)))次会议"))
        } else if let party, !matches("中央", at: after, in: s, to: upper) {
          // 党的N届 + anything but a plenum: the seed's 党的十九届人大及历次全会.
          var end = after
          var suggestion = "党的\(text)大"
          for word in ["全国人民代表大会", "人民代表大会", "全国人大", "人大", "代表大会"]
          where matches(word, at: after, in: s, to: upper) {
            end = after + length(word)
            for joint in ["及", "和", "以及", "暨"] where matches(joint + "历次全会", at: end, in: s, to: upper) {
              end += length(joint) + 4
              suggestion = "党的\(text)大和\(text)届历次全会"
              break
            }
            break
          }
          defects.append(
            Defect(range: party..<max(end, after), problem: .termWithoutPlenum, number: text, suggestion: suggestion))
        }
        i += 1
        continue
      }
      if c == "大", let number = numeral(endingAt: i, in: s, from: lower),
        let party = partyPrefix(endingAt: number.lowerBound, in: s, from: lower)
      {
        let text = string(s, number)
        let after = i + 1
        let m = numeralLength(at: after, in: s, to: upper)
        if m > 0, matches("中全会", at: after + m, in: s, to: upper) {
          defects.append(
            Defect(
              range: party..<(after + m + 3), problem: .congressWithPlenum, number: text,
              suggestion: "党的\(text)届\(string(s, after..<(after + m)))中全会"))
        } else {
          mentions.append(Mention(range: party..<after, number: text))
        }
      }
      i += 1
    }
    return (defects, mentions)
  }

  /// Whether `s[range]` holds a 届 or a 大, where every meeting name ``scan(_:range:)`` reads
  /// is anchored: a paragraph without either has none.
  package static func mayNameMeeting(_ s: [Unicode.Scalar], range: Range<Int>) -> Bool {
    nextCandidate(from: range.lowerBound, to: range.upperBound, in: s) < range.upperBound
  }

  /// The first index of `from..<to` that holds 届 or 大 (`to` when none does): blocks of
  /// eight scalars without either (most of them) are passed by two vector compares.
  private static func nextCandidate(from start: Int, to end: Int, in s: [Unicode.Scalar]) -> Int {
    s.withUnsafeBufferPointer { buffer in
      var i = start
      let jie = ScalarLanes.Block(repeating: 0x5C4A)  // 届
      let da = ScalarLanes.Block(repeating: 0x5927)  // 大
      while i &+ ScalarLanes.width <= end {
        let block = ScalarLanes.block(buffer, at: i)
        if any((block .== jie) .| (block .== da)) { break }
        i &+= ScalarLanes.width
      }
      while i < end, buffer[i].value != 0x5C4A, buffer[i].value != 0x5927 { i &+= 1 }
      return i
    }
  }

  private static func string(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
    String(scalars: s[range])
  }

  // MARK: Variable parts of listed meeting names

  /// The parts of a listed meeting name that a pattern varies, so that a near-miss there is
  /// another meeting, not a misprint: every numeral (党的二十届三中全会 / 四中全会,
  /// 成立60周年 / 70周年) and the topic of a central or national work conference
  /// (中央人大工作会议 / 中央人才工作会议, 全国宣传思想文化工作会议).
  package static func variableSlots(of name: [Unicode.Scalar]) -> [Range<Int>] {
    var slots: [Range<Int>] = []
    var i = 0
    while i < name.count {
      if isNumeral(name[i]) {
        var end = i
        while end < name.count, isNumeral(name[end]) { end += 1 }
        slots.append(i..<end)
        i = end
      } else {
        i += 1
      }
    }
    let text = name
    func hasPrefix(_ p: String) -> Bool { text.starts(with: Array(p.unicodeScalars)) }
    func hasSuffix(_ p: String) -> Bool { text.reversed().starts(with: Array(p.unicodeScalars).reversed()) }
    // A short topic only (中央人大工作会议, 全国教育大会); 全国人民代表大会 is one name.
    let congress = Array("人民代表大会".unicodeScalars)
    guard !(0...max(0, text.count - congress.count)).contains(where: { text[$0...].starts(with: congress) }) else {
      return slots
    }
    for (prefix, suffixes) in [("中央", ["工作会议"]), ("全国", ["工作会议", "大会"])] where hasPrefix(prefix) {
      for suffix in suffixes where hasSuffix(suffix) {
        let low = length(prefix)
        let high = text.count - length(suffix)
        if low < high, high - low <= 4 { slots.append(low..<high) }
        break
      }
    }
    return slots
  }
}
