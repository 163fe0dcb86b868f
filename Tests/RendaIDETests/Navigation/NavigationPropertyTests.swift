/// Properties over the seeds at many offsets: navigation never traps, answers ranges
/// inside the text, and what `definition` answers is among the references.
import RendaIDE
import RendaText
import Testing

@Suite("Navigation properties")
struct NavigationPropertyTests {
  static let seeds = [
    "000_8f505736c6d266e8.txt", "001_7cb29f78ffdd70e4.txt", "002_f6e1cc83208734be.txt", "003_4a68d483772d6c0e.txt",
    "004_907459e35631e193.txt",
  ]

  @Test(arguments: seeds)
  func definitionIsAmongTheReferences(seed: String) throws {
    let analysis = try NavTest.seed(seed)
    let end = analysis.text.endOffset
    var answered = 0
    for utf8 in stride(from: 0, through: end.utf8 + 3, by: 29) {
      let offset = TextOffset(utf8: utf8)
      let definition = NavigationProvider.definition(at: offset, in: analysis)
      let references = NavigationProvider.references(at: offset, in: analysis, includeDeclaration: true)
      let withoutDeclaration = NavigationProvider.references(at: offset, in: analysis, includeDeclaration: false)
      let highlights = NavigationProvider.highlights(at: offset, in: analysis)
      for range in definition + references + highlights.map(\.range) {
        #expect(TextOffset.zero <= range.lowerBound && range.upperBound <= end)
      }
      #expect(definition.allSatisfy(references.contains), "\(seed) \(offset)")
      #expect(Set(withoutDeclaration).isSubset(of: Set(references)))
      #expect(definition.isEmpty == references.isEmpty)
      if !definition.isEmpty { answered += 1 }
    }
    #expect(answered > 0, "no slogan or marker found in \(seed)")
  }

  @Test func queryScoresAreConsistentOnRandomStrings() {
    var random = Random(seed: 7)  // SplitMix64, in IncrementalAnalysisTests.swift
    let alphabet = Array("四个机关人大Aab1+ “”".unicodeScalars)
    func word(_ length: Int) -> String {
      String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
    }
    for _ in 0..<2000 {
      let name = word(Int(random.next() % 8))
      let query = word(Int(random.next() % 5))
      let score = SymbolQuery(query).score(name)
      let squeezed = query.lowercased().unicodeScalars.filter { $0 != " " }
      let needle = String(String.UnicodeScalarView(squeezed))
      if needle.isEmpty || name.lowercased().hasPrefix(needle) {
        #expect(score == 0, "\(query) in \(name)")
      } else if name.lowercased().contains(needle) {
        #expect(score == 1, "\(query) in \(name)")
      } else if let score {
        #expect(score == 2)
      }
    }
  }
}
