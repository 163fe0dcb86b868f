import Foundation
import Testing

/// `renda outline` run as a subprocess: the built binary, real files, real pipes and exit codes.
@Suite(
  "renda outline (subprocess)",
  .enabled(
    if: RendaBinary.url != nil,
    "no renda binary at $RENDA_BINARY (when set), next to the test bundle, or at .build/debug/renda; run `swift build` or point RENDA_BINARY at the binary"
  ),
  .timeLimit(.minutes(1)))
struct OutlineBinaryTests {
  static let seedTitles = ["把党的领导贯穿于“四个机关”建设始终", "坚持活动引领持续加强自身建设"]

  @Test("tree: one file, five articles, the seed's titles")
  func tree() throws {
    let run = try runBinary(["outline", PackagePaths.seed001])
    #expect(run.status == 0, "stderr: \(run.error)")
    #expect(run.error.isEmpty)
    #expect(run.output.hasPrefix(PackagePaths.seed001 + "\n"))
    #expect(lines(of: run.output, startingWith: "article ").count == 5)
    for title in Self.seedTitles {
      #expect(run.output.contains(title), "missing title \(title)")
    }
  }

  @Test("json: an array with one file, the given path, five articles")
  func json() throws {
    let run = try runBinary(["outline", "--format", "json", PackagePaths.seed001])
    #expect(run.status == 0, "stderr: \(run.error)")
    #expect(run.error.isEmpty)
    let files = try outlineFiles(run.outputData)
    try #require(files.count == 1)
    #expect(files[0]["path"] as? String == PackagePaths.seed001)
    let list = try #require(articles(files[0]))
    #expect(list.count == 5)
    let titles = list.compactMap { ($0["title"] as? [String: Any])?["text"] as? String }
    for title in Self.seedTitles {
      #expect(titles.contains(title), "missing title \(title) in \(titles)")
    }
  }

  @Test("markdown: five article sections")
  func markdown() throws {
    let run = try runBinary(["outline", "--format", "markdown", PackagePaths.seed001])
    #expect(run.status == 0, "stderr: \(run.error)")
    #expect(run.error.isEmpty)
    #expect(run.output.hasPrefix("# " + PackagePaths.seed001 + "\n"))
    #expect(lines(of: run.output, startingWith: "## ").count == 5)
  }

  @Test("a directory: every page in it, in sorted order")
  func directory() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.seeds.path)
      .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
      .sorted()
    try #require(names.count == 5)
    let run = try runBinary(["outline", "--format", "json", "seeds"])
    #expect(run.status == 0, "stderr: \(run.error)")
    #expect(run.error.isEmpty)
    let files = try outlineFiles(run.outputData)
    #expect(files.compactMap { $0["path"] as? String } == names.map { "seeds/" + $0 })
    #expect(files.allSatisfy { articles($0) != nil })

    let tree = try runBinary(["outline", "seeds"])
    #expect(tree.status == 0)
    let headers = tree.output.split(separator: "\n").filter { $0.hasPrefix("seeds/") }.map(String.init)
    #expect(headers == names.map { "seeds/" + $0 })
  }

  @Test("standard input: '-' is read, and its path is '-'")
  func standardInput() throws {
    let seed = try Data(contentsOf: PackagePaths.root.appendingPathComponent(PackagePaths.seed001))
    let run = try runBinary(["outline", "--format", "json", "-"], standardInput: seed)
    #expect(run.status == 0, "stderr: \(run.error)")
    #expect(run.error.isEmpty)
    let files = try outlineFiles(run.outputData)
    try #require(files.count == 1)
    #expect(files[0]["path"] as? String == "-")
    #expect(articles(files[0])?.count == 5)

    // The tree of stdin is the tree of the file, under the header `-`.
    let fromStdin = try runBinary(["outline", "-"], standardInput: seed)
    let fromFile = try runBinary(["outline", PackagePaths.seed001])
    #expect(fromStdin.status == 0)
    #expect(fromStdin.output.hasPrefix("-\n"))
    #expect(fromStdin.output.dropFirst(2) == fromFile.output.dropFirst(PackagePaths.seed001.count + 1))
  }

  @Test("a missing file and a good one: exit 2, the missing path named, the good outline printed")
  func missingFile() throws {
    let missing = "no-such-dir-\(UUID().uuidString)/missing.txt"
    let run = try runBinary(["outline", missing, PackagePaths.seed001])
    #expect(run.status == 2)
    #expect(run.error.contains("renda: \(missing): no such file or directory"), "stderr: \(run.error)")
    #expect(!run.error.contains(PackagePaths.seed001))
    #expect(run.output.hasPrefix(PackagePaths.seed001 + "\n"))
    #expect(lines(of: run.output, startingWith: "article ").count == 5)
  }

  @Test("invalid UTF-8: exit 2, the file and the exact byte offset named")
  func invalidUTF8() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let valid = Array("■ 张三（湖北）\n\n人大代表履职尽责".utf8)
    let offset = valid.count
    let file = try directory.file("bad.txt", valid + [0xFF, 0xFE] + Array("坚持学习。\n".utf8))
    let good = try directory.file("good.txt", Array("■ 李四（山东）\n\n正文一段。\n".utf8))

    let run = try runBinary(["outline", "--format", "json", file.path, good.path])
    #expect(run.status == 2)
    #expect(
      run.error.contains("renda: \(file.path): invalid UTF-8 at byte offset \(offset) (line 3)"),
      "stderr: \(run.error)")
    let files = try outlineFiles(run.outputData)
    #expect(files.compactMap { $0["path"] as? String } == [good.path])
  }

  @Test("an empty file: exit 0, no articles")
  func emptyFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = try directory.file("empty.txt", [])

    let json = try runBinary(["outline", "--format", "json", file.path])
    #expect(json.status == 0, "stderr: \(json.error)")
    #expect(json.error.isEmpty)
    let files = try outlineFiles(json.outputData)
    try #require(files.count == 1)
    #expect(files[0]["path"] as? String == file.path)
    #expect(articles(files[0])?.isEmpty == true)

    let tree = try runBinary(["outline", file.path])
    #expect(tree.status == 0)
    #expect(lines(of: tree.output, startingWith: "article ").isEmpty)
  }

  @Test("a directory without .txt or .md files: exit 2, the directory named")
  func directoryWithoutPages() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    _ = try directory.file("notes.json", Array("{}".utf8))
    _ = try directory.file("README", Array("not a page".utf8))

    let run = try runBinary(["outline", directory.url.path])
    #expect(run.status == 2)
    #expect(
      run.error.contains("renda: \(directory.url.path): directory holds no .txt or .md file"),
      "stderr: \(run.error)")
    #expect(run.output.isEmpty)
  }
}
