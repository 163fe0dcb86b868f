import RendaChecks
import RendaText
import Testing

/// `FixApplier`: which fixes collide, and the text the taken edits make.
@Suite struct FixApplierTests {
  static func fix(_ edits: (Int, Int, String)...) -> Fix {
    Fix(
      title: LocalizedText(zh: "改", en: "fix"),
      edits: edits.map { TextEdit(range: TextOffset(utf8: $0.0)..<TextOffset(utf8: $0.1), newText: $0.2) })
  }

  static func apply(_ text: String, _ fixes: [Fix]) -> (String, applied: Int, skipped: Int) {
    let result = FixApplier.apply(fixes, to: SourceText(text))
    return (String(decoding: result.text.bytes, as: UTF8.self), result.appliedFixes, result.skippedFixes)
  }

  @Test("disjoint edits in any order are all applied")
  func disjoint() {
    let fixes = [Self.fix((6, 7, "G")), Self.fix((0, 1, "A")), Self.fix((3, 3, "+"), (4, 5, "E"))]
    #expect(Self.apply("abcdefg", fixes) == ("Abc+dEfG", 3, 0))
  }

  @Test("overlapping replacements: the first wins, the later one is skipped")
  func overlaps() {
    #expect(Self.apply("abcdefg", [Self.fix((1, 4, "X")), Self.fix((3, 5, "Y"))]) == ("aXefg", 1, 1))
    #expect(Self.apply("abcdefg", [Self.fix((3, 5, "Y")), Self.fix((1, 4, "X"))]) == ("abcYfg", 1, 1))
    // Touching ranges do not overlap.
    #expect(Self.apply("abcdefg", [Self.fix((1, 3, "X")), Self.fix((3, 5, "Y"))]) == ("aXYfg", 2, 0))
  }

  @Test("insertions: one per place; not inside a replacement, nor at its start after it; a replacement not around one")
  func insertions() {
    #expect(Self.apply("abc", [Self.fix((1, 1, "X")), Self.fix((1, 1, "Y"))]) == ("aXbc", 1, 1))
    // Inside a replacement taken before, or at its start: skipped.
    #expect(Self.apply("abcdef", [Self.fix((1, 4, "R")), Self.fix((2, 2, "I"))]) == ("aRef", 1, 1))
    #expect(Self.apply("abcdef", [Self.fix((1, 4, "R")), Self.fix((1, 1, "I"))]) == ("aRef", 1, 1))
    // A replacement around an insertion taken before: skipped.
    #expect(Self.apply("abcdef", [Self.fix((2, 2, "I")), Self.fix((1, 4, "R"))]) == ("abIcdef", 1, 1))
    // An insertion taken before, at the start of a replacement: both, the insertion first.
    #expect(Self.apply("abcdef", [Self.fix((1, 1, "I")), Self.fix((1, 4, "R"))]) == ("aIRef", 2, 0))
    // At the end of a replacement: both.
    #expect(Self.apply("abcdef", [Self.fix((1, 4, "R")), Self.fix((4, 4, "I"))]) == ("aRIef", 2, 0))
  }

  @Test("a fix is taken whole or not at all")
  func wholeFixes() {
    let fixes = [Self.fix((0, 1, "A")), Self.fix((2, 3, "C"), (0, 1, "Z"))]
    #expect(Self.apply("abcd", fixes) == ("Abcd", 1, 1))
  }

  @Test("a fix whose own edits collide is skipped; a later fix is still checked against the others")
  func collidingOwnEdits() {
    let fixes = [Self.fix((0, 4, "X"), (2, 3, "Y")), Self.fix((1, 2, "Z"))]
    #expect(Self.apply("abcdef", fixes) == ("aZcdef", 1, 1))
  }

  @Test("edits past the end of the text are clamped to it, in order")
  func pastTheEnd() {
    #expect(Self.apply("abc", [Self.fix((2, 9, "X")), Self.fix((20, 20, "!"))]) == ("abX!", 2, 0))
    #expect(Self.apply("abc", [Self.fix((7, 7, "1")), Self.fix((9, 9, "2"))]) == ("abc12", 2, 0))
  }

  @Test("many fixes in text order and in reverse give the same text")
  func manyFixes() {
    let text = String(repeating: "人大代表，", count: 2_000)
    let offsets = Array(stride(from: 12, to: text.utf8.count, by: 15))  // each "，" (3 bytes, after 4 × 3)
    let fixes = offsets.map { Self.fix(($0, $0 + 3, ",")) }
    let forward = Self.apply(text, fixes)
    #expect(forward.applied == offsets.count && forward.skipped == 0)
    #expect(forward.0 == String(repeating: "人大代表,", count: 2_000))
    #expect(Self.apply(text, fixes.reversed()).0 == forward.0)
  }
}
