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
      index.firsts.withUnsafeBufferPointer { firsts in
        for paragraph in page.paragraphs {
          let range = paragraph.normalizedRange
          var i = range.lowerBound
          while i < range.upperBound {
            let s = scalars[i]
            // Most scalars neither start a form nor are `_`: one halfword test, then the next.
            let group = Int(s.value) < firsts.count ? Int(firsts[Int(s.value)]) - 1 : index.high[s] ?? -1
            guard group >= 0 else {
              i += 1
              continue
            }
            if s == "_", let finding = underscore(at: i, in: range, n) {
              findings.append(finding.finding)
              i = finding.end
              continue
            }
            if let match = groups[group].first(where: { matches($0.wrong, at: i, in: range, scalars) }),
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
  /// The forms of two or more scalars that start with one scalar, longest first, in the
  /// order of their first scalars; `_` has a group too (empty when no form starts with it),
  /// since the scan stops at it.
  let groups: [[OCRConfusable.Form]]
  /// For each scalar below `firsts.count`: 0 when the scan passes over it, else 1 + its
  /// group's index in `groups`. One halfword per scalar, so that most scalars cost one load
  /// and one test, and a stop has its group with no more work. It runs to the last first
  /// scalar of the Basic Multilingual Plane (76 KiB for the built-in glossary), or over the
  /// whole plane when a form starts past it, so that a scalar of the plane is looked up in
  /// `high` only when `high` is empty. The plane's groups come first, so the values fit.
  let firsts: [UInt16]
  /// The groups of the first scalars past the plane; any other scalar past `firsts` has none.
  let high: [Unicode.Scalar: Int]
  /// ``OCRConfusable/realWords`` as scalars.
  let realWords: [[Unicode.Scalar]] = OCRConfusable.realWords.map { Array($0.unicodeScalars) }

  private init(_ confusables: [Confusable]) {
    var byFirst: [Unicode.Scalar: [OCRConfusable.Form]] = ["_": []]
    for entry in confusables {
      let form = OCRConfusable.Form(entry)
      guard form.wrong.count >= 2 else { continue }
      byFirst[form.wrong[0], default: []].append(form)
    }
    let plane: UInt32 = 0x1_0000
    let size = byFirst.keys.contains { $0.value >= plane } ? plane : byFirst.keys.map(\.value).max()! + 1
    var groups: [[OCRConfusable.Form]] = []
    var firsts = [UInt16](repeating: 0, count: Int(size))
    var high: [Unicode.Scalar: Int] = [:]
    for (first, forms) in byFirst.sorted(by: { $0.key.value < $1.key.value }) {
      if first.value < plane { firsts[Int(first.value)] = UInt16(groups.count + 1) } else { high[first] = groups.count }
      groups.append(forms.sorted { $0.wrong.count > $1.wrong.count })
    }
    self.groups = groups
    self.firsts = firsts
    self.high = high
  }

  private static let cache = LastBuiltCache<Confusable, FormIndex>()

  /// The index of `confusables`: the cached one when it is the array it was built from.
  static func of(_ confusables: [Confusable]) -> FormIndex { cache.value(of: confusables, build: FormIndex.init) }
}
