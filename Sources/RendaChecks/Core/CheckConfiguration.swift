/// Which rules run and at what severity: from `.renda.json`, `--config`, the server's
/// settings. Plain values; reading the file is the CLI's and server's job.
package struct CheckConfiguration: Sendable, Equatable {
  package enum RuleSetting: Sendable, Equatable {
    case off
    case on
    case severity(Severity)
  }

  /// Per-rule settings; rules not named keep their default.
  package var rules: [String: RuleSetting]

  package init(rules: [String: RuleSetting] = [:]) {
    self.rules = rules
  }

  package static let `default` = CheckConfiguration()

  /// The severity a rule reports at, or nil when it is off.
  package func severity(of check: any Check) -> Severity? {
    switch rules[check.id] {
    case .off: nil
    case .on, nil: check.defaultSeverity
    case .severity(let severity): severity
    }
  }

  /// Keeps only the named rules (for `--rule ID`).
  package func limited(to ids: Set<String>) -> CheckConfiguration {
    var copy = self
    for check in CheckRegistry.all where !ids.contains(check.id) { copy.rules[check.id] = .off }
    return copy
  }
}
