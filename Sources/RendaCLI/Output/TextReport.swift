import RendaChecks
import RendaIDE
import RendaText

/// `renda check --format text`: `file:line:col: severity[rule]: message`, the source
/// line and a caret under the range (East Asian wide characters count two columns).
/// Colour only on a terminal.
enum TextReport {
  /// Bytes of report gathered before `render(_:language:color:chunk:)` hands them on.
  static let chunkSize = 1 << 16

  /// The whole report of one file.
  static func render(_ checked: CheckSession.Checked, language: Language, color: Bool) -> String {
    var whole = ""
    render(checked.findings, of: checked, language: language, color: color, chunkSize: .max) { whole += $0 }
    return whole
  }

  /// The report of `findings` (some or all of one file's, in order) in pieces of about
  /// `chunkSize` bytes, so a report of hundreds of thousands of findings is never held whole.
  static func render(
    _ findings: [Finding], of checked: CheckSession.Checked, language: Language, color: Bool,
    chunkSize: Int = chunkSize, chunk: (String) -> Void
  ) {
    var out = ""
    out.reserveCapacity(min(chunkSize, 1 << 20) + 4096)
    let text = checked.text
    let path = checked.document.path
    // A page's findings come in text order, several to a line (6.4 on average in the seeds):
    // the line's column, its text and its width up to a finding are carried on from the
    // previous finding of the line instead of found again from the line's start (they were
    // a third of `renda check FILE`'s time on 10 MB).
    var positions = checked.positions()
    var widths = WidthCursor()
    var excerpt = (line: -1, range: TextOffset(utf8: 0)..<TextOffset(utf8: 0), text: "")
    for finding in findings {
      let start = positions.position(of: finding.range.lowerBound)
      let gutter = String(start.line)
      out += path
      out += ":"
      out += gutter
      out += ":"
      out += String(start.column)
      out += ": "
      if color {
        out += colorCode(finding.severity)
        out += finding.severity.rawValue
        out += "\u{1B}[0m"
      } else {
        out += finding.severity.rawValue
      }
      out += "["
      out += finding.rule
      out += "]: "
      out += finding.message.text(in: language)
      out += "\n  "
      out += gutter
      out += " | "
      if excerpt.line != start.line {
        let range = text.lineIndex.contentRange(ofLine: start.line - 1)
        excerpt = (start.line, range, text.string(in: range))
      }
      let lineRange = excerpt.range
      out += excerpt.text
      out += "\n  "
      let beforeWidth = widths.width(from: lineRange.lowerBound, to: finding.range.lowerBound, in: text)
      let coveredEnd = min(finding.range.upperBound, lineRange.upperBound)
      let coveredWidth = displayWidth(of: finding.range.lowerBound..<max(finding.range.lowerBound, coveredEnd), in: text)
      appendRepeating(" ", count: gutter.utf8.count, to: &out)
      out += " | "
      appendRepeating(" ", count: beforeWidth, to: &out)
      if color { out += "\u{1B}[1m" }
      appendRepeating("^", count: max(1, coveredWidth), to: &out)
      if color { out += "\u{1B}[0m" }
      out += "\n"
      for related in finding.related {
        let position = positions.position(of: related.range.lowerBound)
        out += "  "
        appendRepeating(" ", count: gutter.utf8.count, to: &out)
        out += " = "
        out += path
        out += ":"
        out += String(position.line)
        out += ":"
        out += String(position.column)
        out += ": "
        out += related.message.text(in: language)
        out += "\n"
      }
      if out.utf8.count >= chunkSize {
        chunk(out)
        out = ""
        out.reserveCapacity(min(chunkSize, 1 << 20) + 4096)
      }
    }
    if !out.isEmpty { chunk(out) }
  }

  private static func appendRepeating(_ character: Unicode.Scalar, count: Int, to out: inout String) {
    let table = character == " " ? spaces : carets
    var left = count
    // Long runs (a range or an indent across a long line) in pieces of the longest entry.
    while left >= table.count {
      out += table[table.count - 1]
      left -= table.count - 1
    }
    out += table[left]
  }

  /// `spaces[n]` is n spaces (`carets[n]` n carets): padding without building a `String` each time.
  private static let spaces = (0..<160).map { String(repeating: " ", count: $0) }
  private static let carets = (0..<160).map { String(repeating: "^", count: $0) }

  private static func colorCode(_ severity: Severity) -> String {
    switch severity {
    case .error: "\u{1B}[1;31m"
    case .warning: "\u{1B}[1;33m"
    case .info: "\u{1B}[1;36m"
    case .hint: "\u{1B}[1;34m"
    }
  }

  /// Terminal columns of `text`: wide (CJK, full-width) scalars count two.
  static func displayWidth(_ text: String) -> Int { displayWidth(text.unicodeScalars) }

  /// Terminal columns of `scalars`: wide (CJK, full-width) scalars count two.
  static func displayWidth(_ scalars: some Sequence<Unicode.Scalar>) -> Int {
    scalars.reduce(0) { $0 + width(of: $1) }
  }

  /// Terminal columns of the text in `range`, as `displayWidth(text.scalars(in: range))`.
  static func displayWidth(of range: TextRange, in text: SourceText) -> Int {
    var total = 0
    text.forEachScalar(in: range) { total += width(of: $0) }
    return total
  }

  /// The display width of a line from its start to offsets of it in increasing order:
  /// `displayWidth(of: lineStart..<max(lineStart, offset), in: text)`, counted on from the
  /// previous offset of the same line (an offset before it, or another line, starts again).
  /// A range's ends snap back to a scalar's start, so the widths of `a..<b` and `b..<c` sum
  /// to that of `a..<c` whatever `b`.
  struct WidthCursor {
    private var lineStart = -1
    private var offset = 0
    private var width = 0

    mutating func width(from lineStart: TextOffset, to target: TextOffset, in text: SourceText) -> Int {
      let end = max(lineStart.utf8, target.utf8)
      if lineStart.utf8 != self.lineStart || end < offset {
        self.lineStart = lineStart.utf8
        offset = lineStart.utf8
        width = 0
      }
      width += displayWidth(of: TextOffset(utf8: offset)..<TextOffset(utf8: end), in: text)
      offset = end
      return width
    }
  }

  /// Terminal columns of one scalar: 2 wide (CJK, full-width), 0 for a nonspacing mark, else 1.
  @inline(__always)
  static func width(of scalar: Unicode.Scalar) -> Int {
    // Fast paths (same widths): CJK ideographs are wide, printable ASCII is narrow.
    switch scalar.value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF: return 2
    case 0x20...0x7E: return 1
    // CJK punctuation (without the tone marks U+302A–U+302F) and full-width forms: wide;
    // general punctuation such as “ ” — : narrow. None of them is a nonspacing mark.
    case 0x3000...0x3029, 0x3030...0x303E, 0xFF00...0xFF60: return 2
    case 0x2010...0x2027: return 1
    default: break
    }
    if scalar.value == 0x09 { return 1 }
    if scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0xFEFF { return 0 }
    return isWide(scalar) ? 2 : 1
  }

  private static func isWide(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
      || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
      || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
  }
}
