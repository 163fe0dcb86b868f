import RendaAnalysis
import RendaPage
import RendaText

/// Runs the enabled checks on a page, applies the configured severities and the inline
/// suppressions, and returns the findings in text order.
package enum CheckRunner {
  package static func findings(
    in page: Page, glossary: Glossary, configuration: CheckConfiguration = .default
  ) -> [Finding] {
    let suppressions = Suppressions(page.text)
    return inTextOrder(unsuppressedFindings(in: page, glossary: glossary, configuration: configuration))
      .filter { !suppressions.suppresses($0, in: page.text) }
  }

  /// The enabled checks' findings with the configured severities, before suppression, in
  /// rule order (suppressing after sorting keeps the order: the sort is stable).
  package static func unsuppressedFindings(
    in page: Page, glossary: Glossary, configuration: CheckConfiguration = .default
  ) -> [Finding] {
    let context = CheckContext(page: page, glossary: glossary)
    var result: [Finding] = []
    for check in CheckRegistry.all {
      guard let severity = configuration.severity(of: check) else { continue }
      for var finding in check.findings(in: context) {
        // A rule may report at a lower level than its default (four-organs' order hint).
        if finding.severity == check.defaultSeverity { finding.severity = severity }
        result.append(finding)
      }
    }
    return result
  }

  /// Findings in text order: by range, then rule; equal keys keep their order.
  package static func inTextOrder(_ findings: [Finding]) -> [Finding] {
    var result = findings
    // Sorted by moving indices, not findings (a finding is large to copy); equal keys keep
    // their order, as the stable sort of the findings themselves did.
    let ranges = result.map(\.range)
    let order = result.indices.sorted { i, j in
      let a = ranges[i]
      let b = ranges[j]
      if a.lowerBound != b.lowerBound { return a.lowerBound < b.lowerBound }
      if a.upperBound != b.upperBound { return a.upperBound < b.upperBound }
      if result[i].rule != result[j].rule { return result[i].rule < result[j].rule }
      return i < j
    }
    // Applied in place, cycle by cycle: a swap moves two findings without copying them.
    var placed = [Bool](repeating: false, count: order.count)
    for start in order.indices where !placed[start] {
      var k = start
      while true {
        placed[k] = true
        let j = order[k]
        if j == start { break }
        result.swapAt(k, j)
        k = j
      }
    }
    return result
  }
}
