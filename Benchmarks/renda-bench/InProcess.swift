import Dispatch
import Foundation
import RendaAnalysis
import RendaChecks
import RendaConfiguration
import RendaIDE
import RendaCLI
import RendaPage
import RendaText
import Synchronization

/// What is timed in-process, each over every document of a corpus.
enum Workload: String, CaseIterable {
  /// Validate + line index + parse + every rule, what `renda check` does per file: the whole
  /// page up to a megabyte (`DocumentAnalysis`), window by window above (`WindowedCheck`).
  case check
  /// `check` on every core, as `renda check` runs: the documents in parallel, and a single
  /// document above a megabyte with its windows' rules on other threads
  /// (`WindowedCheck.forEachBatch(workers:)`). Not compared with the floor, a single thread.
  case checkAllCores = "check-all-cores"
  /// Validate + line index + parse (`PageParser`).
  case parse
  /// Validate + line index + parse + outline values (`OutlineBuilder`, what `renda outline`
  /// builds: window by window above a megabyte).
  case outline
  /// The floor: `String.unicodeScalars`, counting scalars and lines.
  case floorScalars = "floor-unicodeScalars"
  /// The floor: a hand-written UTF-8 decoder over the bytes, counting scalars and lines.
  case floorBytes = "floor-utf8-bytes"
}

/// One corpus prepared for the in-process workloads.
struct PreparedCorpus {
  var corpus: Corpus
  /// The same bytes as `String`s, made before timing (for the `unicodeScalars` floor).
  var strings: [String]

  init(_ corpus: Corpus, strings: Bool = true) {
    self.corpus = corpus
    self.strings = strings ? corpus.documents.map { String(decoding: $0, as: UTF8.self) } : []
  }
}

struct InProcess {
  let configuration: RendaConfiguration

  init() throws {
    configuration = try RendaConfiguration.defaults()
  }

  func run(_ workload: Workload, on prepared: PreparedCorpus) {
    switch workload {
    case .check:
      for document in prepared.corpus.documents {
        let text = try! SourceText(validating: document)
        var count = 0
        WindowedCheck.forEachBatch(in: text, glossary: configuration.glossary, configuration: configuration.checks) {
          count += $0.count
        }
        consume(count)
      }
    case .checkAllCores:
      let documents = prepared.corpus.documents
      let cores = ProcessInfo.processInfo.activeProcessorCount
      let counts = Mutex(0)
      DispatchQueue.concurrentPerform(iterations: documents.count) { index in
        let text = try! SourceText(validating: documents[index])
        var count = 0
        WindowedCheck.forEachBatch(
          in: text, glossary: configuration.glossary, configuration: configuration.checks,
          workers: documents.count == 1 ? DispatchWork(width: cores) : nil
        ) { count += $0.count }
        counts.withLock { $0 += count }
      }
      consume(counts.withLock { $0 })
    case .parse:
      for document in prepared.corpus.documents {
        let page = PageParser.parse(try! SourceText(validating: document))
        consume(page.articles.count)
      }
    case .outline:
      for document in prepared.corpus.documents {
        let text = try! SourceText(validating: document)
        consume(OutlineBuilder.outline(ofLargeText: text, glossary: configuration.glossary).articles.count)
      }
    case .floorScalars:
      for string in prepared.strings { consume(Floor.unicodeScalars(string)) }
    case .floorBytes:
      for document in prepared.corpus.documents {
        consume(document.withUnsafeBufferPointer { Floor.utf8Bytes($0) })
      }
    }
  }

  /// Time of each stage of `check` on one document, in seconds: the text layer, the
  /// parser, the slogan resolution every rule shares, each rule, the suppressions, and the
  /// outline (not part of `check`). For the README's "where the time goes".
  func stages(of document: [UInt8]) -> [(String, Double)] {
    var result: [(String, Double)] = []
    var start = now()
    let text = try! SourceText(validating: document)
    result.append(("text layer (validate + line index)", seconds(since: start)))
    start = now()
    let page = PageParser.parse(text)
    result.append(("parse", seconds(since: start)))
    start = now()
    let context = CheckContext(page: page, glossary: configuration.glossary)
    result.append(("slogan resolution (CheckContext)", seconds(since: start)))
    for check in CheckRegistry.all {
      start = now()
      consume(check.findings(in: context).count)
      result.append(("rule \(check.id)", seconds(since: start)))
    }
    start = now()
    consume(Suppressions(text).isEmpty ? 0 : 1)
    result.append(("suppressions", seconds(since: start)))
    start = now()
    consume(OutlineBuilder.outline(of: page, glossary: configuration.glossary).articles.count)
    result.append(("outline (not in check)", seconds(since: start)))
    return result
  }
}

/// The floor passes, compiled -O with the rest of the benchmark.
enum Floor {
  /// Scalars plus line feeds, by the standard library's scalar view.
  @inline(never)
  static func unicodeScalars(_ string: String) -> Int {
    var scalars = 0
    var lines = 0
    for scalar in string.unicodeScalars {
      scalars &+= 1
      if scalar == "\n" { lines &+= 1 }
    }
    return scalars &+ lines
  }

  /// Scalars plus line feeds, decoding each scalar's value by hand (valid UTF-8 assumed,
  /// as `SourceText` guarantees); the values are folded in so the decoding is not dropped.
  @inline(never)
  static func utf8Bytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var i = 0
    let count = bytes.count
    var scalars = 0
    var lines = 0
    var fold: UInt32 = 0
    while i < count {
      let lead = bytes[i]
      var value: UInt32
      if lead < 0x80 {
        value = UInt32(lead)
        if lead == 0x0A { lines &+= 1 }
        i &+= 1
      } else if lead < 0xE0 {
        value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F)
        i &+= 2
      } else if lead < 0xF0 {
        value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F)
        i &+= 3
      } else {
        value =
          UInt32(lead & 0x07) << 18 | UInt32(bytes[i &+ 1] & 0x3F) << 12 | UInt32(bytes[i &+ 2] & 0x3F) << 6
          | UInt32(bytes[i &+ 3] & 0x3F)
        i &+= 4
      }
      fold ^= value
      scalars &+= 1
    }
    return scalars &+ lines &+ Int(fold & 1)
  }
}
