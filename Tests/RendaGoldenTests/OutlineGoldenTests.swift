import RendaIDE
import Testing

/// The tree outline of each seed page, as `renda outline` prints it, against
/// `Expected/<seed>.outline.txt`. Regenerate with `RENDA_UPDATE_GOLDEN=1`.
@Suite struct OutlineGoldenTests {
  @Test(arguments: Repository.seeds)
  func seedOutline(_ seed: String) throws {
    let outline = try Repository.outline("seeds/\(seed)")
    let stem = seed.replacingOccurrences(of: ".txt", with: "")
    try assertGolden(OutlineRenderer.tree(outline), file: "\(stem).outline.txt")
  }

  @Test func everySeedIsCovered() {
    #expect(Repository.seeds.count == 5)
  }
}
