/// Helpers for the navigation tests: an analysed document from a string or a seed, and
/// offsets of text in it. Names carry a `NavTest` prefix so they cannot collide with
/// helpers other files of this target define.
import Foundation
import RendaAnalysis
import RendaData
import RendaIDE
import RendaText
import Testing

enum NavTest {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Navigation
    .deletingLastPathComponent()  // RendaIDETests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  static func glossary() throws -> Glossary { try GlossaryLoader.builtIn() }

  static func analysis(_ string: String) throws -> DocumentAnalysis {
    DocumentAnalysis(text: SourceText(string), glossary: try glossary())
  }

  /// Byline + the given blocks, one blank line between blocks.
  static func analysis(blocks: [[String]]) throws -> DocumentAnalysis {
    let text = ([["■ 宋 军 郭磊（湖北）"]] + blocks).map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    return try analysis(text)
  }

  static func seed(_ name: String) throws -> DocumentAnalysis {
    let url = root.appendingPathComponent("seeds/\(name)")
    return try analysis(String(contentsOf: url, encoding: .utf8))
  }

  static let seed000 = "000_8f505736c6d266e8.txt"

  /// The offset of the `occurrence`-th (0-based) `needle` in the text, moved `by` scalars in.
  static func offset(of needle: String, in analysis: DocumentAnalysis, occurrence: Int = 0, by: Int = 0) throws
    -> TextOffset
  {
    let bytes = analysis.text.bytes
    let target = Array(needle.utf8)
    var found = -1
    var start = 0
    while start + target.count <= bytes.count {
      if bytes[start..<(start + target.count)].elementsEqual(target) {
        found += 1
        if found == occurrence {
          let prefix = needle.unicodeScalars.prefix(by).map { $0.utf8.count }.reduce(0, +)
          return TextOffset(utf8: start + prefix)
        }
      }
      start += 1
    }
    throw NavTestError.notFound(needle, occurrence)
  }

  /// How many times `needle` occurs in the text.
  static func count(of needle: String, in analysis: DocumentAnalysis) -> Int {
    var n = 0
    while (try? offset(of: needle, in: analysis, occurrence: n)) != nil { n += 1 }
    return n
  }

  static func texts(_ ranges: [TextRange], in analysis: DocumentAnalysis) -> [String] {
    ranges.map { squeezed(analysis.text.string(in: $0)) }
  }

  /// `string` without whitespace (OCR wraps lines inside words).
  static func squeezed(_ string: String) -> String {
    String(String.UnicodeScalarView(string.unicodeScalars.filter { !$0.properties.isWhitespace }))
  }
}

enum NavTestError: Error {
  case notFound(String, Int)
}
