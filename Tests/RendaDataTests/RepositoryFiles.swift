import Foundation

/// Files of the repository that the tests read directly (the schema, the data files as written,
/// this package's docs), found relative to this source file.
enum RepositoryFiles {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // RendaDataTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  static let schema = root.appendingPathComponent("schemas/glossary.schema.json")
  static let formulas = root.appendingPathComponent("Sources/RendaData/Resources/formulas.json")
  static let provinces = root.appendingPathComponent("Sources/RendaData/Resources/provinces.json")
  static let confusables = root.appendingPathComponent("Sources/RendaData/Resources/confusables.json")
  static let places = root.appendingPathComponent("Sources/RendaData/Resources/places.json")
  static let docs = root.appendingPathComponent("docs/glossary.md")

  static func data(_ url: URL) throws -> Data { try Data(contentsOf: url) }

  static func text(_ url: URL) throws -> String { String(decoding: try data(url), as: UTF8.self) }

  /// The JSON block that follows the `<!-- example: user glossary` marker (or another
  /// `<!-- example: NAME` marker) in docs/glossary.md.
  static func docsExample(_ name: String = "user glossary") throws -> Data {
    let text = try text(docs)
    guard let marker = text.range(of: "<!-- example: \(name)"),
      let open = text.range(of: "```json\n", range: marker.upperBound..<text.endIndex),
      let close = text.range(of: "\n```", range: open.upperBound..<text.endIndex)
    else { throw MissingExample() }
    return Data(text[open.upperBound..<close.lowerBound].utf8)
  }

  struct MissingExample: Error {}
}
