import RendaChecks
import Testing

/// `docs/rules/<id>.md`: each rule's page, generated from the rule's own `summary` and
/// `documentation` (what `renda explain` prints), so the pages editors open from a
/// diagnostic's `codeDescription` never drift from the code. Regenerate with
/// `RENDA_UPDATE_GOLDEN=1`.
@Suite struct RuleDocsGoldenTests {
  @Test(arguments: CheckRegistry.ids)
  func rulePage(_ id: String) throws {
    let check = try #require(CheckRegistry.check(id: id))
    try assertGolden(Self.page(check), at: "docs/rules/\(id).md")
  }

  @Test func indexListsEveryRule() throws {
    var index = "# Renda's rules\n\nOne page per rule, generated from the rule's code (`renda explain RULE` prints the same).\n\n"
    index += "| rule | default | what it catches |\n|---|---|---|\n"
    for check in CheckRegistry.all {
      index += "| [`\(check.id)`](\(check.id).md) | \(check.defaultSeverity.rawValue) | \(check.summary.zh) — \(check.summary.en) |\n"
    }
    try assertGolden(index, at: "docs/rules/README.md")
  }

  static func page(_ check: any Check) -> String {
    """
    # `\(check.id)`

    \(check.summary.zh)

    \(check.summary.en)

    Default severity: **\(check.defaultSeverity.rawValue)**. Turn it off or change its severity in
    `.renda.json` (`"rules": {"\(check.id)": "off"}`); silence one finding with
    `<!-- renda-disable-next-line \(check.id) -->`.

    ```text
    \(check.documentation)
    ```

    """
  }
}
