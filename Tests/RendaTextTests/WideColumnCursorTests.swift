/// `WideColumnCursor` answers exactly what `SourceText.wideLineColumn(of:in:)` answers,
/// for offsets in any order (mostly increasing, as findings come, with jumps back),
/// including offsets inside a scalar and past the end.
import RendaText
import Testing

@Suite("Wide column cursor")
struct WideColumnCursorTests {
  @Test("equals the one-shot conversion on random texts and offset sequences", arguments: 0..<4)
  func equalsOneShot(block: Int) throws {
    for round in 0..<60 {
      let seed = UInt64(7_000 + block * 1_000 + round)
      var rng = SplitMix64(seed: seed)
      let bytes = randomTextBytes(maxTokens: 80, using: &rng)
      let text = try SourceText(validating: bytes)
      for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
        var cursor = WideColumnCursor(text: text, encoding: encoding)
        var offset = 0
        for _ in 0..<120 {
          // Forward steps with an occasional jump back, over every byte (not only boundaries).
          if Int.random(in: 0..<8, using: &rng) == 0 {
            offset = Int.random(in: 0...(bytes.count + 2), using: &rng)
          } else {
            offset += Int.random(in: 0...6, using: &rng)
          }
          let probe = TextOffset(utf8: min(offset, bytes.count + 2))
          #expect(
            cursor.wideLineColumn(of: probe) == text.wideLineColumn(of: probe, in: encoding),
            "seed \(seed) \(encoding) @\(probe.utf8)")
        }
      }
    }
  }
}
