import Testing

@testable import RendaText

@Suite("ScalarLanes")
struct ScalarLanesTests {
  /// Blocks of scalars from every plane and near the edges the lanes' tests draw.
  static let samples: [Unicode.Scalar] = [
    "\0", "a", "\u{7F}", "\u{80}", "\u{2017}", "\u{2018}", "\u{201D}", "\u{201E}", "\u{3009}", "\u{300A}",
    "\u{3011}", "\u{3012}", "\u{33FF}", "\u{3400}", "人", "\u{9FFF}", "\u{A000}", "\u{FF07}", "\u{FF08}",
    "\u{FF09}", "\u{FF0A}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}",
  ]

  @Test("a block reads eight scalars from any offset, and each lane's test is the scalar test")
  func lanesAgreeWithScalars() {
    let text = (0..<40).map { Self.samples[($0 * 7) % Self.samples.count] }
    text.withUnsafeBufferPointer { buffer in
      for i in 0...(text.count - ScalarLanes.width) {
        let block = ScalarLanes.block(buffer, at: i)
        let ascii = ScalarLanes.asciiLanes(of: block)
        let quotes = ScalarLanes.lanes(of: block, in: 0x2018, count: 6)
        let nonHan = ScalarLanes.nonHanLanes(of: block)
        for lane in 0..<ScalarLanes.width {
          let s = text[i + lane]
          #expect(block[lane] == s.value)
          #expect(nonHan[lane] == !s.isInHanBlocks, "\(s.value)")
          #expect(ascii[lane] == s.isASCII, "\(s.value)")
          #expect(quotes[lane] == (0x2018..<0x201E).contains(s.value), "\(s.value)")
        }
      }
    }
  }
}
