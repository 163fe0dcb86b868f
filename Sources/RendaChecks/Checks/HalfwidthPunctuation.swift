import RendaPage
import RendaText

/// Flags ASCII (half-width) punctuation used in Chinese text.
///
/// Catches `, . : ; ? ! ( ) " '` where the context is Chinese: a mark with a Han character
/// or Chinese punctuation on one side, and Chinese, the paragraph's edge or a number on the
/// other, read over line breaks (a mark at a line's end counts with the next line). The
/// ASCII parentheses of a byline (`钱玉珍(云南)`) are flagged too: print uses full-width
/// ones. A pair of parentheses is judged as a pair: `(街道)` is Chinese because of what it
/// holds. Marks inside numbers, Latin words and addresses are never flagged (`1.2 万`,
/// `2.0版`, `3:00`, `App,`, `www.npc.gov.cn`), nor a `.` after a digit (`1.` enumerates)
/// or in an ellipsis `...`. One finding per mark.
///
/// Why: Chinese print sets its punctuation full-width; an ASCII comma or quote is an OCR
/// or typing slip that crowds the text and shows at once on the printed page.
///
/// Example: `坚持党建引领,立足职能定位` — the `,` should be `，`.
///
/// Fix: the full-width mark (`，。：；？！（）`). A straight quote becomes `“` or `”` (`‘`
/// or `’`) by its place among the paragraph's straight quotes — odd ones open, even ones
/// close — but only when those quotes pair up; when one has lost its partner there is no
/// fix for the paragraph's quotes (`paired-punctuation` reports the lost partner).
package struct HalfwidthPunctuation: Check {
  package init() {}

  package let id = "halfwidth-punctuation"
  package let defaultSeverity = Severity.warning
  package let summary = LocalizedText(
    zh: "中文里用了半角标点（, . : ; ? ! ( ) \" '），应为全角",
    en: "Half-width (ASCII) punctuation in Chinese text")
  package let documentation = """
    halfwidth-punctuation (warning)

    Flags ASCII punctuation , . : ; ? ! ( ) " ' in Chinese text: a mark with a Han
    character or Chinese punctuation on one side, and Chinese, the paragraph's edge or a
    number on the other, read across line breaks. The ASCII parentheses of a byline
    (钱玉珍(云南)) are flagged too: print uses full-width ones. A pair of parentheses is
    judged as a pair: (街道) is Chinese because of what it holds. Marks inside numbers,
    Latin words and addresses are never flagged (1.2 万, 2.0版, 3:00, App, www.npc.gov.cn),
    nor a . after a digit (1. enumerates) or in an ellipsis. One finding per mark.

    Why: Chinese print sets its punctuation full-width; an ASCII comma or quote is an OCR
    or typing slip that shows at once on the printed page.

    Example:  坚持党建引领,立足职能定位      → the , should be ，

    Fix: the full-width mark (，。：；？！（）). A straight quote becomes “ or ” (‘ or ’)
    by its place among the paragraph's straight quotes: odd ones open, even ones close.
    That fix is offered only when the paragraph's straight quotes pair up; when one has
    lost its partner, none of them gets a fix (paired-punctuation reports the lost one).
    """

  package func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    appendFindings(in: context, to: &findings)
    // In place: a finding is moved, not copied (a copy retains its strings and fix).
    findings.sort { $0.range.lowerBound < $1.range.lowerBound }
    return findings
  }

  /// Thousands on an OCR'd page: appended where the run keeps them (see `Check`).
  package func appendFindings(in context: CheckContext, to findings: inout [Finding]) {
    let n = context.page.normalized
    for paragraph in context.page.paragraphs {
      scan(paragraph.normalizedRange, n, into: &findings)
    }
  }

  // MARK: Scanning one paragraph

  private func scan(_ range: Range<Int>, _ n: NormalizedText, into findings: inout [Finding]) {
    let view = ParagraphView(scalars: n.scalars, range: range)
    var openParentheses: [Int] = []
    var doubleQuotes: [Int] = []
    var singleQuotes: [Int] = []
    let scalars = n.scalars
    /// Takes the ASCII scalar `s` at `i`.
    func mark(_ s: Unicode.Scalar, at i: Int) {
      switch s {
      case ",", ";", "!", "?":
        if view.isClauseMark(at: i) { findings.append(finding(at: i, n)) }
      case ":":
        if view.isColon(at: i) { findings.append(finding(at: i, n)) }
      case ".":
        if view.isFullStop(at: i) { findings.append(finding(at: i, n)) }
      case "(":
        openParentheses.append(i)
      case ")":
        if let open = openParentheses.popLast() {
          if view.isChinesePair(open, i) {
            findings.append(finding(at: open, n))
            findings.append(finding(at: i, n))
          }
        } else if view.isChinese(i - 1, away: -1) {
          findings.append(finding(at: i, n))
        }
      case "\"":
        doubleQuotes.append(i)
      case "'":
        singleQuotes.append(i)
      default:
        break
      }
    }
    // Every mark looked for is ASCII: eight scalars without one, most of the text, are passed
    // at once; a block with one, scalar by scalar, anything but ASCII at the first test.
    scalars.withUnsafeBufferPointer { buffer in
      var i = range.lowerBound
      while i < range.upperBound {
        if i + ScalarLanes.width <= range.upperBound, !any(ScalarLanes.asciiLanes(of: ScalarLanes.block(buffer, at: i))) {
          i &+= ScalarLanes.width
          continue
        }
        let stop = min(range.upperBound, i + ScalarLanes.width)
        while i < stop {
          let s = buffer[i]
          if s.isASCII { mark(s, at: i) }
          i &+= 1
        }
      }
    }
    for open in openParentheses where view.isChinese(open + 1, away: 1) {
      findings.append(finding(at: open, n))
    }
    quoteFindings(doubleQuotes, view, n, marks: ("“", "”"), into: &findings)
    quoteFindings(singleQuotes, view, n, marks: ("‘", "’"), into: &findings)
  }

  /// Straight quotes of one kind in a paragraph: each one in a Chinese context is flagged;
  /// all get a fix only when they pair up.
  private func quoteFindings(
    _ quotes: [Int], _ view: ParagraphView, _ n: NormalizedText, marks: (open: String, close: String),
    into findings: inout [Finding]
  ) {
    let pairsUp =
      quotes.count.isMultiple(of: 2)
      && quotes.enumerated().allSatisfy { ordinal, i in
        ordinal.isMultiple(of: 2) ? view.canOpenQuote(at: i) : view.canCloseQuote(at: i)
      }
    for (ordinal, i) in quotes.enumerated() where view.isChinese(i - 1, away: -1) || view.isChinese(i + 1, away: 1) {
      let replacement = ordinal.isMultiple(of: 2) ? marks.open : marks.close
      findings.append(pairsUp ? finding(at: i, n, replacement: replacement) : unpairedQuote(at: i, n))
    }
  }

  // MARK: Findings

  private static let names: [Unicode.Scalar: (zh: String, en: String, fullWidth: String)] = [
    ",": ("逗号", "comma", "，"), ".": ("句号", "full stop", "。"), ":": ("冒号", "colon", "："),
    ";": ("分号", "semicolon", "；"), "?": ("问号", "question mark", "？"),
    "!": ("叹号", "exclamation mark", "！"), "(": ("左括号", "opening parenthesis", "（"),
    ")": ("右括号", "closing parenthesis", "）"), "\"": ("双引号", "double quote", "“”"),
    "'": ("单引号", "single quote", "‘’"),
  ]

  /// A finding's wording, which depends only on the mark and the replacement: made once per
  /// pair for the process, so that thousands of findings share their strings.
  private struct Wording: Sendable {
    var message: LocalizedText
    /// The fix's title and the full-width text; nil for the unpaired quote, which has none.
    var fix: SharedEditFix?
  }

  /// Wordings in a flat table by ``slot(_:_:)``, read without hashing (thousands of findings
  /// per megabyte): each mark with each replacement (nil: its own full-width form), and each
  /// mark's unpaired-quote wording.
  private static let wordings: [Wording?] = {
    var table = [Wording?](repeating: nil, count: 128 * 6)
    for (mark, name) in names {
      for replacement in [nil, "“", "”", "‘", "’"] as [String?] {
        let full = replacement ?? name.fullWidth
        let message: LocalizedText
        if let replacement {
          let opens = replacement == "“" || replacement == "‘"
          message = LocalizedText(
            zh: "中文里用了半角\(name.zh) \(mark)，此处应为全角\(opens ? "前" : "后")引号 \(replacement)",
            en: "half-width \(name.en) \(mark) in Chinese text: use the full-width \(opens ? "opening" : "closing") "
              + "quote \(replacement)")
        } else {
          message = LocalizedText(
            zh: "中文里用了半角\(name.zh)“\(mark)”，应为全角“\(full)”",
            en: "half-width \(name.en) \"\(mark)\" in Chinese text: use the full-width \"\(full)\"")
        }
        table[slot(mark, .replacement(replacement))] = Wording(
          message: message,
          fix: SharedEditFix(title: LocalizedText(zh: "改为全角 \(full)", en: "Replace with \(full)"), newText: full))
      }
      table[slot(mark, .unpairedQuote)] = Wording(
        message: LocalizedText(
          zh: "中文里用了半角\(name.zh) \(mark)，应为全角引号；本段半角引号不成对，无法确定是前引号还是后引号",
          en:
            "half-width \(name.en) \"\(mark)\" in Chinese text: use a full-width quote; the paragraph's "
            + "straight quotes do not pair up, so whether this one opens or closes is for a human to decide"),
        fix: nil)
    }
    return table
  }()

  private enum WordingKind {
    /// The mark replaced by `String` (a full-width quote), or by its own full-width form.
    case replacement(String?)
    case unpairedQuote
  }

  /// The slot in `wordings` of an ASCII mark's wording.
  private static func slot(_ mark: Unicode.Scalar, _ kind: WordingKind) -> Int {
    let column =
      switch kind {
      case .replacement(nil): 0
      case .replacement(let quote?):
        // By the quote's scalar, not by comparing strings (asked of every quote finding).
        switch quote.unicodeScalars.first?.value {
        case 0x201C: 1  // “
        case 0x201D: 2  // ”
        case 0x2018: 3  // ‘
        default: 4  // ’
        }
      case .unpairedQuote: 5
      }
    return Int(mark.value & 0x7F) * 6 + column
  }

  private func finding(at i: Int, _ n: NormalizedText, replacement: String? = nil) -> Finding {
    let wording = Self.wordings[Self.slot(n.scalars[i], .replacement(replacement))]!
    let range = n.sourceRange(i..<(i + 1))
    return Finding(
      rule: id, severity: defaultSeverity, message: wording.message, range: range, sharedFix: wording.fix!,
      editRange: range)
  }

  private func unpairedQuote(at i: Int, _ n: NormalizedText) -> Finding {
    let wording = Self.wordings[Self.slot(n.scalars[i], .unpairedQuote)]!
    return Finding(rule: id, severity: defaultSeverity, message: wording.message, range: n.sourceRange(i..<(i + 1)))
  }
}

/// The scalars of one paragraph, with the context questions the rule asks.
private struct ParagraphView {
  let scalars: [Unicode.Scalar]
  let range: Range<Int>

  /// The scalar at `i`, nil outside the paragraph.
  func at(_ i: Int) -> Unicode.Scalar? { range.contains(i) ? scalars[i] : nil }

  private static let asciiMarks: Set<Unicode.Scalar> = [",", ".", ":", ";", "?", "!", "(", ")", "\"", "'"]

  /// Chinese at `i`: a Han character or Chinese punctuation, or ASCII marks with one of
  /// those beyond them (`,"下` reads `"` as Chinese because of `下`).
  func isChinese(_ i: Int, away step: Int) -> Bool {
    var i = i
    // (ASCII first: nearly every scalar asked is Chinese, and the set hashes what it is asked.)
    while let s = at(i), s.isASCII, Self.asciiMarks.contains(s) { i += step }
    guard let s = at(i) else { return false }
    return s.isCJKIdeograph || s.isCJKPunctuation
  }

  func isLetter(_ i: Int) -> Bool {
    guard let s = at(i) else { return false }
    return ("A"..."Z").contains(s) || ("a"..."z").contains(s)
  }

  func isDigit(_ i: Int) -> Bool {
    guard let s = at(i) else { return false }
    return ("0"..."9").contains(s)
  }

  /// `, ; ! ?`: Chinese on one side and no Latin letter on the other (a thousands
  /// separator is never next to a Han character, so `100,其中` is flagged).
  func isClauseMark(at i: Int) -> Bool {
    (isChinese(i - 1, away: -1) && !isLetter(i + 1)) || (isChinese(i + 1, away: 1) && !isLetter(i - 1))
  }

  /// `:` after Chinese and not before a Latin letter (`时间:3月`, not `3:00` or `网址:http`),
  /// or opening a paragraph before Chinese.
  func isColon(at i: Int) -> Bool {
    (isChinese(i - 1, away: -1) && !isLetter(i + 1)) || (at(i - 1) == nil && isChinese(i + 1, away: 1))
  }

  /// `.` after Chinese, before Chinese or the paragraph's end; never after a digit or in `...`.
  func isFullStop(at i: Int) -> Bool {
    guard at(i - 1) != ".", at(i + 1) != "." else { return false }
    return isChinese(i - 1, away: -1) && (at(i + 1) == nil || isChinese(i + 1, away: 1))
  }

  /// A pair `(…)` is Chinese when it holds a Han character, or when it holds no Latin
  /// letter and stands next to Chinese (`(2023)` after a Han character).
  func isChinesePair(_ open: Int, _ close: Int) -> Bool {
    let inside = (open + 1)..<close
    if inside.contains(where: { scalars[$0].isCJKIdeograph }) { return true }
    guard !inside.isEmpty, !inside.contains(where: isLetter) else { return false }
    return isChinese(open - 1, away: -1) || isChinese(close + 1, away: 1)
  }

  private static let noOpenBefore: Set<Unicode.Scalar> = [
    ",", ".", ";", ":", "!", "?", ")", "，", "。", "；", "：", "！", "？", "、", "）", "》",
  ]
  private static let noCloseAfter: Set<Unicode.Scalar> = ["(", "（", "《", "“", "‘"]

  /// An opening quote is followed by text, not by the end or by a closing mark.
  func canOpenQuote(at i: Int) -> Bool {
    guard let next = at(i + 1) else { return false }
    return !Self.noOpenBefore.contains(next)
  }

  /// A closing quote follows text, not the start or an opening bracket.
  func canCloseQuote(at i: Int) -> Bool {
    guard let previous = at(i - 1) else { return false }
    return !Self.noCloseAfter.contains(previous)
  }
}
