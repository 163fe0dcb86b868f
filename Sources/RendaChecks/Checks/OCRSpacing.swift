import RendaPage
import RendaText

/// Flags spaces that OCR left between Chinese characters.
///
/// Catches spaces (ASCII space, U+3000, tabs) between two Han characters, or between a Han
/// character and Chinese punctuation (or ASCII punctuation set in Chinese text): the
/// letter-spacing of a justified line read as spaces (`掌 握 各 类 别 、各 层 次`), a stray
/// space inside a word (`库 ，较 好`), the join of two column lines merged into one
/// (`调查研究 工作`). One finding per run of spaced text on a line: spaces at most three
/// characters apart (punctuation not counted, a number counting as one) belong to the same
/// run, so a spaced-out line is one finding.
///
/// Never flagged, because it is layout: anything in a byline (the padding of a
/// two-character name `宋 军`, the space between names, the space before the province);
/// the space between the phrases of a one-line heading, title or banner
/// (`坚持党的领导 把牢政治机关定位`, `牢记嘱托 感恩奋进 谱写…`) — a phrase of two or more
/// characters on each side, so a spaced-out heading is still flagged, and no comma on the
/// line (`强化政策学习,及时贯彻上 级精神` separates its phrases with the comma); spaces next
/// to digits or Latin letters (`60 名`, `2022 年`, `App 与`), which these pages set on
/// purpose.
///
/// Why: Chinese print has no spaces between characters; a spaced word reads as two, and
/// the spaces show that the text came from a scan that nobody has proofread.
///
/// Example: `库 ，较 好 地 将 共 性 与 个 性` — one finding over the spaced run.
///
/// Fix: removes the run's spaces between Chinese characters and punctuation (spaces next
/// to digits inside the run stay: `2024 年 以 来` becomes `2024 年以来`).
package struct OCRSpacing: Check {
  package init() {}

  package let id = "ocr-spacing"
  package let defaultSeverity = Severity.warning
  package let summary = LocalizedText(
    zh: "汉字之间有多余的空格（OCR 留下的字距或断行）",
    en: "Stray spaces between Chinese characters (OCR letter-spacing or merged lines)")
  package let documentation = """
    ocr-spacing (warning)

    Flags spaces (ASCII space, U+3000, tab) between two Han characters, or between a Han
    character and Chinese punctuation (or ASCII punctuation set in Chinese text): the
    letter-spacing of a justified line read as spaces (掌 握 各 类 别 、各 层 次), a stray
    space inside a word (库 ，较 好), the join of two column lines merged into one
    (调查研究 工作). One finding per run of spaced text on a line: spaces at most three
    characters apart (punctuation not counted, a number counting as one) belong to one
    run, so a spaced-out line is one finding.

    Never flagged, because it is layout: anything in a byline (the padding of a
    two-character name 宋 军, the space between names, the space before the province); the
    space between the phrases of a one-line heading, title or banner
    (坚持党的领导 把牢政治机关定位, 牢记嘱托 感恩奋进 谱写…) — a phrase of two or more
    characters on each side, so a spaced-out heading is still flagged, and no comma on the
    line (强化政策学习,及时贯彻上 级精神 separates its phrases with the comma); spaces next
    to digits or Latin letters (60 名, 2022 年, App 与), which these pages set on purpose.

    Why: Chinese print has no spaces between characters; a spaced word reads as two, and
    the spaces show a scan that nobody has proofread.

    Example:  库 ，较 好 地 将 共 性 与 个 性      → one finding over the spaced run

    Fix: removes the run's spaces between Chinese characters and punctuation; spaces next
    to digits inside the run stay (2024 年 以 来 becomes 2024 年以来).
    """

  /// Gaps this many tokens apart or closer belong to the same run.
  private static let runReach = 3

  package func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    appendFindings(in: context, to: &findings)
    return findings
  }

  /// Thousands on an OCR'd page, in text order: appended where the run keeps them (see
  /// `Check`).
  package func appendFindings(in context: CheckContext, to findings: inout [Finding]) {
    let page = context.page
    let n = page.normalized
    var wordings = Wordings()
    // One buffer for every line's gaps (most lines have none).
    var gaps: [Int] = []
    for block in page.blocks {
      // (A `switch`, not `==`: from this module `==` on a role is a call through its
      // conformance, once per block and test.)
      let phrased: Bool
      switch block.role {
      case .byline: continue
      case .heading, .title, .furniture: phrased = true
      default: phrased = false
      }
      for line in block.lines {
        let scalars = n.range(ofLine: line)
        guard scalars.count > 1 else { continue }
        // A gap: scalar k ends (`n.end(of: k)`) before scalar k + 1 starts.
        gaps.removeAll(keepingCapacity: true)
        n.forEachGap(onLine: line) { k in
          if isChinese(n, k, away: -1, within: block.normalizedRange)
            && isChinese(n, k + 1, away: 1, within: block.normalizedRange)
          {
            gaps.append(k)
          }
        }
        if gaps.isEmpty { continue }
        // A heading that separates its phrases with a comma (`强化政策学习,及时贯彻上 级精神`)
        // has no phrase-separating space.
        if phrased, !n.scalars[scalars].contains(where: \.isComma) {
          gaps.removeAll { separatesPhrases($0, on: scalars, n) }
        }
        if gaps.isEmpty { continue }
        // Runs of spaced text: consecutive gaps at most `runReach` tokens apart.
        var runStart = 0
        for g in 1...gaps.count
        where g == gaps.count || tokens(n, (gaps[g - 1] + 1)...gaps[g], over: Self.runReach) > Self.runReach {
          findings.append(finding(gaps[runStart..<g], n, &wordings))
          runStart = g
        }
      }
    }
  }

  /// Tokens in `range`: each Han character counts one, a run of other ASCII text (`42`,
  /// `123+X`) counts one, punctuation counts none (a justified line sets it unspaced:
  /// `库 ，较 好`, `依 托“123+X”人 大`). Counted until the count passes `limit` (the
  /// caller asks only whether it does: two gaps far apart on a line stop at the fourth token).
  private func tokens(_ n: NormalizedText, _ range: ClosedRange<Int>, over limit: Int) -> Int {
    var count = 0
    var previousASCII = false
    for k in range {
      let s = n.scalars[k]
      let ascii = s.isASCII && !Self.isASCIIMark(s)
      if ascii && !previousASCII || !ascii && !s.isCJKPunctuation && !Self.isASCIIMark(s) {
        count += 1
        if count > limit { break }
      }
      previousASCII = ascii
    }
    return count
  }

  /// In a heading, title or banner, a space with a phrase of two or more characters on
  /// each side (up to the next space or the line's end) separates phrases: layout.
  private func separatesPhrases(_ gap: Int, on line: Range<Int>, _ n: NormalizedText) -> Bool {
    func hasSpace(after k: Int) -> Bool { n.end(of: k) < n.starts[k + 1] }
    var left = 1
    var k = gap - 1
    while k >= line.lowerBound, !hasSpace(after: k) {
      left += 1
      k -= 1
    }
    var right = 1
    k = gap + 1
    while k + 1 < line.upperBound, !hasSpace(after: k) {
      right += 1
      k += 1
    }
    return left >= 2 && right >= 2
  }

  /// ASCII punctuation set in Chinese text: `,` `.` `:` `;` `?` `!` `(` `)` `"` `'` (a `switch`,
  /// not a `Set`: this is asked of every scalar of a spaced run).
  private static func isASCIIMark(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case ",", ".", ":", ";", "?", "!", "(", ")", "\"", "'": true
    default: false
    }
  }

  /// Chinese at `k`: a Han character or Chinese punctuation, or ASCII marks with one of
  /// those beyond them in the same block (`问题, 作为`, `开门纳谏", 确保`; a block's text
  /// says nothing of the block before it, which may be another article's).
  private func isChinese(_ n: NormalizedText, _ k: Int, away step: Int, within block: Range<Int>) -> Bool {
    var k = k
    while block.contains(k), Self.isASCIIMark(n.scalars[k]) { k += step }
    guard block.contains(k) else { return false }
    return n.scalars[k].isCJKIdeograph || n.scalars[k].isCJKPunctuation
  }

  /// Wordings already made on this page, so that findings with the same wording share its
  /// strings: a single space by the two scalars around it, a run by its number of spaces.
  private struct Wordings {
    var pairs: [UInt64: LocalizedText] = [:]
    var runs: [Int: (message: LocalizedText, fixTitle: LocalizedText)] = [:]
  }

  private static let oneSpaceFix = SharedEditFix(
    title: LocalizedText(zh: "删除空格", en: "Remove the space"), newText: "")

  /// The finding of one run of gaps (each the index of the scalar before it).
  private func finding(_ run: ArraySlice<Int>, _ n: NormalizedText, _ wordings: inout Wordings) -> Finding {
    let range = n.sourceRange(run.first!..<(run.last! + 2))
    /// The space after scalar `k`, which the fix removes.
    func gap(_ k: Int) -> TextRange { TextOffset(utf8: n.end(of: k))..<TextOffset(utf8: n.starts[k + 1]) }
    let message: LocalizedText
    let fixTitle: LocalizedText
    if run.count == 1 {
      // Most runs are one space: a finding of one edit, without the edit list.
      let leftScalar = n.scalars[run.first!]
      let rightScalar = n.scalars[run.first! + 1]
      let key = UInt64(leftScalar.value) << 32 | UInt64(rightScalar.value)
      if let known = wordings.pairs[key] {
        message = known
      } else {
        let left = String(leftScalar)
        let right = String(rightScalar)
        message = LocalizedText(
          zh: "“\(left)”与“\(right)”之间多了空格（OCR 留下的断行或字距）",
          en: "stray space between “\(left)” and “\(right)” (an OCR line join or letter-spacing)")
        wordings.pairs[key] = message
      }
      return Finding(
        rule: id, severity: defaultSeverity, message: message, range: range, sharedFix: Self.oneSpaceFix,
        editRange: gap(run.first!))
    } else if let known = wordings.runs[run.count] {
      (message, fixTitle) = known
    } else {
      message = LocalizedText(
        zh: "这段文字字间多了 \(run.count) 处空格（两端对齐的字距被 OCR 读成了空格）",
        en: "\(run.count) stray spaces between characters (a justified line's letter-spacing read as spaces)")
      fixTitle = LocalizedText(zh: "删除这 \(run.count) 处空格", en: "Remove the \(run.count) spaces")
      wordings.runs[run.count] = (message, fixTitle)
    }
    return Finding(
      rule: id, severity: defaultSeverity, message: message, range: range,
      fix: Fix(title: fixTitle, edits: run.map { TextEdit(range: gap($0), newText: "") }))
  }
}

extension Unicode.Scalar {
  /// `，` `,` `；` `;`: marks that separate a heading's phrases instead of a space.
  fileprivate var isComma: Bool { self == "，" || self == "," || self == "；" || self == ";" }
}
