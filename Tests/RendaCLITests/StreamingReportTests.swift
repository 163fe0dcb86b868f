import Dispatch
import Foundation
import Synchronization
import Testing

@testable import RendaCLI

// The reports of `renda check` are rendered on the workers and streamed in input order
// (`OrderedOutput`); these tests pin the order, the bytes against whole-document encodings,
// and that the number of workers does not change a byte.

@Suite("OrderedOutput: pieces of parallel inputs in input order")
struct OrderedOutputTests {
  @Test("the head writes through at once; later inputs wait until every earlier one is finished")
  func order() {
    let capture = CapturedIO()
    let output = OrderedOutput(io: capture.io, window: 8)
    output.output("b1 ", for: 1)
    output.output("a1 ", for: 0)
    #expect(capture.output == "a1 ")
    output.output("c1 ", for: 2)
    output.finish(2)
    output.finish(1)
    #expect(capture.output == "a1 ")
    output.output("a2 ", for: 0)
    #expect(capture.output == "a1 a2 ")
    output.finish(0)
    #expect(capture.output == "a1 a2 b1 c1 ")
    // Input 3 is the head now: straight through.
    output.output("d1", for: 3)
    #expect(capture.output == "a1 a2 b1 c1 d1")
  }

  @Test("an error message several inputs share is written once, in its input's place")
  func errorsOnce() {
    let capture = CapturedIO()
    let output = OrderedOutput(io: capture.io, window: 8)
    output.error("broken .renda.json", for: 1)
    output.error("broken .renda.json", for: 0)
    output.error("missing file", for: 2)
    for index in [2, 1, 0] { output.finish(index) }
    #expect(capture.error == "broken .renda.json\nmissing file\n")
  }

  @Test("list items: the opening before the first, separators between, counted")
  func items() {
    let capture = CapturedIO()
    let output = OrderedOutput(io: capture.io, window: 8, listOpening: "[", listSeparator: ",")
    output.item("b", for: 2)
    output.finish(1)  // an input with no item (skipped or failed)
    output.item("a", for: 0)
    output.finish(2)
    output.finish(0)
    #expect(capture.output == "[a,b")
    #expect(output.itemsWritten == 2)
  }

  @Test("many workers, random delays: input order, and no worker more than `window` ahead of the head")
  func parallel() {
    let capture = CapturedIO()
    let window = 4
    let output = OrderedOutput(io: capture.io, window: window)
    let count = 200
    let next = Mutex(0)
    let finished = Mutex(Set<Int>())
    let violations = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      var generator = SystemRandomNumberGenerator()
      while true {
        let index = next.withLock { value -> Int in
          defer { value += 1 }
          return value
        }
        guard index < count else { return }
        output.admit(index)
        // Every input more than `window` before this one must be finished already.
        let done = finished.withLock { $0 }
        if index >= window, !(0...(index - window)).allSatisfy(done.contains) { violations.withLock { $0 += 1 } }
        output.output("\(index):", for: index)
        usleep(UInt32.random(in: 0...300, using: &generator))
        output.output("\(index)\n", for: index)
        finished.withLock { _ = $0.insert(index) }
        output.finish(index)
      }
    }
    let expected = (0..<count).map { "\($0):\($0)\n" }.joined()
    #expect(capture.output == expected)
    #expect(violations.withLock { $0 } == 0)
  }
}

@Suite("renda check: streamed reports equal whole documents, whatever the number of workers")
struct StreamingCheckTests {
  /// The seeds and the project's own pages, copied twice into one directory (14 files).
  static func corpus() throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory()
    let sources = [PackagePaths.seeds, PackagePaths.root.appendingPathComponent("Tests/Fixtures/own-pages")]
    for source in sources {
      for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".txt") {
        let bytes = try [UInt8](Data(contentsOf: source.appendingPathComponent(name)))
        _ = try directory.file("a-\(name)", bytes)
        _ = try directory.file("b-\(name)", bytes)
      }
    }
    return directory
  }

  @Test("text, json and sarif: --jobs 1, 2 and 5 print the same bytes and the same summary")
  func jobsDoNotMatter() throws {
    let directory = try Self.corpus()
    defer { directory.remove() }
    for format in ["text", "json", "sarif"] {
      let one = runInProcess(["check", "--format", format, "--fail-on", "never", "--jobs", "1", directory.url.path])
      #expect(one.status == 0)
      #expect(!one.output.isEmpty)
      for jobs in ["2", "5"] {
        let many = runInProcess(["check", "--format", format, "--fail-on", "never", "--jobs", jobs, directory.url.path])
        #expect(many.status == 0)
        #expect(many.output == one.output, "format \(format), --jobs \(jobs)")
        #expect(many.error == one.error)
      }
    }
  }

  @Test("json streamed file by file is the document JSONEncoder writes for all files at once")
  func jsonEqualsWholeDocument() throws {
    let directory = try Self.corpus()
    defer { directory.remove() }
    let checked = try Self.analyses(directory)
    let streamed = runInProcess(["check", "--format", "json", "--fail-on", "never", directory.url.path])
    #expect(streamed.output == FindingsReport.encode(checked.map { FindingsReport.file($0, language: .zh) }) + "\n")
    // No file at all: the encoder's empty array.
    let none = runInProcess(["check", "--format", "json", "--fail-on", "never", "--jobs", "1", "/nonexistent/x.txt"])
    #expect(none.status == 2)
    #expect(none.output == FindingsReport.encode([FindingsReport.File]()) + "\n")
  }

  @Test("sarif streamed batch by batch, results first, is the log JSONEncoder writes in one piece, as JSON")
  func sarifEqualsWholeDocument() throws {
    let directory = try Self.corpus()
    defer { directory.remove() }
    let checked = try Self.analyses(directory)
    for code in ["zh", "en"] {
      let whole = SARIFReport.log(
        paths: checked.map(\.document.path),
        results: checked.flatMap { SARIFReport.results($0, language: code == "zh" ? .zh : .en) },
        language: code == "zh" ? .zh : .en)
      let streamed = runInProcess(
        ["check", "--format", "sarif", "--fail-on", "never", "--lang", code, directory.url.path])
      #expect(streamed.output.hasPrefix(SARIFReport.Stream.opening))
      #expect(try Self.json(streamed.output) == Self.json(FindingsReport.encode(whole)))
    }
    // No file checked: an empty log, still valid JSON.
    let none = runInProcess(["check", "--format", "sarif", "--fail-on", "never", "--jobs", "1", "/nonexistent/x.txt"])
    #expect(none.status == 2)
    #expect(try Self.json(none.output) == Self.json(FindingsReport.encode(SARIFReport.log(paths: [], results: [], language: .zh))))
  }

  /// `text` parsed (objects compare without their keys' order).
  static func json(_ text: String) throws -> NSObject {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject)
  }

  @Test("text rendered in small chunks joins to the whole report; chunks are cut between findings")
  func textChunks() throws {
    let directory = try Self.corpus()
    defer { directory.remove() }
    let analyses = try Self.analyses(directory)
    let checked = try #require(analyses.max { $0.findings.count < $1.findings.count })
    #expect(checked.findings.count > 10)
    let whole = TextReport.render(checked, language: .zh, color: false)
    var chunks: [String] = []
    TextReport.render(checked.findings, of: checked, language: .zh, color: false, chunkSize: 256) { chunks.append($0) }
    #expect(chunks.count > 1)
    #expect(chunks.joined() == whole)
    #expect(chunks.allSatisfy { $0.hasPrefix(checked.document.path + ":") && $0.hasSuffix("\n") })
  }

  @Test("a file checked window by window reports, batch by batch, what its whole page reports")
  func windowedFile() throws {
    let directory = try Self.corpus()
    defer { directory.remove() }
    let pages = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted().map {
      try String(contentsOf: directory.url.appendingPathComponent($0), encoding: .utf8)
    }
    let file = try directory.file("all.txt", Array(pages.joined(separator: "\n\n").utf8))
    func checked(_ options: CheckSession.Options) throws -> CheckSession.Checked? {
      let outcome = try CheckSession(options: options, io: CapturedIO().io).run([file.path]).first
      guard case .checked(let checked) = outcome else { return nil }
      return checked
    }
    let whole = try #require(try checked(.init()))
    let windowed = try #require(try checked(.init(keepsAnalysis: false, windowBytes: 8_000)))
    #expect(windowed.analysis == nil)
    var batches = 0
    var text = ""
    windowed.forEachBatch { batch in
      batches += 1
      TextReport.render(batch, of: windowed, language: .zh, color: false) { text += $0 }
    }
    #expect(batches > 3, "\(batches) batches")
    #expect(whole.findings.count > 100)
    #expect(text == TextReport.render(whole, language: .zh, color: false))
    #expect(windowed.findings == whole.findings)
    // JSON written in pieces, batch by batch: the item of the whole file.
    var json = ""
    var noted = 0
    FindingsReport.streamItem(
      windowed, language: .zh, item: { json += "<item>" + $0 }, output: { json += $0 }, noting: { noted += $0.count })
    #expect(json == "<item>" + FindingsReport.item(whole, language: .zh))
    #expect(noted == whole.findings.count)
    // SARIF results streamed batch by batch: those of the whole file, and the same frame.
    let byBatch = SARIFReport.Stream()
    var batchItems: [String] = []
    windowed.forEachBatch { batchItems += byBatch.item(windowed, findings: $0, index: 0, language: .zh).map { [$0] } ?? [] }
    let atOnce = SARIFReport.Stream()
    let wholeItem = try #require(atOnce.item(whole, index: 0, language: .zh))
    #expect(batchItems.count > 3)
    #expect(batchItems.joined(separator: ",\n") == wholeItem)
    #expect(byBatch.closing(language: .zh) == atOnce.closing(language: .zh))
  }

  @Test("a file without findings streams the encoder's empty item")
  func streamedEmptyItem() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = try directory.file("clean.txt", Array("■ 张三（湖北）\n\n正文。\n".utf8))
    let outcome = try CheckSession(options: .init(keepsAnalysis: false), io: CapturedIO().io).run([file.path]).first
    guard case .checked(let checked) = outcome else {
      Issue.record("not checked")
      return
    }
    var json = ""
    FindingsReport.streamItem(checked, language: .zh, item: { json += $0 }, output: { json += $0 }, noting: { _ in })
    #expect(json == FindingsReport.item(checked, language: .zh))
    #expect(json.contains("\"findings\" : [\n\n    ]"))
  }

  /// Every page of `directory` analysed, in the order `renda check` reports them.
  static func analyses(_ directory: TemporaryDirectory) throws -> [CheckSession.Checked] {
    let session = try CheckSession(options: .init(), io: CapturedIO().io)
    return session.run([directory.url.path]).compactMap { outcome in
      if case .checked(let checked) = outcome { return checked }
      return nil
    }
  }
}

@Suite("renda check --format rdjson: reviewdog's Diagnostic Format")
struct RDJSONReportTests {
  @Test("one document: source renda, diagnostics in input order; UTF-8 byte columns; ERROR/WARNING/INFO")
  func document() throws {
    let directory = try StreamingCheckTests.corpus()
    defer { directory.remove() }
    let run = runInProcess(["check", "--format", "rdjson", "--fail-on", "never", directory.url.path])
    #expect(run.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect((object["source"] as? [String: Any])?["name"] as? String == "renda")
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    // The same findings, in the same order, as --format json.
    let checked = try StreamingCheckTests.analyses(directory)
    let findings = checked.flatMap { file in file.findings.map { (file, $0) } }
    #expect(diagnostics.count == findings.count)
    #expect(diagnostics.count > 100)
    for (diagnostic, (file, finding)) in zip(diagnostics, findings) {
      #expect((diagnostic["code"] as? [String: Any])?["value"] as? String == finding.rule)
      let severity = diagnostic["severity"] as? String
      #expect(["ERROR", "WARNING", "INFO"].contains(severity))
      let location = try #require(diagnostic["location"] as? [String: Any])
      #expect(location["path"] as? String == file.document.path)
      let range = try #require(location["range"] as? [String: Any])
      let start = try #require(range["start"] as? [String: Int])
      // Line and 1-based byte column point at the finding's first byte.
      let text = file.text
      let lineStart = text.lineIndex.contentRange(ofLine: try #require(start["line"]) - 1).lowerBound
      #expect(lineStart.utf8 + (try #require(start["column"])) - 1 == finding.range.lowerBound.utf8)
    }
    // Streamed per file, it is the document encoded at once.
    #expect(run.output == RDJSONReport.json(checked, language: .zh) + "\n")
    // Parallel or not, the same bytes.
    let serial = runInProcess(["check", "--format", "rdjson", "--fail-on", "never", "--jobs", "1", directory.url.path])
    #expect(serial.output == run.output)
  }

  @Test("renda check --help names the format; an unknown format lists it")
  func help() {
    let help = runInProcess(["check", "--help"])
    #expect(help.status == 0)
    #expect(help.output.contains("--format text|json|sarif|rdjson"))
    let unknown = runInProcess(["check", "--format", "xml", "seeds"])
    #expect(unknown.status == 2)
    #expect(unknown.error.contains("rdjson"))
  }

  @Test("a clean page: the empty document; a single-edit fix becomes a suggestion")
  func cleanAndSuggestions() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let clean = try directory.file("clean.txt", Array(CheckKit.cleanPage.utf8))
    let empty = runInProcess(["check", "--format", "rdjson", clean.path])
    #expect(empty.status == 0)
    #expect(empty.output == RDJSONReport.frame.empty + "\n")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(empty.output.utf8)) as? [String: Any])
    #expect((object["diagnostics"] as? [Any])?.isEmpty == true)

    let comma = try directory.file("comma.txt", Array(CheckKit.commaPage.utf8))
    let run = runInProcess(["check", "--format", "rdjson", "--fail-on", "never", comma.path])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
    let halfwidth = try #require(
      diagnostics.first { ($0["code"] as? [String: Any])?["value"] as? String == "halfwidth-punctuation" })
    let suggestion = try #require((halfwidth["suggestions"] as? [[String: Any]])?.first)
    #expect(suggestion["text"] as? String == "，")
  }
}
