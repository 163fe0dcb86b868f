import RendaChecks
import RendaIDE
import RendaText

/// `renda check --format text`: `file:line:col: severity[rule]: message`, the source
/// line and a caret under the range (East Asian wide characters count two columns).
/// Colour only on a terminal.
enum TextReport {
  static func render(_ checked: CheckSession.Checked, language: Language, color: Bool) -> String {
    var out = ""
    let text = checked.analysis.text
    for finding in checked.analysis.findings {
      let start = checked.analysis.position(of: finding.range.lowerBound)
      let severity = finding.severity.rawValue
      let label = color ? "\(colorCode(finding.severity))\(severity)\u{1B}[0m" : severity
      out += "\(checked.document.path):\(start.line):\(start.column): \(label)[\(finding.rule)]: "
      out += finding.message.text(in: language) + "\n"
      let lineNumber = start.line - 1
      let lineRange = text.lineIndex.contentRange(ofLine: lineNumber)
      let lineText = text.string(in: lineRange)
      let gutter = String(start.line)
      out += "  \(gutter) | \(lineText)\n"
      let before = text.string(in: lineRange.lowerBound..<max(lineRange.lowerBound, finding.range.lowerBound))
      let coveredEnd = min(finding.range.upperBound, lineRange.upperBound)
      let covered = text.string(in: finding.range.lowerBound..<max(finding.range.lowerBound, coveredEnd))
      let caret = String(repeating: "^", count: max(1, displayWidth(covered)))
      let pad = String(repeating: " ", count: gutter.count)
      let marks = color ? "\u{1B}[1m\(caret)\u{1B}[0m" : caret
      out += "  \(pad) | \(String(repeating: " ", count: displayWidth(before)))\(marks)\n"
      for related in finding.related {
        let position = checked.analysis.position(of: related.range.lowerBound)
        out += "  \(pad) = \(checked.document.path):\(position.line):\(position.column): "
        out += related.message.text(in: language) + "\n"
      }
    }
    return out
  }

  private static func colorCode(_ severity: Severity) -> String {
    switch severity {
    case .error: "\u{1B}[1;31m"
    case .warning: "\u{1B}[1;33m"
    case .info: "\u{1B}[1;36m"
    case .hint: "\u{1B}[1;34m"
    }
  }

  /// Terminal columns of `text`: wide (CJK, full-width) scalars count two.
  static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
      // Fast paths (same widths): CJK ideographs are wide, printable ASCII is narrow.
      switch scalar.value {
      case 0x4E00...0x9FFF, 0x3400...0x4DBF: return width + 2
      case 0x20...0x7E: return width + 1
      default: break
      }
      if scalar.value == 0x09 { return width + 1 }
      if scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0xFEFF { return width }
      return width + (isWide(scalar) ? 2 : 1)
    }
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
