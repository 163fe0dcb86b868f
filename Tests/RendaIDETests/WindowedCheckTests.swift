/// The contract of the windowed check of large texts: the findings equal those of the
/// whole page (same findings, same order, same line numbers in messages), over the seeds
/// and the project's own pages concatenated in seeded random orders, cut into small
/// windows, with random edits and suppression markers; and the page-wide decisions read
/// chunk by chunk equal the page's.
import Foundation
import RendaAnalysis
import RendaChecks
import RendaIDE
import RendaPage
import RendaText
import Synchronization
import Testing

@Suite("Windowed check")
struct WindowedCheckTests {
  static let glossary = IncrementalAnalysisTests.glossary

  /// The seeds and the project's own pages (other layouts).
  static let pages: [String] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let own = root.appendingPathComponent("Tests/Fixtures/own-pages")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: own.path)) ?? []).filter {
      $0.hasSuffix(".txt")
    }.sorted()
    return IncrementalAnalysisTests.seeds
      + names.compactMap { try? String(contentsOf: own.appendingPathComponent($0), encoding: .utf8) }
  }()

  /// `count` pages drawn (with repeats) in a seeded order, joined by blank lines; when
  /// `titlesFirst`, the first and the last are a page whose titles precede their bylines,
  /// which the whole document then follows (so the other pages' titles become strays).
  static func document(pages count: Int, seed: UInt64, titlesFirst: Bool = false) -> String {
    var rng = Random(seed: seed)
    var drawn = (0..<count).map { _ in pages.randomElement(using: &rng)! }
    let titlesBefore = pages.first { page in
      let layout = PageParser.parse(SourceText(page)).layout
      return layout.titlePlacement == .beforeByline && !layout.isDoubleSpaced
    }
    if titlesFirst, let first = titlesBefore {
      drawn[0] = first
      drawn[count - 1] = first
    }
    return drawn.joined(separator: "\n\n")
  }

  static func compare(_ string: String, windowBytes: Int, label: String) -> WindowedCheck.Path {
    let text = SourceText(string)
    let whole = CheckRunner.findings(in: PageParser.parse(text), glossary: glossary)
    let (windowed, path) = WindowedCheck.findings(in: text, glossary: glossary, windowBytes: windowBytes)
    if windowed != whole {
      let index = (0..<min(windowed.count, whole.count)).first { windowed[$0] != whole[$0] } ?? min(windowed.count, whole.count)
      let describe: (Finding?) -> String = { f in
        f.map { "\($0.rule) @\($0.range.lowerBound.utf8): \($0.message.zh)" } ?? "none"
      }
      Issue.record(
        "\(label) (\(path)): \(windowed.count) findings windowed, \(whole.count) whole; first difference at \(index): \(describe(index < windowed.count ? windowed[index] : nil)) vs \(describe(index < whole.count ? whole[index] : nil))"
      )
    }
    return path
  }

  @Test("page-wide decisions read in chunks equal the page's", arguments: [1, 700, 5_000, 40_000])
  func chunkedContext(_ chunkBytes: Int) throws {
    try #require(Self.pages.count >= 9, "seeds or own pages not found next to Tests/")
    var texts = Self.pages
    texts.append(Self.document(pages: 12, seed: 1))
    texts.append(Self.pages.dropFirst(5).joined(separator: "\n\n"))
    for (i, string) in texts.enumerated() {
      let text = SourceText(string)
      let page = PageParser.parse(text)
      let chunked = PageParser.context(ofLargeText: text, chunkBytes: chunkBytes)
      #expect(chunked == PageParser.context(of: page), "text \(i), chunks of \(chunkBytes) bytes")
      if let chunked {
        #expect(chunked.titlePlacement == page.layout.titlePlacement, "text \(i)")
        #expect(!page.layout.isDoubleSpaced, "text \(i)")
      } else {
        #expect(page.layout.isDoubleSpaced, "text \(i)")
      }
    }
  }

  @Test("windowed findings equal the whole page's on pages in random orders", arguments: 0..<8)
  func randomDocuments(_ index: Int) throws {
    try #require(Self.pages.count >= 9, "seeds or own pages not found next to Tests/")
    let string = Self.document(pages: 8 + index, seed: 0xD0C0 + UInt64(index), titlesFirst: index % 2 == 1)
    if index % 2 == 1 {
      #expect(PageParser.parse(SourceText(string)).layout.titlePlacement == .beforeByline)
    }
    let sizes = [2_000, 9_000, 40_000]
    var windows = 0
    for size in sizes {
      if case .windows(let n) = Self.compare(string, windowBytes: size, label: "document \(index), \(size) B") {
        windows = max(windows, n)
      }
    }
    print("document \(index): up to \(windows) windows")
    #expect(windows >= 4, "document \(index): at most \(windows) windows")
  }

  /// `ConcurrentWork` on threads of its own, each piece of work after a random pause (the
  /// tests of the core do not use the CLI's Dispatch one).
  struct ThreadWork: ConcurrentWork {
    let width: Int
    /// Pieces started and not yet waited for: now, and the most there were.
    let outstanding = Outstanding()

    final class Outstanding: Sendable {
      let counts = Mutex((now: 0, most: 0))
      func started() {
        counts.withLock {
          $0.now += 1
          $0.most = max($0.most, $0.now)
        }
      }
      func waited() { counts.withLock { $0.now -= 1 } }
      var current: (now: Int, most: Int) { counts.withLock { $0 } }
    }

    func start<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> () -> Result {
      let job = Job<Result>()
      outstanding.started()
      let thread = Thread {
        usleep(UInt32.random(in: 0...2_000))
        job.result = work()
        job.done.signal()
      }
      thread.start()
      return {
        job.done.wait()
        outstanding.waited()
        return job.result!
      }
    }

    final class Job<Result: Sendable>: @unchecked Sendable {
      let done = DispatchSemaphore(value: 0)
      var result: Result?
    }
  }

  @Test("windows whose rules run on other threads give the same batches, in the same order", arguments: [1, 2, 3, 8])
  func parallelWindows(_ workers: Int) throws {
    try #require(Self.pages.count >= 9, "seeds or own pages not found next to Tests/")
    let text = SourceText(Self.document(pages: 14, seed: 0xFA57 + UInt64(workers), titlesFirst: workers % 2 == 1))
    for size in [3_000, 20_000] {
      var serial: [[Finding]] = []
      let serialPath = WindowedCheck.forEachBatch(in: text, glossary: Self.glossary, windowBytes: size) {
        serial.append($0)
      }
      var parallel: [[Finding]] = []
      let work = ThreadWork(width: workers)
      let parallelPath = WindowedCheck.forEachBatch(
        in: text, glossary: Self.glossary, windowBytes: size, workers: work
      ) { parallel.append($0) }
      #expect(parallelPath == serialPath)
      // The windows went on while earlier ones ran, never more than the width at once (one
      // worker: the serial path, which starts nothing).
      let outstanding = work.outstanding.current
      #expect(outstanding.now == 0)
      if case .windows(let n) = serialPath {
        #expect(outstanding.most == (workers > 1 ? min(workers, n) : 0), "\(workers) workers, \(n) windows")
      }
      if case .windows(let n) = serialPath { #expect(n >= 4, "\(n) windows of \(size) B") } else {
        Issue.record("checked whole at \(size) B")
      }
      #expect(parallel == serial, "\(workers) workers, windows of \(size) B")
      #expect(serial.count > 1)
    }
  }

  @Test("windowed findings equal the whole page's after random edits and markers", arguments: 0..<4)
  func editedDocuments(_ index: Int) throws {
    try #require(Self.pages.count >= 9, "seeds or own pages not found next to Tests/")
    var rng = Random(seed: 0xED17 + UInt64(index))
    var text = SourceText(Self.document(pages: 10, seed: 0xAB + UInt64(index), titlesFirst: index % 2 == 1))
    for step in 0..<30 {
      let (range, insert) = IncrementalAnalysisTests.randomChange(in: text, using: &rng)
      text = text.replacing(range, with: insert)
      if step % 10 == 9 {
        _ = Self.compare(
          String(decoding: text.bytes, as: UTF8.self), windowBytes: 3_000 + 2_000 * index,
          label: "edited document \(index), step \(step)")
      }
    }
  }

  @Test("titles before bylines that open with ASCII marks, at every cut")
  func asciiMarkTitles() throws {
    try #require(Self.pages.count >= 9, "seeds or own pages not found next to Tests/")
    // A window starts at such a title: a rule that looked back from it (past ASCII marks)
    // would see the previous article on the page and nothing in the window.
    let string = Self.document(pages: 10, seed: 0xF00D, titlesFirst: true)
    let page = PageParser.parse(SourceText(string))
    var text = SourceText(string)
    var prefixed = 0
    for article in page.articles.reversed() {
      guard let title = article.title, title.placement == .before else { continue }
      text = text.replacing(title.text.range.lowerBound..<title.text.range.lowerBound, with: "( 特稿 )")
      prefixed += 1
    }
    #expect(prefixed >= 10)
    let edited = String(decoding: text.bytes, as: UTF8.self)
    for size in [2_000, 5_000, 9_000] {
      #expect(Self.compare(edited, windowBytes: size, label: "ASCII-mark titles, \(size) B") != .whole)
    }
  }

  @Test("odd line breaks and blank lines: CRLF, lines of spaces or of ideographic spaces, notes right before bylines")
  func oddLayouts() throws {
    try #require(Self.pages.count >= 9, "seeds or own pages not found next to Tests/")
    let base = Self.document(pages: 9, seed: 0x0DD, titlesFirst: false)
    let variants: [(String, String)] = [
      ("CRLF", base.replacingOccurrences(of: "\n", with: "\r\n")),
      ("blank lines of spaces and tabs", base.replacingOccurrences(of: "\n\n", with: "\n \t \n")),
      ("blank lines of ideographic spaces", base.replacingOccurrences(of: "\n\n", with: "\n\u{3000}\n")),
      // An author note followed at once by the next block (no blank line between).
      ("notes against the next block", Self.withoutBlankLineAfterNotes(base)),
    ]
    for (label, string) in variants {
      #expect(string != base, "\(label): the variant changes the text")
      for size in [2_000, 7_000] {
        let path = Self.compare(string, windowBytes: size, label: "\(label), \(size) B")
        // Lines of ideographic spaces are blank to the parser but not cut at (only lines of
        // ASCII spaces and tabs are): that text is read as one window.
        if !label.contains("ideographic") {
          #expect(path != .whole && path != .windows(1), "\(label), \(size) B: \(path)")
        }
      }
    }
  }

  /// `text` with the blank lines right after author notes (`（作者…` lines) removed.
  static func withoutBlankLineAfterNotes(_ text: String) -> String {
    var lines: [Substring] = []
    var afterNote = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if afterNote, line.isEmpty { continue }
      afterNote = line.hasPrefix("（作者") || line.hasPrefix("(作者")
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  @Test("a suppressed range that spans windows is read once over the whole text")
  func suppressionsAcrossWindows() throws {
    try #require(Self.pages.count >= 9, "seeds or own pages not found next to Tests/")
    let seeds = IncrementalAnalysisTests.seeds
    let string =
      seeds[0] + "\n\n<!-- renda-disable ocr-spacing -->\n\n" + seeds[1] + "\n\n" + seeds[2]
      + "\n\n<!-- renda-enable ocr-spacing -->\n\n" + seeds[4] + "\n\n<!-- renda-disable -->\n\n" + seeds[0]
    let path = Self.compare(string, windowBytes: 4_000, label: "markers")
    #expect(path != .whole)
  }

  @Test("a double-spaced page and a small text are checked whole")
  func wholePaths() throws {
    try #require(Self.pages.count >= 9, "seeds or own pages not found next to Tests/")
    let doubleSpaced = try #require(
      Self.pages.first { PageParser.parse(SourceText($0)).layout.isDoubleSpaced }, "a double-spaced page")
    #expect(Self.compare(doubleSpaced + "\n\n" + doubleSpaced, windowBytes: 2_000, label: "double-spaced") == .whole)
    #expect(Self.compare(Self.pages[0], windowBytes: 1 << 20, label: "small") == .whole)
  }
}

extension WindowedCheckTests {
  /// The articles each window decides equal the whole page's, moved to the window.
  static func compareArticles(_ string: String, windowBytes: Int, label: String) throws {
    let text = SourceText(string)
    let whole = PageParser.parse(text)
    let context = try #require(PageParser.context(ofLargeText: text, chunkBytes: windowBytes), "\(label): context")
    var seen = 0
    WindowedCheck.forEachWindow(of: text, context: context, windowBytes: windowBytes) { window in
      let scalars = whole.normalized.starts.firstIndex { $0 >= window.byte } ?? whole.normalized.count
      let blocks = whole.blocks.firstIndex { $0.firstLine >= window.line } ?? whole.blocks.count
      let down = PageShift(
        bytes: -window.byte, lines: -window.line, scalars: -scalars, blocks: -blocks, articles: -window.article)
      #expect(window.article == seen, "\(label): windows hold every article once")
      for (k, article) in window.part.articles.enumerated() {
        let expected = whole.articles[window.article + k].shifted(by: down)
        if let field = AnalysisComparison.articleDifference(article, expected) {
          Issue.record("\(label): article \(window.article + k) (window at line \(window.line)): \(field)")
          return
        }
      }
      seen += window.part.articles.count
    }
    #expect(seen == whole.articles.count, "\(label): \(seen) articles in windows, \(whole.articles.count) in the page")
  }

  @Test("each window's articles equal the whole page's", arguments: 0..<9)
  func windowArticles(_ index: Int) throws {
    try #require(Self.pages.count >= 9, "seeds or own pages not found next to Tests/")
    let string =
      index == 8
      ? Array(repeating: IncrementalAnalysisTests.seeds.joined(separator: "\n\n"), count: 3).joined(separator: "\n\n")
      : Self.document(pages: 8 + index, seed: 0xA27 + UInt64(index), titlesFirst: index % 2 == 1)
    for size in index == 8 ? Array(stride(from: 1_000, through: 14_000, by: 1_000)) : [2_000, 9_000] {
      try Self.compareArticles(string, windowBytes: size, label: "document \(index), \(size) B")
    }
  }
}
