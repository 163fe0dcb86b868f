import RendaText

/// Applies fixes to a text: the edits of every fix, in order, skipping any edit that
/// overlaps one already taken (a second `renda fix` picks it up).
package enum FixApplier {
  package struct Result: Sendable {
    package var text: SourceText
    package var appliedFixes: Int
    package var skippedFixes: Int
  }

  package static func apply(_ fixes: [Fix], to text: SourceText) -> Result {
    var taken: [TextEdit] = []
    var applied = 0
    var skipped = 0
    for fix in fixes {
      let edits = fix.edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
      let overlaps = edits.contains { edit in
        taken.contains { other in
          edit.range.overlaps(other.range) || edit.range.isEmpty && other.range.contains(edit.range.lowerBound)
            || edit.range == other.range
        }
      }
      if overlaps {
        skipped += 1
        continue
      }
      taken.append(contentsOf: edits)
      applied += 1
    }
    // Apply from the end so earlier offsets stay valid.
    var bytes = text.bytes
    for edit in taken.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      let lower = min(max(0, edit.range.lowerBound.utf8), bytes.count)
      let upper = min(max(lower, edit.range.upperBound.utf8), bytes.count)
      bytes.replaceSubrange(lower..<upper, with: Array(edit.newText.utf8))
    }
    let newText = (try? SourceText(validating: bytes)) ?? SourceText(String(decoding: bytes, as: UTF8.self))
    return Result(text: newText, appliedFixes: applied, skippedFixes: skipped)
  }
}
