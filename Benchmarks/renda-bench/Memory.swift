import Foundation
import RendaAnalysis
import RendaChecks
import RendaIDE
import RendaPage
import RendaText

/// `renda-bench --memory FILE`: where the memory of `check` goes, stage by stage: what
/// each stage's result adds to the RSS (measured after `malloc_trim`), and the peak RSS.
enum MemoryProfile {
  /// The RSS after glibc's `malloc_trim(0)` returned the free pages (found with `dlsym`:
  /// `malloc.h` is not imported), so that it approximates the memory in use.
  static func heapInUse() -> Int {
    typealias Trim = @convention(c) (Int) -> Int32
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
      _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }
    return processMemory()?.rss ?? 0
  }

  static func run(file: String) throws {
    let inProcess = try InProcess()
    let configuration = inProcess.configuration
    var last = heapInUse()
    func report(_ name: String, _ count: Int? = nil) {
      let heap = heapInUse()
      let memory = processMemory()
      let countText = count.map { " (\($0))" } ?? ""
      print(
        "\(name)\(countText): +\(format(mb(heap - last), 1)) MB (rss after trim \(format(mb(heap), 1)) MB), peak \(format(mb(memory?.peak ?? 0), 1)) MB"
      )
      last = heap
    }
    report("start (configuration loaded)")
    let document = try Corpora.read(file)
    report("input read", document.count)
    let text = try SourceText(validating: document)
    report("SourceText (line index)", text.lineIndex.lineCount)
    do {
      let normalized = NormalizedText(text)
      report("NormalizedText alone (dropped after)", normalized.count)
    }
    last = heapInUse()
    let page = PageParser.parse(text)
    report("page (parse, with its NormalizedText)", page.blocks.count)
    print(
      "page: \(page.articles.count) articles, \(page.blocks.count) blocks (stride \(MemoryLayout<Block>.stride)), \(page.paragraphs.count) paragraphs (stride \(MemoryLayout<Paragraph>.stride)), \(page.normalized.lineStarts.count) line starts"
    )
    let context = CheckContext(page: page, glossary: configuration.glossary)
    report("CheckContext")
    print(
      "slogans: \(context.slogans.reduce(0) { $0 + $1.count }) (stride \(MemoryLayout<ResolvedSlogan>.stride))")
    var all: [[Finding]] = []
    var total = 0
    for check in CheckRegistry.all {
      let findings = check.findings(in: context)
      total += findings.count
      all.append(findings)
      report("rule \(check.id)", findings.count)
    }
    var fixes = 0
    var edits = 0
    var related = 0
    for findings in all {
      for finding in findings {
        fixes += finding.fixes.count
        related += finding.related.count
        for fix in finding.fixes { edits += fix.edits.count }
      }
    }
    print(
      "findings \(total), fixes \(fixes), edits \(edits), related \(related); MemoryLayout<Finding>.stride \(MemoryLayout<Finding>.stride)"
    )
    all = []
    last = heapInUse()
    report("rules' findings dropped")
    let findings = CheckRunner.findings(in: page, glossary: configuration.glossary, configuration: configuration.checks)
    report("CheckRunner.findings (sorted, unsuppressed)", findings.count)
    consume(findings.count)
  }
}
