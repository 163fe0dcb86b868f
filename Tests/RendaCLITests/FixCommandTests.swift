import Foundation
import Testing
import RendaData
import RendaIDE
import RendaText

@testable import RendaCLI

// `renda fix` run as a subprocess on copies of the seeds in temporary directories, and
// `AtomicFileWriter` (internal to RendaCLI, reached with @testable) in-process for the
// "changed since it was read" refusal that is hard to provoke from outside.

@Suite(
  "renda fix (subprocess)",
  .enabled(
    if: RendaBinary.url != nil,
    "no renda binary at $RENDA_BINARY (when set), next to the test bundle, or at .build/debug/renda; run `swift build`"
  ),
  .timeLimit(.minutes(1)))
struct FixCommandTests {
  /// A date well in the past, in whole seconds (so it survives the file system round trip).
  static let oldDate = Date(timeIntervalSince1970: 1_000_000_000)

  @Test("--dry-run prints a unified diff and changes no file (bytes, mtime, no new file)")
  func dryRun() throws {
    let copy = try SeedCopy()
    defer { copy.remove() }
    let before = try copy.snapshot()
    let run = try runBinary(["fix", "--dry-run", copy.directory.url.path])
    #expect(run.status == 0, "stderr: \(run.error)")
    #expect(run.output.hasPrefix("--- "), "stdout: \(run.output.prefix(300))")
    #expect(run.output.contains("\n+++ "))
    #expect(run.output.contains("\n@@ -"))
    #expect(run.output.split(separator: "\n").contains { $0.hasPrefix("-") && !$0.hasPrefix("--- ") })
    #expect(run.output.split(separator: "\n").contains { $0.hasPrefix("+") && !$0.hasPrefix("+++ ") })
    #expect(run.error.contains("would apply "), "stderr: \(run.error)")
    #expect(!run.error.contains("would apply 0 fixes"))
    #expect(try copy.snapshot() == before)
  }

  @Test("--dry-run of standard input prints the diff under '-'; fix - without --dry-run: exit 2")
  func standardInput() throws {
    let page = Data(CheckKit.fixablePage.utf8)
    let dry = try runBinary(["fix", "--dry-run", "-"], standardInput: page)
    #expect(dry.status == 0, "stderr: \(dry.error)")
    #expect(dry.output.hasPrefix("--- -\n+++ -\n@@ "), "stdout: \(dry.output)")
    #expect(dry.output.contains("\n+常委会组织代表深入基层，走访群众，\n"))

    let write = try runBinary(["fix", "-"], standardInput: page)
    #expect(write.status == 2)
    #expect(write.output.isEmpty)
    #expect(write.error.contains("--dry-run"), "stderr: \(write.error)")
  }

  @Test("fix: changes the files, keeps mode 640, leaves no temporary file; a second run changes nothing")
  func fixAndIdempotence() throws {
    let copy = try SeedCopy()
    defer { copy.remove() }
    for file in copy.files {
      try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
      try FileManager.default.setAttributes([.modificationDate: Self.oldDate], ofItemAtPath: file.path)
    }
    let beforeReport = try CheckKit.decode(try runBinary(["check", "--format", "json", copy.directory.url.path]))
    let fixedRules = Set(beforeReport.flatMap { $0.findings.filter { !$0.fixes.isEmpty }.map(\.rule) })
    try #require(!fixedRules.isEmpty, "the seeds have no finding with a fix")
    let before = try copy.snapshot()

    let first = try runBinary(["fix", copy.directory.url.path])
    #expect(first.status == 0, "stderr: \(first.error)")
    #expect(first.output.isEmpty)
    #expect(first.error.contains("applied "), "stderr: \(first.error)")
    let afterFirst = try copy.snapshot()
    #expect(afterFirst.names == before.names, "files appeared or vanished: \(afterFirst.names)")
    let changed = copy.files.filter { afterFirst.bytes[$0.lastPathComponent] != before.bytes[$0.lastPathComponent] }
    #expect(!changed.isEmpty)
    for file in copy.files {
      let mode = try Self.mode(file)
      #expect(mode == 0o640, "\(file.lastPathComponent): mode \(String(mode, radix: 8))")
    }
    for file in changed {
      #expect(try Self.modificationDate(file) != Self.oldDate, "\(file.lastPathComponent) changed but kept its mtime")
    }
    // Files whose text did not change were not rewritten.
    for file in copy.files where !changed.contains(file) {
      #expect(try Self.modificationDate(file) == Self.oldDate, "\(file.lastPathComponent) was touched")
    }
    // Fixes only ever edit: the line count stays (the seeds' fixes are within lines).
    for file in changed {
      let old = before.bytes[file.lastPathComponent]!.filter { $0 == 0x0A }.count
      let new = afterFirst.bytes[file.lastPathComponent]!.filter { $0 == 0x0A }.count
      #expect(old == new, "\(file.lastPathComponent): \(old) lines became \(new)")
    }

    // No finding with a fix is left for the rules that had them.
    let afterReport = try CheckKit.decode(try runBinary(["check", "--format", "json", copy.directory.url.path]))
    for file in afterReport {
      for finding in file.findings where fixedRules.contains(finding.rule) {
        #expect(finding.fixes.isEmpty, "\(file.path):\(finding.range.start) [\(finding.rule)] still has a fix")
      }
    }

    // A second run: nothing to do, nothing written.
    let dates = try copy.files.map(Self.modificationDate)
    let second = try runBinary(["fix", copy.directory.url.path])
    #expect(second.status == 0, "stderr: \(second.error)")
    #expect(second.error.contains("applied 0 fixes in 0 files"), "stderr: \(second.error)")
    let afterSecond = try copy.snapshot()
    #expect(afterSecond == afterFirst)
    #expect(try copy.files.map(Self.modificationDate) == dates)
    let dry = try runBinary(["fix", "--dry-run", copy.directory.url.path])
    #expect(dry.output.isEmpty, "a dry run after fix still has a diff: \(dry.output.prefix(500))")
  }

  @Test("the dry-run diff and the real fix agree: the '+' lines are the new text")
  func dryRunMatchesFix() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = try directory.file("page.txt", Array(CheckKit.fixablePage.utf8))
    let dry = try runBinary(["fix", "--dry-run", file.path])
    #expect(dry.status == 0)
    let added = dry.output.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++ ") }
      .map { String($0.dropFirst()) }
    let removed = dry.output.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("--- ") }
      .map { String($0.dropFirst()) }
    #expect(removed == ["常委会组织代表深入基层，走访群众,", "收 集 意 见 建 议 ，及 时 交 有 关 部 门 办 理 。"])
    let run = try runBinary(["fix", file.path])
    #expect(run.status == 0)
    #expect(run.error.contains("applied 2 fixes in 1 file"), "stderr: \(run.error)")
    let fixed = try String(contentsOf: file, encoding: .utf8)
    #expect(fixed == CheckKit.cleanPage)
    for line in added {
      #expect(fixed.split(separator: "\n").contains(Substring(line)))
    }
  }

  @Test("--rule ocr-spacing applies only that rule's fixes")
  func ruleFilter() throws {
    let copy = try SeedCopy()
    defer { copy.remove() }
    try #require(CheckKit.ruleIDs.contains("ocr-spacing"), "no ocr-spacing rule")
    let before = try copy.snapshot()
    let report = try CheckKit.decode(try runBinary(["check", "--format", "json", copy.directory.url.path]))
    let otherFixable = report.flatMap { $0.findings.filter { $0.rule != "ocr-spacing" && !$0.fixes.isEmpty } }
    try #require(report.contains { $0.findings.contains { $0.rule == "ocr-spacing" && !$0.fixes.isEmpty } })

    let run = try runBinary(["fix", "--rule", "ocr-spacing", copy.directory.url.path])
    #expect(run.status == 0, "stderr: \(run.error)")
    let after = try copy.snapshot()
    #expect(after != before)
    // Only spacing changed: the text without spaces is the same, and so are the lines.
    func withoutSpaces(_ bytes: Data) -> [Unicode.Scalar] {
      String(decoding: bytes, as: UTF8.self).unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" }
    }
    for name in before.names {
      #expect(
        withoutSpaces(after.bytes[name]!) == withoutSpaces(before.bytes[name]!), "\(name): more than spacing changed")
    }
    let afterReport = try CheckKit.decode(try runBinary(["check", "--format", "json", copy.directory.url.path]))
    let findings = afterReport.flatMap(\.findings)
    #expect(!findings.contains { $0.rule == "ocr-spacing" && !$0.fixes.isEmpty })
    // The other rules' fixes are still to be applied.
    if !otherFixable.isEmpty {
      #expect(findings.contains { $0.rule != "ocr-spacing" && !$0.fixes.isEmpty })
    }
    let halfwidthBefore = otherFixable.filter { $0.rule == "halfwidth-punctuation" }.count
    let halfwidthAfter = findings.filter { $0.rule == "halfwidth-punctuation" && !$0.fixes.isEmpty }.count
    #expect(halfwidthBefore == 0 || halfwidthAfter > 0, "halfwidth-punctuation fixes were applied too")

    let unknown = try runBinary(["fix", "--rule", "nope", copy.directory.url.path])
    #expect(unknown.status == 2)
    #expect(try copy.snapshot() == after)
  }

  @Test("a file with nothing to fix is never touched (bytes and mtime), beside one that is fixed")
  func nothingToFix() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let clean = try directory.file("clean.txt", Array(CheckKit.cleanPage.utf8))
    let fixable = try directory.file("fixable.txt", Array(CheckKit.fixablePage.utf8))
    // Findings but no fix: paired-punctuation has none.
    let unfixable = try directory.file("quote.txt", Array(CheckKit.quotePage.utf8))
    for file in [clean, fixable, unfixable] {
      try FileManager.default.setAttributes([.modificationDate: Self.oldDate], ofItemAtPath: file.path)
    }
    let run = try runBinary(["fix", clean.path, fixable.path, unfixable.path])
    #expect(run.status == 0, "stderr: \(run.error)")
    #expect(run.error.contains("in 1 file"), "stderr: \(run.error)")
    #expect(try Data(contentsOf: clean) == Data(CheckKit.cleanPage.utf8))
    #expect(try Self.modificationDate(clean) == Self.oldDate)
    #expect(try Data(contentsOf: unfixable) == Data(CheckKit.quotePage.utf8))
    #expect(try Self.modificationDate(unfixable) == Self.oldDate)
    #expect(try Data(contentsOf: fixable) == Data(CheckKit.cleanPage.utf8))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted() == [
        "clean.txt", "fixable.txt", "quote.txt",
      ])
  }

  @Test("a missing file and invalid UTF-8: exit 2, the other files still fixed")
  func inputErrors() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let fixable = try directory.file("fixable.txt", Array(CheckKit.fixablePage.utf8))
    let prefix = Array("■ 张明（湖北）\n\n代表,".utf8)
    let badBytes = prefix + [0xFF] + Array("群众\n".utf8)
    let bad = try directory.file("bad.txt", badBytes)
    let missing = directory.url.appendingPathComponent("missing.txt").path
    let run = try runBinary(["fix", missing, bad.path, fixable.path])
    #expect(run.status == 2)
    #expect(run.error.contains(missing))
    #expect(run.error.contains(bad.path) && run.error.contains("byte offset \(prefix.count)"), "stderr: \(run.error)")
    #expect(try Data(contentsOf: bad) == Data(badBytes))
    #expect(try Data(contentsOf: fixable) == Data(CheckKit.cleanPage.utf8))
  }

  // MARK: Bugs found earlier (CRLF diffs, symbolic links)

  @Test("--dry-run of a CRLF file: the diff is line by line (one hunk over the file's 4 lines)")
  func crlfDiff() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let page = "■ 张明（湖北）\r\n\r\n常委会组织代表深入基层，走访群众,\r\n群众反映的问题得到较好解决。\r\n"
    let file = try directory.file("crlf.txt", Array(page.utf8))
    let run = try runBinary(["fix", "--dry-run", file.path])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("--- "))
    #expect(run.output.contains("@@ -1,4 +1,4 @@"), "stdout: \(run.output)")
  }

  @Test("fix through a symbolic link: the link stays a link, the target is fixed, the mode is the target's")
  func symbolicLink() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let target = try directory.file("target.txt", Array(CheckKit.commaPage.utf8))
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
    let link = directory.url.appendingPathComponent("link.txt")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.txt")
    let run = try runBinary(["fix", link.path])
    #expect(run.status == 0, "stderr: \(run.error)")
    let type = try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType
    let targetBytes = try Data(contentsOf: target)
    let mode = try Self.mode(target)
    #expect(type == .typeSymbolicLink)
    #expect(targetBytes == Data(CheckKit.cleanPage.utf8))
    #expect(mode == 0o640)
  }

  // MARK: helpers

  static func mode(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    let value = attributes[.posixPermissions]
    if let number = value as? NSNumber { return number.intValue & 0o777 }
    return ((value as? Int) ?? -1) & 0o777
  }

  static func modificationDate(_ url: URL) throws -> Date {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return try #require(attributes[.modificationDate] as? Date)
  }
}

/// The seed pages copied into a fresh temporary directory.
struct SeedCopy {
  let directory: TemporaryDirectory
  let files: [URL]

  struct Snapshot: Equatable {
    var names: [String]
    var bytes: [String: Data]
    var dates: [String: Date]
  }

  init() throws {
    directory = try TemporaryDirectory()
    let names = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.seeds.path)
      .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
    var files: [URL] = []
    for name in names {
      let target = directory.url.appendingPathComponent(name)
      try FileManager.default.copyItem(at: PackagePaths.seeds.appendingPathComponent(name), to: target)
      files.append(target)
    }
    self.files = files
  }

  /// Every entry in the directory (hidden ones too), with bytes and modification dates.
  func snapshot() throws -> Snapshot {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
    var bytes: [String: Data] = [:]
    var dates: [String: Date] = [:]
    for name in names {
      let url = directory.url.appendingPathComponent(name)
      bytes[name] = try Data(contentsOf: url)
      dates[name] = try FixCommandTests.modificationDate(url)
    }
    return Snapshot(names: names, bytes: bytes, dates: dates)
  }

  func remove() { directory.remove() }
}

/// `AtomicFileWriter` in-process: replaces, keeps the mode, refuses a changed file.
@Suite("AtomicFileWriter (in-process)")
struct AtomicFileWriterTests {
  @Test("replaces the file's bytes, keeps its mode, leaves no temporary file")
  func replaces() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = try directory.file("page.txt", Array("旧文本\n".utf8))
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
    try AtomicFileWriter.replace(file.path, expecting: Array("旧文本\n".utf8), with: Array("新文本\n".utf8))
    #expect(try Data(contentsOf: file) == Data("新文本\n".utf8))
    #expect(try FixCommandTests.mode(file) == 0o640)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["page.txt"])
  }

  @Test("refuses a file that changed since it was read: nothing written, no temporary file")
  func refusesChangedFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = try directory.file("page.txt", Array("别人改过的文本\n".utf8))
    #expect {
      try AtomicFileWriter.replace(file.path, expecting: Array("读到的文本\n".utf8), with: Array("修正后的文本\n".utf8))
    } throws: { error in
      (error as? AtomicFileWriter.WriteError)?.description.contains("changed since it was read") == true
        && (error as? AtomicFileWriter.WriteError)?.path == file.path
    }
    #expect(try Data(contentsOf: file) == Data("别人改过的文本\n".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["page.txt"])
  }

  @Test("refuses a file that vanished since it was read")
  func refusesMissingFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.url.appendingPathComponent("gone.txt").path
    #expect(throws: AtomicFileWriter.WriteError.self) {
      try AtomicFileWriter.replace(path, expecting: Array("x".utf8), with: Array("y".utf8))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
  }

  @Test("a read-only directory: the error names the file, the file is unchanged")
  func unwritableDirectory() throws {
    guard getuid() != 0 else { return }  // root writes anywhere
    let directory = try TemporaryDirectory()
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.url.path)
      directory.remove()
    }
    let file = try directory.file("page.txt", Array("旧\n".utf8))
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.url.path)
    #expect(throws: AtomicFileWriter.WriteError.self) {
      try AtomicFileWriter.replace(file.path, expecting: Array("旧\n".utf8), with: Array("新\n".utf8))
    }
    #expect(try Data(contentsOf: file) == Data("旧\n".utf8))
  }
}

/// `renda fix` of a large file: every round's findings found window by window, as `renda
/// check` finds them, give the text the whole page's rounds give.
@Suite("renda fix, window by window")
struct WindowedFixTests {
  @Test("the seeds repeated, fixed at windows of 6 and 20 KB, equal the text fixed whole")
  func windowedEqualsWhole() throws {
    let seeds = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.root.appendingPathComponent("seeds").path)
      .sorted().map { try String(contentsOf: PackagePaths.root.appendingPathComponent("seeds/\($0)"), encoding: .utf8) }
    let text = SourceText(Array(repeating: seeds.joined(separator: "\n\n"), count: 2).joined(separator: "\n\n"))
    let glossary = try GlossaryLoader.builtIn()
    let (fixedWhole, appliedWhole) = FixCommand.fixToFixedPoint(
      text, glossary: glossary, checks: .default, windowBytes: .max)
    #expect(appliedWhole > 10)
    for window in [6_000, 20_000] {
      let path = WindowedCheck.forEachBatch(in: text, glossary: glossary, windowBytes: window) { _ in }
      guard case .windows(let count) = path, count > 3 else {
        Issue.record("\(window) B: \(path)")
        continue
      }
      let (fixed, applied) = FixCommand.fixToFixedPoint(
        text, glossary: glossary, checks: .default, windowBytes: window)
      #expect(applied == appliedWhole, "\(window) B")
      #expect(fixed.bytes == fixedWhole.bytes, "\(window) B")
    }
  }
}
