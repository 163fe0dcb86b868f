/// The compact storage of `NormalizedText`'s offsets and of `Finding`'s fixes and related
/// locations (issue 6, memory) reads back exactly what a plain representation holds.
import RendaChecks
import RendaPage
import RendaText
import Testing

@Suite("Compact storage")
struct CompactStorageTests {
  /// Every kept scalar with its source byte offset, by a plain scan of the string.
  static func reference(_ string: String) -> [(Unicode.Scalar, Int)] {
    var result: [(Unicode.Scalar, Int)] = []
    var offset = 0
    for scalar in string.unicodeScalars {
      if !(scalar.isInlineWhitespace || scalar.isLineBreak || scalar == "\u{0}") { result.append((scalar, offset)) }
      offset += String(scalar).utf8.count
    }
    return result
  }

  static func expectSame(_ string: String) {
    let n = NormalizedText(SourceText(string))
    let expected = reference(string)
    // The first scalar at or after every offset (and one before and past the text).
    let byteCount = string.utf8.count
    let offsets = byteCount > 2_000 ? Array(stride(from: -1, through: byteCount + 1, by: 97)) + [byteCount] : Array(-1...(byteCount + 1))
    for offset in offsets {
      #expect(n.firstIndex(atOrAfter: offset) == (expected.firstIndex { $0.1 >= offset } ?? expected.count), "offset \(offset)")
    }
    #expect(n.count == expected.count)
    #expect(n.starts.count == expected.count)
    guard n.count == expected.count else { return }
    for (i, (scalar, offset)) in expected.enumerated() {
      #expect(n.scalars[i] == scalar)
      #expect(n.starts[i] == offset)
      #expect(n.ends[i] == offset + String(scalar).utf8.count)
    }
    // The gaps (whitespace removed after a scalar), over the whole view and over ranges
    // that start and end inside groups, equal those of the plain scan.
    let gaps = (0..<max(0, expected.count - 1)).filter {
      expected[$0].1 + String(expected[$0].0).utf8.count < expected[$0 + 1].1
    }
    for range in [0..<expected.count, 1..<max(1, expected.count - 1), 63..<max(63, expected.count), 5..<5] {
      var found: [Int] = []
      n.forEachGap(in: range) { found.append($0) }
      let clamped = range.clamped(to: 0..<expected.count)
      #expect(found == gaps.filter { $0 >= clamped.lowerBound && $0 + 1 < clamped.upperBound }, "\(range)")
    }
    // Line by line, the recorded gaps are those of the plain scan inside the line.
    for line in 0..<(n.lineStarts.count - 1) {
      var found: [Int] = []
      n.forEachGap(onLine: line) { found.append($0) }
      let range = n.range(ofLine: line)
      #expect(found == gaps.filter { $0 >= range.lowerBound && $0 + 1 < range.upperBound }, "line \(line)")
    }
    // Assembled from parts (the window splice), the offsets and the gaps read back the same.
    let assembled = NormalizedText(scalars: n.scalars, starts: Array(n.starts), lineStarts: n.lineStarts)
    #expect(Array(assembled.starts) == expected.map(\.1))
    #expect(assembled.inlineGaps == n.inlineGaps)
    #expect(assembled.lineGapStarts == n.lineGapStarts)
  }

  @Test("Offsets of every seed equal a plain scan", arguments: Repository.seeds)
  func seeds(seed: String) throws {
    let text = try Repository.text("seeds/\(seed)")
    Self.expectSame(text.string(in: TextOffset(utf8: 0)..<text.endOffset))
  }

  @Test("Small texts, groups of 64 scalars and their edges")
  func small() {
    for string in ["", "a", " 一\n二 ", String(repeating: "人大 ", count: 63), String(repeating: "人", count: 64),
      String(repeating: "代表\u{3000}", count: 65), String(repeating: "x😀 ", count: 200),
      // Line breaks of every kind (the storage's bound counts one per line), over more than
      // 255 words (where the bound's byte lanes are summed).
      "\r\n", "一\r\n二\r三\n", "\n\n\n", String(repeating: "\n", count: 5000), String(repeating: "人\r\n", count: 1000),
      String(repeating: "人大a代表\n", count: 2000),
      // Whitespace inside lines, leading and trailing: only what stands between two scalars of
      // a line is a gap.
      " 一 \t二  \n  三\u{0}四 \n\u{A0}五\u{A0}\u{3000}\r\n六\u{2003}七\u{FEFF}\t"]
    {
      Self.expectSame(string)
    }
  }

  @Test("Offsets spread unevenly (ASCII, ideographs, a long gap) are found from a guess that is far off")
  func unevenSpread() {
    // The anchor search starts where an even spread would put the offset: here (219 groups)
    // it is off by up to about a hundred groups, in both directions, and must widen its
    // bracket to the answer through several doublings.
    let ascii = String(repeating: "a", count: 6_000)
    let ideographs = String(repeating: "人", count: 3_000)
    let gap = String(repeating: " ", count: 60_000)
    let lines = String(repeating: "b\n", count: 4_000)
    let uneven = ascii + ideographs + gap + "大" + lines + String(repeating: "代表", count: 500)
    Self.expectSame(uneven)
    #expect(NormalizedText(SourceText(uneven)).starts.isCompact)
  }

  @Test("A group spanning more than 64 KiB of whitespace falls back to 32-bit offsets")
  func wideGap() {
    let gap = String(repeating: " ", count: 70_000)
    Self.expectSame("一二" + gap + "三四")
    Self.expectSame(String(repeating: "人", count: 63) + gap + "大")
    Self.expectSame(String(repeating: "人", count: 64) + gap + "大")
    Self.expectSame(String(repeating: "人", count: 100) + String(repeating: "\n", count: 70_000) + "大代表")
    #expect(!NormalizedText(SourceText("一二" + gap + "三四")).starts.isCompact)
  }

  static let title = LocalizedText(zh: "改", en: "fix")
  static func edit(_ a: Int, _ b: Int, _ s: String) -> TextEdit {
    TextEdit(range: TextOffset(utf8: a)..<TextOffset(utf8: b), newText: s)
  }

  static let shapes: [([RelatedLocation], [Fix])] = [
    ([], []),
    ([], [Fix(title: title, edits: [edit(1, 2, "，")])]),
    ([], [Fix(title: title, edits: [edit(1, 2, ""), edit(4, 5, "")])]),
    ([], [Fix(title: title, edits: [edit(1, 2, "a"), edit(3, 4, "b"), edit(5, 6, "c")])]),
    ([], [Fix(title: title, edits: [edit(1, 2, "a")]), Fix(title: title, edits: [edit(1, 2, "b")])]),
    ([], [Fix(title: title, edits: [])]),
    (
      [RelatedLocation(range: TextOffset(utf8: 7)..<TextOffset(utf8: 9), message: title)],
      [Fix(title: title, edits: [edit(1, 2, "，")])]
    ),
    ([RelatedLocation(range: TextOffset(utf8: 7)..<TextOffset(utf8: 9), message: title)], []),
  ]

  @Test("A finding's related locations and fixes read back as given, in every shape")
  func findingShapes() {
    for (related, fixes) in Self.shapes {
      let finding = Finding(
        rule: "r", severity: .warning, message: Self.title, range: TextOffset(utf8: 0)..<TextOffset(utf8: 3),
        related: related, fixes: fixes)
      #expect(finding.related == related)
      #expect(finding.fixes == fixes)
      #expect(finding.hasFixes == !fixes.isEmpty)
      var changed = finding
      changed.fixes = []
      #expect(changed.fixes.isEmpty && changed.related == related)
      #expect(changed != finding || fixes.isEmpty)
      changed.fixes = fixes
      #expect(changed == finding)
      let moved = finding.shifted(byBytes: 10)
      #expect(moved.related.map(\.range.lowerBound.utf8) == related.map { $0.range.lowerBound.utf8 + 10 })
      #expect(moved.fixes.map { $0.edits.map(\.range.lowerBound.utf8) } == fixes.map { $0.edits.map { $0.range.lowerBound.utf8 + 10 } })
      #expect(moved.shifted(byBytes: -10) == finding)
      // Setting the lists of a moved finding keeps the other list's moved ranges, and what
      // is set is read as set (the move is not applied to it again).
      var reset = moved
      reset.fixes = moved.fixes
      #expect(reset == moved)
      reset.related = []
      #expect(reset.related.isEmpty && reset.fixes == moved.fixes)
      reset.related = moved.related
      #expect(reset == moved)
      #expect(reset.shifted(byBytes: 5) == finding.shifted(byBytes: 15))
    }
  }

  @Test("The one-fix initializers build the finding that the list initializer builds")
  func oneFixInitializers() {
    let range = TextOffset(utf8: 0)..<TextOffset(utf8: 3)
    for (related, fixes) in Self.shapes where related.isEmpty && fixes.count == 1 {
      let fix = fixes[0]
      let general = Finding(rule: "r", severity: .warning, message: Self.title, range: range, fixes: [fix])
      let direct = Finding(rule: "r", severity: .warning, message: Self.title, range: range, fix: fix)
      #expect(direct == general && direct.fixes == [fix] && direct.hasFixes && direct.related.isEmpty)
      // Stored as one fix, not as the lists (which would claim related locations).
      #expect(!direct.mayHaveRelated && !general.mayHaveRelated)
      #expect(direct.shifted(byBytes: 4) == general.shifted(byBytes: 4))
      #expect(direct.mayCiteLines == general.mayCiteLines)
      if fix.edits.count == 1 {
        let oneEdit = Finding(
          rule: "r", severity: .warning, message: Self.title, range: range, fixTitle: fix.title, edit: fix.edits[0])
        #expect(oneEdit == general)
        let edit = fix.edits[0]
        let shared = Finding(
          rule: "r", severity: .warning, message: Self.title, range: range,
          sharedFix: SharedEditFix(title: fix.title, newText: edit.newText), editRange: edit.range)
        #expect(shared == general && shared.fixes == [fix] && shared.hasFixes && shared.related.isEmpty)
        #expect(!shared.mayHaveRelated && shared.mayCiteLines == general.mayCiteLines)
        #expect(shared.shifted(byBytes: 4) == general.shifted(byBytes: 4))
        #expect(shared.shifted(byBytes: 4).fixes.map { $0.edits.map(\.range.lowerBound.utf8) } == [[edit.range.lowerBound.utf8 + 4]])
        #expect(shared.shifted(byBytes: 4).shifted(byBytes: -4) == general)
      }
    }
    let digits = Fix(title: Self.title, edits: [Self.edit(1, 2, "a"), Self.edit(3, 4, "b"), Self.edit(5, 6, "3")])
    #expect(Finding(rule: "r", severity: .warning, message: Self.title, range: range, fix: digits).mayCiteLines)
  }
}
