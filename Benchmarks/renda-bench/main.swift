import Foundation
import JSONRPC
import RendaIDE
import RendaText

// renda-bench: the benchmark of `renda check`, the parser, the outline, the CLI and the
// language server. Release builds only; see Benchmarks/README.md.

let usage = """
  usage: renda-bench [--quick] [--json FILE] [--renda PATH] [--renda-static PATH] [--seeds DIR] [--work DIR]
                     [--python PATH] [--no-peer] [--no-lsp] [--lsp-only]
         renda-bench --profile check|parse|outline FILE [--seconds N]   (loop one workload, for perf)
         renda-bench --stages FILE                                       (time of each stage of check)
         renda-bench --rss FILE                                          (check once; for peak RSS)
         renda-bench --memory FILE                                       (heap and RSS after each stage of check)
         renda-bench --peak-rss COMMAND...                               (run COMMAND; print its peak RSS in bytes)

    --quick    seeds and 1 MB, 50 requests, no thresholds (under a minute; what CI runs)
    default    seeds, 1 MB, 10 MB and 100 MB, 1,000 requests, targets judged
  """

struct Options {
  var quick = false
  var jsonPath: String?
  var renda: String
  /// `--renda-static PATH`: a statically linked build (the deployed form) whose start-up is
  /// measured beside `renda`'s.
  var rendaStatic: String?
  var seeds = "seeds"
  var work = ".build/bench"
  var python = "python3"
  var peer = true
  var lsp = true
  /// Only the server's figures (no throughput, peer or CLI).
  var lspOnly = false
  var profile: (workload: String, file: String)?
  var profileSeconds = 20.0
  var stagesFile: String?
  var rssFile: String?
  var memoryFile: String?
  var incrementalFile: String?
  /// `--peak-rss COMMAND...`: the rest of the arguments, a command to measure.
  var peakRSSCommand: [String]?

  init(_ arguments: [String]) throws {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    renda = executable.deletingLastPathComponent().appendingPathComponent("renda").path
    var i = 0
    func value() throws -> String {
      i += 1
      guard i < arguments.count else { throw BenchError("\(arguments[i - 1]) needs a value\n\n\(usage)") }
      return arguments[i]
    }
    while i < arguments.count {
      switch arguments[i] {
      case "--quick": quick = true
      case "--json": jsonPath = try value()
      case "--renda": renda = try value()
      case "--renda-static": rendaStatic = try value()
      case "--seeds": seeds = try value()
      case "--work": work = try value()
      case "--python": python = try value()
      case "--no-peer": peer = false
      case "--no-lsp": lsp = false
      case "--lsp-only": lspOnly = true
      case "--profile":
        let workload = try value()
        profile = (workload, try value())
      case "--seconds": profileSeconds = Double(try value()) ?? 20
      case "--stages": stagesFile = try value()
      case "--rss": rssFile = try value()
      case "--memory": memoryFile = try value()
      case "--incremental": incrementalFile = try value()
      case "--peak-rss":
        peakRSSCommand = Array(arguments[(i + 1)...])
        guard peakRSSCommand?.isEmpty == false else { throw BenchError("--peak-rss needs a command\n\n\(usage)") }
        i = arguments.count
        continue
      case "-h", "--help":
        print(usage)
        exit(0)
      default: throw BenchError("unknown argument '\(arguments[i])'\n\n\(usage)")
      }
      i += 1
    }
  }
}

func progress(_ message: String) {
  // What the table printed so far goes out first: with both streams sent to one file, a
  // progress line must not land inside a row still in stdout's buffer.
  fflush(nil)  // every output stream
  FileHandle.standardError.write(Data("renda-bench: \(message)\n".utf8))
}

#if DEBUG
  progress("build it in release mode: swift build -c release --product renda-bench (timings of a debug build mean nothing)")
  exit(2)
#else
  do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    if let command = options.peakRSSCommand {
      try PeakRSS.report(command)
    } else if let profile = options.profile {
      try Profile.loop(profile.workload, file: profile.file, seconds: options.profileSeconds)
    } else if let file = options.memoryFile {
      try MemoryProfile.run(file: file)
    } else if let file = options.rssFile {
      try Profile.analyseOnce(file: file)
    } else if let file = options.incrementalFile {
      try Profile.incremental(file: file)
    } else if let file = options.stagesFile {
      try Profile.stages(file: file)
    } else {
      var benchmark = Benchmark(options)
      try benchmark.run()
    }
  } catch {
    progress("\(error)")
    exit(2)
  }
#endif

enum Profile {
  static func loop(_ name: String, file: String, seconds limit: Double) throws {
    guard let workload = Workload(rawValue: name) else { throw BenchError("unknown workload '\(name)'") }
    let prepared = PreparedCorpus(Corpus(name: file, documents: [try Corpora.read(file)]))
    let inProcess = try InProcess()
    // One untimed run first: what is built once per process (the phrase index, the place
    // tables) stays out of the profile.
    inProcess.run(workload, on: prepared)
    let start = now()
    var runs = 0
    repeat {
      inProcess.run(workload, on: prepared)
      runs += 1
    } while seconds(since: start) < limit
    let elapsed = seconds(since: start)
    print("\(name): \(runs) runs, \(format(mb(prepared.corpus.bytes) * Double(runs) / elapsed, 2)) MB/s")
  }

  /// Reads `file` and runs `check` on it once (the parent reads this process's peak RSS).
  static func analyseOnce(file: String) throws {
    let inProcess = try InProcess()
    let document = try Corpora.read(file)
    let before = processMemory()?.rss ?? 0
    inProcess.run(.check, on: PreparedCorpus(Corpus(name: file, documents: [document]), strings: false))
    let after = processMemory()?.peak ?? 0
    print("rss before check \(before) bytes, peak \(after) bytes")
  }

  /// One-character edits (type 的, delete it) in the middle of `file`, in process:
  /// `IncrementalAnalysis.updated` against a fresh `DocumentAnalysis`, in milliseconds.
  static func incremental(file: String) throws {
    let inProcess = try InProcess()
    var text = try SourceText(validating: try Corpora.read(file))
    let glossary = inProcess.configuration.glossary
    let checks = inProcess.configuration.checks
    var state = IncrementalAnalysis(text: text, glossary: glossary, configuration: checks)
    let line = EditorLatency.editLine(text)
    var samples: [Double] = []
    var fresh: [Double] = []
    var windows = 0
    for k in 0..<60 {
      let start = text.offset(of: WideLineColumn(line: line, column: 2), in: .utf32)
      let end = text.offset(of: WideLineColumn(line: line, column: 3), in: .utf32)
      let range = k % 2 == 0 ? start..<start : start..<end
      let insert = k % 2 == 0 ? "的" : ""
      text = text.replacing(range, with: insert)
      let began = now()
      state = state.updated(to: text, changes: [TextChange(range: range, replacementLength: insert.utf8.count)])
      samples.append(seconds(since: began) * 1000)
      if case .window = state.path { windows += 1 }
      if k % 10 == 0 {
        let began = now()
        consume(DocumentAnalysis(text: text, glossary: glossary, configuration: checks).findings.count)
        fresh.append(seconds(since: began) * 1000)
      }
    }
    let a = Stats(samples: samples)
    let b = Stats(samples: fresh)
    let page = state.analysis.page
    print("\(text.count) bytes, \(page.articles.count) articles, \(state.analysis.findings.count) findings")
    print("incremental: median \(format(a.median, 2)) ms, p99 \(format(a.p99, 2)) ms; window path \(windows) of 60")
    print("fresh DocumentAnalysis: median \(format(b.median, 2)) ms (n=\(fresh.count))")
  }

  static func stages(file: String) throws {
    let bytes = try Corpora.read(file)
    let inProcess = try InProcess()
    _ = inProcess.stages(of: bytes)
    let stages = inProcess.stages(of: bytes)
    let total = stages.filter { !$0.0.hasPrefix("outline") }.map(\.1).reduce(0, +)
    for (name, time) in stages {
      print("\(name): \(format(time * 1000, 2)) ms (\(format(100 * time / total, 1))% of check)")
    }
  }
}

/// The whole run: in-process throughput, the peer, the CLI, the server, then the table.
struct Benchmark {
  let options: Options
  var table = Table()
  var json: [String: JSONValue] = [:]
  var targets: [JSONValue] = []

  init(_ options: Options) { self.options = options }

  var mode: String { options.quick ? "quick" : "full" }

  /// Records a target: its row in the table and its entry in the JSON (nil `met` in quick mode).
  mutating func target(_ measure: String, _ value: String, _ target: String, met: Bool?) {
    let judged = options.quick ? nil : met
    let status = judged.map { $0 ? "met" : "NOT MET" } ?? (options.quick ? "– (quick)" : "not measured")
    table.add(measure, value, target: target, status: status)
    targets.append([
      "measure": .string(measure), "value": .string(value), "target": .string(target),
      "met": judged.map { .bool($0) } ?? .null,
    ])
  }

  mutating func run() throws {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let sizes: [(String, Int)] =
      options.quick ? [("1 MB", 1_000_000)] : [("1 MB", 1_000_000), ("10 MB", 10_000_000), ("100 MB", 100_000_000)]
    let quick = options.quick
    let policy: (Int) -> RepeatPolicy = { bytes in
      if quick { return RepeatPolicy(minSeconds: 0.3, minRuns: 1, maxRuns: 50, warmUp: bytes < 2_000_000) }
      if bytes >= 50_000_000 { return RepeatPolicy(minSeconds: 0, minRuns: 1, maxRuns: 1, warmUp: false) }
      return RepeatPolicy(minSeconds: 3, minRuns: 3, maxRuns: 500, warmUp: true)
    }
    try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
    let seedPaths = try Corpora.seedFiles(in: options.seeds)
    let seeds = try seedPaths.map(Corpora.read)
    let pages = Corpora.pages(seeds)
    json["mode"] = .string(options.lspOnly ? mode + ", --lsp-only" : mode)
    json["cores"] = .integer(cores)
    json["date"] = .string(ISO8601DateFormatter().string(from: Date()))
    json["host"] = .string(ProcessInfo.processInfo.hostName)
    // Other work on the machine skews every figure: the load average says how much there was.
    func loadAverage() -> String {
      (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    }
    let load = loadAverage()
    json["load_average_at_start"] = .string(load)
    // So does a virtual machine's host: the time it took the cores away (`steal` in
    // /proc/stat) while the benchmark ran, as a share of all the cores' time. A few percent
    // of it, taken in slices of milliseconds, is enough to push the server's p99 past its
    // targets while the medians stay where they were.
    let timesAtStart = CPUTimes.read()
    func stealShare() -> String {
      guard let share = CPUTimes.stealPercent(since: timesAtStart) else { return "?" }
      json["steal_percent"] = .double(share)
      return "\(format(share, 1))%"
    }
    json["renda"] = .string(options.renda)
    if options.lspOnly {
      try runServer(seeds: seeds, pages: pages)
      json["load_average_at_end"] = .string(loadAverage())
      print("renda-bench \(mode) mode, --lsp-only, \(cores) cores, time stolen by the host \(stealShare())\n")
      print(table.render())
      try writeJSON()
      return
    }
    let inProcess = try InProcess()

    // MARK: In-process throughput
    var corpusFiles: [(name: String, paths: [String], bytes: Int)] = [("seeds", seedPaths, seeds.reduce(0) { $0 + $1.count })]
    var mbps: [Workload: [String: Double]] = [:]
    var medians: [Workload: [(bytes: Int, seconds: Double)]] = [:]
    var throughputJSON: [String: JSONValue] = [:]
    var largestForCLI: (path: String, bytes: Int)?
    var stagesJSON: JSONValue = .null
    var stagesCorpus: [UInt8] = []
    let corpora: [(String, Int?)] = [("seeds", nil)] + sizes.map { ($0.0, $0.1) }
    for (name, size) in corpora {
      let corpus: Corpus
      if let size {
        let (text, _) = Corpora.repeated(pages, toAtLeast: size)
        let path = (options.work as NSString).appendingPathComponent("corpus-\(name.replacingOccurrences(of: " ", with: "")).txt")
        try Corpora.write(text, to: path)
        corpusFiles.append((name, [path], text.count))
        largestForCLI = (path, text.count)
        corpus = Corpus(name: name, documents: [text])
        if stagesCorpus.isEmpty || (!options.quick && size == 10_000_000) { stagesCorpus = text }
      } else {
        corpus = Corpus(name: name, documents: seeds)
      }
      let prepared = PreparedCorpus(corpus)
      var perWorkload: [String: JSONValue] = [:]
      for workload in Workload.allCases {
        progress("\(workload.rawValue) on \(name) (\(corpus.bytes) bytes)")
        let samples = repeatTimed(policy(corpus.bytes)) { inProcess.run(workload, on: prepared) }
        let median = Stats(samples: samples).median
        let rate = mb(corpus.bytes) / median
        mbps[workload, default: [:]][name] = rate
        if size != nil { medians[workload, default: []].append((corpus.bytes, median)) }
        perWorkload[workload.rawValue] = [
          "bytes": .integer(corpus.bytes), "seconds": .numbers(samples), "median_seconds": .number(median),
          "mb_per_s": .number(rate),
        ]
      }
      throughputJSON[name] = .object(perWorkload)
    }
    json["throughput"] = .object(throughputJSON)
    let stages = inProcess.stages(of: stagesCorpus)
    stagesJSON = .object(
      Dictionary(uniqueKeysWithValues: stages.map { ($0.0, JSONValue.number($0.1)) })
        .merging(["_corpus_bytes": .integer(stagesCorpus.count)]) { a, _ in a })
    json["stages_seconds"] = stagesJSON

    // Growth exponent k: time ∝ size^k between the smallest and the largest single file.
    var growth: [Workload: Double] = [:]
    for (workload, points) in medians where points.count >= 2 {
      let first = points.first!
      let last = points.last!
      growth[workload] = Foundation.log(last.seconds / first.seconds) / Foundation.log(Double(last.bytes) / Double(first.bytes))
    }
    json["growth_exponent"] = .object(Dictionary(uniqueKeysWithValues: growth.map { ($0.key.rawValue, .number($0.value)) }))

    // MARK: Peer
    var peer: [String: Double] = [:]
    var peerNote = "not measured: --no-peer"
    if options.peer {
      do {
        (peer, peerNote) = try runPeer(corpusFiles)
      } catch {
        peerNote = "not measured: \(error)"
      }
    }
    json["autocorrect"] =
      peer.isEmpty
      ? ["not_measured": .string(peerNote)]
      : ["mb_per_s": .object(peer.mapValues { .number($0) }), "note": .string(peerNote)]

    // MARK: Table: throughput
    let names = corpora.map(\.0)
    func row(_ values: [String: Double]) -> String {
      names.map { "\($0) \(format(values[$0] ?? .nan, 1))" }.joined(separator: " · ")
    }
    table.section("Throughput in-process, MB/s of UTF-8 (median; \(mode) mode)")
    let labels: [Workload: String] = [
      .check: "check (parse + all rules)", .checkAllCores: "check on all cores (documents or windows in parallel)",
      .parse: "parse only", .outline: "outline (parse + outline)",
      .floorScalars: "floor: String.unicodeScalars", .floorBytes: "floor: hand-written UTF-8 pass",
    ]
    for workload in Workload.allCases {
      table.add(labels[workload]!, row(mbps[workload] ?? [:]))
    }
    table.add("peer: AutoCorrect lint_for", peer.isEmpty ? peerNote : row(peer), target: "", status: "")
    let check = mbps[.check] ?? [:]
    let floor = mbps[.floorScalars] ?? [:]
    var ofFloor: [String: Double] = [:]
    var ofPeer: [String: Double] = [:]
    for name in names {
      if let c = check[name], let f = floor[name] { ofFloor[name] = c / f }
      if let c = check[name], let p = peer[name] { ofPeer[name] = c / p }
    }
    func percentRow(_ values: [String: Double]) -> String {
      names.map { "\($0) \(format(100 * (values[$0] ?? .nan), 2))%" }.joined(separator: " · ")
    }
    func ratioRow(_ values: [String: Double]) -> String {
      names.map { "\($0) \(format(values[$0] ?? .nan, 2))×" }.joined(separator: " · ")
    }
    json["check_over_floor"] = .object(ofFloor.mapValues { .number($0) })
    json["check_over_autocorrect"] = .object(ofPeer.mapValues { .number($0) })
    target(
      "check / unicodeScalars floor", percentRow(ofFloor), "≥ 25%",
      met: ofFloor.isEmpty ? nil : ofFloor.values.allSatisfy { $0 >= 0.25 })
    target(
      "check / AutoCorrect", ofPeer.isEmpty ? peerNote : ratioRow(ofPeer), "≥ 3×",
      met: ofPeer.isEmpty ? nil : ofPeer.values.allSatisfy { $0 >= 3 })
    let largest = sizes.last!.0
    for workload in [Workload.check, .parse, .outline] {
      let k = growth[workload] ?? .nan
      let value = "time ∝ size^\(format(k, 2)) (1 MB → \(largest))"
      if workload == .check {
        target(
          "growth of check", value, "linear (k ≤ 1.10) to 100 MB",
          met: growth[workload].map { $0 <= 1.10 })
      } else {
        table.add("growth of \(workload.rawValue)", value)
      }
    }
    let checkTotal = stages.filter { !$0.0.hasPrefix("outline") }.map(\.1).reduce(0, +)
    let top = stages.filter { !$0.0.hasPrefix("outline") }.sorted { $0.1 > $1.1 }.prefix(4)
    table.add(
      "where check's time goes (\(format(mb(stagesCorpus.count), 0)) MB)",
      top.map { "\($0.0) \(format(100 * $0.1 / checkTotal, 0))%" }.joined(separator: " · "))

    // MARK: CLI
    try runCLI(seedPaths: seedPaths, largest: largestForCLI!, pages: pages, cores: cores)

    // MARK: Server
    if options.lsp {
      do {
        try runServer(seeds: seeds, pages: pages)
      } catch {
        progress("lsp: \(error)")
        table.add("editor latency", "not measured: \(error)")
        json["lsp"] = ["not_measured": .string("\(error)")]
      }
    } else {
      table.section("Editor latency (renda lsp)")
      table.add("editor latency", "not measured: --no-lsp")
      json["lsp"] = ["not_measured": "--no-lsp"]
    }

    json["targets"] = .array(targets)
    let loadNow = loadAverage()
    json["load_average_at_end"] = .string(loadNow)
    print(
      "renda-bench \(mode) mode, \(cores) cores, load average \(load) at start, \(loadNow) at end, "
        + "time stolen by the host \(stealShare())\n")
    print(table.render())
    try writeJSON()
    consume(0)
  }

  /// Writes the JSON report to `--json FILE`, when given.
  func writeJSON() throws {
    guard let path = options.jsonPath else { return }
    try Data((prettyJSON(.object(json)) + "\n").utf8).write(to: URL(fileURLWithPath: path))
    progress("wrote \(path)")
  }

  // MARK: Peer

  /// AutoCorrect through `Benchmarks/autocorrect_bench.py`, MB/s by corpus name.
  func runPeer(_ files: [(name: String, paths: [String], bytes: Int)]) throws -> ([String: Double], String) {
    let script = "Benchmarks/autocorrect_bench.py"
    guard FileManager.default.fileExists(atPath: script) else { throw BenchError("\(script) not found (run from the repository root)") }
    let probe = try Child.run([options.python, "-c", "import autocorrect_py"])
    guard probe.status == 0 else { throw BenchError("autocorrect-py not installed (bash Benchmarks/setup.sh)") }
    let out = (options.work as NSString).appendingPathComponent("autocorrect.json")
    var argv = [options.python, script, "--out", out, "--min-seconds", options.quick ? "0.3" : "3"]
    argv += files.map { "\($0.name)=\($0.paths.joined(separator: ","))" }
    progress("peer: AutoCorrect on \(files.map(\.name).joined(separator: ", "))")
    let result = try Child.run(argv, keepStderr: true)
    guard result.status == 0, let data = FileManager.default.contents(atPath: out) else {
      throw BenchError("autocorrect_bench.py failed (exit \(result.status))")
    }
    let report = try JSONParser.parse([UInt8](data))
    var rates: [String: Double] = [:]
    var chunked: [String] = []
    for entry in report["results"]?.arrayValue ?? [] {
      guard let name = entry["name"]?.stringValue, let rate = entry["mb_per_s"]?.doubleValue else { continue }
      rates[name] = rate
      if entry["mode"]?.stringValue == "chunked" { chunked.append(name) }
    }
    let version = report["version"]?.stringValue ?? "?"
    var note = "autocorrect-py \(version), lint_for(text, \"text.txt\")"
    if !chunked.isEmpty {
      note += "; \(chunked.joined(separator: ", ")) linted in chunks of ≤ 100 KB cut at blank lines (a whole text over ~200 KB hits the parser's call limit)"
    }
    return (rates, note)
  }

  // MARK: CLI

  mutating func runCLI(seedPaths: [String], largest: (path: String, bytes: Int), pages: [[UInt8]], cores: Int) throws {
    let renda = options.renda
    guard FileManager.default.isExecutableFile(atPath: renda) else { throw BenchError("no renda binary at \(renda)") }
    table.section("renda check, the binary")
    let startRuns = options.quick ? 5 : 30
    progress("cli: start-up ×\(startRuns)")
    var version: [Double] = []
    var onePage: [Double] = []
    let page = seedPaths[1]
    for _ in 0..<startRuns {
      version.append(try Child.run([renda, "version"]).seconds * 1000)
      onePage.append(try Child.run([renda, "check", "--fail-on", "never", page]).seconds * 1000)
    }
    let versionStats = Stats(samples: version)
    let pageStats = Stats(samples: onePage)
    let pageSize = format(Double((try? FileManager.default.attributesOfItem(atPath: page)[.size] as? Int) ?? 0) / 1000, 0)
    target(
      "start-up: renda check on one page (\(pageSize) KB)",
      "median \(format(pageStats.median, 1)) ms (renda version: \(format(versionStats.median, 1)) ms)", "< 30 ms",
      met: pageStats.median < 30)
    if let rendaStatic = options.rendaStatic, FileManager.default.isExecutableFile(atPath: rendaStatic) {
      progress("cli: start-up of the static build ×\(startRuns)")
      var staticVersion: [Double] = []
      var staticPage: [Double] = []
      for _ in 0..<startRuns {
        staticVersion.append(try Child.run([rendaStatic, "version"]).seconds * 1000)
        staticPage.append(try Child.run([rendaStatic, "check", "--fail-on", "never", page]).seconds * 1000)
      }
      table.add(
        "start-up, static build (--static-swift-stdlib, as deployed)",
        "median \(format(Stats(samples: staticPage).median, 1)) ms (renda version: \(format(Stats(samples: staticVersion).median, 1)) ms)")
    }

    progress("cli: renda check of \(largest.bytes) bytes, peak RSS")
    let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    let analysis = try PeakRSS.measure([own, "--rss", largest.path], through: own)
    let analysisRatio = Double(analysis.peakRSS) / Double(largest.bytes)
    target(
      "peak RSS: check (parse + rules) of \(format(mb(largest.bytes), 0)) MB, one process",
      "\(format(mb(analysis.peakRSS), 0)) MB = \(format(analysisRatio, 2))× input",
      "< 4× input", met: largest.bytes >= 50_000_000 ? analysisRatio < 4 : nil)
    let big = try PeakRSS.measure([renda, "check", "--fail-on", "never", largest.path], through: own)
    let ratio = Double(big.peakRSS) / Double(largest.bytes)
    table.add(
      "peak RSS: renda check FILE > /dev/null (\(format(mb(largest.bytes), 0)) MB, text report)",
      "\(format(mb(big.peakRSS), 0)) MB = \(format(ratio, 2))× input; \(format(big.seconds, 1)) s = \(format(mb(largest.bytes) / big.seconds, 1)) MB/s end to end")

    let directorySize = options.quick ? 1_000_000 : 10_000_000
    let (_, used) = Corpora.repeated(pages, toAtLeast: directorySize)
    let directory = (options.work as NSString).appendingPathComponent("pages")
    try Corpora.writeDirectory(used, to: directory)
    let bytes = used.reduce(0) { $0 + $1.count + 1 }
    let runs = options.quick ? 1 : 3
    progress("cli: renda check DIR (\(used.count) pages), --jobs 1 vs all \(cores) cores, ×\(runs)")
    var serial: [Double] = []
    var parallel: [Double] = []
    for _ in 0..<runs {
      serial.append(try Child.run([renda, "check", "--fail-on", "never", "--jobs", "1", directory]).seconds)
      parallel.append(try Child.run([renda, "check", "--fail-on", "never", directory]).seconds)
    }
    let t1 = Stats(samples: serial).median
    let tN = Stats(samples: parallel).median
    table.add(
      "parallel: renda check DIR (\(used.count) pages, \(format(mb(bytes), 0)) MB)",
      "1 core \(format(t1, 2)) s (\(format(mb(bytes) / t1, 1)) MB/s) · \(cores) cores \(format(tN, 2)) s (\(format(mb(bytes) / tN, 1)) MB/s) · speed-up \(format(t1 / tN, 2))× (\(format(100 * t1 / tN / Double(cores), 0))% efficiency)"
    )
    // The reports end to end: what a newsroom's CI pays for a machine-readable report.
    var reportSeconds: [String: JSONValue] = [:]
    var reportCells: [String] = []
    for kind in ["text", "json", "sarif", "rdjson"] {
      var samples: [Double] = []
      for _ in 0..<runs {
        samples.append(try Child.run([renda, "check", "--fail-on", "never", "--format", kind, directory]).seconds)
      }
      reportSeconds[kind] = .numbers(samples)
      reportCells.append("\(kind) \(format(Stats(samples: samples).median, 2)) s")
    }
    table.add(
      "reports: renda check DIR --format F > /dev/null, \(cores) cores", reportCells.joined(separator: " · "))
    json["cli"] = [
      "startup_one_page_ms": Stats(samples: onePage).json, "startup_version_ms": versionStats.json,
      "reports_all_cores_seconds": .object(reportSeconds),
      "check_largest": [
        "bytes": .integer(largest.bytes), "seconds": .number(big.seconds), "peak_rss_bytes": .integer(big.peakRSS),
        "rss_over_input": .number(ratio), "analysis_peak_rss_bytes": .integer(analysis.peakRSS),
        "analysis_rss_over_input": .number(analysisRatio),
      ],
      "parallel": [
        "pages": .integer(used.count), "bytes": .integer(bytes), "cores": .integer(cores),
        "jobs1_seconds": .numbers(serial), "all_cores_seconds": .numbers(parallel), "speedup": .number(t1 / tN),
      ],
    ]
  }

  // MARK: Server

  mutating func runServer(seeds: [[UInt8]], pages: [[UInt8]]) throws {
    table.section("Editor latency: renda lsp over stdio (milliseconds)")
    guard EditorLatency.available(options.renda) else {
      progress("lsp: `\(options.renda) lsp` does not answer initialize: not measured")
      for measure in [
        "hover p99", "documentSymbol p99", "keystroke p99 (30 KB)", "keystroke p99 (3 MB)", "server RSS, five seeds",
      ] {
        target(measure, "not measured: server not available", "", met: nil)
      }
      json["lsp"] = ["not_measured": "server not available"]
      return
    }
    let largeBytes = options.quick ? 1_000_000 : 3_000_000
    let (large, _) = Corpora.repeated(pages, toAtLeast: largeBytes)
    let latency = EditorLatency(
      executable: options.renda,
      settings: .init(
        requests: options.quick ? 50 : 1000, smallKeystrokes: options.quick ? 50 : 500,
        largeKeystrokes: options.quick ? 5 : 100, startups: options.quick ? 3 : 20, largeBytes: largeBytes),
      configuration: try InProcess().configuration)
    let timesBefore = CPUTimes.read()
    let r = try latency.run(seeds: seeds, large: large, log: progress)
    let stolen = CPUTimes.stealPercent(since: timesBefore)
    func stats(_ s: Stats) -> String { "median \(format(s.median, 2)) · p99 \(format(s.p99, 2)) (n=\(s.samples.count))" }
    let largeName = "\(format(mb(r.largeBytes), 0)) MB"
    table.add("time stolen by the host during these rows", stolen.map { "\(format($0, 1))% of the cores' time" } ?? "?")
    table.add("process start-up (spawn → initialize answered)", stats(r.startup))
    table.add("initialize → first diagnostics (30 KB page)", stats(r.firstDiagnostics))
    target(
      "hover (\(r.hoverAnswered)/\(r.hover.samples.count) non-null)", stats(r.hover), "p99 < 2 ms",
      met: r.hover.p99 < 2)
    target("documentSymbol", stats(r.symbols), "p99 < 2 ms", met: r.symbols.p99 < 2)
    target(
      "keystroke → diagnostics (\(format(Double(r.smallBytes) / 1000, 0)) KB page)", stats(r.smallKeystroke),
      "p99 < 5 ms", met: r.smallKeystroke.p99 < 5)
    table.add("open \(largeName) document → first diagnostics", "\(format(r.largeOpen, 0))")
    target(
      "keystroke → diagnostics (\(largeName) document)", stats(r.largeKeystroke), "p99 < 50 ms",
      met: r.largeBytes >= 3_000_000 ? r.largeKeystroke.p99 < 50 : nil)
    target("server RSS, five seeds open", "\(format(mb(r.rssFiveSeeds), 1)) MB", "< 30 MB", met: r.rssFiveSeeds < 30_000_000)
    table.add(
      "server RSS, \(largeName) document open",
      "\(format(mb(r.rssLarge), 1)) MB after open (peak \(format(mb(r.peakLarge), 1)) MB while typing)")
    json["lsp"] = [
      "startup_ms": r.startup.json, "initialize_to_first_diagnostics_ms": r.firstDiagnostics.json,
      "hover_ms": r.hover.json, "hover_non_null": .integer(r.hoverAnswered), "document_symbol_ms": r.symbols.json,
      "keystroke_small_ms": r.smallKeystroke.json, "small_bytes": .integer(r.smallBytes),
      "keystroke_large_ms": r.largeKeystroke.json, "large_bytes": .integer(r.largeBytes),
      "large_open_to_diagnostics_ms": .number(r.largeOpen), "rss_five_seeds_bytes": .integer(r.rssFiveSeeds),
      "rss_large_bytes": .integer(r.rssLarge), "peak_rss_large_bytes": .integer(r.peakLarge),
      "steal_percent": stolen.map { .double($0) } ?? .null,
    ]
  }
}

/// The cores' time since boot from the first line of /proc/stat, in clock ticks: all of it
/// and what a hypervisor took (`steal`, the eighth field). Nil where there is no /proc/stat.
struct CPUTimes {
  var total: Int
  var steal: Int

  static func read() -> CPUTimes? {
    guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
      let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
    else { return nil }
    let fields = line.split(separator: " ").dropFirst().compactMap { Int($0) }
    // user nice system idle iowait irq softirq steal; guest time, after them, is in user's.
    guard fields.count >= 8 else { return nil }
    return CPUTimes(total: fields.prefix(8).reduce(0, +), steal: fields[7])
  }

  /// The share of the cores' time stolen since `start`, in percent to one decimal.
  static func stealPercent(since start: CPUTimes?) -> Double? {
    guard let start, let end = read(), end.total > start.total else { return nil }
    return (Double(end.steal - start.steal) / Double(end.total - start.total) * 1000).rounded() / 10
  }
}
