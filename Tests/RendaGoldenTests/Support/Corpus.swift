import Foundation
import RendaAnalysis
import RendaData
import RendaIDE
import RendaPage
import RendaText

/// Files of the repository the corpus tests read, located from this source file.
enum Repository {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  static func text(_ relative: String) throws -> SourceText {
    try SourceText(validating: [UInt8](Data(contentsOf: url(relative))))
  }

  /// The seed pages, sorted by name.
  static let seeds: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url("seeds").path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted()
  }()

  static func outline(_ relative: String) throws -> DocumentOutline {
    let page = PageParser.parse(try text(relative))
    return OutlineBuilder.outline(of: page, glossary: try GlossaryLoader.builtIn())
  }
}

/// The structure a careful reader finds in a page, in the shape of
/// `Tests/Fixtures/truth/seed-structure.json`.
struct StructureTruth: Decodable {
  var pages: [PageTruth]

  struct PageTruth: Decodable {
    var file: String
    var articles: [ArticleTruth]
    var column_label: FurnitureTruth?
    var column_labels: [FurnitureTruth]?
    var masthead: FurnitureTruth?

    /// Every furniture block the truth names, as `text L<line>`, sorted by line.
    var furniture: [String] {
      ([column_label, masthead].compactMap { $0 } + (column_labels ?? []))
        .sorted { $0.line < $1.line }.map { "\($0.text) L\($0.line)" }
    }
  }

  struct FurnitureTruth: Decodable {
    var text: String
    var line: Int
  }

  struct ArticleTruth: Decodable {
    var byline_line: Int
    var authors: [String]
    var province: String
    var title: String?
    var title_lines: [Int]?
    var headings: [HeadingTruth]
    var run_in_heads: [RunInHeadTruth]
    var author_note_line: Int?
  }

  struct HeadingTruth: Decodable {
    var text: String
    var lines: [Int]
  }

  struct RunInHeadTruth: Decodable {
    var text: String
    var line: Int
  }

  static func load(_ relative: String) throws -> StructureTruth {
    try JSONDecoder().decode(StructureTruth.self, from: Data(contentsOf: Repository.url(relative)))
  }
}

/// Compares the parser's outline of each page with a truth file, field by field.
struct TruthComparison {
  var checked = 0
  var mismatches: [String] = []

  var agreed: Int { checked - mismatches.count }

  mutating func compare(truth: StructureTruth, directory: String) throws {
    for page in truth.pages {
      let outline = try Repository.outline("\(directory)/\(page.file)")
      let byLine = Dictionary(
        outline.articles.compactMap { a in a.byline.map { ($0.line, a) } }, uniquingKeysWith: { a, _ in a })
      check(page.file, "article count", page.articles.count, outline.articles.count)
      check(page.file, "furniture", page.furniture, outline.furniture.map { "\($0.text) L\($0.lines[0])" })
      for expected in page.articles {
        let place = "\(page.file) byline L\(expected.byline_line)"
        guard let article = byLine[expected.byline_line] else {
          check(place, "article", "present", "missing")
          continue
        }
        check(place, "authors", expected.authors, article.byline?.authors ?? [])
        check(place, "province", expected.province, article.byline?.province ?? "")
        check(
          place, "title", expected.title.map { "\($0) \(expected.title_lines ?? [])" } ?? "none",
          article.title.map { "\($0.text) \($0.lines)" } ?? "none")
        check(
          place, "headings", expected.headings.map { "\($0.text) \($0.lines)" },
          article.headings.map { "\($0.text) \($0.lines)" })
        check(
          place, "run-in heads", expected.run_in_heads.map { "\($0.text) L\($0.line)" },
          article.runInHeads.map { "\($0.text) L\($0.line)" })
        check(place, "author note line", expected.author_note_line ?? 0, article.authorNote?.line ?? 0)
      }
    }
  }

  private mutating func check<T: Equatable>(_ place: String, _ field: String, _ expected: T, _ actual: T) {
    checked += 1
    if expected != actual {
      mismatches.append("\(place) \(field):\n    expected \(expected)\n    actual   \(actual)")
    }
  }
}
