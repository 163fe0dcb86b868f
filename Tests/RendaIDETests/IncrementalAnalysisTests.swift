/// The contract of incremental re-analysis: after every edit, the incremental analysis
/// equals a fresh analysis of the new text (page model and findings, in order), over a
/// seeded random sequence of edits on each seed page and on the seeds concatenated; and
/// the window path is really taken for ordinary one-character edits inside an article.
import Foundation
import RendaAnalysis
import RendaChecks
import RendaData
import RendaIDE
import RendaPage
import RendaText
import Testing

@Suite("Incremental analysis")
struct IncrementalAnalysisTests {
  static let glossary: Glossary = (try? GlossaryLoader.builtIn()) ?? .empty

  static let seeds: [String] = {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("seeds")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
      $0.hasSuffix(".txt")
    }.sorted()
    return names.compactMap { try? String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
  }()

  /// What an edit inserts: characters, line breaks, blank lines, bylines, titles, markers.
  static let insertions: [String] = [
    "的", "人", "。", "，", "“", "”", "（", "）", " ", "\n", "\n\n", "■ 张 三（湖北）\n", "\n■ 李四（山东）\n\n",
    "加强代表工作\n\n", "\n\n提升履职能力\n\n", "<!-- renda-disable -->\n", "<!-- renda-enable -->\n",
    "<!-- renda-disable-next-line ocr-spacing -->\n", "一是", "“四个机关”", "（作者系某县人大常委会主任）\n",
  ]

  /// A random edit of `text`: an insertion, a deletion of a few scalars, of a line or of a
  /// line's terminator, or a line duplicated.
  static func randomChange(in text: SourceText, using rng: inout Random) -> (TextRange, String) {
    let bytes = text.bytes
    func boundary(_ offset: Int) -> Int {
      var o = min(max(offset, 0), bytes.count)
      while o < bytes.count, bytes[o] & 0xC0 == 0x80 { o += 1 }
      return o
    }
    let line = Int.random(in: 0..<max(text.lineCount, 1), using: &rng)
    let full = text.lineIndex.fullRange(ofLine: line)
    switch Int.random(in: 0..<10, using: &rng) {
    case 0...3:
      let at = boundary(Int.random(in: 0...bytes.count, using: &rng))
      let offset = TextOffset(utf8: at)
      return (offset..<offset, insertions.randomElement(using: &rng)!)
    case 4...5:
      let at = boundary(Int.random(in: 0...bytes.count, using: &rng))
      let end = boundary(at + Int.random(in: 1...9, using: &rng))
      return (TextOffset(utf8: at)..<TextOffset(utf8: end), "")
    case 6:
      return (full, "")
    case 7:
      let content = text.lineIndex.contentRange(ofLine: line)
      return (content.upperBound..<full.upperBound, "")
    case 8:
      return (full.lowerBound..<full.lowerBound, text.string(in: full))
    default:
      let offset = full.lowerBound
      return (offset..<offset, insertions.randomElement(using: &rng)!)
    }
  }

  /// Applies `steps` random edits (sometimes two per update) and compares after each.
  /// Returns how many updates took the window path.
  @discardableResult
  static func check(_ string: String, seed: UInt64, steps: Int, label: String) -> Int {
    var rng = Random(seed: seed)
    var text = SourceText(string)
    var incremental = IncrementalAnalysis(text: text, glossary: glossary)
    var windows = 0
    for step in 0..<steps {
      var changes: [TextChange] = []
      var described: [String] = []
      for _ in 0..<(Int.random(in: 0..<5, using: &rng) == 0 ? 2 : 1) {
        let (range, insert) = randomChange(in: text, using: &rng)
        changes.append(TextChange(range: range, replacementLength: insert.utf8.count))
        described.append("\(range.lowerBound.utf8)..<\(range.upperBound.utf8) → \(insert.debugDescription)")
        text = text.replacing(range, with: insert)
      }
      incremental = incremental.updated(to: text, changes: changes)
      if case .window = incremental.path { windows += 1 }
      let fresh = DocumentAnalysis(text: text, glossary: glossary)
      let difference = AnalysisComparison.difference(incremental.analysis, fresh)
      #expect(difference == nil, "\(label) step \(step) [\(described.joined(separator: "; "))]: \(difference ?? "")")
      if difference != nil { break }
    }
    print("\(label): window path in \(windows) of \(steps) updates")
    return windows
  }

  @Test("incremental equals fresh after random edits on each seed", arguments: 0..<5)
  func seedPages(_ index: Int) throws {
    try #require(Self.seeds.count == 5, "seeds not found next to Tests/")
    Self.check(Self.seeds[index], seed: 0x5EED_0000 + UInt64(index), steps: 80, label: "seed \(index)")
  }

  @Test("incremental equals fresh after random edits on the seeds concatenated")
  func concatenation() throws {
    try #require(Self.seeds.count == 5, "seeds not found next to Tests/")
    let windows = Self.check(Self.seeds.joined(separator: "\n\n"), seed: 0xC0FFEE, steps: 150, label: "all seeds")
    #expect(windows > 0)
  }

  @Test("one-character edits in the middle of an article take the window path")
  func windowPathTaken() throws {
    try #require(Self.seeds.count == 5, "seeds not found next to Tests/")
    var text = SourceText(Self.seeds.joined(separator: "\n\n"))
    var incremental = IncrementalAnalysis(text: text, glossary: Self.glossary)
    var rng = Random(seed: 7)
    var taken = 0
    let edits = 20
    for k in 0..<edits {
      // A body paragraph of an article in the middle of the document; type, then delete.
      let page = incremental.analysis.page
      let pick: Int = page.articles.count / 2 + Int.random(in: -2...2, using: &rng)
      let middle: Article = page.articles[pick]
      let blocks: [Block] = middle.bodyBlocks.map { page.blocks[$0] }
      let body: [Block] = blocks.filter { $0.role == .body && $0.range.upperBound.utf8 - $0.range.lowerBound.utf8 > 12 }
      let block = try #require(body.randomElement(using: &rng))
      let length = block.range.upperBound.utf8 - block.range.lowerBound.utf8
      let at = block.range.lowerBound.utf8 + 3 * Int.random(in: 1..<(length / 3 - 1), using: &rng)
      let offset = text.scalarBoundary(atOrBefore: TextOffset(utf8: at))
      let range = k % 2 == 0 ? offset..<offset : offset..<TextOffset(utf8: offset.utf8 + 3)
      let insert = k % 2 == 0 ? "的" : ""
      text = text.replacing(range, with: insert)
      incremental = incremental.updated(
        to: text, changes: [TextChange(range: range, replacementLength: insert.utf8.count)])
      if case .window = incremental.path { taken += 1 }
      let fresh = DocumentAnalysis(text: text, glossary: Self.glossary)
      #expect(AnalysisComparison.difference(incremental.analysis, fresh) == nil)
    }
    print("one-character edits: window path in \(taken) of \(edits)")
    #expect(taken >= edits * 3 / 4, "window path taken \(taken) of \(edits) times")
  }

  @Test("a suppression marker made by an edit, across edits or by joining two lines, is read")
  func markersMadeByEdits() throws {
    try #require(Self.seeds.count == 5, "seeds not found next to Tests/")
    var text = SourceText(Self.seeds.joined(separator: "\n\n"))
    var incremental = IncrementalAnalysis(text: text, glossary: Self.glossary)
    #expect(!text.bytes.contains(UInt8(ascii: "<")), "the seeds hold no marker-like bytes")
    let page = incremental.analysis.page
    let middle = page.articles[page.articles.count / 2]
    let block = try #require(middle.bodyBlocks.map { page.blocks[$0] }.first { $0.role == .body })
    let at = block.range.lowerBound
    var suppressedSome = false
    // Each edit, applied in turn at the block's start: the marker exists only after the
    // second and after the fourth.
    let edits: [(Range<Int>, String)] = [
      (0..<0, "<!\n"), (2..<2, "-- renda-disable -->"), (4..<4, "\n"), (4..<5, ""),
    ]
    for (step, (relative, insert)) in edits.enumerated() {
      let range = TextOffset(utf8: at.utf8 + relative.lowerBound)..<TextOffset(utf8: at.utf8 + relative.upperBound)
      text = text.replacing(range, with: insert)
      incremental = incremental.updated(
        to: text, changes: [TextChange(range: range, replacementLength: insert.utf8.count)])
      let fresh = DocumentAnalysis(text: text, glossary: Self.glossary)
      let difference = AnalysisComparison.difference(incremental.analysis, fresh)
      #expect(difference == nil, "step \(step): \(difference ?? "")")
      if step == 1 || step == 3 {
        suppressedSome = suppressedSome || fresh.findings.count
            < CheckRunner.unsuppressedFindings(in: fresh.page, glossary: Self.glossary, configuration: .default).count
        #expect(incremental.reuse == nil, "step \(step): suppressions filter the findings")
      }
    }
    #expect(suppressedSome, "the marker should suppress findings")
  }

  @Test("a full-page replacement and an empty edit list fall back to the full analysis")
  func fallbacks() {
    let first = SourceText("■ 张三（湖北）\n\n正文第一段。\n")
    let second = SourceText("完全不同的文本。\n")
    let incremental = IncrementalAnalysis(text: first, glossary: Self.glossary).updated(to: second, changes: [])
    #expect(incremental.path == .full)
    #expect(
      AnalysisComparison.difference(incremental.analysis, DocumentAnalysis(text: second, glossary: Self.glossary))
        == nil)
  }
}

/// SplitMix64, so the edit sequences are the same on every run.
struct Random: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Field-by-field comparison of two analyses; the first difference, described, or nil.
enum AnalysisComparison {
  static func difference(_ a: DocumentAnalysis, _ b: DocumentAnalysis) -> String? {
    if a.text != b.text { return "text" }
    let p = a.page
    let q = b.page
    if p.layout != q.layout { return "layout \(p.layout) vs \(q.layout)" }
    let n = p.normalized
    let m = q.normalized
    if n.scalars != m.scalars { return "normalized scalars" }
    if !n.starts.elementsEqual(m.starts) || !n.ends.elementsEqual(m.ends) { return "normalized offsets" }
    if n.lineStarts != m.lineStarts { return "normalized line starts" }
    if p.blocks != q.blocks { return "blocks: \(first(p.blocks, q.blocks))" }
    if p.paragraphs != q.paragraphs { return "paragraphs: \(first(p.paragraphs, q.paragraphs))" }
    if p.furniture != q.furniture { return "furniture: \(first(p.furniture, q.furniture))" }
    if p.articles.count != q.articles.count { return "article count \(p.articles.count) vs \(q.articles.count)" }
    for (k, (x, y)) in zip(p.articles, q.articles).enumerated() {
      if let field = articleDifference(x, y) { return "article \(k): \(field)" }
    }
    if a.findings != b.findings { return "findings: \(first(a.findings, b.findings))" }
    return nil
  }

  static func articleDifference(_ x: Article, _ y: Article) -> String? {
    if x.byline != y.byline { return "byline" }
    if x.title != y.title { return "title \(String(describing: x.title)) vs \(String(describing: y.title))" }
    if x.bodyBlocks != y.bodyBlocks { return "body blocks" }
    if x.lead != y.lead { return "lead" }
    if x.headings != y.headings { return "headings" }
    if x.runInHeads != y.runInHeads { return "run-in heads" }
    if x.leadEnumerations != y.leadEnumerations { return "lead enumerations" }
    if x.slogans != y.slogans { return "slogans" }
    if x.authorNote != y.authorNote { return "author note" }
    if x.range != y.range { return "range" }
    return nil
  }

  static func first<T: Equatable>(_ x: [T], _ y: [T]) -> String {
    if x.count != y.count { return "count \(x.count) vs \(y.count)" }
    for (i, (u, v)) in zip(x, y).enumerated() where u != v { return "#\(i): \(u) vs \(v)" }
    return "equal"
  }
}
