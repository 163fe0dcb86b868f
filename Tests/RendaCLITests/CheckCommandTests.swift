import Foundation
import Testing

// `renda check`, `renda rules` and `renda explain` run as subprocesses: the built binary,
// real files in temporary directories, real pipes and exit codes. The helpers at the end
// of this file (`CheckKit`) are shared with FixCommandTests.swift.

@Suite(
  "renda check (subprocess)",
  .enabled(
    if: RendaBinary.url != nil,
    "no renda binary at $RENDA_BINARY (when set), next to the test bundle, or at .build/debug/renda; run `swift build`"
  ),
  .timeLimit(.minutes(1)))
struct CheckCommandTests {
  // MARK: Exit codes

  @Test("seeds have findings: exit 1; a clean tiny page: exit 0, no findings")
  func exitCodes() throws {
    let seeds = try runBinary(["check", "--format", "json", "seeds"])
    #expect(seeds.status == 1, "stderr: \(seeds.error)")
    let files = try CheckKit.decode(seeds)
    #expect(files.count == 5)
    #expect(files.contains { !$0.findings.isEmpty })

    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let clean = try directory.file("clean.txt", Array(CheckKit.cleanPage.utf8))
    let run = try runBinary(["check", clean.path])
    #expect(run.status == 0, "stdout: \(run.output)\nstderr: \(run.error)")
    #expect(run.output.isEmpty)
    let json = try runBinary(["check", "--format", "json", clean.path])
    #expect(json.status == 0)
    #expect(try CheckKit.decode(json) == [CheckKit.FindingsFile(path: clean.path, findings: [])])
  }

  @Test("a named pipe is read to its end, as a regular file with the same bytes")
  func namedPipe() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let seed = try Data(contentsOf: PackagePaths.root.appendingPathComponent("seeds/000_8f505736c6d266e8.txt"))
    let regular = try directory.file("page.txt", [UInt8](seed))
    let pipe = directory.url.appendingPathComponent("pipe.txt")
    try #require(mkfifo(pipe.path, 0o600) == 0, "mkfifo")
    // The writer blocks in `open` until the check opens the pipe for reading.
    let writer = Thread {
      if let handle = FileHandle(forWritingAtPath: pipe.path) {
        handle.write(seed)
        try? handle.close()
      }
    }
    writer.start()
    let fromPipe = runInProcess(["check", "--format", "json", "--fail-on", "never", pipe.path])
    let fromFile = runInProcess(["check", "--format", "json", "--fail-on", "never", regular.path])
    #expect(fromPipe.status == 0, "stderr: \(fromPipe.error)")
    #expect(fromPipe.output.replacingOccurrences(of: pipe.path, with: regular.path) == fromFile.output)
    #expect(fromFile.output.contains("\"rule\""))
  }

  @Test("--fail-on: never → 0; error → 1 exactly when an error exists; hint → 1 on seeds")
  func failOn() throws {
    let never = try runBinary(["check", "--fail-on", "never", "seeds"])
    #expect(never.status == 0, "stderr: \(never.error)")
    #expect(!never.output.isEmpty)

    let json = try runBinary(["check", "--format", "json", "--fail-on", "error", "seeds"])
    let hasError = try CheckKit.decode(json).contains { $0.findings.contains { $0.severity == "error" } }
    #expect(json.status == (hasError ? 1 : 0), "stderr: \(json.error)")

    let hint = try runBinary(["check", "--format", "json", "--fail-on=hint", "seeds"])
    #expect(hint.status == 1)

    // A page whose only finding is a warning: fails at `warning` (the default), not at `error`.
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let page = try directory.file("comma.txt", Array(CheckKit.commaPage.utf8))
    let findings = try CheckKit.decode(try runBinary(["check", "--format", "json", page.path]))
    try #require(findings.count == 1)
    #expect(findings[0].findings.map(\.severity) == ["warning"], "\(findings[0].findings)")
    #expect(try runBinary(["check", page.path]).status == 1)
    #expect(try runBinary(["check", "--fail-on", "error", page.path]).status == 0)
    #expect(try runBinary(["check", "--fail-on", "never", page.path]).status == 0)

    let bad = try runBinary(["check", "--fail-on", "fatal", page.path])
    #expect(bad.status == 2)
    #expect(bad.error.contains("--fail-on"))
  }

  // MARK: Text format

  @Test("text: `path:line:col: severity[rule]: message`, then the source line, then a caret line")
  func textFormat() throws {
    let run = try runBinary(["check", "seeds"])
    #expect(run.status == 1, "stderr: \(run.error)")
    #expect(!run.output.contains("\u{1B}"), "ANSI escape in piped output")
    let header = try Regex(#"^(.+):(\d+):(\d+): (error|warning|info|hint)\[([a-z]+(?:-[a-z]+)*)\]: (.+)$"#)
    let source = try Regex(#"^  (\d+) \| (.*)$"#)
    let caret = try Regex(#"^  ( +) \| ( *)(\^+)$"#)
    let related = try Regex(#"^  ( +) = (.+):(\d+):(\d+): "#)

    var texts: [String: CheckKit.ScalarText] = [:]
    var headers: [(path: String, line: Int, column: Int, severity: String, rule: String)] = []
    let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var i = 0
    while i < lines.count {
      if i == lines.count - 1, lines[i].isEmpty { break }
      guard let match = try header.wholeMatch(in: lines[i]) else {
        Issue.record("line \(i + 1) is not a finding header: \(lines[i])")
        return
      }
      let path = String(match.output[1].substring!)
      let line = Int(match.output[2].substring!)!
      let column = Int(match.output[3].substring!)!
      headers.append((path, line, column, String(match.output[4].substring!), String(match.output[5].substring!)))
      #expect(line >= 1 && column >= 1)
      if texts[path] == nil {
        texts[path] = try CheckKit.ScalarText(contentsOf: PackagePaths.root.appendingPathComponent(path))
      }

      try #require(i + 2 < lines.count, "finding header at the end of the output: \(lines[i])")
      let sourceMatch = try #require(try source.wholeMatch(in: lines[i + 1]), "no source line after: \(lines[i])")
      #expect(Int(sourceMatch.output[1].substring!) == line)
      #expect(
        String(sourceMatch.output[2].substring!) == texts[path]?.line(line),
        "the source line shown for \(path):\(line) is not that line of the file")
      let caretMatch = try #require(try caret.wholeMatch(in: lines[i + 2]), "no caret line after: \(lines[i + 1])")
      #expect(caretMatch.output[1].substring!.count == String(line).count, "caret gutter is not aligned")
      i += 3
      while i < lines.count, let relatedMatch = try related.firstMatch(in: lines[i]) {
        #expect(String(relatedMatch.output[2].substring!) == path)
        i += 1
      }
    }
    #expect(!headers.isEmpty)

    // The same findings as the JSON report, in the same order.
    let json = try CheckKit.decode(try runBinary(["check", "--format", "json", "seeds"]))
    let expected = json.flatMap { file in
      file.findings.map { (file.path, $0.range.start.line, $0.range.start.column, $0.severity, $0.rule) }
    }
    #expect(headers.count == expected.count)
    for (got, want) in zip(headers, expected) {
      #expect(
        got.path == want.0 && got.line == want.1 && got.column == want.2 && got.severity == want.3
          && got.rule == want.4, "text \(got) vs json \(want)")
    }
    // The summary goes to stderr.
    #expect(run.error.contains("\(expected.count) findings in 5 files"), "stderr: \(run.error)")
  }

  @Test("text: no ANSI escape when piped; --color always forces it")
  func colour() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let page = try directory.file("quote.txt", Array(CheckKit.quotePage.utf8))
    let piped = try runBinary(["check", page.path])
    #expect(piped.status == 1)
    #expect(!piped.output.isEmpty)
    #expect(!piped.output.contains("\u{1B}"))
    #expect(!piped.error.contains("\u{1B}"))
    let forced = try runBinary(["check", "--color", "always", page.path])
    #expect(forced.output.contains("\u{1B}["))
  }

  // MARK: JSON format

  @Test("json: parses; positions 1-based; start <= end; columns are Unicode scalars; covered text not empty")
  func jsonPositions() throws {
    let run = try runBinary(["check", "--format", "json", "seeds"])
    #expect(run.status == 1, "stderr: \(run.error)")
    let files = try CheckKit.decode(run)
    let names = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.seeds.path)
      .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
    #expect(files.map(\.path) == names.map { "seeds/" + $0 })
    let rulePattern = try Regex(#"^[a-z]+(-[a-z]+)*$"#)
    var count = 0
    for file in files {
      let text = try CheckKit.ScalarText(contentsOf: PackagePaths.root.appendingPathComponent(file.path))
      for finding in file.findings {
        count += 1
        let at = "\(file.path):\(finding.range.start.line):\(finding.range.start.column) [\(finding.rule)]"
        #expect(try rulePattern.wholeMatch(in: finding.rule) != nil, "\(at)")
        #expect(["error", "warning", "info", "hint"].contains(finding.severity), "\(at)")
        #expect(!finding.message.isEmpty, "\(at)")
        var ranges = [finding.range] + finding.related.map(\.range)
        ranges += finding.fixes.flatMap { $0.edits.map(\.range) }
        for range in ranges {
          #expect(text.isValid(range.start) && text.isValid(range.end), "\(at): \(range) outside the file")
          #expect(range.start <= range.end, "\(at): \(range) ends before it starts")
        }
        let covered = try #require(text.covered(finding.range), "\(at)")
        #expect(!covered.isEmpty, "\(at): the finding covers no text")
        // Where the rule says what it covers, the scalar columns must land on exactly it.
        switch finding.rule {
        case "paired-punctuation":
          #expect(covered.unicodeScalars.count == 1 && "“”‘’（）()《》【】「」『』\"".contains(covered), "\(at): \(covered)")
        case "halfwidth-punctuation":
          #expect(covered.unicodeScalars.allSatisfy { ",.:;?!()\"'".unicodeScalars.contains($0) }, "\(at): \(covered)")
        case "ocr-spacing":
          #expect(covered.unicodeScalars.contains { $0 == " " || $0 == "\u{3000}" }, "\(at): \(covered)")
        default: break
        }
        for fix in finding.fixes {
          #expect(!fix.title.isEmpty && !fix.edits.isEmpty, "\(at)")
        }
      }
    }
    #expect(count > 0)
  }

  @Test("json: the report validates against schemas/findings.schema.json", .enabled(if: CheckKit.jsonschemaAvailable))
  func jsonSchema() throws {
    let run = try runBinary(["check", "--format", "json", "seeds"])
    let validation = try CheckKit.validate(
      run.outputData, schema: PackagePaths.root.appendingPathComponent("schemas/findings.schema.json"))
    #expect(validation.status == 0, "\(validation.output)\(validation.error)")
  }

  @Test("--lang en: English messages (ASCII-only for paired-punctuation); same findings as Chinese")
  func english() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let page = try directory.file("ascii-quote.txt", Array(CheckKit.asciiQuotePage.utf8))
    let zh = try CheckKit.decode(try runBinary(["check", "--format", "json", page.path]))
    let en = try CheckKit.decode(try runBinary(["check", "--format", "json", "--lang", "en", page.path]))
    try #require(zh.count == 1 && en.count == 1)
    let zhPaired = zh[0].findings.filter { $0.rule == "paired-punctuation" }
    let enPaired = en[0].findings.filter { $0.rule == "paired-punctuation" }
    try #require(!enPaired.isEmpty)
    for finding in enPaired {
      let ascii = finding.message.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(ascii, "not ASCII: \(finding.message)")
    }
    for finding in zhPaired {
      #expect(finding.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(finding.message)")
    }
    #expect(zh[0].findings.map(\.range) == en[0].findings.map(\.range))
    #expect(zh[0].findings.map(\.rule) == en[0].findings.map(\.rule))
    #expect(zh[0].findings.map(\.message) != en[0].findings.map(\.message))

    let text = try runBinary(["check", "--lang=en", page.path])
    #expect(text.output.contains("error[paired-punctuation]: " + enPaired[0].message))

    let bad = try runBinary(["check", "--lang", "fr", page.path])
    #expect(bad.status == 2)
  }

  // MARK: Inputs

  @Test("a missing file and a good one: exit 2, the missing path named, the good file's findings printed")
  func missingFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let good = try directory.file("good.txt", Array(CheckKit.quotePage.utf8))
    let missing = directory.url.appendingPathComponent("missing.txt").path

    let json = try runBinary(["check", "--format", "json", missing, good.path])
    #expect(json.status == 2)
    #expect(json.error.contains("renda: \(missing): no such file or directory"), "stderr: \(json.error)")
    let files = try CheckKit.decode(json)
    #expect(files.map(\.path) == [good.path])
    #expect(files.first?.findings.contains { $0.rule == "paired-punctuation" } == true)

    let text = try runBinary(["check", good.path, missing])
    #expect(text.status == 2)
    #expect(text.output.hasPrefix(good.path + ":"))
    #expect(text.error.contains(missing))
  }

  @Test("invalid UTF-8: exit 2, the file and the byte offset named, the other file still checked")
  func invalidUTF8() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let valid = Array("■ 张明（湖北）\n\n今年以来".utf8)
    let bad = try directory.file("bad.txt", valid + [0xC3, 0x28] + Array("坚持学习。\n".utf8))
    let good = try directory.file("good.txt", Array(CheckKit.quotePage.utf8))
    let run = try runBinary(["check", "--format", "json", bad.path, good.path])
    #expect(run.status == 2)
    #expect(run.error.contains(bad.path), "stderr: \(run.error)")
    #expect(run.error.contains("invalid UTF-8 at byte offset \(valid.count)"), "stderr: \(run.error)")
    #expect(try CheckKit.decode(run).map(\.path) == [good.path])
  }

  @Test("standard input '-': path '-', the same findings as the file")
  func standardInput() throws {
    let seed = try Data(contentsOf: PackagePaths.root.appendingPathComponent(PackagePaths.seed001))
    let fromStdin = try runBinary(["check", "--format", "json", "-"], standardInput: seed)
    let fromFile = try runBinary(["check", "--format", "json", PackagePaths.seed001])
    #expect(fromStdin.status == fromFile.status)
    let a = try CheckKit.decode(fromStdin)
    let b = try CheckKit.decode(fromFile)
    try #require(a.count == 1 && b.count == 1)
    #expect(a[0].path == "-")
    #expect(a[0].findings == b[0].findings)

    let text = try runBinary(["check", "-"], standardInput: Data(CheckKit.quotePage.utf8))
    #expect(text.status == 1)
    #expect(text.output.hasPrefix("-:"), "stdout: \(text.output)")
  }

  @Test("a directory: recurses into *.txt and *.md (sorted), ignores other files")
  func directory() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let root = directory.url
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
    let quote = Array(CheckKit.quotePage.utf8)
    _ = try directory.file("b.txt", quote)
    _ = try directory.file("sub/a.md", quote)
    _ = try directory.file("sub/deeper/c.txt", quote)
    _ = try directory.file("notes.json", quote)
    _ = try directory.file("README", quote)
    _ = try directory.file("sub/page.txt.bak", quote)
    let run = try runBinary(["check", "--format", "json", root.path])
    #expect(run.status == 1, "stderr: \(run.error)")
    let paths = try CheckKit.decode(run).map(\.path)
    let expected = ["b.txt", "sub/a.md", "sub/deeper/c.txt"].map { root.appendingPathComponent($0).path }
    #expect(paths.map(CheckKit.standardized) == expected.map(CheckKit.standardized))
    #expect(try CheckKit.decode(run).allSatisfy { $0.findings.contains { $0.rule == "paired-punctuation" } })
  }

  // MARK: Configuration

  @Test(".renda.json found by walking up from a nested directory: a rule off, a rule's severity")
  func configurationWalkUp() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FileManager.default.createDirectory(
      at: directory.url.appendingPathComponent("a/b/c"), withIntermediateDirectories: true)
    let page = try directory.file("a/b/c/page.txt", Array(CheckKit.quoteAndCommaPage.utf8))

    let before = try CheckKit.decode(try runBinary(["check", "--format", "json", page.path]))
    try #require(before.count == 1)
    #expect(before[0].findings.contains { $0.rule == "paired-punctuation" && $0.severity == "error" })
    #expect(before[0].findings.contains { $0.rule == "halfwidth-punctuation" && $0.severity == "warning" })

    _ = try directory.file(
      ".renda.json", Array(#"{"rules": {"paired-punctuation": "off", "halfwidth-punctuation": "hint"}}"#.utf8))
    let after = try runBinary(["check", "--format", "json", page.path])
    #expect(after.status == 0, "only a hint is left; stderr: \(after.error)")
    let files = try CheckKit.decode(after)
    try #require(files.count == 1)
    #expect(!files[0].findings.contains { $0.rule == "paired-punctuation" })
    let halfwidth = files[0].findings.filter { $0.rule == "halfwidth-punctuation" }
    #expect(!halfwidth.isEmpty)
    #expect(halfwidth.allSatisfy { $0.severity == "hint" })
    // Everything else is untouched.
    #expect(
      files[0].findings.filter { $0.rule != "halfwidth-punctuation" }
        == before[0].findings.filter { $0.rule != "halfwidth-punctuation" && $0.rule != "paired-punctuation" })

    // A nearer .renda.json wins over the one further up.
    _ = try directory.file("a/b/.renda.json", Array(#"{"rules": {"paired-punctuation": "info"}}"#.utf8))
    let nearer = try CheckKit.decode(try runBinary(["check", "--format", "json", page.path]))
    #expect(nearer.first?.findings.filter { $0.rule == "paired-punctuation" }.map(\.severity) == ["info"])
  }

  @Test("--config FILE is used instead of the nearest .renda.json")
  func explicitConfiguration() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let page = try directory.file("page.txt", Array(CheckKit.quoteAndCommaPage.utf8))
    _ = try directory.file(".renda.json", Array(#"{"rules": {"paired-punctuation": "off"}}"#.utf8))
    let other = try TemporaryDirectory()
    defer { other.remove() }
    let config = try other.file("custom.json", Array(#"{"rules": {"paired-punctuation": "warning"}}"#.utf8))

    let run = try runBinary(["check", "--format", "json", "--config", config.path, page.path])
    let files = try CheckKit.decode(run)
    #expect(files.first?.findings.filter { $0.rule == "paired-punctuation" }.map(\.severity) == ["warning"])

    let missing = try runBinary(["check", "--config", other.url.appendingPathComponent("none.json").path, page.path])
    #expect(missing.status == 2)
    #expect(missing.error.contains("none.json"), "stderr: \(missing.error)")
  }

  @Test(
    "a bad .renda.json: exit 2, the file and the key path named",
    arguments: [
      (#"{"rules": {"no-such-rule": "off"}}"#, "$.rules.no-such-rule"),
      (#"{"rules": {"paired-punctuation": "loud"}}"#, "$.rules.paired-punctuation"),
      (#"{"rules": ["paired-punctuation"]}"#, "$.rules"),
      (#"{"ignore": "drafts/**"}"#, "$.ignore"),
      (#"{"rule": {}}"#, "$.rule"),
      (#"{"rules": {"paired-punctuation": "off"}"#, "not valid JSON"),
      (#"{"rules": {"paired-punctuation": 1}}"#, "$.rules.paired-punctuation"),
      (#"{"rules": {"paired-punctuation": [true]}}"#, "$.rules.paired-punctuation"),
      (#"{"rules": {"paired-punctuation": 1e400}}"#, "not valid JSON"),
    ])
  func badConfiguration(config: String, named: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FileManager.default.createDirectory(
      at: directory.url.appendingPathComponent("nested"), withIntermediateDirectories: true)
    let page = try directory.file("nested/page.txt", Array(CheckKit.cleanPage.utf8))
    let file = try directory.file(".renda.json", Array(config.utf8))

    let found = try runBinary(["check", page.path])
    #expect(found.status == 2)
    #expect(found.error.contains(file.lastPathComponent) && found.error.contains(directory.url.lastPathComponent))
    #expect(found.error.contains(named), "stderr: \(found.error)")

    let explicit = try runBinary(["check", "--config", file.path, page.path])
    #expect(explicit.status == 2)
    #expect(explicit.error.contains(file.path), "stderr: \(explicit.error)")
    #expect(explicit.error.contains(named), "stderr: \(explicit.error)")
  }

  @Test("a glossary whose phrases use more distinct characters than the matcher takes is refused with an error, not a crash")
  func glossaryBeyondTheMatchersAlphabet() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let page = try directory.file("page.txt", Array(CheckKit.cleanPage.utf8))
    // 3,300 phrases of ten distinct ideographs each (CJK Extension B): 33,000 characters.
    let phrases = (0..<3300).map { p in
      let canonical = String(String.UnicodeScalarView((0..<10).map { Unicode.Scalar(0x20000 + p * 10 + $0)! }))
      return #"{"id": "p\#(p)", "canonical": "\#(canonical)", "category": "slogans", "note": "n"}"#
    }
    _ = try directory.file("big.json", Array(#"{"phrases": [\#(phrases.joined(separator: ","))]}"#.utf8))
    _ = try directory.file(".renda.json", Array(#"{"glossaries": ["big.json"]}"#.utf8))

    let run = try runBinary(["check", page.path])
    #expect(run.status == 2)
    #expect(run.error.contains("$.glossaries") && run.error.contains("distinct characters; Renda matches at most"), "stderr: \(run.error)")
  }

  @Test("a .renda.json: true and false turn a rule on and off; bytes that are not UTF-8 are named by line and column")
  func configurationBooleansAndBytes() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let page = try directory.file("page.txt", Array("■ 张三（北京）\n\n人大代表要依法履职,做到心中有数。\n".utf8))
    let off = try directory.file("off.json", Array(#"{"rules": {"halfwidth-punctuation": false}}"#.utf8))
    let on = try directory.file("on.json", Array(#"{"rules": {"halfwidth-punctuation": true}}"#.utf8))
    let withoutRule = try runBinary(["check", "--format", "json", "--config", off.path, page.path])
    #expect(withoutRule.status == 0, "stderr: \(withoutRule.error)")
    #expect(!withoutRule.output.contains("halfwidth-punctuation"))
    let withRule = try runBinary(["check", "--format", "json", "--config", on.path, page.path])
    #expect(withRule.output.contains("halfwidth-punctuation"), "stderr: \(withRule.error)")

    let bad = try directory.file("bad.json", Array(#"{"rules": {"ocr-spacing": "o"#.utf8) + [0xFF] + Array(#""}}"#.utf8))
    let refused = try runBinary(["check", "--config", bad.path, page.path])
    #expect(refused.status == 2)
    #expect(refused.error.contains("line 1, column 29: not valid JSON: bytes that are not UTF-8"), "stderr: \(refused.error)")
  }

  @Test("a .renda.json the schema accepts, with $schema, is accepted by renda; the schema rejects a bad one")
  func configurationSchema() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let page = try directory.file("page.txt", Array(CheckKit.cleanPage.utf8))
    let good = #"""
      {"$schema": "../schemas/config.schema.json", "rules": {"paired-punctuation": "on", "ocr-spacing": "error"},
       "glossaries": [], "ignore": ["drafts/**"]}
      """#
    let config = try directory.file(".renda.json", Array(good.utf8))
    let run = try runBinary(["check", page.path])
    #expect(run.status == 0, "stderr: \(run.error)")
    if CheckKit.jsonschemaAvailable {
      let schema = PackagePaths.root.appendingPathComponent("schemas/config.schema.json")
      let valid = try CheckKit.validate(try Data(contentsOf: config), schema: schema)
      #expect(valid.status == 0, "\(valid.output)\(valid.error)")
      let invalid = try CheckKit.validate(Data(#"{"rules": {"Paired": "loud"}, "extra": 1}"#.utf8), schema: schema)
      #expect(invalid.status == 1, "\(invalid.output)\(invalid.error)")
    }
  }

  @Test("ignore: a file matching a glob is skipped, the others are checked")
  func ignoreGlob() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FileManager.default.createDirectory(
      at: directory.url.appendingPathComponent("drafts/old"), withIntermediateDirectories: true)
    let quote = Array(CheckKit.quotePage.utf8)
    let kept = try directory.file("page.txt", quote)
    let draft = try directory.file("drafts/old/draft.txt", quote)
    _ = try directory.file(".renda.json", Array(#"{"ignore": ["drafts/**"]}"#.utf8))

    let run = try runBinary(["check", "--format", "json", directory.url.path])
    #expect(run.status == 1)
    #expect(try CheckKit.decode(run).map { CheckKit.standardized($0.path) } == [CheckKit.standardized(kept.path)])

    let named = try runBinary(["check", "--format", "json", draft.path])
    #expect(named.status == 0, "stderr: \(named.error)")
    #expect(try CheckKit.decode(named).isEmpty)
  }

  // MARK: Inline suppression

  @Test("<!-- renda-disable RULE --> … <!-- renda-enable -->: silent in the range only")
  func disableEnable() throws {
    let page = """
      ■ 张明（湖北）

      第一段“未闭合。

      <!-- renda-disable paired-punctuation -->
      第二段“未闭合。

      第三段“未闭合。
      <!-- renda-enable -->

      第四段“未闭合。

      <!-- renda-disable ocr-spacing -->
      第五段“未闭合。
      <!-- renda-enable -->

      """
    #expect(try CheckKit.pairedLines(page) == [3, 11, 14])
  }

  @Test("<!-- renda-disable-next-line RULE -->: silent on the next line only")
  func disableNextLine() throws {
    let page = """
      ■ 张明（湖北）

      第一段“未闭合。
      <!-- renda-disable-next-line paired-punctuation -->
      第二段“未闭合。
      第三段“未闭合。

      <!-- renda-disable-next-line paired-punctuation -->

      第四段“未闭合。

      第五段“未闭合。

      """
    #expect(try CheckKit.pairedLines(page) == [3, 6, 12])
  }

  // MARK: rules and explain

  @Test("renda rules lists every rule that check reports, with a severity and a description")
  func rules() throws {
    let run = try runBinary(["rules"])
    #expect(run.status == 0, "stderr: \(run.error)")
    let entry = try Regex(#"^([a-z]+(?:-[a-z]+)*) +(error|warning|info|hint) +(\S.*)$"#)
    var listed: Set<String> = []
    for line in run.output.split(separator: "\n") {
      let match = try #require(try entry.wholeMatch(in: String(line)), "not a rule line: \(line)")
      listed.insert(String(match.output[1].substring!))
    }
    #expect(listed == CheckKit.ruleIDs)
    let json = try CheckKit.decode(try runBinary(["check", "--format", "json", "seeds"]))
    let reported = Set(json.flatMap { $0.findings.map(\.rule) })
    #expect(!reported.isEmpty)
    #expect(reported.isSubset(of: listed), "not listed: \(reported.subtracting(listed))")
    #expect(listed.contains("paired-punctuation"))

    let english = try runBinary(["rules", "--lang", "en"])
    #expect(english.status == 0)
    #expect(english.output.split(separator: "\n").count == listed.count)
  }

  @Test("renda explain paired-punctuation prints its documentation (and the suppression markers); exit 0")
  func explain() throws {
    let run = try runBinary(["explain", "paired-punctuation"])
    #expect(run.status == 0, "stderr: \(run.error)")
    #expect(run.output.contains("paired-punctuation"))
    #expect(run.output.count > 200)
    #expect(run.output.contains("renda-disable"))
    #expect(run.output.contains("renda-disable-next-line"))
    #expect(run.output.contains(".renda.json"))
  }

  @Test("every rule renda rules lists can be explained")
  func explainEveryRule() throws {
    for id in CheckKit.ruleIDs.sorted() {
      let run = try runBinary(["explain", id])
      #expect(run.status == 0, "\(id): \(run.error)")
      #expect(run.output.contains(id))
    }
  }

  @Test("renda explain nope: exit 2, the rule named; no rule: exit 2")
  func explainUnknown() throws {
    let run = try runBinary(["explain", "nope"])
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.error.contains("nope"))
    #expect(try runBinary(["explain"]).status == 2)
  }

  @Test("usage errors: unknown format, unknown rule, no input, unknown option → exit 2")
  func usageErrors() throws {
    for arguments in [
      ["check", "--format", "xml", "seeds"], ["check", "--rule", "nope", "seeds"], ["check"],
      ["check", "--frob", "seeds"],
    ] {
      let run = try runBinary(arguments)
      #expect(run.status == 2, "\(arguments): \(run.error)")
      #expect(run.output.isEmpty, "\(arguments)")
      #expect(!run.error.isEmpty, "\(arguments)")
    }
  }

  @Test("--rule ID limits the report to that rule")
  func ruleFilter() throws {
    let run = try runBinary(["check", "--format", "json", "--rule", "paired-punctuation", "seeds"])
    let files = try CheckKit.decode(run)
    let rules = Set(files.flatMap { $0.findings.map(\.rule) })
    #expect(rules == ["paired-punctuation"])
  }

  // MARK: Known bugs in Sources/ (withKnownIssue: these start failing once fixed; then drop the wrapper)

  @Test("a .renda.json with a trailing comma is malformed JSON: exit 2")
  func trailingComma() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let page = try directory.file("page.txt", Array(CheckKit.quotePage.utf8))
    _ = try directory.file(".renda.json", Array(#"{"rules": {"paired-punctuation": "info",},}"#.utf8))
    let run = try runBinary(["check", page.path])
    #expect(run.status == 2, "stdout: \(run.output)")
    #expect(run.error.contains(".renda.json"))
  }

  @Test("renda explain --lang en RULE explains RULE")
  func explainWithLanguage() throws {
    let run = try runBinary(["explain", "--lang", "en", "paired-punctuation"])
    #expect(run.status == 0, "stderr: \(run.error)")
    #expect(run.output.contains("paired-punctuation"))
  }

  // MARK: SARIF

  @Test("sarif: 2.1.0, columnKind unicodeCodePoints, ruleIds in tool.driver.rules, 1-based regions = JSON positions")
  func sarifShape() throws {
    let run = try runBinary(["check", "--format", "sarif", "seeds"])
    #expect(run.status == 1, "stderr: \(run.error)")
    let log = try #require(try JSONSerialization.jsonObject(with: run.outputData) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let runs = try #require(log["runs"] as? [[String: Any]])
    try #require(runs.count == 1)
    #expect(runs[0]["columnKind"] as? String == "unicodeCodePoints")
    let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "renda")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let ruleIDs = rules.compactMap { $0["id"] as? String }
    #expect(Set(ruleIDs) == CheckKit.ruleIDs)
    let results = try #require(runs[0]["results"] as? [[String: Any]])

    let json = try CheckKit.decode(try runBinary(["check", "--format", "json", "seeds"]))
    let findings = json.flatMap { file in file.findings.map { (file.path, $0) } }
    #expect(results.count == findings.count)
    for (index, result) in results.enumerated() {
      let ruleID = try #require(result["ruleId"] as? String)
      #expect(ruleIDs.contains(ruleID), "result \(index): \(ruleID) not in tool.driver.rules")
      if let ruleIndex = CheckKit.int(result["ruleIndex"] as Any) {
        #expect(ruleIndex >= 0 && ruleIndex < ruleIDs.count && ruleIDs[ruleIndex] == ruleID, "result \(index)")
      }
      let level = (result["level"] as? String) ?? ""
      #expect(["error", "warning", "note", "none"].contains(level), "result \(index): level \(level)")
      let message = ((result["message"] as? [String: Any])?["text"] as? String) ?? ""
      #expect(!message.isEmpty, "result \(index): no message")
      let locations = try #require(result["locations"] as? [[String: Any]])
      try #require(locations.count == 1)
      let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
      let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
      let region = try #require(physical["region"] as? [String: Any]).compactMapValues(CheckKit.int)
      for key in ["startLine", "startColumn", "endLine", "endColumn"] {
        #expect((region[key] ?? 0) >= 1, "result \(index): \(key) = \(region[key] ?? 0)")
      }
      guard index < findings.count else { continue }
      let (path, finding) = findings[index]
      #expect(uri == path, "result \(index)")
      #expect(ruleID == finding.rule, "result \(index)")
      #expect(region["startLine"] == finding.range.start.line && region["startColumn"] == finding.range.start.column)
      #expect(region["endLine"] == finding.range.end.line && region["endColumn"] == finding.range.end.column)
      let related = (result["relatedLocations"] as? [[String: Any]]) ?? []
      #expect(related.count == finding.related.count, "result \(index)")
    }
  }

  @Test(
    "sarif: validates against the SARIF 2.1.0 schema",
    .enabled(if: CheckKit.sarifSchema != nil, "no ../shared/data/sarif-schema-2.1.0.json beside the package"),
    .enabled(if: CheckKit.jsonschemaAvailable, "python3 with the jsonschema package is not available"))
  func sarifSchema() throws {
    let run = try runBinary(["check", "--format", "sarif", "seeds"])
    #expect(run.status == 1, "stderr: \(run.error)")
    let schema = try #require(CheckKit.sarifSchema)
    let validation = try CheckKit.validate(run.outputData, schema: schema)
    #expect(validation.status == 0, "\(validation.output)\(validation.error)")

    // Standard input and absolute paths too.
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let page = try directory.file("page.txt", Array(CheckKit.quoteAndCommaPage.utf8))
    let absolute = try runBinary(
      ["check", "--format", "sarif", page.path, "-"], standardInput: Data(CheckKit.quotePage.utf8))
    let second = try CheckKit.validate(absolute.outputData, schema: schema)
    #expect(second.status == 0, "\(second.output)\(second.error)")
  }
}

// MARK: - Shared helpers (also used by FixCommandTests.swift)

enum CheckKit {
  /// A short page with no defect: byline, a lead naming the standing committee, body paragraphs.
  static let cleanPage = """
    ■ 张明（湖北）

    今年以来，湖北省某市人大常委会坚持
    以人民为中心，认真做好代表联络工作，
    推动代表履职更加规范、更加有效。

    常委会组织代表深入基层，走访群众，
    收集意见建议，及时交有关部门办理。
    群众反映的问题得到较好解决。

    下一步，常委会将继续完善工作机制，
    为代表依法履职提供更好服务。

    """

  /// The clean page with an unclosed “ on line 7 (paired-punctuation, error).
  static let quotePage = cleanPage.replacingOccurrences(of: "走访群众", with: "走访“群众")
  /// The clean page with an unclosed ASCII " on line 7 (paired- and halfwidth-punctuation).
  static let asciiQuotePage = cleanPage.replacingOccurrences(of: "走访群众", with: "走访\"群众")
  /// The clean page with a half-width comma on line 7 (halfwidth-punctuation, warning, with a fix).
  static let commaPage = cleanPage.replacingOccurrences(of: "走访群众，", with: "走访群众,")
  /// Both an unclosed “ (line 7) and a half-width comma (line 3).
  static let quoteAndCommaPage =
    quotePage.replacingOccurrences(of: "今年以来，", with: "今年以来,")
  /// A half-width comma (line 7) and letter-spaced OCR text (line 8): two rules with fixes.
  static let fixablePage =
    commaPage.replacingOccurrences(
      of: "收集意见建议，及时交有关部门办理。", with: "收 集 意 见 建 议 ，及 时 交 有 关 部 门 办 理 。")

  // MARK: The JSON report, decoded strictly (a missing key fails)

  struct FindingsFile: Decodable, Equatable {
    var path: String
    var findings: [Finding]
  }

  struct Finding: Decodable, Equatable {
    var rule: String
    var severity: String
    var message: String
    var range: Span
    var related: [Related]
    var fixes: [Fix]
  }

  struct Span: Decodable, Equatable, CustomStringConvertible {
    var start: Position
    var end: Position
    var description: String { "\(start)–\(end)" }
  }

  struct Position: Decodable, Equatable, Comparable, CustomStringConvertible {
    var line: Int
    var column: Int
    static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
    var description: String { "\(line):\(column)" }
  }

  struct Related: Decodable, Equatable {
    var range: Span
    var message: String
  }

  struct Fix: Decodable, Equatable {
    var title: String
    var edits: [Edit]
  }

  struct Edit: Decodable, Equatable {
    var range: Span
    var newText: String
  }

  static func decode(_ run: ProcessResult) throws -> [FindingsFile] {
    do {
      return try JSONDecoder().decode([FindingsFile].self, from: run.outputData)
    } catch {
      Issue.record("not a findings report (\(error)); stdout: \(run.output.prefix(500)); stderr: \(run.error)")
      throw error
    }
  }

  /// A JSON number from JSONSerialization as an Int.
  static func int(_ value: Any) -> Int? {
    if let number = value as? Int { return number }
    return (value as? NSNumber)?.intValue
  }

  /// The lines with a paired-punctuation finding when PAGE is checked.
  static func pairedLines(_ page: String) throws -> [Int] {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = try directory.file("page.txt", Array(page.utf8))
    let files = try decode(try runBinary(["check", "--format", "json", file.path]))
    return files.flatMap { $0.findings.filter { $0.rule == "paired-punctuation" }.map(\.range.start.line) }
  }

  /// A file's text as lines of Unicode scalars (`\n`, `\r\n` and a lone `\r` end a line),
  /// to check 1-based scalar columns against.
  struct ScalarText {
    var scalars: [Unicode.Scalar]
    /// Offset of each line's first scalar; lineStarts[i] is line i + 1.
    var lineStarts: [Int]
    /// Offset just past each line's content (before its terminator).
    var lineEnds: [Int]

    init(contentsOf url: URL) throws {
      self.init(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    init(_ text: String) {
      scalars = Array(text.unicodeScalars)
      lineStarts = [0]
      lineEnds = []
      var i = 0
      while i < scalars.count {
        let s = scalars[i]
        if s == "\n" || s == "\r" {
          lineEnds.append(i)
          i += (s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n") ? 2 : 1
          lineStarts.append(i)
        } else {
          i += 1
        }
      }
      lineEnds.append(scalars.count)
    }

    func line(_ number: Int) -> String? {
      guard number >= 1, number <= lineStarts.count else { return nil }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[lineStarts[number - 1]..<lineEnds[number - 1]])
      return String(view)
    }

    /// A position is on a line of the file, at most one column past the line's content.
    func isValid(_ position: Position) -> Bool {
      guard position.line >= 1, position.line <= lineStarts.count, position.column >= 1 else { return false }
      return lineStarts[position.line - 1] + position.column - 1 <= lineEnds[position.line - 1]
    }

    func offset(_ position: Position) -> Int? {
      guard isValid(position) else { return nil }
      return lineStarts[position.line - 1] + position.column - 1
    }

    /// The text RANGE covers, by its scalar columns.
    func covered(_ range: Span) -> String? {
      guard let start = offset(range.start), let end = offset(range.end), start <= end else { return nil }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[start..<end])
      return String(view)
    }
  }

  /// Paths compared after resolving symbolic links (the temporary directory may be one).
  static func standardized(_ path: String) -> String {
    URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }

  /// The ids `renda rules` lists.
  static let ruleIDs: Set<String> = {
    guard let run = try? runBinary(["rules"]) else { return [] }
    return Set(run.output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
  }()

  // MARK: Python validation

  /// The SARIF 2.1.0 schema, kept beside the package in `../shared/data/`.
  static let sarifSchema: URL? = {
    let url = PackagePaths.root.deletingLastPathComponent()
      .appendingPathComponent("shared/data/sarif-schema-2.1.0.json")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }()

  /// `python3 -c "import jsonschema"` succeeds.
  static let jsonschemaAvailable: Bool = {
    (try? runTool(["python3", "-c", "import jsonschema"]))?.status == 0
  }()

  /// `python3 scripts/validate-json.py SCHEMA FILE` on DOCUMENT.
  static func validate(_ document: Data, schema: URL) throws -> (status: Int32, output: String, error: String) {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = try directory.file("document.json", [UInt8](document))
    return try runTool([
      "python3", PackagePaths.root.appendingPathComponent("scripts/validate-json.py").path, schema.path, file.path,
    ])
  }

  /// Runs a tool found on PATH, its output collected in files (no pipe to fill).
  static func runTool(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let out = try directory.file("stdout", [])
    let err = try directory.file("stderr", [])
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = PackagePaths.root
    process.standardInput = FileHandle.nullDevice
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    defer {
      try? outHandle.close()
      try? errHandle.close()
    }
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
      String(decoding: try Data(contentsOf: err), as: UTF8.self)
    )
  }
}
