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

  /// The pairs of marks the rule checks, opener then closer: the one list, from which
  /// ``marks`` and ``pairOfMark`` are made. `"` is its own partner: the next `"` closes it.
  private static let pairs: [(opener: Unicode.Scalar, closer: Unicode.Scalar)] = [
    ("“", "”"), ("‘", "’"), ("（", "）"), ("(", ")"), ("《", "》"), ("【", "】"), ("「", "」"), ("『", "』"), ("\"", "\""),
  ]

  /// The marks of ``pairs``, each at index `value & 63` (no two share one), and elsewhere a
  /// value no scalar has: `marks[v & 63] == v` tells a mark from any other scalar with one
  /// load and one comparison. Their pairs are apart, in ``pairOfMark``, read only for a mark
  /// (a slot of three words, the mark and its pair, cost the scan 7% more instructions).
  private static let marks: [UInt32] = {
    var table = [UInt32](repeating: .max, count: 64)
    for pair in pairs {
      for mark in Set([pair.opener, pair.closer]) {
        precondition(table[Int(mark.value & 63)] == .max, "two marks share a slot")
        table[Int(mark.value & 63)] = mark.value
      }
    }
    return table
  }()

  /// The pair of each mark, at the mark's index in ``marks``.
  private static let pairOfMark: [(opener: Unicode.Scalar, closer: Unicode.Scalar)] = {
    let none: Unicode.Scalar = "\0"
    var table = Array(repeating: (opener: none, closer: none), count: 64)
    for pair in pairs {
      table[Int(pair.opener.value & 63)] = pair
      table[Int(pair.closer.value & 63)] = pair
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
        for paragraph in context.page.paragraphs {
          if case .byline = paragraph.role { continue }
          stack.removeAll(keepingCapacity: true)
          var i = paragraph.normalizedRange.lowerBound
          let end = paragraph.normalizedRange.upperBound
          while i < end {
            // Eight ideographs (no mark is one) passed at once: a block with any other
            // scalar, a mark or a comma, scalar by scalar.
            if i &+ ScalarLanes.width <= end, !any(ScalarLanes.nonHanLanes(of: ScalarLanes.block(scalars, at: i))) {
              i &+= ScalarLanes.width
              continue
            }
            let stop = Swift.min(end, i &+ ScalarLanes.width)
            while i < stop {
              let s = scalars[i]
              if marks[Int(s.value & 63)] == s.value { take(s, at: i, &stack, &findings, n) }
              i &+= 1
            }
          }
          for unclosed in stack { findings.append(unclosedOpener(unclosed, n)) }
        }
      }
    }
    return findings
  }

  /// Takes the mark `s` at `i` into the paragraph's stack of open marks. Kept out of the
  /// scan's loop, which then compiles to ten instructions a scalar (inlined, to thirteen).
  @inline(never)
  private func take(
    _ s: Unicode.Scalar, at i: Int, _ stack: inout [(scalar: Unicode.Scalar, index: Int)], _ findings: inout [Finding],
    _ n: NormalizedText
  ) {
    let pair = Self.pairOfMark[Int(s.value & 63)]
    if pair.opener == pair.closer {
      // `"`: closes the one on top, else opens.
      if let top = stack.last, top.scalar == s {
        stack.removeLast()
      } else {
        stack.append((s, i))
      }
    } else if s == pair.opener {
      stack.append((s, i))
    } else if let match = stack.lastIndex(where: { $0.scalar == pair.opener }) {
      for unclosed in stack[(match + 1)...] { findings.append(unclosedOpener(unclosed, n)) }
      stack.removeSubrange(match...)
    } else {
      findings.append(strayCloser(s, opener: pair.opener, at: i, n))
    }
  }

  private func unclosedOpener(_ opener: (scalar: Unicode.Scalar, index: Int), _ n: NormalizedText) -> Finding {
    let closer = String(Self.pairOfMark[Int(opener.scalar.value & 63)].closer)
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
