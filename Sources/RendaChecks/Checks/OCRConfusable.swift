import RendaAnalysis
import RendaPage
import RendaText

/// Flags known OCR misreadings: characters the scan read as a look-alike.
///
/// Catches the misread forms the glossary lists (`confusables.json`: `通讨` for `通过`,
/// `营告` for `营造`, `党君` for `党群`, `冶理` for `治理` …), matched on the page with all
/// whitespace removed, so a form split by a line break (`通\n讨`) or a stray space
/// (`通 讨`) is found too; the finding covers exactly the misread characters. Every listed
/// form has at least two characters and is not a word of its own. A few real words contain
/// a listed form across a word boundary (`沟通讨论` holds `通讨`, `做买卖` holds `做买`); a
/// match inside one of them is not reported. Built in besides the data: a stray underscore
/// between Chinese characters (`服务保_障`), which OCR makes of a speck on the page.
///
/// Why: a misread character turns a set phrase into nonsense that a spell-checker for
/// ordinary words does not see, and it survives into print when nobody compares the scan
/// with the original.
///
/// Example: `通讨学习改进工作作风` — `通讨` is `通过` misread.
///
/// Fix: where the entry is certain (the misread form is never a real word), replaces the
/// misread characters with the right ones; an uncertain entry (`做买`, which could stand
/// for more than one word) only warns. The underscore's fix removes it, with the spaces
/// around it on its line.
package struct OCRConfusable: Check {
  package init() {}

  package let id = "ocr-confusable"
  package let defaultSeverity = Severity.warning
  package let summary = LocalizedText(
    zh: "疑似 OCR 误识的字（形近字，如“通讨”应为“通过”）",
    en: "Likely OCR misreading of a look-alike character (通讨 for 通过)")
  package let documentation = """
    ocr-confusable (warning)

    Flags known OCR misreadings listed in the glossary (confusables.json): 通讨 for 通过,
    营告 for 营造, 党君 for 党群, 冶理 for 治理 and others. Matching ignores whitespace and
    line breaks, so 通讨 split by a line break or spaced as 通 讨 is found too; the finding
    covers exactly the misread characters. Every listed form has at least two characters and is
    not a word of its own. A few real words contain a listed form across a word boundary
    (沟通讨论 holds 通讨, 做买卖 holds 做买); a match inside one of them is not reported.
    Built in besides the data: a stray underscore between Chinese characters (服务保_障),
    which OCR makes of a speck on the page.

    Why: a misread character turns a set phrase into nonsense that survives into print
    when nobody compares the scan with the original.

    Example:  通讨学习改进工作作风      → 通讨 is 通过 misread

    Fix: where the entry is certain (the misread form is never a real word), replaces the
    misread characters with the right ones; an uncertain entry (做买, which could stand for
    more than one word) only warns. The underscore's fix removes it, with the spaces around
    it on its line.
    """

  /// Real words that contain a listed misread form across a word boundary: a match inside
  /// one of them is the real word, not a misreading.
  static let realWords: [String] = [
    "沟通讨论", "沟通讨教",  // 沟通 + 讨论 holds 通讨
    "经营告", "运营告",  // 经营 + 告知 / 告别 holds 营告
    "做买卖",  // holds 做买
    "资深人", "夜深人静", "更深人静",  // 资深 + 人士 holds 深人
    "不能自已的", "难以自已的",  // the idiom 不能自已 holds 自已
    "惯彻底", "惯彻夜",  // 习惯 + 彻底 holds 惯彻
  ]

  /// A listed form with what its findings say, which depends only on the entry: made once
  /// per confusables array.
  fileprivate struct Form: Sendable {
    var entry: Confusable
    var wrong: [Unicode.Scalar]
    var right: [Unicode.Scalar]
    var message: LocalizedText
    /// The fix's title; nil for an uncertain entry (no fix).
    var fixTitle: LocalizedText?

    init(_ entry: Confusable) {
      self.entry = entry
      wrong = Array(entry.wrong.unicodeScalars)
      right = Array(entry.right.unicodeScalars)
      message =
        entry.isCertain
        ? LocalizedText(
          zh: "“\(entry.wrong)”应为“\(entry.right)”（OCR 把形近字读错了）",
          en: "“\(entry.wrong)” should be “\(entry.right)” (an OCR misreading of a look-alike character)")
        : LocalizedText(
          zh: "“\(entry.wrong)”疑为“\(entry.right)”之误（OCR 形近字），请对照原文核实",
          en: "“\(entry.wrong)” is probably “\(entry.right)” misread by OCR; check it against the original")
      fixTitle =
        entry.isCertain
        ? LocalizedText(zh: "改为“\(entry.right)”", en: "Replace with “\(entry.right)”") : nil
    }
  }

  package func prepare(for glossary: Glossary) {
    _ = FormIndex.of(glossary.confusables)
  }

  package func findings(in context: CheckContext) -> [Finding] {
    let page = context.page
    let n = page.normalized
    let index = FormIndex.of(context.glossary.confusables)
    let groups = index.groups
    let realWords = index.realWords
    var findings: [Finding] = []
    n.scalars.withUnsafeBufferPointer { scalars in
      index.bits.withUnsafeBufferPointer { bits in
        index.stops.withUnsafeBufferPointer { stops in
          for paragraph in page.paragraphs {
            let range = paragraph.normalizedRange
            var i = range.lowerBound
            while i < range.upperBound {
              let s = scalars[i]
              // Most scalars neither start a form nor are `_`: one byte test, then the next.
              if s.value < 0x1_0000, stops[Int(s.value)] == 0 {
                i += 1
                continue
              }
              if s == "_", let finding = underscore(at: i, in: range, n) {
                findings.append(finding.finding)
                i = finding.end
                continue
              }
              if let group = index.group(of: s, bits),
                let match = groups[group].first(where: { matches($0.wrong, at: i, in: range, scalars) }),
                !insideRealWord(i..<(i + match.wrong.count), realWords, in: range, scalars)
              {
                findings.append(finding(match, at: i..<(i + match.wrong.count), n))
                i += match.wrong.count
                continue
              }
              i += 1
            }
          }
        }
      }
    }
    return findings
  }

  private func matches(
    _ word: [Unicode.Scalar], at i: Int, in range: Range<Int>, _ scalars: UnsafeBufferPointer<Unicode.Scalar>
  ) -> Bool {
    guard i + word.count <= range.upperBound else { return false }
    for (k, scalar) in word.enumerated() where scalars[i + k] != scalar { return false }
    return true
  }

  private func insideRealWord(
    _ match: Range<Int>, _ words: [[Unicode.Scalar]], in range: Range<Int>,
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>
  ) -> Bool {
    for word in words where word.count > match.count {
      for start in (match.upperBound - word.count)...match.lowerBound
      where start >= range.lowerBound && matches(word, at: start, in: range, scalars) {
        return true
      }
    }
    return false
  }

  private func finding(_ form: Form, at match: Range<Int>, _ n: NormalizedText) -> Finding {
    let range = n.sourceRange(match)
    var fixes: [Fix] = []
    if let title = form.fixTitle {
      let wrong = form.wrong
      let right = form.right
      var edits: [TextEdit] = []
      if wrong.count == right.count {
        // Replace only the misread characters, so a line break inside the word stays.
        for k in wrong.indices where wrong[k] != right[k] {
          edits.append(
            TextEdit(
              range: n.sourceRange((match.lowerBound + k)..<(match.lowerBound + k + 1)), newText: String(right[k])))
        }
      } else {
        edits.append(TextEdit(range: range, newText: form.entry.right))
      }
      fixes.append(Fix(title: title, edits: edits))
    }
    return Finding(rule: id, severity: defaultSeverity, message: form.message, range: range, fixes: fixes)
  }

  private static let underscoreMessage = LocalizedText(
    zh: "汉字之间有多余的下划线“_”（OCR 把纸面污点读成了字符）",
    en: "stray underscore “_” between Chinese characters (OCR read a speck on the page)")
  private static let underscoreFixTitle = LocalizedText(zh: "删除下划线", en: "Remove the underscore")

  /// A stray `_` (or a pair) between Chinese characters. Longer runs are left alone: they
  /// are blanks to fill in, not specks.
  private func underscore(at i: Int, in range: Range<Int>, _ n: NormalizedText) -> (finding: Finding, end: Int)? {
    var end = i
    while end < range.upperBound, n.scalars[end] == "_" { end += 1 }
    guard end - i <= 2, i > range.lowerBound, end < range.upperBound,
      Self.isChinese(n.scalars[i - 1]), Self.isChinese(n.scalars[end])
    else { return nil }
    let marks = n.sourceRange(i..<end)
    // Remove the spaces around the underscore too when they are on its line.
    let line = n.line(ofScalar: i)
    let lower = n.line(ofScalar: i - 1) == line ? n.ends[i - 1] : marks.lowerBound.utf8
    let upper = n.line(ofScalar: end) == n.line(ofScalar: end - 1) ? n.starts[end] : marks.upperBound.utf8
    let edit = TextEdit(range: TextOffset(utf8: lower)..<TextOffset(utf8: upper), newText: "")
    let finding = Finding(
      rule: id, severity: defaultSeverity,
      message: Self.underscoreMessage, range: marks, fixTitle: Self.underscoreFixTitle, edit: edit)
    return (finding, end)
  }

  private static func isChinese(_ s: Unicode.Scalar) -> Bool {
    s.isCJKIdeograph || s.isCJKPunctuation
  }
}

/// The listed forms of a confusables array, grouped by first scalar (longest first), built
/// once per array and shared (a server re-runs the rule on every keystroke).
private final class FormIndex: Sendable {
  /// The forms of two or more scalars that start with one scalar, longest first.
  let groups: [[OCRConfusable.Form]]
  /// One bit per first scalar below `bitLimit`; a group's index is the number of bits set
  /// before its own (``group(of:_:)``), so that most scalars cost one bit test and no hashing.
  let bits: [UInt64]
  /// 1 for the scalars of the Basic Multilingual Plane that the scan must look at (a form's
  /// first scalar, `_`), 0 for the others: a byte per scalar costs the scan fewer
  /// instructions than a bit (the scan looks at scalars past the plane in any case).
  let stops: [UInt8]
  /// The number of bits set in `bits` before each word.
  private let ranks: [Int]
  /// Groups of first scalars at or above `bitLimit`.
  private let high: [Unicode.Scalar: Int]
  private static let bitLimit: UInt32 = 0x30000
  /// ``OCRConfusable/realWords`` as scalars.
  let realWords: [[Unicode.Scalar]] = OCRConfusable.realWords.map { Array($0.unicodeScalars) }

  private init(_ confusables: [Confusable]) {
    var byFirst: [Unicode.Scalar: [OCRConfusable.Form]] = [:]
    for entry in confusables {
      let form = OCRConfusable.Form(entry)
      guard form.wrong.count >= 2 else { continue }
      byFirst[form.wrong[0], default: []].append(form)
    }
    for key in byFirst.keys { byFirst[key]!.sort { $0.wrong.count > $1.wrong.count } }
    var bits = [UInt64](repeating: 0, count: Int(Self.bitLimit >> 6))
    for key in byFirst.keys where key.value < Self.bitLimit {
      bits[Int(key.value >> 6)] |= 1 << UInt64(key.value & 63)
    }
    var ranks: [Int] = []
    ranks.reserveCapacity(bits.count)
    var total = 0
    for word in bits {
      ranks.append(total)
      total += word.nonzeroBitCount
    }
    var groups = [[OCRConfusable.Form]](repeating: [], count: total)
    var high: [Unicode.Scalar: Int] = [:]
    for (key, forms) in byFirst {
      if key.value < Self.bitLimit {
        let word = bits[Int(key.value >> 6)]
        groups[ranks[Int(key.value >> 6)] + (word & ((1 << UInt64(key.value & 63)) - 1)).nonzeroBitCount] = forms
      } else {
        high[key] = groups.count
        groups.append(forms)
      }
    }
    self.groups = groups
    self.bits = bits
    var stops = [UInt8](repeating: 0, count: 0x1_0000)
    for key in byFirst.keys where key.value < 0x1_0000 { stops[Int(key.value)] = 1 }
    stops[0x5F] = 1  // `_`
    self.stops = stops
    self.ranks = ranks
    self.high = high
  }

  /// The index in `groups` of the forms that start with `s`; nil when none does.
  @inline(__always) func group(of s: Unicode.Scalar, _ bits: UnsafeBufferPointer<UInt64>) -> Int? {
    let v = s.value
    guard v < Self.bitLimit else { return high[s] }
    let word = bits[Int(v >> 6)]
    let bit: UInt64 = 1 << UInt64(v & 63)
    guard word & bit != 0 else { return nil }
    return ranks[Int(v >> 6)] + (word & (bit - 1)).nonzeroBitCount
  }

  private static let cache = LastBuiltCache<Confusable, FormIndex>()

  /// The index of `confusables`: the cached one when it is the array it was built from.
  static func of(_ confusables: [Confusable]) -> FormIndex { cache.value(of: confusables, build: FormIndex.init) }
}
