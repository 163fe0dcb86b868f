/// The contract of `renda outline` on large texts: the outline built window by window
/// equals the whole page's (articles, lines, ranges, slogans, furniture), over the seeds and
/// the project's own pages in seeded random orders, cut into small windows.
import RendaIDE
import RendaPage
import RendaText
import Testing

@Suite("Windowed outline")
struct WindowedOutlineTests {
  /// Compares the two outlines of `string`; returns how the windowed one was built.
  @discardableResult
  static func compare(_ string: String, windowBytes: Int, label: String) -> WindowedCheck.Path {
    let text = SourceText(string)
    let whole = OutlineBuilder.outline(of: PageParser.parse(text), glossary: WindowedCheckTests.glossary)
    let windowed = OutlineBuilder.outline(ofLargeText: text, glossary: WindowedCheckTests.glossary, windowBytes: windowBytes)
    #expect(windowed.articles.count == whole.articles.count, "\(label): article count")
    let shared = min(windowed.articles.count, whole.articles.count)
    if let k = (0..<shared).first(where: { windowed.articles[$0] != whole.articles[$0] }) {
      Issue.record("\(label): article \(k) differs: \(windowed.articles[k]) vs \(whole.articles[k])")
    }
    #expect(windowed.furniture == whole.furniture, "\(label): furniture")
    // The tree that `renda outline` prints (and the golden files hold).
    #expect(OutlineRenderer.tree(windowed) == OutlineRenderer.tree(whole), "\(label): tree")
    // The same guard and windows as the windowed check's.
    return WindowedCheck.forEachBatch(in: text, glossary: WindowedCheckTests.glossary, windowBytes: windowBytes) { _ in }
  }

  @Test("windowed outlines equal the whole page's", arguments: 0..<6)
  func randomDocuments(_ index: Int) throws {
    try #require(WindowedCheckTests.pages.count >= 9, "seeds or own pages not found next to Tests/")
    let string = WindowedCheckTests.document(pages: 10 + index, seed: 0x0C7 + UInt64(index), titlesFirst: index % 2 == 1)
    for size in [3_000, 11_000, 40_000] {
      let path = Self.compare(string, windowBytes: size, label: "document \(index), \(size) B")
      guard case .windows(let count) = path, count >= 3 else {
        Issue.record("document \(index), \(size) B: \(path), not in windows")
        continue
      }
    }
  }

  @Test("a text smaller than a window, and a double-spaced one, are outlined whole")
  func wholePaths() throws {
    let small = WindowedCheckTests.pages[0]
    #expect(Self.compare(small, windowBytes: small.utf8.count + 1, label: "small") == .whole)
    let doubled = small.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n\n")
    #expect(Self.compare(doubled, windowBytes: 2_000, label: "double-spaced") == .whole)
  }
}
