import RendaText
import Testing

@testable import RendaChecks

/// The runner's in-place sort (`CheckRunner.sortInTextOrder`, which moves findings along the
/// sorting permutation's cycles) against a stable sort of a copy: the same findings in the
/// same order, whatever the cycles (fixed points, swaps, long cycles) and the ties.
@Suite struct TextOrderTests {
  static func finding(_ rule: String, _ lower: Int, _ upper: Int, _ tag: Int) -> Finding {
    Finding(
      rule: rule, severity: .warning, message: LocalizedText(zh: "第\(tag)", en: "#\(tag)"),
      range: TextOffset(utf8: lower)..<TextOffset(utf8: upper))
  }

  /// By range, then rule; equal keys in their order (what the runner promises).
  static func reference(_ findings: [Finding]) -> [String] {
    findings.enumerated().sorted { a, b in
      let (x, y) = (a.element, b.element)
      if x.range.lowerBound != y.range.lowerBound { return x.range.lowerBound < y.range.lowerBound }
      if x.range.upperBound != y.range.upperBound { return x.range.upperBound < y.range.upperBound }
      if x.rule != y.rule { return x.rule < y.rule }
      return a.offset < b.offset
    }.map(\.element.message.en)
  }

  @Test("random lists, with many ties on range and rule, sort as a stable sort does")
  func randomLists() {
    var random = PhraseTestRandom(seed: 6)
    for round in 0..<300 {
      let count = random.int(0...60)
      var findings: [Finding] = []
      for tag in 0..<count {
        let lower = random.int(0...8)
        findings.append(Self.finding(["b-rule", "a-rule", "c-rule"][random.int(0...2)], lower, lower + random.int(0...2), tag))
      }
      let expected = Self.reference(findings)
      CheckRunner.sortInTextOrder(&findings)
      #expect(findings.map(\.message.en) == expected, "round \(round)")
    }
  }

  @Test("already sorted, reversed, and one long cycle")
  func shapes() {
    let sorted = (0..<20).map { Self.finding("r", $0, $0 + 1, $0) }
    for input in [sorted, Array(sorted.reversed()), Array(sorted[1...] + sorted[..<1])] {
      var findings = input
      CheckRunner.sortInTextOrder(&findings)
      #expect(findings.map(\.message.en) == sorted.map(\.message.en))
    }
  }
}
