import RendaChecks
import RendaCLI
import RendaData
import RendaIDE
import RendaText
import Testing

/// Every finding on every seed page, as `renda check --format json` prints it
/// (`Expected/<seed>.findings.json`), and a readable rendering beside it
/// (`Expected/<seed>.findings.txt`: line, rule, covered text, message). Regenerate
/// with `RENDA_UPDATE_GOLDEN=1` and read the diff: each finding must be one we would
/// defend to the article's author.
@Suite struct FindingsGoldenTests {
  @Test(arguments: Repository.seeds)
  func seedFindings(_ seed: String) throws {
    let text = try Repository.text("seeds/\(seed)")
    let analysis = DocumentAnalysis(text: text, glossary: try GlossaryLoader.builtIn())
    let stem = seed.replacingOccurrences(of: ".txt", with: "")
    try assertGolden(
      FindingsReport.json(path: "seeds/\(seed)", analysis: analysis) + "\n", file: "\(stem).findings.json")
    try assertGolden(Self.readable(analysis), file: "\(stem).findings.txt")
  }

  static func readable(_ analysis: DocumentAnalysis) -> String {
    var out = ""
    for finding in analysis.findings {
      let start = analysis.position(of: finding.range.lowerBound)
      let covered = analysis.text.string(in: finding.range).replacingOccurrences(of: "\n", with: "⏎")
      let fix = finding.fixes.isEmpty ? "" : "  [fix]"
      out += "\(start.line):\(start.column) \(finding.severity.rawValue)[\(finding.rule)] «\(covered)» \(finding.message.zh)\(fix)\n"
    }
    return out
  }
}
