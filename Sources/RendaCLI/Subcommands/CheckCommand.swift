#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import RendaChecks
import RendaConfiguration
import RendaIDE

/// `renda check [--format text|json|sarif|rdjson] [--fail-on SEVERITY] [--lang zh|en]
/// [--config FILE] [--rule ID]... [--jobs N] PATH...`
///
/// Exit codes: 0 no finding at or above `--fail-on` (default `warning`); 1 some; 2 a
/// usage, configuration or input error (the other files are still checked).
enum CheckCommand {
  enum Format: String {
    case text, json, sarif, rdjson
  }

  static func run(_ arguments: [String], io: CommandIO) -> Int32 {
    if arguments == ["--help"] || arguments == ["-h"] {
      io.output(RendaCommand.usage + "\n")
      return 0
    }
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
      io.error("renda check: unknown format '\(parsed.values["--format"]!)': use text, json, sarif or rdjson")
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
        options: .init(configPath: parsed.values["--config"], ruleFilter: ruleFilter, jobs: jobs, keepsAnalysis: false),
        io: io)
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

    let listOpening =
      switch format {
      case .rdjson: RDJSONReport.frame.opening
      case .sarif: SARIFReport.Stream.opening
      case .text, .json: "[\n"
      }
    let output = OrderedOutput(
      io: io, window: CheckCommand.window(jobs: session.workers), listOpening: listOpening)
    let tally = CheckTally()
    let sarif = format == .sarif ? SARIFReport.Stream() : nil
    session.stream(parsed.paths, output: output) { outcome, writer in
      switch outcome {
      case .failed: tally.noteFailure()
      case .skipped: break
      case .checked(let checked):
        tally.noteFile()
        switch format {
        // Batch by batch (window by window for a large file): its findings are never all held.
        case .text:
          checked.forEachBatch { batch in
            tally.note(batch)
            TextReport.render(batch, of: checked, language: language, color: useColor, chunk: writer.output)
          }
        case .json:
          FindingsReport.streamItem(
            checked, language: language, item: writer.item, output: writer.output, noting: tally.note)
        case .sarif:
          checked.forEachBatch { batch in
            tally.note(batch)
            sarif?.item(checked, findings: batch, index: writer.index, language: language).map(writer.item)
          }
        case .rdjson:
          checked.forEachBatch { batch in
            tally.note(batch)
            RDJSONReport.item(checked, findings: batch, language: language).map(writer.item)
          }
        }
      }
    }
    let summary = tally.summary
    switch format {
    case .text:
      let count = summary.findings
      if count > 0 || summary.files > 0 {
        io.error("\(count) finding\(count == 1 ? "" : "s") in \(summary.files) file\(summary.files == 1 ? "" : "s")")
      }
    case .json: io.output(output.itemsWritten == 0 ? FindingsReport.emptyList + "\n" : "\n]\n")
    case .sarif:
      sarif.map { io.output((output.itemsWritten == 0 ? SARIFReport.Stream.opening : "") + $0.closing(language: language) + "\n") }
    case .rdjson:
      io.output((output.itemsWritten == 0 ? RDJSONReport.frame.empty : RDJSONReport.frame.closing) + "\n")
    }
    if summary.inputFailed { return 2 }
    if let failOn, let worst = summary.worst, worst >= failOn { return 1 }
    return 0
  }

  /// How many inputs the workers may run ahead of the one being written.
  static func window(jobs: Int) -> Int { max(8, 4 * jobs) }

  /// `never` → nil (never fail on findings).
  private static func failThreshold(_ value: String) -> Severity?? {
    if value == "never" { return .some(nil) }
    guard let severity = Severity(rawValue: value) else { return nil }
    return .some(severity)
  }
}
