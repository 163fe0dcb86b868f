/// A unified diff of two texts, line by line, for `renda fix --dry-run`.
enum UnifiedDiff {
  static func render(path: String, old: String, new: String, context: Int = 2) -> String {
    let a = lines(old)
    let b = lines(new)
    // Fixes change few lines: trim the common head and tail, then LCS on the middle.
    var head = 0
    while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
    var tail = 0
    while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
    let midA = Array(a[head..<(a.count - tail)])
    let midB = Array(b[head..<(b.count - tail)])
    var ops: [(Character, String)] = a[..<head].map { (" ", $0) }
    ops += diff(midA, midB)
    ops += a[(a.count - tail)...].map { (" ", $0) }

    var out = "--- \(path)\n+++ \(path)\n"
    let changed = ops.indices.filter { ops[$0].0 != " " }
    guard !changed.isEmpty else { return "" }
    var start = 0
    while start < changed.count {
      var end = start
      while end + 1 < changed.count, changed[end + 1] - changed[end] <= 2 * context + 1 { end += 1 }
      let from = max(0, changed[start] - context)
      let to = min(ops.count - 1, changed[end] + context)
      let oldStart = ops[..<from].filter { $0.0 != "+" }.count + 1
      let newStart = ops[..<from].filter { $0.0 != "-" }.count + 1
      let slice = ops[from...to]
      out +=
        "@@ -\(oldStart),\(slice.filter { $0.0 != "+" }.count) +\(newStart),\(slice.filter { $0.0 != "-" }.count) @@\n"
      for (op, line) in slice { out += "\(op)\(line)\n" }
      start = end + 1
    }
    return out
  }

  /// Lines split after each `\n` (a `\r\n` line keeps its `\r`, as diff does), on scalars:
  /// `"\r\n"` is one Character and would not split. The last line lacks a newline when the
  /// text does; it is marked the way `diff` marks it.
  private static func lines(_ text: String) -> [String] {
    var result: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        result.append(String(current))
        current = String.UnicodeScalarView()
      } else {
        current.append(scalar)
      }
    }
    if !current.isEmpty { result.append(String(current) + "\n\\ No newline at end of file") }
    return result
  }

  private static func diff(_ a: [String], _ b: [String]) -> [(Character, String)] {
    guard !a.isEmpty || !b.isEmpty else { return [] }
    if a.count * b.count > 4_000_000 {
      return a.map { ("-", $0) } + b.map { ("+", $0) }
    }
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var ops: [(Character, String)] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        ops.append((" ", a[i]))
        i += 1
        j += 1
      } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
        ops.append(("-", a[i]))
        i += 1
      } else {
        ops.append(("+", b[j]))
        j += 1
      }
    }
    return ops
  }
}
