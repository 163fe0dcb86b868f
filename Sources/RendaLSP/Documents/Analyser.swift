import Dispatch
import JSONRPC
import LSPTypes
import RendaChecks
import RendaIDE
import RendaText
import Synchronization

/// A document version analysed, with its `publishDiagnostics` already written (on the
/// analyser's thread, which sends it).
struct AnalysedDocument: Sendable {
  let key: AnalysisKey
  /// The analysis, which the next version's is made from when the edits between are known.
  let incremental: IncrementalAnalysis
  var analysis: DocumentAnalysis { incremental.analysis }
  let converter: PositionConverter
  /// The language the diagnostics' messages are in.
  let language: Language
  /// The diagnostics, converted when the body was written from scratch, else on first
  /// request (pull diagnostics, code actions): an update's body is mostly copied from the
  /// previous version's.
  let converted: OnceCache<[Diagnostic]>
  var diagnostics: [Diagnostic] {
    converted.value {
      FindingsToDiagnostics.diagnostics(analysis.findings, converter: converter, uri: key.uri, language: language)
    }
  }
  /// The `textDocument/publishDiagnostics` notification, written as JSON text.
  let publish: DiagnosticJSON.PublishBody
  /// The encoded `documentSymbol` result (hierarchical or flat, as the client asked at
  /// `initialize`), made once on first request.
  let symbols = OnceCache<[UInt8]>()
  /// The semantic tokens, collected once on first request (range requests filter them).
  let semanticTokens = OnceCache<[SemanticToken]>()
}

/// A value of one analysed version, made at most once on first request.
final class OnceCache<Value: Sendable>: Sendable {
  private let state: Mutex<Value?>

  init(_ value: Value? = nil) { state = Mutex(value) }

  /// The value if it was made.
  var made: Value? { state.withLock { $0 } }

  func value(_ make: () throws -> Value) rethrows -> Value {
    if let cached = state.withLock({ $0 }) { return cached }
    let made = try make()
    return state.withLock { state in
      if let kept = state { return kept }
      state = made
      return made
    }
  }
}

/// What the analysis of a version will be: awaited by requests, fulfilled once.
final class AnalysisPromise: Sendable {
  private struct State {
    var result: Result<AnalysedDocument, ResponseError>?
    var waiters: [CheckedContinuation<Result<AnalysedDocument, ResponseError>, Never>] = []
  }

  private let state = Mutex(State())

  init() {}

  init(fulfilled: AnalysedDocument) {
    state.withLock { $0.result = .success(fulfilled) }
  }

  func fulfil(_ result: Result<AnalysedDocument, ResponseError>) {
    let waiters = state.withLock { state -> [CheckedContinuation<Result<AnalysedDocument, ResponseError>, Never>] in
      guard state.result == nil else { return [] }
      state.result = result
      defer { state.waiters = [] }
      return state.waiters
    }
    for waiter in waiters { waiter.resume(returning: result) }
  }

  var value: Result<AnalysedDocument, ResponseError> {
    get async {
      await withCheckedContinuation { continuation in
        let ready = state.withLock { state -> Result<AnalysedDocument, ResponseError>? in
          if let result = state.result { return result }
          state.waiters.append(continuation)
          return nil
        }
        if let ready { continuation.resume(returning: ready) }
      }
    }
  }
}

/// One serial analyser on its own thread, so reading input and answering the loop never
/// wait for it. No fixed debounce: a new version of a document replaces its pending job
/// (requests waiting on the replaced version get `ContentModified`); a job already
/// running finishes, and the server drops its result if the document moved on; the
/// newest version is analysed as soon as the analyser is free.
final class Analyser: Sendable {
  struct Job: Sendable {
    let key: AnalysisKey
    let text: SourceText
    /// The edits of the document's recent versions.
    let history: EditHistory
    let configuration: DocumentConfiguration
    let encoding: PositionEncoding
    let language: Language
    let promise: AnalysisPromise
  }

  private struct State {
    var running: Job?
    var pending: [Job] = []
    var working = false
    /// Analyses finished so far: a trim scheduled after one runs only if no other followed.
    var finished = 0
    /// The newest analysis of each document.
    var latest: [DocumentURI: AnalysedDocument] = [:]
    /// Closed while their analysis was running: its result is not kept.
    var forgotten: Set<DocumentURI> = []
  }

  private let state = Mutex(State())
  private let queue = DispatchQueue(label: "renda.analysis", qos: .userInitiated)
  private let onAnalysed: @Sendable (AnalysedDocument) -> Void

  /// `onAnalysed` runs on the analyser's thread after each job.
  init(onAnalysed: @escaping @Sendable (AnalysedDocument) -> Void) {
    self.onAnalysed = onAnalysed
  }

  /// The analysis of `document` (its version and configuration): the one done, running
  /// or pending, or a new job that supersedes any pending one of the same document.
  func analysis(of document: Document, encoding: PositionEncoding, language: Language) -> AnalysisPromise {
    let key = document.key
    let (promise, superseded, start) = state.withLock { state -> (AnalysisPromise, [Job], Bool) in
      state.forgotten.remove(key.uri)
      if let done = state.latest[key.uri], done.key == key, done.converter.encoding == encoding {
        return (AnalysisPromise(fulfilled: done), [], false)
      }
      if let running = state.running, running.key == key { return (running.promise, [], false) }
      if let pending = state.pending.first(where: { $0.key == key }) { return (pending.promise, [], false) }
      let job = Job(
        key: key, text: document.text, history: document.history, configuration: document.configuration,
        encoding: encoding, language: language, promise: AnalysisPromise())
      var superseded: [Job] = []
      if let index = state.pending.firstIndex(where: { $0.key.uri == key.uri }) {
        superseded.append(state.pending[index])
        state.pending[index] = job
      } else {
        state.pending.append(job)
      }
      let start = !state.working
      state.working = true
      return (job.promise, superseded, start)
    }
    for job in superseded {
      job.promise.fulfil(.failure(Self.contentModified(job.key)))
    }
    if start { queue.async { self.drain() } }
    return promise
  }

  /// Drops a closed document's pending job and its last analysis.
  func forget(_ uri: DocumentURI) {
    let dropped = state.withLock { state -> [Job] in
      state.latest[uri] = nil
      if state.running?.key.uri == uri { state.forgotten.insert(uri) }
      let dropped = state.pending.filter { $0.key.uri == uri }
      state.pending.removeAll { $0.key.uri == uri }
      return dropped
    }
    for job in dropped { job.promise.fulfil(.failure(Self.contentModified(job.key))) }
  }

  static func contentModified(_ key: AnalysisKey) -> ResponseError {
    ResponseError(
      code: LSPErrorCode.contentModified, message: "\(key.uri) changed before the request could be answered")
  }

  private func drain() {
    while true {
      var next = state.withLock { state -> (Job, AnalysedDocument?)? in
        guard !state.pending.isEmpty else {
          state.working = false
          return nil
        }
        let job = state.pending.removeFirst()
        state.running = job
        return (job, state.latest[job.key.uri])
      }
      guard let job = next?.0 else { return }
      var retired = next?.1
      next = nil
      let result = Self.analyse(job, previous: retired)
      let finished = state.withLock { state in
        state.running = nil
        state.finished += 1
        if state.forgotten.remove(job.key.uri) == nil { state.latest[job.key.uri] = result }
        return state.finished
      }
      job.promise.fulfil(.success(result))
      onAnalysed(result)
      // The previous version (on a large page, tens of thousands of findings and
      // diagnostics) is freed here, once this one is published: 2 ms on a 3 MB page. Freed
      // on another thread, it ran beside the next version's analysis, and the two threads'
      // contention for the allocator cost the next keystroke more than the free itself.
      retired = nil
      // When the server has been idle for a moment after an analysis, the freed memory
      // goes back to the system. Not while the author types (a trim walks every free chunk
      // and holds the allocator's locks, and the memory it returns is faulted in again by
      // the next keystroke), and not after a large document, where the walk is long.
      if job.text.count < Self.trimLimit {
        Self.trimmer.asyncAfter(deadline: .now() + Self.trimDelay) { [self] in
          if state.withLock({ !$0.working && $0.finished == finished }) { Memory.trim() }
        }
      }
    }
  }

  /// The largest text (bytes) after whose analysis the heap is trimmed.
  private static let trimLimit = 1_000_000
  /// How long the analyser must have been idle after an analysis before the heap is trimmed.
  private static let trimDelay = DispatchTimeInterval.milliseconds(200)

  /// Where the heap is trimmed.
  private static let trimmer = DispatchQueue(label: "renda.analysis.trim", qos: .utility)

  /// Analyses the job's version: from `previous` (the document's last analysis) through
  /// the edits between when they are known and the configuration is the same, else whole.
  static func analyse(_ job: Job, previous: AnalysedDocument?) -> AnalysedDocument {
    let incremental: IncrementalAnalysis
    var updated = false
    if let previous, previous.key.uri == job.key.uri, previous.key.generation == job.key.generation,
      let changes = job.history.changes(from: previous.key.version, to: job.key.version)
    {
      incremental = previous.incremental.updated(to: job.text, changes: changes)
      updated = true
    } else {
      incremental = IncrementalAnalysis(
        text: job.text, glossary: job.configuration.glossary, configuration: job.configuration.checks)
    }
    let analysis = incremental.analysis
    let converter = PositionConverter(text: job.text, encoding: job.encoding)
    // The previous version's body, written the same way (same document, encoding and
    // language), is copied where the diagnostics did not change.
    let reusable = previous.flatMap { previous in
      previous.key.uri == job.key.uri && previous.converter.encoding == job.encoding
        && previous.language == job.language ? previous : nil
    }
    if updated, let reuse = incremental.reuse, let reusable,
      let body = FindingsToDiagnostics.publishBody(
        analysis.findings, reusing: reusable.publish, reuse, converter: converter, uri: job.key.uri,
        version: job.key.version, language: job.language)
    {
      return AnalysedDocument(
        key: job.key, incremental: incremental, converter: converter, language: job.language,
        converted: OnceCache(), publish: body)
    }
    let diagnostics = FindingsToDiagnostics.diagnostics(
      analysis.findings, converter: converter, uri: job.key.uri, language: job.language)
    let params = PublishDiagnosticsParams(uri: job.key.uri, version: job.key.version, diagnostics: diagnostics)
    let previousDiagnostics = reusable.flatMap { previous in previous.converted.made.map { ($0, previous.publish) } }
    return AnalysedDocument(
      key: job.key, incremental: incremental, converter: converter, language: job.language,
      converted: OnceCache(diagnostics), publish: DiagnosticJSON.publishBody(params, reusing: previousDiagnostics))
  }
}
