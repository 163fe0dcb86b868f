import Testing

/// The parser agrees with what careful human readers found in the pages: the five seed
/// pages (`Tests/Fixtures/truth/seed-structure.json`, copied from the shared truth) and
/// four pages written for this project in other layouts, never seen while the parser was
/// written (`Tests/Fixtures/own-pages/own-structure.json`).
@Suite struct StructureTruthTests {
  @Test("all 25 seed articles agree with the seed truth, field by field")
  func seedPagesAgreeWithTruth() throws {
    var comparison = TruthComparison()
    try comparison.compare(truth: StructureTruth.load("Tests/Fixtures/truth/seed-structure.json"), directory: "seeds")
    #expect(comparison.checked == 5 * 2 + 25 * 6)
    #expect(
      comparison.mismatches.isEmpty,
      "\(comparison.agreed)/\(comparison.checked) agree:\n\(comparison.mismatches.joined(separator: "\n"))")
  }

  @Test("the project's own pages agree with their expected structure")
  func ownPagesAgreeWithTruth() throws {
    var comparison = TruthComparison()
    try comparison.compare(
      truth: StructureTruth.load("Tests/Fixtures/own-pages/own-structure.json"), directory: "Tests/Fixtures/own-pages")
    #expect(comparison.checked > 4 * 6)
    #expect(
      comparison.mismatches.isEmpty,
      "\(comparison.agreed)/\(comparison.checked) agree:\n\(comparison.mismatches.joined(separator: "\n"))")
  }
}
