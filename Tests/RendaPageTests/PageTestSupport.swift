/// Helpers shared by the parser's unit tests: building a page from lines, reading
/// the parse back as plain strings, and a seeded PRNG for the robustness tests.
///
/// Names carry a `PageTest` prefix so that they cannot collide with helpers other
/// test files of this target may define.
import RendaPage
import RendaText

enum PageTest {
  /// Parses `string` as a page.
  static func parse(_ string: String) -> Page {
    PageParser.parse(SourceText(string))
  }

  /// Joins `lines` with `\n` (an empty string is a blank line) and parses the result.
  static func parse(lines: [String]) -> Page {
    parse(lines.joined(separator: "\n") + "\n")
  }

  /// `string` with every whitespace scalar removed (the truth file's comparison form).
  static func squeezed(_ string: String) -> String {
    var view = String.UnicodeScalarView()
    for scalar in string.unicodeScalars
    where !(scalar.properties.isWhitespace || scalar.value == 0xFEFF || scalar.value == 0) {
      view.append(scalar)
    }
    return String(view)
  }

  /// The first article, or nil (tests `#require` it).
  static func firstArticle(_ page: Page) -> Article? {
    page.articles.first
  }

  /// Normalized heading texts of an article.
  static func headingTexts(_ article: Article) -> [String] {
    article.headings.map(\.text.normalized)
  }

  /// Normalized run-in head texts of an article.
  static func runInTexts(_ article: Article) -> [String] {
    article.runInHeads.map(\.text.normalized)
  }

  /// Every enumeration of an article: lead, sections, run-in sections.
  static func allEnumerations(_ article: Article) -> [Enumeration] {
    article.leadEnumerations + article.headings.flatMap(\.enumerations)
      + article.runInHeads.flatMap(\.enumerations)
  }

  /// Builds a page block by block (one blank line between blocks) and remembers the
  /// 0-based line where each block starts.
  struct Lines {
    private(set) var lines: [String] = []

    init() {}

    /// Appends a block (after a blank line unless it is the first); returns its first line.
    @discardableResult
    mutating func block(_ block: [String]) -> Int {
      if !lines.isEmpty { lines.append("") }
      lines.append(contentsOf: block)
      return lines.count - block.count
    }

    /// Appends lines with no blank line before them; returns the first one's number.
    @discardableResult
    mutating func glued(_ block: [String]) -> Int {
      lines.append(contentsOf: block)
      return lines.count - block.count
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    func parse() -> Page { PageTest.parse(text) }
  }

  /// A lead paragraph of four full lines ending in 。 (sets a column width of about 14).
  static let lead: [String] = [
    "人大代表是人大工作的主体和活力",
    "源泉。近年来，湖北省襄阳市人大常委",
    "会把学习培训作为新时代加强和改进人",
    "大代表工作的基础性工程来抓。",
  ]

  /// A body paragraph of three lines ending in 。, varied by `n` so paragraphs differ.
  static func paragraph(_ n: Int) -> [String] {
    let openings = [
      "襄阳市人大常委会坚持着眼新时", "常委会紧扣人大代表多元化、个性", "市人大常委会坚持把学习培训融入",
      "常委会注重培训成果转化，推动代", "坚持问题导向，聚焦代表履职中的",
    ]
    return [
      openings[n % openings.count],
      "代人大工作的新要求，注重大处谋划把",
      "准方向，小处布局抓好落实，围绕中心。",
    ]
  }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, fully determined by its seed, so a
/// failing robustness test reproduces exactly.
struct PageTestRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A compact, line-oriented description of a parse, for failure messages.
func pageTestDump(_ page: Page) -> String {
  var out: [String] = []
  out.append("layout: \(page.layout.titlePlacement.rawValue) doubleSpaced=\(page.layout.isDoubleSpaced)")
  for (i, block) in page.blocks.enumerated() {
    let text = PageTest.squeezed(page.text.string(in: block.range))
    out.append("block \(i) [\(block.firstLine)-\(block.lastLine)] \(block.role.rawValue): \(text)")
  }
  for (k, article) in page.articles.enumerated() {
    var line = "article \(k):"
    if let byline = article.byline {
      line += " byline=\(byline.authors) province=\(byline.province ?? "nil")"
    }
    if let title = article.title {
      line += " title=\(title.text.normalized) lines=\(title.lines) (\(title.placement.rawValue))"
    }
    out.append(line)
    if let lead = article.lead { out.append("  lead: \(PageTest.squeezed(page.text.string(in: lead)).prefix(30))…") }
    for e in article.leadEnumerations { out.append("  lead enum \(e.scheme.rawValue) \(e.markers.map(\.marker))") }
    for h in article.headings {
      out.append("  heading \(h.lines): \(h.text.normalized) ordinal=\(h.ordinal ?? "nil")")
      for e in h.enumerations { out.append("    enum \(e.scheme.rawValue) \(e.markers.map(\.marker))") }
    }
    for r in article.runInHeads {
      out.append("  run-in \(r.line): \(r.text.normalized)")
      for e in r.enumerations { out.append("    enum \(e.scheme.rawValue) \(e.markers.map(\.marker))") }
    }
    for s in article.slogans {
      out.append(
        "  slogan \(s.text) count=\(s.announcedCount.map(String.init) ?? "nil") members=\(s.inlineMembers.map(\.text))")
    }
    if let note = article.authorNote { out.append("  note \(note.line): \(note.text.normalized)") }
  }
  for f in page.furniture { out.append("furniture \(f.kind.rawValue) \(f.lines): \(f.text.normalized)") }
  return out.joined(separator: "\n")
}
