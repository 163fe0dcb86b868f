/// SplitMix64: a small seeded generator, so a failing property or fuzz run can be replayed.
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// What an editor holds: the text as scalars, edited by LSP ranges it computes itself
/// (UTF-16 columns, `\n`, `\r\n` and `\r` as line breaks), independently of the server.
struct ClientText {
  var scalars: [Unicode.Scalar]

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
  }

  var text: String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// LSP position (UTF-16 column) of scalar index `index`.
  func position(of index: Int) -> (line: Int, character: Int) {
    var line = 0
    var column = 0
    var k = 0
    while k < index {
      let scalar = scalars[k]
      if scalar == "\r" {
        line += 1
        column = 0
        if k + 1 < index, scalars[k + 1] == "\n" { k += 1 }
      } else if scalar == "\n" {
        line += 1
        column = 0
      } else {
        column += scalar.value > 0xFFFF ? 2 : 1
      }
      k += 1
    }
    return (line, column)
  }

  /// Whether `index` falls between the `\r` and `\n` of one line break (no such position in LSP).
  func splitsLineBreak(_ index: Int) -> Bool {
    index > 0 && index < scalars.count && scalars[index - 1] == "\r" && scalars[index] == "\n"
  }

  mutating func replace(_ range: Range<Int>, with text: String) {
    scalars.replaceSubrange(range, with: Array(text.unicodeScalars))
  }

  static let pieces = [
    "", "人大", "，", ",", " ", "　", "\n", "\r\n", "\n\n", "😀", "𠀋", "四个机关", "一是", "二是", "（", "）", "“", "”",
    "■ 张三（北京）\n", "代表机关", "。", "e\u{301}", "\r",
  ]

  /// A random edit: a span of up to `maxSpan` scalars (never splitting `\r\n`) and a replacement.
  mutating func randomEdit(using random: inout SeededRandom, maxSpan: Int = 12) -> (
    start: (line: Int, character: Int), end: (line: Int, character: Int), text: String
  ) {
    var lower = Int.random(in: 0...scalars.count, using: &random)
    var upper = min(scalars.count, lower + Int.random(in: 0...maxSpan, using: &random))
    if splitsLineBreak(lower) { lower -= 1 }
    if splitsLineBreak(upper) { upper += 1 }
    upper = max(upper, lower)
    let piece = Self.pieces.randomElement(using: &random) ?? ""
    let start = position(of: lower)
    let end = position(of: upper)
    replace(lower..<upper, with: piece)
    return (start, end, piece)
  }
}
