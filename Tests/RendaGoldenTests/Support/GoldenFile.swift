import Foundation
import Testing

/// Compares `actual` with `Tests/RendaGoldenTests/Expected/<name>`.
///
/// Writes the file only when `RENDA_UPDATE_GOLDEN=1` is set; a missing file fails, so CI
/// never creates golden files silently. A mismatch fails with a line diff and the command
/// that regenerates the files.
func assertGolden(_ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  try assertGolden(actual, at: "Tests/RendaGoldenTests/Expected/\(name)", sourceLocation: sourceLocation)
}

/// Compares `actual` with the repository file at `path` (a generated file kept in the
/// repository, such as `docs/rules/<id>.md`), under the same switch.
func assertGolden(_ actual: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let name = path
  let url = Repository.url(path)
  if ProcessInfo.processInfo.environment["RENDA_UPDATE_GOLDEN"] == "1" {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(actual.utf8).write(to: url)
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record(
      "missing golden file \(name); create it with RENDA_UPDATE_GOLDEN=1 swift test --filter RendaGoldenTests",
      sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  guard expected != actual else { return }
  Issue.record(
    """
    \(name) differs from the golden file (- expected, + actual):
    \(LineDiff.render(expected: expected, actual: actual))
    If the change is intended: RENDA_UPDATE_GOLDEN=1 swift test --filter RendaGoldenTests, then read the diff.
    """, sourceLocation: sourceLocation)
}

/// A small line diff (longest common subsequence) with a few lines of context.
enum LineDiff {
  static func render(expected: String, actual: String, context: Int = 2) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // LCS table over lines; pages' outlines are a few hundred lines.
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var lines: [(Character, String)] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        lines.append((" ", a[i]))
        i += 1
        j += 1
      } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
        lines.append(("+", b[j]))
        j += 1
      } else {
        lines.append(("-", a[i]))
        i += 1
      }
    }
    let changed = lines.indices.filter { lines[$0].0 != " " }
    var shown = Set<Int>()
    for c in changed { for k in max(0, c - context)...min(lines.count - 1, c + context) { shown.insert(k) } }
    var out: [String] = []
    var last = -2
    for k in shown.sorted() {
      if k != last + 1 { out.append("@@ line \(k + 1)") }
      out.append("\(lines[k].0) \(lines[k].1)")
      last = k
    }
    return out.joined(separator: "\n")
  }
}
