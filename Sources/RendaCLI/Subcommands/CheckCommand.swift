import Foundation
import RendaChecks
import RendaConfiguration
import RendaIDE

/// `renda check [--format text|json|sarif] [--fail-on SEVERITY] [--lang zh|en]
/// [--config FILE] [--rule ID]... [--jobs N] PATH...`
///
/// Exit codes: 0 no finding at or above `--fail-on` (default `warning`); 1 some; 2 a
/// usage, configuration or input error (the other files are still checked).
enum CheckCommand {
  enum Format: String {
    case text, json, sarif
  }

  static func run(_ arguments: [String], io: CommandIO) -> Int32 {
    let parsed: Arguments
    switch Arguments.parse(
      arguments, valued: ["--format", "--fail-on", "--lang", "--config", "--rule", "--color", "--jobs"], flags: ["--no-color"])
    {
    case .failure(let error):
      io.error("renda check: \(error.message)\n\n" + RendaCommand.usage)
      return 2
    case .success(let value): parsed = value
    }
    guard let format = Format(rawValue: parsed.values["--format"] ?? "text") else {
      io.error("renda check: unknown format '\(parsed.values["--format"]!)': use text, json or sarif")
      return 2
    }
    guard let failOn = failThreshold(parsed.values["--fail-on"] ?? "warning") else {
      io.error("renda check: --fail-on takes error, warning, info, hint or never")
      return 2
    }
    guard let language = Language(rawValue: parsed.values["--lang"] ?? "zh") else {
      io.error("renda check: --lang takes zh or en")
      return 2
    }
    var ruleFilter: Set<String>?
    if let rules = parsed.repeated["--rule"] {
      for id in rules where CheckRegistry.check(id: id) == nil {
        io.error("renda check: unknown rule '\(id)'; `renda rules` lists them")
        return 2
      }
      ruleFilter = Set(rules)
    }
    var jobs: Int?
    if let value = parsed.values["--jobs"] {
      guard let count = Int(value), count >= 1 else {
        io.error("renda check: --jobs takes a whole number of at least 1")
        return 2
      }
      jobs = count
    }
    guard !parsed.paths.isEmpty else {
      io.error("renda check: no input: name files, directories, or - for stdin")
      return 2
    }
    let session: CheckSession
    do {
      session = try CheckSession(
        options: .init(configPath: parsed.values["--config"], ruleFilter: ruleFilter, jobs: jobs), io: io)
    } catch {
      io.error("renda: \(error.description)")
      return 2
    }
    let useColor: Bool
    switch parsed.values["--color"] ?? (parsed.flags.contains("--no-color") ? "never" : "auto") {
    case "always": useColor = true
    case "never": useColor = false
    default: useColor = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    var inputFailed = false
    var worst: Severity?
    var reported: [CheckSession.Checked] = []
    for outcome in session.run(parsed.paths) {
      switch outcome {
      case .failed(let error):
        io.error(error.description)
        inputFailed = true
      case .skipped: continue
      case .checked(let checked):
        for finding in checked.analysis.findings where worst == nil || finding.severity > worst! {
          worst = finding.severity
        }
        if format == .text {
          io.output(TextReport.render(checked, language: language, color: useColor))
        }
        reported.append(checked)
      }
    }
    switch format {
    case .text:
      let count = reported.map(\.analysis.findings.count).reduce(0, +)
      if count > 0 || !reported.isEmpty {
        io.error("\(count) finding\(count == 1 ? "" : "s") in \(reported.count) file\(reported.count == 1 ? "" : "s")")
      }
    case .json: io.output(FindingsReport.json(reported, language: language) + "\n")
    case .sarif: io.output(SARIFReport.json(reported, language: language) + "\n")
    }
    if inputFailed { return 2 }
    if let failOn, let worst, worst >= failOn { return 1 }
    return 0
  }

  /// `never` → nil (never fail on findings).
  private static func failThreshold(_ value: String) -> Severity?? {
    if value == "never" { return .some(nil) }
    guard let severity = Severity(rawValue: value) else { return nil }
    return .some(severity)
  }
}
