import RendaAnalysis
import RendaPage
import RendaText

/// Runs the enabled checks on a page, applies the configured severities and the inline
/// suppressions, and returns the findings in text order.
package enum CheckRunner {
  package static func findings(
    in page: Page, glossary: Glossary, configuration: CheckConfiguration = .default
  ) -> [Finding] {
    let context = CheckContext(page: page, glossary: glossary)
    let suppressions = Suppressions(page.text)
    var result: [Finding] = []
    for check in CheckRegistry.all {
      guard let severity = configuration.severity(of: check) else { continue }
      for var finding in check.findings(in: context) {
        // A rule may report at a lower level than its default (four-organs' order hint).
        if finding.severity == check.defaultSeverity { finding.severity = severity }
        if suppressions.suppresses(finding, in: page.text) { continue }
        result.append(finding)
      }
    }
    return result.sorted { a, b in
      if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
      if a.range.upperBound != b.range.upperBound { return a.range.upperBound < b.range.upperBound }
      return a.rule < b.rule
    }
  }
}
