import RendaText
import Testing

/// `StringTable` answers as a `[String: Value]` keeping each key's first value would: by
/// canonical equivalence, whether it went by bytes or not.
@Suite("String table")
struct StringTableTests {
  private static func reference(_ pairs: [(String, Int)]) -> [String: Int] {
    var result: [String: Int] = [:]
    for (key, value) in pairs where result[key] == nil { result[key] = value }
    return result
  }

  private static let queries = [
    "", "四个机关", "四个", "四个机关 ", "人民日报", "人民日報", "cafe\u{301}", "caf\u{E9}", "\u{F900}四", "\u{8C48}四",
    "三农", "a", "A", "\u{1100}\u{1161}", "\u{AC00}",
  ]

  @Test(
    "inert keys, keys that are not, and equivalent keys whose first value wins",
    arguments: [
      [("四个机关", 1), ("人民日报", 2), ("三农", 3), ("四个机关", 4)],
      [("\u{F900}四", 1), ("\u{8C48}四", 2), ("三农", 3)],
      [("\u{8C48}四", 1), ("\u{F900}四", 2)],
      [("caf\u{E9}", 1), ("cafe\u{301}", 2), ("人民日報", 3)],
      [("\u{AC00}", 1), ("a", 2)],
      [],
    ])
  func asDictionary(pairs: [(String, Int)]) {
    let table = StringTable(pairs)
    let reference = Self.reference(pairs)
    #expect(table.count == reference.count)
    for query in Self.queries + pairs.map(\.0) {
      #expect(table[query] == reference[query], "\(Array(query.unicodeScalars))")
    }
  }

  @Test("an inert query finds the compatibility ideograph it is equivalent to")
  func compatibilityIdeograph() {
    let table = StringTable([("\u{F900}四", 1), ("三农", 2)])
    #expect(table["\u{8C48}四"] == 1)
    #expect(table["三农"] == 2)
    #expect(table["三"] == nil)
  }
}
