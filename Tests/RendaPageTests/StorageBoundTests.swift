import RendaText
import Testing

@testable import RendaPage

/// `NormalizedText`'s storage bound (`keptBound`): never below the scalars the view keeps
/// (writing past it would trap), and exactly that count when the only white space is ASCII
/// spaces and line feeds (the usual page), so that the view holds no spare storage.
@Suite("Normalized text storage bound")
struct StorageBoundTests {
  static func bound(_ string: String) -> (bound: Int, kept: Int) {
    let text = SourceText(string)
    let bound = text.bytes.withUnsafeBufferPointer {
      NormalizedText.keptBound($0, lineBreaks: max(0, text.lineIndex.lineCount - 1))
    }
    return (bound, NormalizedText(text).count)
  }

  @Test("exact for spaces and line feeds, over more than 255 words and at every tail length")
  func exact() {
    var random = SplitMix(seed: 8)
    let pieces = ["人", "大", "，", " ", "\n", "a", "1", "é", "😀", "  ", "代表"]
    for round in 0..<400 {
      let string = (0..<random.next(upTo: round < 20 ? 3_000 : 80)).map { _ in pieces[random.next(upTo: pieces.count)] }.joined()
      let (bound, kept) = Self.bound(string)
      #expect(bound == kept, "round \(round)")
    }
  }

  @Test("at least the kept scalars with tabs, CR, CRLF, U+3000, NUL and a BOM")
  func atLeast() {
    for string in ["\t", "\r", "\r\n", "一\r\n二\r三", "\u{3000}人\u{3000}", "\u{0}a", "\u{FEFF}人大", "\t\t\r\r\n\n", ""] {
      let (bound, kept) = Self.bound(string)
      #expect(bound >= kept, "\(string.unicodeScalars.map(\.value))")
    }
  }
}

/// A small deterministic generator, so that the random test repeats.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(upTo bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
  }
}
