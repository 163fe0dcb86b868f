import RendaAnalysis
import RendaChecks
import RendaPage
import RendaText

/// The findings of a large text found window by window, so that its page model is never
/// held whole: `renda check` of a 100 MB file keeps the text, the pages of the windows in
/// flight (one, or one per worker and the one being parsed) and the findings, not a page
/// model three times the size of the text.
///
/// The contract is that the findings equal `CheckRunner.findings(in: PageParser.parse(text), …)`
/// (same findings, same order); memory comes second. It rests on what incremental
/// re-analysis already relies on (`IncrementalAnalysis`): a window of the text cut at article
/// boundaries and parsed with the page's page-wide decisions reads like the page, and the
/// rules run on some articles of a page (`Page.part`) find what they find on the whole page
/// for those articles. So:
/// - the page-wide decisions are taken first, over the whole text in chunks
///   (`PageParser.context(ofLargeText:chunkBytes:)`); a double-spaced page, whose decisions
///   depend on neighbours, is analysed whole;
/// - each window runs from an article boundary to a blank line about `windowBytes` later;
///   its last articles may be cut off there, so the next window starts at the boundary of an
///   article at least `guardArticles` before its end, and the articles from there on are
///   read again by the next window;
/// - titles matched by content (up to three articles away, `TitleAligner.alignStrays`) must
///   not pair across a boundary: no article of the window without a title found by position
///   and no stray title-like block may sit within three articles of it (else the boundary
///   moves back, and the window grows when none is left);
/// - a boundary must start a block the same way in the whole text (no author note running
///   across it);
/// - the findings of a window are moved to the text's bytes and lines (`Finding.shift`,
///   `CheckContext.lineOrigin`); suppressions are read once over the whole text.
package enum WindowedCheck {
  /// Articles at the end of a window that the next window reads again.
  static let guardArticles = 5

  /// How the findings were found (for tests and measurements).
  package enum Path: Sendable, Equatable {
    /// The text was analysed whole (double-spaced, or a window would not be smaller).
    case whole
    /// In `windows` windows.
    case windows(Int)
  }

  /// The findings of `text` in text order, found window by window.
  package static func findings(
    in text: SourceText, glossary: Glossary, configuration: CheckConfiguration = .default,
    windowBytes: Int = defaultWindowBytes
  ) -> (findings: [Finding], path: Path) {
    var result: [Finding] = []
    let path = forEachBatch(in: text, glossary: glossary, configuration: configuration, windowBytes: windowBytes) {
      result += $0
    }
    return (result, path)
  }

  /// Bytes of text per window: the page model of a window is a few times this.
  package static let defaultWindowBytes = 1 << 20

  /// Calls `body` with the findings of `text` in batches, in text order (the batches one after
  /// another are `findings(in:…)`), so that they need not be held together: a window's
  /// findings that start before the next window are handed on when the window is done, the
  /// others (a window's page holds no offset before its start, so none can come later) with
  /// the next window's. One batch when the text is analysed whole.
  ///
  /// With `workers` (of width above 1), the rules of each window run there while this thread
  /// parses the next windows (a window's boundary depends on its parse, so the parses stay in
  /// order, here): at most `workers.width` windows are in flight, and `body` is still called
  /// here, in text order, with the same batches.
  @discardableResult
  package static func forEachBatch(
    in text: SourceText, glossary: Glossary, configuration: CheckConfiguration = .default,
    windowBytes: Int = defaultWindowBytes, workers: (any ConcurrentWork)? = nil, _ body: ([Finding]) -> Void
  ) -> Path {
    guard text.count > windowBytes, let context = PageParser.context(ofLargeText: text, chunkBytes: windowBytes)
    else {
      body(CheckRunner.findings(in: PageParser.parse(text), glossary: glossary, configuration: configuration))
      return .whole
    }
    let suppressions = Suppressions(text)
    var batches = Batches()
    var windows = 0
    var inFlight: [(end: Int, result: () -> [Finding])] = []
    func finishOldest() {
      let job = inFlight.removeFirst()
      batches.add(job.result(), before: job.end, body)
    }
    forEachWindow(of: text, context: context, windowBytes: windowBytes) { window in
      windows += 1
      let work: @Sendable () -> [Finding] = {
        findings(of: window, in: text, suppressions: suppressions, glossary: glossary, configuration: configuration)
      }
      guard let workers, workers.width > 1 else {
        batches.add(work(), before: window.end, body)
        return
      }
      while inFlight.count >= workers.width { finishOldest() }
      inFlight.append((window.end, workers.start(work)))
    }
    while !inFlight.isEmpty { finishOldest() }
    batches.finish(body)
    return .windows(windows)
  }

  /// The findings of one window, moved to the whole text and without the suppressed ones.
  private static func findings(
    of window: Window, in text: SourceText, suppressions: Suppressions, glossary: Glossary,
    configuration: CheckConfiguration
  ) -> [Finding] {
    var found = CheckRunner.unsuppressedFindings(
      in: window.part, glossary: glossary, configuration: configuration, lineOrigin: window.line)
    for i in found.indices { found[i].shift(byBytes: window.byte) }
    if !suppressions.isEmpty { found.removeAll { suppressions.suppresses($0, in: text) } }
    return found
  }

  /// Windows' findings into batches in text order: a window's findings that start before the
  /// next window's first byte are ready; later ones wait for the next window's.
  private struct Batches {
    var pending: [Finding] = []

    mutating func add(_ found: [Finding], before end: Int, _ body: ([Finding]) -> Void) {
      if pending.isEmpty {
        pending = found
      } else {
        pending += found
        CheckRunner.putInTextOrder(&pending)
      }
      let ready = pending.firstIndex { $0.range.lowerBound.utf8 >= end } ?? pending.count
      if ready == pending.count {
        body(pending)
        pending = []
      } else if ready > 0 {
        body(Array(pending[..<ready]))
        pending.removeFirst(ready)
      }
    }

    mutating func finish(_ body: ([Finding]) -> Void) {
      if !pending.isEmpty { body(pending) }
      pending = []
    }
  }

  /// One window: the articles it decides, as a part of the page of its text.
  package struct Window: Sendable {
    /// The window's page, limited to the articles it decides and the lines before the next
    /// window (`Page.part`); its offsets and lines count from the window's start.
    package var part: Page
    /// Where the window starts in the whole text: its first byte and line.
    package var byte: Int
    package var line: Int
    /// The index of its first article in the whole page.
    package var article: Int
    /// The byte of the whole text where the next window starts (the text's end for the last).
    package var end: Int
  }

  /// Calls `body` with each window of `text`, in order; together their parts hold every
  /// article and line of the page of `text` once. `context` is the page's
  /// (`PageParser.context(ofLargeText:chunkBytes:)`, not double-spaced).
  package static func forEachWindow(
    of text: SourceText, context: PageContext, windowBytes: Int, _ body: (Window) -> Void
  ) {
    var line = 0
    var article = 0
    var size = windowBytes
    while line < text.lineCount {
      let startByte = text.lineIndex.lineStart(line).utf8
      let target = text.line(containing: TextOffset(utf8: startByte + size))
      let end = target + 1 < text.lineCount ? (text.firstBlankLine(from: target + 1) ?? text.lineCount) : text.lineCount
      let window = text.lines(line..<end)
      let (page, strayHomes) = PageParser.parse(window, context: context)
      var keep = page.articles.count
      var nextLine = window.lineCount
      if end < text.lineCount {
        guard let cut = boundary(of: page, strayHomes: strayHomes, placement: context.titlePlacement) else {
          size *= 2  // no safe boundary in this window: read a longer one
          continue
        }
        (keep, nextLine) = cut
      }
      let endByte = end < text.lineCount ? startByte + window.lineIndex.lineStart(nextLine).utf8 : text.count
      body(
        Window(
          part: page.part(articles: 0..<keep, lines: 0..<nextLine), byte: startByte, line: line, article: article,
          end: endByte))
      line += nextLine
      article += keep
      size = windowBytes
    }
  }

  /// Where the next window starts in `page` (a window whose text goes on after it): the
  /// articles before it (`keep`) and its line. The latest article boundary at least
  /// `guardArticles` from the end with no uncertain title within `PageParser.contentMatchReach` articles
  /// either side; nil when there is none.
  static func boundary(of page: Page, strayHomes: [Int], placement: TitlePlacement) -> (keep: Int, line: Int)? {
    let count = page.articles.count
    guard count > guardArticles, let starts = page.segmentStartLines(placement: placement) else { return nil }
    // Articles whose title may be matched by content: untitled by position, or holding a stray.
    var uncertain = page.articles.map { !$0.isTitledByPosition }
    for home in strayHomes where home < count { uncertain[home] = true }
    var j = count - guardArticles
    while j >= 1 {
      let reach = PageParser.contentMatchReach
      let near = max(0, j - reach)..<min(count, j + reach)
      if !near.contains(where: { uncertain[$0] }), page.articles[j].byline != nil,
        !page.authorNoteRuns(into: starts[j])
      {
        return (j, starts[j])
      }
      j -= 1
    }
    return nil
  }
}
