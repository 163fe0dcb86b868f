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
    var findings = unsuppressedFindings(in: page, glossary: glossary, configuration: configuration)
    // Filtering the ordered list keeps its order (the order is total: ties go by position).
    if !suppressions.isEmpty { findings.removeAll { suppressions.suppresses($0, in: page.text) } }
    return findings
  }

  /// Builds what the enabled checks derive from `glossary` (`Check.prepare(for:)`): called
  /// on another thread while the first input is read and parsed, it takes that work off the
  /// first page's checks (a check that needs it first waits for it rather than build it twice).
  package static func prepare(glossary: Glossary, configuration: CheckConfiguration = .default) {
    for check in CheckRegistry.all where configuration.severity(of: check) != nil { check.prepare(for: glossary) }
  }

  /// The enabled checks' findings with the configured severities, before suppression, in
  /// text order (suppressing them afterwards gives `findings(in:…)`: the order is total).
  /// `lineOrigin`: the lines of the document before `page.text` (see `CheckContext`).
  package static func unsuppressedFindings(
    in page: Page, glossary: Glossary, configuration: CheckConfiguration = .default, lineOrigin: Int = 0
  ) -> [Finding] {
    var lists = findingsByRule(in: page, glossary: glossary, configuration: configuration, lineOrigin: lineOrigin)
    return inTextOrder(&lists)
  }

  /// Each enabled check's findings, with the configured severities, one list per check in
  /// rule order. Kept apart (not appended into one growing array) so that the findings
  /// are copied once, into the sorted result of exactly the right size.
  static func findingsByRule(
    in page: Page, glossary: Glossary, configuration: CheckConfiguration, lineOrigin: Int = 0
  ) -> [[Finding]] {
    let context = CheckContext(page: page, glossary: glossary, lineOrigin: lineOrigin)
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

  /// Puts `findings` (gathered piece by piece, each piece in text order) in text order, as
  /// `inTextOrder` orders them; equal keys keep their order. Only a check when they are.
  package static func putInTextOrder(_ findings: inout [Finding]) {
    func precedes(_ a: Finding, _ b: Finding) -> Bool {
      if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
      if a.range.upperBound != b.range.upperBound { return a.range.upperBound < b.range.upperBound }
      return a.rule < b.rule
    }
    guard findings.indices.dropFirst().contains(where: { precedes(findings[$0], findings[$0 - 1]) }) else { return }
    var lists = [findings]
    findings = []
    findings = inTextOrder(&lists)
  }

  /// The findings of `lists` (taken in order, one after another) in text order: by range,
  /// then rule; equal keys keep their order. Empties `lists`.
  ///
  /// Memory: the findings are moved list by list into one array reserved at the total
  /// (each list freed once moved, so the two together stay about the size of one), then
  /// put in order in place by swapping along the sorting permutation's cycles; only the
  /// indices are sorted (a finding is large to move). The longest list's storage becomes
  /// the result (its findings moved, not copied): the lists' order does not matter, since
  /// each list is one rule's and a tie between rules goes by rule.
  ///
  /// - Precondition: `lists` is one list, or one list per rule (`findingsByRule`).
  static func inTextOrder(_ lists: inout [[Finding]]) -> [Finding] {
    assert(lists.count <= 1 || oneRulePerList(lists), "inTextOrder: a rule's findings in two lists, or two rules in one")
    var result: [Finding] = []
    let total = lists.reduce(0) { $0 + $1.count }
    if let longest = lists.indices.max(by: { lists[$0].count < lists[$1].count }) {
      swap(&result, &lists[longest])
    }
    result.reserveCapacity(total)
    for l in lists.indices {
      var list: [Finding] = []
      swap(&list, &lists[l])
      result += list
    }
    lists = []
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

  /// Whether each of `lists` holds one rule's findings and no two lists the same rule's (what
  /// ``inTextOrder(_:)`` relies on when it reorders them).
  private static func oneRulePerList(_ lists: [[Finding]]) -> Bool {
    var seen: Set<String> = []
    for list in lists {
      guard let rule = list.first?.rule else { continue }
      guard list.allSatisfy({ $0.rule == rule }), seen.insert(rule).inserted else { return false }
    }
    return true
  }
}
