/// `PageParser.parse` never fails: any text gives a page whose every range lies in the
/// text, on scalar boundaries, with lines in bounds and in order.
import Foundation
import RendaPage
import RendaText
import Testing

@Suite("Parser robustness")
struct RobustnessTests {
  /// Pieces random texts are made of: CJK, the punctuation the parser reasons with,
  /// spaces, every line-break form, digits, a marker, an astral scalar, BOM and NUL.
  static let alphabet: [String] = [
    "人", "大", "代", "表", "工", "作", "机", "关", "四", "个", "五", "一",
    "。", "，", "、", "：", "“", "”", "（", "）", "■", "(", ")", "\"",
    " ", " ", "\u{3000}", "\n", "\n", "\n\n", "\r\n", "\r",
    "1", "3", "5", "一是", "二是", "作者", "😀", "\u{FEFF}", "\u{0}",
  ]

  static func randomText(using rng: inout PageTestRandom) -> String {
    var text = ""
    let tokens = Int.random(in: 0..<120, using: &rng)
    for _ in 0..<tokens { text += alphabet.randomElement(using: &rng)! }
    return text
  }

  /// The seed pages, found from this file's path.
  static let seeds: [(name: String, bytes: [UInt8])] = {
    let directory = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // RendaPageTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()
      .appendingPathComponent("seeds")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
      guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else { return nil }
      return (name, Array(data))
    }
  }()

  @Test("2,000 random texts parse, and every parse satisfies the invariants")
  func randomTexts() {
    var rng = PageTestRandom(seed: 0x5EED_2025)
    for n in 0..<2_000 {
      let string = Self.randomText(using: &rng)
      let page = PageTest.parse(string)
      Self.checkInvariants(page, "random text \(n): \(string.debugDescription)")
    }
  }

  @Test("Random pages built from genre-like lines parse with the invariants")
  func randomGenreLikePages() {
    let pieces: [[String]] = [
      ["■ 宋 军 郭磊（湖北）"], ["■ 李科许坤(山西)"], ["主任笔谈"], ["科学布局", "构建学习培训新机制"],
      ["坚持党的领导 把牢政治机关定位"], ["（作者系湖北省襄阳市人大常委会", "主任）"],
      ["抓政治引领，让代表履职有方向。常", "委会坚持把政治建设摆在首位。"],
      ["一是实施一个工程。二是落实一个", "责任。三是建立一张清单。"],
      ["围绕“五个", "一 ”着力构建，打造出一"], ["“四个机关”（政治机关、权力机关、", "工作机关、代表机关）"],
      PageTest.lead, PageTest.paragraph(0), PageTest.paragraph(2), ["以高质量党建", "引领“四个机关”建设"],
    ]
    var rng = PageTestRandom(seed: 42)
    for n in 0..<300 {
      var lines = PageTest.Lines()
      for _ in 0..<Int.random(in: 0..<24, using: &rng) {
        let piece = pieces.randomElement(using: &rng)!
        if Bool.random(using: &rng) { lines.block(piece) } else { lines.glued(piece) }
      }
      let page = lines.parse()
      Self.checkInvariants(page, "genre-like page \(n)")
    }
  }

  @Test("Truncated and sliced seed pages parse with the invariants")
  func truncatedSeeds() throws {
    try #require(Self.seeds.count == 5, "seeds not found next to Tests/")
    var rng = PageTestRandom(seed: 7)
    for seed in Self.seeds {
      // The whole page, once.
      Self.checkInvariants(PageTest.parse(String(decoding: seed.bytes, as: UTF8.self)), seed.name)
      for _ in 0..<10 {
        // Cut at a random byte (often inside a scalar: the decoder then yields U+FFFD).
        let end = Int.random(in: 0...seed.bytes.count, using: &rng)
        let prefix = String(decoding: seed.bytes[..<end], as: UTF8.self)
        Self.checkInvariants(PageTest.parse(prefix), "\(seed.name) cut at \(end)")
        // A slice from a random byte to the cut: an article whose byline was lost.
        let start = Int.random(in: 0...end, using: &rng)
        let slice = String(decoding: seed.bytes[start..<end], as: UTF8.self)
        Self.checkInvariants(PageTest.parse(slice), "\(seed.name) bytes \(start)..<\(end)")
      }
    }
  }

  @Test("A seed page with CRLF line ends parses like the original")
  func crlfSeed() throws {
    let seed = try #require(Self.seeds.first)
    let original = String(decoding: seed.bytes, as: UTF8.self)
    let crlf = original.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    let a = PageTest.parse(original)
    let b = PageTest.parse(crlf)
    Self.checkInvariants(b, "CRLF seed")
    #expect(a.articles.count == b.articles.count)
    #expect(a.blocks.map(\.firstLine) == b.blocks.map(\.firstLine))
    #expect(a.blocks.map(\.role) == b.blocks.map(\.role))
    #expect(
      a.articles.map { $0.headings.map(\.text.normalized) } == b.articles.map { $0.headings.map(\.text.normalized) })
    #expect(a.articles.map { $0.runInHeads.map(\.line) } == b.articles.map { $0.runInHeads.map(\.line) })
    #expect(a.articles.map { $0.title?.text.normalized } == b.articles.map { $0.title?.text.normalized })
  }

  @Test("A 1 MB line with no newline")
  func megabyteLine() {
    var rng = PageTestRandom(seed: 1)
    let pieces = Array("人大代表工作机关常委会四个一是，。、“”（）").map(String.init) + [" "]
    var line = ""
    line.reserveCapacity(1_050_000)
    while line.utf8.count < 1_000_000 { line += pieces.randomElement(using: &rng)! }
    let page = PageTest.parse(line)
    Self.checkInvariants(page, "1 MB line")
    #expect(page.text.lineCount == 1)
    #expect(page.blocks.count == 1)
  }

  @Test(
    "Empty text, blank lines only, whitespace only",
    arguments: [
      "", "\n", "\n\n\n\n", "\r\n\r\n", "\r\r", " \n\u{3000}\n\t\n", "\u{FEFF}", "\u{0}\n\u{0}",
    ])
  func degenerateTexts(text: String) {
    let page = PageTest.parse(text)
    Self.checkInvariants(page, text.debugDescription)
    #expect(page.blocks.isEmpty)
    #expect(page.articles.isEmpty)
    #expect(page.furniture.isEmpty)
  }

  @Test(
    "Lone markers and punctuation",
    arguments: [
      "■", "■\n", "■■■", "■ （", "■ ()", "（作者", "（作者系\n\n", "“", "”“", "一", "一\n是", "（一）", "第一，",
      "1.", "：", "。", "■ 宋 军\n■ 郭磊\n", "（作者系某地）\n■ 宋军",
    ])
  func loneMarkers(text: String) {
    Self.checkInvariants(PageTest.parse(text), text.debugDescription)
  }

  // MARK: Invariants

  static func checkInvariants(_ page: Page, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = page.text
    let lineCount = text.lineCount
    func within(_ range: TextRange, _ what: String) {
      let ok =
        range.lowerBound.utf8 >= 0 && range.lowerBound <= range.upperBound && range.upperBound <= text.endOffset
        && text.isScalarBoundary(range.lowerBound) && text.isScalarBoundary(range.upperBound)
      #expect(ok, "\(what) \(range) outside the text (\(text.count) bytes): \(context)", sourceLocation: sourceLocation)
    }
    func inBounds(_ lines: [Int], _ what: String) {
      let ok = lines.allSatisfy { (0..<lineCount).contains($0) } && zip(lines, lines.dropFirst()).allSatisfy { $0 < $1 }
      #expect(
        ok, "\(what) lines \(lines) not in bounds and increasing (\(lineCount) lines): \(context)",
        sourceLocation: sourceLocation)
    }

    var previousBlockEnd = TextOffset(utf8: 0)
    var previousLastLine = -1
    for (i, block) in page.blocks.enumerated() {
      within(block.range, "block \(i)")
      let ok =
        block.firstLine <= block.lastLine && block.firstLine > previousLastLine && block.lastLine < lineCount
        && block.range.lowerBound >= previousBlockEnd
      #expect(
        ok, "block \(i) lines \(block.firstLine)...\(block.lastLine) out of order: \(context)",
        sourceLocation: sourceLocation)
      previousBlockEnd = block.range.upperBound
      previousLastLine = block.lastLine
    }
    for (k, article) in page.articles.enumerated() {
      let a = "article \(k)"
      within(article.range, a)
      #expect(
        article.bodyBlocks.allSatisfy { page.blocks.indices.contains($0) }, "\(a) body blocks: \(context)",
        sourceLocation: sourceLocation)
      #expect(
        zip(article.bodyBlocks, article.bodyBlocks.dropFirst()).allSatisfy { $0 < $1 },
        "\(a) body blocks order: \(context)", sourceLocation: sourceLocation)
      if let byline = article.byline {
        within(byline.range, "\(a) byline")
        if let range = byline.provinceRange {
          within(range, "\(a) province")
          // A NUL in the byline line is a known bug (BylineParserTests.nulInsideProvince).
          let hasNUL = text.lineText(text.line(containing: byline.range.lowerBound)).unicodeScalars.contains("\u{0}")
          #expect(
            hasNUL || range.lowerBound >= byline.range.lowerBound && range.upperBound <= byline.range.upperBound,
            "\(a) province outside its byline: \(context)", sourceLocation: sourceLocation)
        }
      }
      if let title = article.title {
        within(title.text.range, "\(a) title")
        inBounds(title.lines, "\(a) title")
      }
      if let lead = article.lead { within(lead, "\(a) lead") }
      inBounds(article.headings.flatMap(\.lines), "\(a) headings")
      for (h, heading) in article.headings.enumerated() {
        within(heading.text.range, "\(a) heading \(h)")
        within(heading.sectionRange, "\(a) section \(h)")
        #expect(!heading.lines.isEmpty, "\(a) heading \(h) has no lines: \(context)", sourceLocation: sourceLocation)
      }
      inBounds(article.runInHeads.map(\.line), "\(a) run-in heads")
      for (r, head) in article.runInHeads.enumerated() {
        within(head.text.range, "\(a) run-in head \(r)")
        within(head.sectionRange, "\(a) run-in section \(r)")
        #expect(
          text.line(containing: head.text.range.lowerBound) == head.line,
          "\(a) run-in head \(r) line: \(context)", sourceLocation: sourceLocation)
      }
      let enumerations = PageTest.allEnumerations(article)
      for marker in enumerations.flatMap(\.markers) {
        within(marker.range, "\(a) marker \(marker.marker)")
        #expect(
          (1...99).contains(marker.ordinal), "\(a) marker ordinal \(marker.ordinal): \(context)",
          sourceLocation: sourceLocation)
      }
      for slogan in article.slogans {
        within(slogan.range, "\(a) slogan \(slogan.text)")
        for member in slogan.inlineMembers { within(member.range, "\(a) slogan member \(member.text)") }
      }
      if let note = article.authorNote {
        within(note.text.range, "\(a) author note")
        inBounds([note.line], "\(a) author note")
      }
    }
    for (f, furniture) in page.furniture.enumerated() {
      within(furniture.text.range, "furniture \(f)")
      inBounds(furniture.lines, "furniture \(f)")
    }
  }
}
