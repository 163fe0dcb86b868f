import RendaPage
import RendaText

/// Flags quotes and brackets left without their partner inside a paragraph.
///
/// Catches `“ ” ‘ ’ （ ） 《 》 【 】 「 」 『 』` and the ASCII `" ( )`, across line breaks
/// and column breaks (a paragraph continues over a blank line that cuts a sentence). It
/// points at the opener that is never closed, or at a closer that has no opener.
///
/// Why: an unclosed quote changes what a reader takes for the quoted formulation, and a
/// lost partner is a typical OCR or editing slip that a proofreader must decide on.
///
/// Example: `既接天线,"下接地气` — the ASCII `"` has no partner in its paragraph.
///
/// Fix: none; whether the partner was lost or the opener is stray needs a human.
package struct PairedPunctuation: Check {
  package init() {}

  package let id = "paired-punctuation"
  package let defaultSeverity = Severity.error
  package let summary = LocalizedText(
    zh: "引号、括号不成对（本段内找不到配对的另一半）",
    en: "Quote or bracket without its partner in the paragraph")
  package let documentation = """
    paired-punctuation (error)

    Flags quotes and brackets that have no partner within their paragraph: “ ” ‘ ’ （ ）
    《 》 【 】 「 」 『 』 and the ASCII " ( ). A paragraph runs across line breaks and
    across a blank line that cuts a sentence (a column break). The finding points at the
    opener that is never closed, or at a closer that has no opener.

    Why: an unclosed quote blurs where a quoted formulation ends, and a lost partner is a
    typical OCR or editing slip.

    Example:  既接天线,"下接地气      → the " is never closed in its paragraph.

    Fix: none. Whether the partner was lost or the opener is stray needs a human.
    """

  /// The closer of an opener, nil for any other scalar (`"` is its own partner and is not
  /// listed): `“”` `‘’` `（）` `()` `《》` `【】` `「」` `『』`.
  private static func closer(of s: Unicode.Scalar) -> Unicode.Scalar? {
    switch s.value {
    case 0x201C: "”"
    case 0x2018: "’"
    case 0xFF08: "）"
    case 0x28: ")"
    case 0x300A: "》"
    case 0x3010: "】"
    case 0x300C: "」"
    case 0x300E: "』"
    default: nil
    }
  }

  /// The opener of a closer, nil for any other scalar.
  private static func opener(of s: Unicode.Scalar) -> Unicode.Scalar? {
    switch s.value {
    case 0x201D: "“"
    case 0x2019: "‘"
    case 0xFF09: "（"
    case 0x29: "("
    case 0x300B: "《"
    case 0x3011: "【"
    case 0x300D: "「"
    case 0x300F: "『"
    default: nil
    }
  }

  /// `"` and the openers and closers, each at index `value & 63` (no two share one), and
  /// elsewhere a value no scalar has: `marks[v & 63] == v` tells a mark from any other
  /// scalar with one load and one comparison.
  private static let marks: [UInt32] = {
    var table = [UInt32](repeating: .max, count: 64)
    for v: UInt32 in [
      0x22, 0x28, 0x29, 0x2018, 0x2019, 0x201C, 0x201D, 0x300A, 0x300B, 0x300C, 0x300D, 0x300E, 0x300F, 0x3010, 0x3011,
      0xFF08, 0xFF09,
    ] {
      precondition(table[Int(v & 63)] == .max, "two marks share a slot")
      table[Int(v & 63)] = v
    }
    return table
  }()

  package func findings(in context: CheckContext) -> [Finding] {
    let n = context.page.normalized
    var findings: [Finding] = []
    // One stack for all paragraphs, emptied (keeping its storage) at each.
    var stack: [(scalar: Unicode.Scalar, index: Int)] = []
    n.scalars.withUnsafeBufferPointer { scalars in
      Self.marks.withUnsafeBufferPointer { marks in
        for paragraph in context.page.paragraphs where paragraph.role != .byline {
          stack.removeAll(keepingCapacity: true)
          for i in paragraph.normalizedRange {
            let s = scalars[i]
            guard marks[Int(s.value & 63)] == s.value else { continue }
            if s == "\"" {
              if let top = stack.last, top.scalar == "\"" {
                stack.removeLast()
              } else {
                stack.append((s, i))
              }
            } else if Self.closer(of: s) != nil {
              stack.append((s, i))
            } else if let opener = Self.opener(of: s) {
              if let match = stack.lastIndex(where: { $0.scalar == opener }) {
                for unclosed in stack[(match + 1)...] { findings.append(unclosedOpener(unclosed, n)) }
                stack.removeSubrange(match...)
              } else {
                findings.append(strayCloser(s, opener: opener, at: i, n))
              }
            }
          }
          for unclosed in stack { findings.append(unclosedOpener(unclosed, n)) }
        }
      }
    }
    return findings
  }

  private func unclosedOpener(_ opener: (scalar: Unicode.Scalar, index: Int), _ n: NormalizedText) -> Finding {
    let closer = opener.scalar == "\"" ? "\"" : String(Self.closer(of: opener.scalar)!)
    let mark = String(opener.scalar)
    return Finding(
      rule: id, severity: defaultSeverity,
      message: LocalizedText(
        zh: "“\(mark)”未闭合：本段中没有与之配对的“\(closer)”",
        en: "unclosed \(mark): no matching \(closer) in this paragraph"),
      range: n.sourceRange(opener.index..<(opener.index + 1)))
  }

  private func strayCloser(_ closer: Unicode.Scalar, opener: Unicode.Scalar, at i: Int, _ n: NormalizedText)
    -> Finding
  {
    Finding(
      rule: id, severity: defaultSeverity,
      message: LocalizedText(
        zh: "“\(closer)”没有对应的“\(opener)”：本段中找不到开头的那一半",
        en: "\(closer) without an opening \(opener) in this paragraph"),
      range: n.sourceRange(i..<(i + 1)))
  }
}
