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
  ///
  /// Memory: every check appends to one list (`Check.appendFindings(in:to:)`), which is then
  /// put in order in place. The rules that find thousands (ocr-spacing,
  /// halfwidth-punctuation) build theirs in the list; the others' are copied into it (a
  /// retain and a release per finding, a few hundred per MB). Growing and sorting move
  /// findings bitwise. The list grows by doubling, so up to half its capacity may be spare.
  package static func unsuppressedFindings(
    in page: Page, glossary: Glossary, configuration: CheckConfiguration = .default, lineOrigin: Int = 0
  ) -> [Finding] {
    let context = CheckContext(page: page, glossary: glossary, lineOrigin: lineOrigin)
    // Room for a finding every 256 bytes (an OCR'd page has one every 150): the list the
    // rules append to is then rarely regrown, each time copying every finding so far.
    var findings: [Finding] = []
    findings.reserveCapacity(page.text.count / 256 + 16)
    for check in CheckRegistry.all {
      guard let severity = configuration.severity(of: check) else { continue }
      let first = findings.count
      check.appendFindings(in: context, to: &findings)
      // A rule may report at a lower level than its default (four-organs' order hint).
      if severity != check.defaultSeverity {
        for i in first..<findings.count where findings[i].severity == check.defaultSeverity {
          findings[i].severity = severity
        }
      }
    }
    sortInTextOrder(&findings)
    return findings
  }

  /// Puts `findings` (gathered piece by piece, each piece in text order) in text order, as
  /// `sortInTextOrder` orders them; equal keys keep their order. Only a check when they are.
  package static func putInTextOrder(_ findings: inout [Finding]) {
    func precedes(_ a: Finding, _ b: Finding) -> Bool {
      if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
      if a.range.upperBound != b.range.upperBound { return a.range.upperBound < b.range.upperBound }
      return a.rule < b.rule
    }
    guard findings.indices.dropFirst().contains(where: { precedes(findings[$0], findings[$0 - 1]) }) else { return }
    sortInTextOrder(&findings)
  }

  /// Sorts `findings` in text order: by range, then rule; equal keys keep their order.
  ///
  /// In place: only the indices are sorted (a finding is large to move), then the findings
  /// are moved along the sorting permutation's cycles.
  static func sortInTextOrder(_ findings: inout [Finding]) {
    // The ranges as byte offsets, read through the buffer (`map(\.range)` copied each
    // finding to read its range).
    let ranges = findings.withUnsafeBufferPointer { $0.map { ($0.range.lowerBound.utf8, $0.range.upperBound.utf8) } }
    let order = ranges.withUnsafeBufferPointer { ranges in
      findings.indices.sorted { i, j in
        let a = ranges[i]
        let b = ranges[j]
        if a != b { return a < b }
        if findings[i].rule != findings[j].rule { return findings[i].rule < findings[j].rule }
        return i < j
      }
    }
    // Each cycle of the permutation rotated by moves: a finding is moved (bitwise) once,
    // never copied (`swapAt` copied both, retaining their strings and fix).
    var placed = [Bool](repeating: false, count: order.count)
    findings.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for start in order.indices where !placed[start] && order[start] != start {
        let first = (base + start).move()
        var k = start
        while true {
          placed[k] = true
          let j = order[k]
          if j == start {
            (base + k).initialize(to: first)
            break
          }
          (base + k).moveInitialize(from: base + j, count: 1)
          k = j
        }
      }
    }
  }
}
