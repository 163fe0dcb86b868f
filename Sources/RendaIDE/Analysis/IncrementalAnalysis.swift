import RendaAnalysis
import RendaChecks
import RendaPage
import RendaText

/// One edit of a text: `range` (UTF-8 bytes of the text as it was when the edit applied)
/// replaced by `replacementLength` bytes. Edits apply in order.
package struct TextChange: Sendable, Equatable {
  package var range: TextRange
  package var replacementLength: Int

  package init(range: TextRange, replacementLength: Int) {
    self.range = range
    self.replacementLength = replacementLength
  }
}

/// A document's analysis that follows its edits: after an edit it re-parses and re-checks
/// only the articles the edit touches and their neighbours (a window cut at article
/// boundaries), and splices the rest of the old page and findings in, moved by the edit.
///
/// The contract is that the result equals a fresh `DocumentAnalysis` of the new text (same
/// page model, same findings in the same order); speed comes second. So every page-wide
/// decision is checked, and anything the window cannot decide alone falls back to the full
/// analysis:
/// - the page's column width, double spacing and title placement are recomputed on the
///   spliced page (`PageParser.context(of:)`) and must not change; double-spaced pages are
///   always analysed whole;
/// - titles matched by content (`TitleAligner.alignStrays`, up to three articles away, greedy
///   by score) are excluded: every article of the window must have a title found by
///   position before and after the edit, no title matched by content may sit in the window,
///   and when the window holds strays (title-like blocks left to match), every article
///   within three of the window must be titled by position; the window keeps at least
///   three articles (so articles on its two sides stay more than three apart);
/// - the window's cuts must start blocks the same way in the whole text (no author note
///   running across a cut);
/// - findings after the window move by the edit's bytes; when the edit adds or removes
///   lines, those whose text may cite a line number are re-checked;
/// - suppression markers are read again over the whole new text, unless no line of the
///   old text held the bytes `<!--` (which every marker holds) and neither do the lines
///   the edit touched in the new text.
package struct IncrementalAnalysis: Sendable {
  /// How the last analysis was made (for tests and measurements).
  package enum Path: Sendable, Equatable {
    case full
    /// Re-parsed `articles` articles of the window.
    case window(articles: Int)
  }

  /// What an update kept of the findings of the analysis it was made from, for callers
  /// that derive something per finding (the server's diagnostics): the first `prefix`
  /// findings are the previous analysis's first `prefix`, and the last `suffix` are its
  /// last `suffix` moved by `bytes`. The new text equals the old one before `start` (a
  /// line start) and, from `newEnd` on (a line start, or the end), the old text from
  /// `newEnd - bytes` on; `lines` is the number of lines the edit added.
  package struct Reuse: Sendable, Equatable {
    package var prefix: Int
    package var suffix: Int
    package var bytes: Int
    package var lines: Int
    package var start: Int
    package var newEnd: Int

    package init(prefix: Int, suffix: Int, bytes: Int, lines: Int, start: Int, newEnd: Int) {
      self.prefix = prefix
      self.suffix = suffix
      self.bytes = bytes
      self.lines = lines
      self.start = start
      self.newEnd = newEnd
    }
  }

  package let analysis: DocumentAnalysis
  package let path: Path
  /// Nil after a full analysis, and when suppressions filter the findings of this
  /// analysis or the previous one.
  package let reuse: Reuse?
  fileprivate let configuration: CheckConfiguration
  /// Findings before suppression, in text order (shares storage with `analysis.findings`
  /// when nothing is suppressed).
  private let unsuppressed: [Finding]
  /// The page-wide decisions of `analysis.page`; nil when it is double-spaced.
  fileprivate let context: PageContext?
  /// No line of the text holds the bytes `<!--`: there are no suppression markers.
  private let markerFree: Bool
  /// Whether suppressions removed findings (`analysis.findings` is not `unsuppressed`).
  private let suppressing: Bool

  /// Analyses `text` whole.
  package init(text: SourceText, glossary: Glossary, configuration: CheckConfiguration = .default) {
    let page = PageParser.parse(text)
    let unsuppressed = CheckRunner.unsuppressedFindings(in: page, glossary: glossary, configuration: configuration)
    self.init(
      page: page, unsuppressed: unsuppressed, glossary: glossary, configuration: configuration, path: .full,
      reuse: nil, markerFree: false)
  }

  /// `markerFree`: known to hold no suppression marker (else the text is read for them).
  /// `verified`: `PageParser.context(of: page)`, when the caller has just computed it (it
  /// is O(blocks + lines), a tenth of a keystroke on a large page), else nil.
  private init(
    page: Page, unsuppressed: [Finding], glossary: Glossary, configuration: CheckConfiguration, path: Path,
    reuse: Reuse?, markerFree: Bool, verified: PageContext? = nil
  ) {
    let suppressions = markerFree ? nil : Suppressions(page.text)
    let findings =
      if let suppressions, !suppressions.isEmpty {
        unsuppressed.filter { !suppressions.suppresses($0, in: page.text) }
      } else {
        unsuppressed
      }
    analysis = DocumentAnalysis(text: page.text, page: page, findings: findings, glossary: glossary)
    self.unsuppressed = unsuppressed
    self.configuration = configuration
    self.path = path
    self.markerFree = markerFree || suppressions?.mayHoldMarkers == false
    suppressing = suppressions.map { !$0.isEmpty } ?? false
    self.reuse = suppressing ? nil : reuse
    // Recomputed decisions that disagree with the parser's own (were its rules to change
    // without `PageParser.context(of:)`) leave every later edit to the full analysis.
    let recomputed = page.layout.isDoubleSpaced ? nil : (verified ?? PageParser.context(of: page))
    context = recomputed.flatMap { $0.titlePlacement == page.layout.titlePlacement ? $0 : nil }
  }

  /// The analysis of `newText`, the text after `changes`: incremental when it can be,
  /// else whole.
  package func updated(to newText: SourceText, changes: [TextChange]) -> IncrementalAnalysis {
    if let result = incremental(newText, changes) { return result }
    return IncrementalAnalysis(text: newText, glossary: analysis.glossary, configuration: configuration)
  }

  // MARK: The window

  /// The edits folded into one: `old` in the old text became `lower..<newUpper`.
  private static func region(_ changes: [TextChange], oldCount: Int) -> (old: Range<Int>, newUpper: Int)? {
    var lower = Int.max
    var oldUpper = 0
    var newUpper = 0
    var count = oldCount
    for change in changes {
      let s = change.range.lowerBound.utf8
      let t = change.range.upperBound.utf8
      guard s >= 0, s <= t, t <= count, change.replacementLength >= 0 else { return nil }
      if lower == Int.max {
        lower = s
        oldUpper = t
        newUpper = s + change.replacementLength
      } else {
        let end = max(newUpper, t)
        oldUpper = end >= newUpper ? oldUpper + (end - newUpper) : oldUpper
        lower = min(lower, s)
        newUpper = end + change.replacementLength - (t - s)
      }
      count += change.replacementLength - (t - s)
    }
    guard lower != Int.max else { return nil }
    return (lower..<oldUpper, newUpper)
  }

  private func incremental(_ newText: SourceText, _ changes: [TextChange]) -> IncrementalAnalysis? {
    guard let context else { return nil }
    let old = analysis.page
    guard let region = Self.region(changes, oldCount: old.text.count) else { return nil }
    let delta = newText.count - old.text.count
    guard region.newUpper - region.old.upperBound == delta else { return nil }
    let n = old.articles.count
    guard n > 0, let cuts = old.segmentStartLines(placement: context.titlePlacement) else { return nil }
    func segment(ofByte byte: Int) -> Int {
      let line = old.text.line(containing: TextOffset(utf8: byte))
      var k = 0
      var high = n - 1
      while k < high {
        let mid = (k + high + 1) / 2
        if cuts[mid] <= line { k = mid } else { high = mid - 1 }
      }
      return k
    }
    let t0 = segment(ofByte: max(region.old.lowerBound - 1, 0))
    let t1 = segment(ofByte: min(region.old.upperBound, old.text.count))
    let a = max(0, t0 - 1)
    let b = min(n - 1, t1 + 1)
    // Titles matched by content: none of the window's articles may have or give one.
    for k in a...b where !old.articles[k].isTitledByPosition { return nil }

    let lineDelta = newText.lineCount - old.text.lineCount
    let lower = cuts[a]
    let oldUpper = b + 1 < n ? cuts[b + 1] : old.text.lineCount
    let newUpper = b + 1 < n ? oldUpper + lineDelta : newText.lineCount
    let start = old.text.lineIndex.lineStart(lower).utf8
    let oldEnd = b + 1 < n ? old.text.lineIndex.lineStart(oldUpper).utf8 : old.text.count
    guard region.old.lowerBound >= start, region.old.upperBound < oldEnd || b + 1 == n else { return nil }
    guard a == 0 || !old.authorNoteRuns(into: lower) else { return nil }
    let newEnd = oldEnd + delta
    guard newEnd >= start, newEnd <= newText.count else { return nil }

    let windowText = newText.lines(lower..<newUpper)
    let (window, strays) = PageParser.parse(windowText, context: context)
    guard !window.articles.isEmpty, window.articles.allSatisfy(\.isTitledByPosition) else { return nil }
    for article in old.articles where article.title?.placement == .elsewhere {
      guard let line = article.title?.lines.first, line < lower || line >= oldUpper else { return nil }
    }
    // A stray of the window could be matched with an untitled article up to three away; and
    // with fewer than three articles the window would bring articles on its two sides closer.
    if !strays.isEmpty {
      let reach = PageParser.contentMatchReach
      for k in max(0, a - reach)...min(n - 1, b + reach) where !old.articles[k].isTitledByPosition { return nil }
    }
    guard window.articles.count >= 3 || a == 0 || b == n - 1 else { return nil }
    if a > 0 { guard window.articles[0].byline != nil else { return nil } }
    if b + 1 < n {
      // The next segment must start a block in the whole new text as it did.
      let local = newUpper - lower
      if let last = window.blocks.last, last.lastLine == local - 1 {
        let next = old.blocks.first { $0.firstLine >= oldUpper }
        guard next?.role == .byline, !window.authorNoteRuns(into: local) else { return nil }
      }
    }
    guard
      let page = old.splicing(
        window: window, replacingLines: lower..<oldUpper, articles: a..<(b + 1), newText: newText),
      PageParser.context(of: page) == context
    else { return nil }

    // Findings: those before the window stay, the window's are found again, those after move.
    let newArticles = a..<(a + window.articles.count)
    let windowFindings = CheckRunner.unsuppressedFindings(
      in: page.part(articles: newArticles, lines: lower..<newUpper), glossary: analysis.glossary,
      configuration: configuration)
    let firstInWindow = unsuppressed.firstIndex { $0.range.lowerBound.utf8 >= start } ?? unsuppressed.count
    let firstAfter =
      b + 1 < n
      ? (unsuppressed[firstInWindow...].firstIndex { $0.range.lowerBound.utf8 >= oldEnd } ?? unsuppressed.count)
      : unsuppressed.count
    let after = unsuppressed[firstAfter...]
    var findings: [Finding] = []
    findings.reserveCapacity(firstInWindow + windowFindings.count + after.count)
    findings += unsuppressed[..<firstInWindow]
    findings += windowFindings
    var kept = after.count
    if lineDelta != 0, after.contains(where: \.mayCiteLines) {
      guard
        let moved = recheckCitingLines(
          after.map { $0.shifted(byBytes: delta) }, in: page, from: newArticles.upperBound, line: newUpper)
      else { return nil }
      findings += moved
      kept = 0
    } else {
      // Copied in bulk, then moved in place.
      let first = findings.count
      findings += after
      for i in first..<findings.count { findings[i].shift(byBytes: delta) }
    }
    return IncrementalAnalysis(
      page: page, unsuppressed: findings, glossary: analysis.glossary, configuration: configuration,
      path: .window(articles: window.articles.count),
      reuse: suppressing
        ? nil
        : Reuse(prefix: firstInWindow, suffix: kept, bytes: delta, lines: lineDelta, start: start, newEnd: newEnd),
      markerFree: markerFree && !Self.editMayHoldMarker(newText, from: region.old.lowerBound, to: region.newUpper),
      verified: context)
  }

  /// Whether the lines of `text` that hold bytes `lower..<upper` hold the bytes `<!--`
  /// (the lines an edit touched: a marker the edit made lies on them).
  private static func editMayHoldMarker(_ text: SourceText, from lower: Int, to upper: Int) -> Bool {
    let first = text.line(containing: TextOffset(utf8: lower))
    let last = text.line(containing: TextOffset(utf8: upper))
    let bytes = text.lineIndex.lineStart(first).utf8..<text.lineIndex.contentRange(ofLine: last).upperBound.utf8
    return Suppressions.mayHoldMarker(text, bytes: bytes)
  }
}

extension IncrementalAnalysis {
  /// The findings after the window when the edit moved lines: article by article, those of
  /// an article whose findings may cite a line number are found again; the others stay.
  /// `moved` are the old findings moved by the edit's bytes, in text order; the articles
  /// from `first` on start at `line`.
  fileprivate func recheckCitingLines(_ moved: [Finding], in page: Page, from first: Int, line: Int) -> [Finding]? {
    guard let context, let cuts = page.segmentStartLines(placement: context.titlePlacement) else { return nil }
    var result: [Finding] = []
    result.reserveCapacity(moved.count)
    var i = 0
    for k in first..<page.articles.count {
      let lower = k == first ? line : cuts[k]
      let upper = k + 1 < page.articles.count ? cuts[k + 1] : page.text.lineCount
      let end = k + 1 < page.articles.count ? page.text.lineIndex.lineStart(upper).utf8 : Int.max
      var j = i
      while j < moved.count, moved[j].range.lowerBound.utf8 < end { j += 1 }
      if moved[i..<j].contains(where: \.mayCiteLines) {
        result += CheckRunner.unsuppressedFindings(
          in: page.part(articles: k..<(k + 1), lines: lower..<upper), glossary: analysis.glossary,
          configuration: configuration)
      } else {
        result += moved[i..<j]
      }
      i = j
    }
    return i == moved.count ? result : nil
  }
}

extension DocumentAnalysis {
  /// An analysis made elsewhere (by `IncrementalAnalysis`).
  package init(text: SourceText, page: Page, findings: [Finding], glossary: Glossary) {
    self.text = text
    self.page = page
    self.findings = findings
    self.glossary = glossary
  }
}
