import RendaText

/// Inline suppression markers, on a line of their own, in `.txt` and `.md` alike:
///
/// - `<!-- renda-disable RULE[,RULE] -->` … `<!-- renda-enable -->`: the rules are off
///   between the markers (all rules when none is named); `<!-- renda-enable RULE -->`
///   turns one back on.
/// - `<!-- renda-disable-next-line RULE[,RULE] -->`: off on the next non-blank line.
///
/// The parser treats these lines as blank: they are an editor's marks, removed before
/// print.
package struct Suppressions: Sendable {
  /// Line ranges (0-based, inclusive) where a rule (or every rule, key `*`) is off.
  private var spans: [(rules: Set<String>, lines: ClosedRange<Int>)] = []
  /// Whether some line holds the bytes `<!--` (false: the text has no marker, and an edit
  /// that makes none on the lines it touches leaves it without).
  package private(set) var mayHoldMarkers = false

  package init(_ text: SourceText) {
    // Every marker holds the bytes `<!--`; most pages hold none anywhere.
    guard text.contains(ascii: "<!--") else { return }
    var open: [String: Int] = [:]
    var pendingNextLine: Set<String>?
    let lineCount = text.lineIndex.lineCount
    for line in 0..<lineCount {
      // A marker line holds the bytes `<!--`; without a pending next-line marker, any
      // other line can be skipped unread (most pages have no marker at all).
      if pendingNextLine == nil {
        guard Self.mayHoldMarker(text, line: line) else { continue }
        mayHoldMarkers = true
      }
      let content = text.lineText(line).trimmingWhitespace()
      if let pending = pendingNextLine, !content.isEmpty, Self.marker(content) == nil {
        spans.append((pending, line...line))
        pendingNextLine = nil
      }
      guard let (kind, rules) = Self.marker(content) else { continue }
      switch kind {
      case "renda-disable":
        for rule in rules.isEmpty ? ["*"] : rules where open[rule] == nil { open[rule] = line }
      case "renda-enable":
        let closing = rules.isEmpty ? Array(open.keys) : rules
        for rule in closing {
          if let start = open.removeValue(forKey: rule) { spans.append(([rule], start...line)) }
        }
      case "renda-disable-next-line":
        pendingNextLine = Set(rules.isEmpty ? ["*"] : rules)
      default: break
      }
    }
    for (rule, start) in open { spans.append(([rule], start...max(start, lineCount - 1))) }
  }

  /// Whether the bytes of `line` contain `<!--` (a necessary condition for `marker`).
  private static func mayHoldMarker(_ text: SourceText, line: Int) -> Bool {
    let range = text.lineIndex.contentRange(ofLine: line)
    // `<!---->` is the shortest marker-shaped line.
    guard range.upperBound.utf8 - range.lowerBound.utf8 >= 7 else { return false }
    return mayHoldMarker(text, bytes: range.lowerBound.utf8..<range.upperBound.utf8)
  }

  /// Whether `text`'s bytes `range` (clamped to the text) contain `<!--`.
  package static func mayHoldMarker(_ text: SourceText, bytes range: Range<Int>) -> Bool {
    let lower = max(0, range.lowerBound)
    let upper = min(text.bytes.count, range.upperBound)
    return text.bytes.withUnsafeBufferPointer { bytes in
      var i = lower
      while i + 3 < upper {
        if bytes[i] == 0x3C, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D { return true }
        i += 1
      }
      return false
    }
  }

  package var isEmpty: Bool { spans.isEmpty }

  package func suppresses(_ finding: Finding, in text: SourceText) -> Bool {
    guard !spans.isEmpty else { return false }
    let line = text.lineIndex.line(containing: finding.range.lowerBound)
    return spans.contains { span in
      span.lines.contains(line) && (span.rules.contains(finding.rule) || span.rules.contains("*"))
    }
  }

  /// `<!-- renda-disable a, b -->` → ("renda-disable", ["a", "b"]).
  static func marker(_ line: String) -> (String, [String])? {
    guard line.hasPrefix("<!--"), line.hasSuffix("-->") else { return nil }
    let inner = line.dropFirst(4).dropLast(3).trimmingWhitespace()
    let words = inner.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
    guard let kind = words.first, kind.hasPrefix("renda-") else { return nil }
    return (kind, Array(words.dropFirst()))
  }
}

extension StringProtocol {
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isInlineWhitespace && !$0.isLineBreak }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.isInlineWhitespace && !$0.isLineBreak })!
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}
