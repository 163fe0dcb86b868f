#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RendaAnalysis
import RendaChecks
import RendaConfiguration
import RendaIDE
import RendaText
import Synchronization

/// `renda fix [--dry-run] [--rule ID]... [--config FILE] PATH...`
///
/// Applies every certain fix, re-checking until nothing more applies (so a second run
/// is a no-op). Writes atomically and refuses a file changed since it was read; a file
/// with nothing to fix is never touched. `--dry-run` prints a unified diff instead.
enum FixCommand {
  static let maximumRounds = 8

  static func run(_ arguments: [String], io: CommandIO) -> Int32 {
    let parsed: Arguments
    switch Arguments.parse(arguments, valued: ["--rule", "--config", "--lang"], flags: ["--dry-run"]) {
    case .failure(let error):
      io.error("renda fix: \(error.message)\n\n" + RendaCommand.usage)
      return 2
    case .success(let value): parsed = value
    }
    var ruleFilter: Set<String>?
    if let rules = parsed.repeated["--rule"] {
      for id in rules where CheckRegistry.check(id: id) == nil {
        io.error("renda fix: unknown rule '\(id)'; `renda rules` lists them")
        return 2
      }
      ruleFilter = Set(rules)
    }
    guard !parsed.paths.isEmpty else {
      io.error("renda fix: no input: name files or directories")
      return 2
    }
    if parsed.paths.contains("-") && !parsed.flags.contains("--dry-run") {
      io.error("renda fix: standard input can only be fixed with --dry-run (there is no file to write)")
      return 2
    }
    let session: CheckSession
    do {
      // Without page models: a file over a megabyte is checked window by window in every round.
      session = try CheckSession(
        options: .init(configPath: parsed.values["--config"], ruleFilter: ruleFilter, keepsAnalysis: false), io: io)
    } catch {
      io.error("renda: \(error.description)")
      return 2
    }
    let dryRun = parsed.flags.contains("--dry-run")
    // Each file fixed (and written, or its diff rendered) on the worker that read it, the
    // output in input order (`OrderedOutput`), as `renda check` does.
    let tally = Mutex((failed: false, changedFiles: 0, applied: 0))
    let output = OrderedOutput(io: io, window: CheckCommand.window(jobs: session.workers))
    let rules = ruleFilter
    session.stream(parsed.paths, output: output) { outcome, writer in
      guard case .checked(let checked) = outcome else {
        if case .failed = outcome { tally.withLock { $0.failed = true } }
        return
      }
      var checks = checked.configuration.checks
      if let rules { checks = checks.limited(to: rules) }
      let (fixed, applied) = fixToFixedPoint(
        checked.text, glossary: checked.configuration.glossary, checks: checks, workers: checked.windowWork)
      guard applied > 0, fixed.bytes != checked.document.text.bytes else { return }
      tally.withLock {
        $0.applied += applied
        $0.changedFiles += 1
      }
      if dryRun {
        writer.output(
          UnifiedDiff.render(
            path: checked.document.path, old: String(decoding: checked.document.text.bytes, as: UTF8.self),
            new: String(decoding: fixed.bytes, as: UTF8.self)))
      } else {
        do {
          try AtomicFileWriter.replace(checked.document.path, expecting: checked.document.text.bytes, with: fixed.bytes)
        } catch {
          writer.error("\(error)")
          tally.withLock { $0.failed = true }
        }
      }
    }
    let (failed, changedFiles, appliedTotal) = tally.withLock { ($0.failed, $0.changedFiles, $0.applied) }
    io.error(
      "\(dryRun ? "would apply" : "applied") \(appliedTotal) fix\(appliedTotal == 1 ? "" : "es") in \(changedFiles) file\(changedFiles == 1 ? "" : "s")"
    )
    return failed ? 2 : 0
  }

  /// Applies the fixes of `text`'s findings, checks the result again, and repeats until no
  /// fix is left (or the rounds run out). Each round's findings are found as `renda check`
  /// finds them (`WindowedCheck`: window by window above `windowBytes`) and only their first
  /// fixes are kept, so neither a large file's page model nor its findings are held. With
  /// `workers`, the windows' rules run there (a single large file: every core).
  static func fixToFixedPoint(
    _ text: SourceText, glossary: Glossary, checks: CheckConfiguration, windowBytes: Int = WindowedCheck.defaultWindowBytes,
    workers: (any ConcurrentWork)? = nil
  ) -> (SourceText, Int) {
    func fixes(of text: SourceText) -> [Fix] {
      var fixes: [Fix] = []
      WindowedCheck.forEachBatch(
        in: text, glossary: glossary, configuration: checks, windowBytes: windowBytes, workers: workers
      ) {
        fixes += $0.lazy.compactMap(\.fixes.first)
      }
      return fixes
    }
    var text = text
    var applied = 0
    for _ in 0..<maximumRounds {
      let fixes = fixes(of: text)
      guard !fixes.isEmpty else { break }
      let result = FixApplier.apply(fixes, to: text)
      guard result.appliedFixes > 0, result.text.bytes != text.bytes else { break }
      applied += result.appliedFixes
      text = result.text
    }
    return (text, applied)
  }
}
