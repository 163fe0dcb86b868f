import RendaAnalysis
import RendaChecks
import RendaData
import RendaPage
import RendaText

/// The built-in glossary, loaded once for all rule tests.
let builtInGlossary: Glossary = (try? GlossaryLoader.builtIn()) ?? .empty

/// What a test sees of a finding: the rule, severity, 1-based line, the exact text the
/// range covers, and the message in both languages.
struct SeenFinding: Equatable, CustomStringConvertible {
  var rule: String
  var severity: Severity
  var line: Int
  var covered: String
  var zh: String
  var en: String
  var fixedText: String?

  var description: String { "\(rule) L\(line) [\(covered)] \(zh)" }
}

/// Runs only `rule` on `text` through the real pipeline (parser, analysis, runner with
/// suppressions), and describes each finding.
func findings(
  of rule: String, in text: String, glossary: Glossary = builtInGlossary,
  configuration: CheckConfiguration = .default
) -> [SeenFinding] {
  let source = SourceText(text)
  let page = PageParser.parse(source)
  let all = CheckRunner.findings(
    in: page, glossary: glossary, configuration: configuration.limited(to: [rule]))
  return all.map { finding in
    let fixed = finding.fixes.first.map {
      FixApplier.apply([$0], to: source).text.string(in: TextOffset(utf8: 0)..<TextOffset(utf8: Int.max))
    }
    return SeenFinding(
      rule: finding.rule, severity: finding.severity,
      line: source.lineIndex.line(containing: finding.range.lowerBound) + 1,
      covered: source.string(in: finding.range), zh: finding.message.zh, en: finding.message.en, fixedText: fixed)
  }
}

/// A one-article page around `body`: a byline, a lead, the body, a title after it.
func page(byline: String = "■ 张 明（湖北）", body: String, title: String = "扎实做好新时代人大工作") -> String {
  """
  \(byline)

  近年来，湖北省某市人大常委会坚持围绕中心、服务大局，扎实推进各项工作。

  \(body)

  \(title)

  """
}
