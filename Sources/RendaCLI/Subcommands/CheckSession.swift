import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RendaChecks
import RendaConfiguration
import RendaIDE
import RendaText
import RendaData

/// What `check` and `fix` share: expanding inputs, finding each file's configuration,
/// analysing files in parallel (results in input order).
struct CheckSession {
  struct Options {
    var configPath: String?
    var ruleFilter: Set<String>?
    /// Files analysed at once; nil: as many as `concurrentPerform` runs (all cores).
    var jobs: Int? = nil
    /// Keep each file's page model (the tests compare with it). Without it, a file larger
    /// than `WindowedCheck`'s window is checked window by window, never holding its page whole.
    var keepsAnalysis = true
    /// The window of `WindowedCheck` (tests make it small).
    var windowBytes = WindowedCheck.defaultWindowBytes
  }

  struct Checked {
    var document: InputDocument
    var configuration: RendaConfiguration
    /// The page model and findings, when `Options.keepsAnalysis`.
    var analysis: DocumentAnalysis?
    /// The checks that ran (the configuration's, limited by `--rule`).
    private var checks: CheckConfiguration
    private var windowBytes: Int
    /// Threads for the rules of a file checked window by window (`WindowedCheck`): every core
    /// (at most `--jobs`) when the session has this one file, else 1 (the files are checked in
    /// parallel instead). Each thread holds a window's page, so never more than the cores.
    private var windowWorkers: Int

    init(
      document: InputDocument, configuration: RendaConfiguration, checks: CheckConfiguration,
      analysis: DocumentAnalysis?, windowBytes: Int = WindowedCheck.defaultWindowBytes, windowWorkers: Int = 1
    ) {
      self.document = document
      self.configuration = configuration
      self.checks = checks
      self.analysis = analysis
      self.windowBytes = windowBytes
      self.windowWorkers = windowWorkers
    }

    var text: SourceText { document.text }

    /// Where this file's windows run their rules (see `windowWorkers`); nil: on the caller.
    var windowWork: (any ConcurrentWork)? { windowWorkers > 1 ? DispatchWork(width: windowWorkers) : nil }

    /// The findings in text order, in batches: window by window for a file checked without
    /// its page model (see `WindowedCheck`), so that they are never all held; else one batch.
    /// The checks run as the batches are asked for.
    func forEachBatch(_ body: ([Finding]) -> Void) {
      if let analysis {
        body(analysis.findings)
      } else {
        WindowedCheck.forEachBatch(
          in: text, glossary: configuration.glossary, configuration: checks, windowBytes: windowBytes,
          workers: windowWork, body)
      }
    }

    /// All the findings, in text order (the checks run again on each call without the page model).
    var findings: [Finding] {
      if let analysis { return analysis.findings }
      var all: [Finding] = []
      forEachBatch { all += $0 }
      return all
    }

    /// 1-based line and 1-based column counted in Unicode scalars, as the CLI prints them.
    /// (The reports ask ``positions()`` for theirs; this is the one-offset reference the
    /// cursor's answers equal, `ReportCursorTests`.)
    func position(of offset: TextOffset) -> (line: Int, column: Int) {
      DocumentAnalysis.position(of: offset, in: document.text)
    }

    /// ``position(of:)`` for the many offsets of a report, in the order asked.
    func positions() -> PositionCursor { PositionCursor(text) }
  }

  /// ``Checked/position(of:)`` for many offsets of one text, mostly in increasing order (a
  /// report's findings, several to a line): the line's column is counted on from the
  /// previous offset of the same line (`WideColumnCursor`), not from its start. The answers
  /// are `position(of:)`'s.
  struct PositionCursor {
    private var cursor: WideColumnCursor

    init(_ text: SourceText) { cursor = WideColumnCursor(text: text, encoding: .utf32) }

    mutating func position(of offset: TextOffset) -> (line: Int, column: Int) {
      DocumentAnalysis.position(cursor.wideLineColumn(of: offset))
    }
  }

  enum Outcome {
    case checked(Checked)
    case skipped
    case failed(InputError)
  }

  let options: Options
  let io: CommandIO
  private let explicit: RendaConfiguration?
  private let defaults: RendaConfiguration
  private let cache = ConfigurationCache()

  init(options: Options, io: CommandIO) throws(ConfigurationError) {
    self.options = options
    self.io = io
    defaults = try RendaConfiguration.defaults()
    explicit = try options.configPath.map { path throws(ConfigurationError) in try ConfigurationLoader.load(path: path)
    }
    // The rules' glossary indexes are built on another core while the first input is read
    // and parsed (a tenth of a one-page check's time).
    let first = explicit ?? defaults
    var checks = first.checks
    if let filter = options.ruleFilter { checks = checks.limited(to: filter) }
    DispatchQueue.global(qos: .userInitiated).async { [checks] in
      CheckRunner.prepare(glossary: first.glossary, configuration: checks)
    }
  }

  /// Inputs analysed at once by `stream`: `--jobs`, else one per core.
  var workers: Int { options.jobs ?? ProcessInfo.processInfo.activeProcessorCount }

  /// The configuration that governs `path`: `--config`, else the nearest `.renda.json`.
  func configuration(for path: String) throws(ConfigurationError) -> RendaConfiguration {
    if let explicit { return explicit }
    let directory =
      path == "-" ? FileManager.default.currentDirectoryPath : PathString.deletingLastComponent(path)
    guard let file = ConfigurationLoader.find(from: directory.isEmpty ? "." : directory) else { return defaults }
    return try cache.configuration(at: file)
  }

  /// Reads and analyses every input, in parallel; outcomes in input order. An error
  /// shared by several files (one broken `.renda.json`) is reported once.
  func run(_ paths: [String]) -> [Outcome] {
    let entries = InputFiles.expand(paths)
    let results = ResultSlots<Outcome>(count: entries.count)
    if let jobs = options.jobs, jobs < entries.count {
      // `jobs` workers take the next file in turn.
      let next = ResultSlots<Int>(count: 1)
      DispatchQueue.concurrentPerform(iterations: jobs) { _ in
        while let index = next.take(below: entries.count) {
          results[index] = analyse(entries[index], alone: entries.count == 1)
        }
      }
    } else {
      DispatchQueue.concurrentPerform(iterations: entries.count) { index in
        results[index] = analyse(entries[index], alone: entries.count == 1)
      }
    }
    var seen = Set<String>()
    return results.values.compactMap { outcome in
      if case .failed(let error) = outcome, !seen.insert(error.description).inserted { return nil }
      return outcome ?? .skipped
    }
  }

  /// Reads, analyses and reports every input in parallel, writing the reports in input order
  /// through `output` as they are ready (see `OrderedOutput`).
  ///
  /// `report` runs on the worker that analysed the input, with the outcome and a writer for
  /// that input's pieces; the analysis is released when it returns, so at most `jobs` analyses
  /// (and the reports of at most `window` inputs) are alive at once. A failure is written to
  /// standard error by the session (once per message) before `report` sees it.
  func stream(
    _ paths: [String], output: OrderedOutput, report: @Sendable (Outcome, OrderedOutput.Writer) -> Void
  ) {
    let entries = InputFiles.expand(paths)
    let next = ResultSlots<Int>(count: 1)
    let workers = min(self.workers, max(1, entries.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let index = next.take(below: entries.count) {
        output.admit(index)
        let writer = OrderedOutput.Writer(output: output, index: index)
        let outcome = analyse(entries[index], alone: entries.count == 1)
        if case .failed(let error) = outcome { writer.error(error.description) }
        report(outcome, writer)
        output.finish(index)
      }
    }
  }

  /// `alone`: the session's only file, whose windows may use every core.
  private func analyse(_ entry: Result<String, InputError>, alone: Bool) -> Outcome {
    let path: String
    switch entry {
    case .failure(let error): return .failed(error)
    case .success(let value): path = value
    }
    let configuration: RendaConfiguration
    do {
      configuration = try self.configuration(for: path)
    } catch {
      return .failed(InputError(path: error.source, message: error.message))
    }
    if path != "-", configuration.ignores(path) { return .skipped }
    switch InputFiles.read(path, io: io) {
    case .failure(let error): return .failed(error)
    case .success(let document):
      var checks = configuration.checks
      if let filter = options.ruleFilter { checks = checks.limited(to: filter) }
      // Without the page model, the checks run when the report asks for the findings.
      let analysis =
        options.keepsAnalysis
        ? DocumentAnalysis(text: document.text, glossary: configuration.glossary, configuration: checks) : nil
      return .checked(
        Checked(
          document: document, configuration: configuration, checks: checks, analysis: analysis,
          windowBytes: options.windowBytes,
          windowWorkers: alone ? min(workers, ProcessInfo.processInfo.activeProcessorCount) : 1))
    }
  }
}

/// Configurations read so far, by file (read once even when checked in parallel).
final class ConfigurationCache: @unchecked Sendable {
  private let lock = ConditionLock()
  private var loaded: [String: Result<RendaConfiguration, ConfigurationError>] = [:]

  func configuration(at path: String) throws(ConfigurationError) -> RendaConfiguration {
    lock.lock()
    defer { lock.unlock() }
    if let cached = loaded[path] { return try cached.get() }
    let result: Result<RendaConfiguration, ConfigurationError>
    do {
      result = .success(try ConfigurationLoader.load(path: path))
    } catch {
      result = .failure(error)
    }
    loaded[path] = result
    return try result.get()
  }
}

/// Slots written by parallel workers, each slot by exactly one worker.
final class ResultSlots<Value>: @unchecked Sendable {
  private let lock = ConditionLock()
  private var storage: [Value?]

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  subscript(index: Int) -> Value? {
    get {
      lock.lock()
      defer { lock.unlock() }
      return storage[index]
    }
    set {
      lock.lock()
      storage[index] = newValue
      lock.unlock()
    }
  }

  /// Slot 0 as a counter: its value (from 0), then one more; nil once it reaches `limit`.
  func take(below limit: Int) -> Int? where Value == Int {
    lock.lock()
    defer { lock.unlock() }
    let current = storage[0] ?? 0
    guard current < limit else { return nil }
    storage[0] = current + 1
    return current
  }

  var values: [Value?] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
