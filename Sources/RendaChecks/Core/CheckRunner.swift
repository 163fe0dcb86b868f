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
    return inTextOrder(findingsByRule(in: page, glossary: glossary, configuration: configuration)) {
      !suppressions.suppresses($0, in: page.text)
    }
  }

  /// The enabled checks' findings with the configured severities, before suppression, in
  /// rule order (suppressing after sorting keeps the order: the sort is stable).
  package static func unsuppressedFindings(
    in page: Page, glossary: Glossary, configuration: CheckConfiguration = .default
  ) -> [Finding] {
    Array(findingsByRule(in: page, glossary: glossary, configuration: configuration).joined())
  }

  /// Each enabled check's findings, with the configured severities, one list per check in
  /// rule order. Kept apart (not appended into one growing array) so that the findings
  /// are copied once, into the sorted result of exactly the right size.
  static func findingsByRule(
    in page: Page, glossary: Glossary, configuration: CheckConfiguration
  ) -> [[Finding]] {
    let context = CheckContext(page: page, glossary: glossary)
    var result: [[Finding]] = []
    for check in CheckRegistry.all {
      guard let severity = configuration.severity(of: check) else { continue }
      var found = check.findings(in: context)
      // A rule may report at a lower level than its default (four-organs' order hint).
      if severity != check.defaultSeverity {
        for i in found.indices where found[i].severity == check.defaultSeverity { found[i].severity = severity }
      }
      result.append(found)
    }
    return result
  }

  /// Findings in text order: by range, then rule; equal keys keep their order.
  package static func inTextOrder(_ findings: [Finding]) -> [Finding] {
    inTextOrder([findings]) { _ in true }
  }

  /// The findings of `lists` (taken in order, one after another) that `keep` accepts, in
  /// text order: by range, then rule; equal keys keep their order. Filtering first gives
  /// the same list as sorting first (the order is total: ties go by position).
  ///
  /// Sorted by moving indices, not findings (a finding is large to copy), and gathered
  /// into a result of the exact size: each finding is copied once, and no array of all of
  /// them grows by doubling.
  static func inTextOrder(_ lists: [[Finding]], keep: (Finding) -> Bool) -> [Finding] {
    // Where each kept finding is: list << 32 | index in the list.
    var places: [Int] = []
    places.reserveCapacity(lists.reduce(0) { $0 + $1.count })
    for (l, list) in lists.enumerated() {
      for i in list.indices where keep(list[i]) { places.append(l << 32 | i) }
    }
    func finding(_ place: Int) -> Finding { lists[place >> 32][place & 0xFFFF_FFFF] }
    let ranges = places.map { finding($0).range }
    let order = places.indices.sorted { i, j in
      let a = ranges[i]
      let b = ranges[j]
      if a.lowerBound != b.lowerBound { return a.lowerBound < b.lowerBound }
      if a.upperBound != b.upperBound { return a.upperBound < b.upperBound }
      let ruleA = lists[places[i] >> 32][places[i] & 0xFFFF_FFFF].rule
      let ruleB = lists[places[j] >> 32][places[j] & 0xFFFF_FFFF].rule
      if ruleA != ruleB { return ruleA < ruleB }
      return i < j
    }
    return order.map { finding(places[$0]) }
  }
}
