/// Shared test helpers: a seeded deterministic PRNG, the token alphabet the
/// property tests build texts from, and deliberately naive reference
/// implementations (scan from the start of the text, decode with the
/// standard library) that the optimized `RendaText` code is compared with.
///
/// The references favour obviousness over speed; they are only run on
/// short texts.
import RendaText

// MARK: PRNG

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and fully determined by
/// its seed, so a failing property test reproduces exactly from its seed.
struct SplitMix64: RandomNumberGenerator, Sendable {
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

// MARK: Alphabet

/// Pieces random texts are made of: ASCII, every line-break form, CJK
/// (3 bytes), astral scalars (4 bytes / 2 UTF-16 units), BOM, NUL, and a
/// 2-byte scalar. Lone "\r" next to a lone "\n" token produces "\r\n" too.
let textAlphabet: [String] = [
  "a", "Z", " ", "\n", "\r", "\r\n", "中", "国", "𠀋", "😀", "\u{FEFF}", "\u{0}", "。", "é",
]

/// Random UTF-8 bytes of `0..<maxTokens` alphabet tokens.
func randomTextBytes(maxTokens: Int, using rng: inout SplitMix64) -> [UInt8] {
  var bytes: [UInt8] = []
  let tokens = Int.random(in: 0..<maxTokens, using: &rng)
  for _ in 0..<tokens {
    bytes.append(contentsOf: textAlphabet.randomElement(using: &rng)!.utf8)
  }
  return bytes
}

/// Byte offsets `0...bytes.count` that are not inside a multi-byte scalar.
func scalarBoundaries(_ bytes: [UInt8]) -> [Int] {
  var result: [Int] = []
  for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
    result.append(offset)
  }
  result.append(bytes.count)
  return result
}

// MARK: Naive references

/// Line starts by the plainest possible walk over the bytes.
func naiveLineStarts(_ bytes: [UInt8]) -> [Int] {
  var starts = [0]
  var i = 0
  while i < bytes.count {
    if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
      starts.append(i + 2)
      i += 2
    } else if bytes[i] == 0x0A || bytes[i] == 0x0D {
      starts.append(i + 1)
      i += 1
    } else {
      i += 1
    }
  }
  return starts
}

/// Line, line start and byte column of `offset` (in `0...bytes.count`),
/// scanning from the start; an offset between `\r` and `\n` is the end of
/// the line's content.
func naiveLineColumn(_ bytes: [UInt8], _ offset: Int) -> (line: Int, lineStart: Int, utf8Column: Int) {
  var line = 0
  var lineStart = 0
  var i = 0
  while i < offset {
    let byte = bytes[i]
    if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
      if i + 1 == offset {  // between \r and \n
        return (line, lineStart, i - lineStart)
      }
      line += 1
      lineStart = i + 2
      i += 2
    } else if byte == 0x0A || byte == 0x0D {
      line += 1
      lineStart = i + 1
      i += 1
    } else {
      i += 1
    }
  }
  return (line, lineStart, offset - lineStart)
}

/// Column of `offset` (a scalar boundary) in `encoding`'s units, by
/// decoding the line's prefix with the standard library.
func naiveWideLineColumn(_ bytes: [UInt8], _ offset: Int, _ encoding: PositionEncoding) -> WideLineColumn {
  let (line, lineStart, utf8Column) = naiveLineColumn(bytes, offset)
  let prefix = String(decoding: bytes[lineStart..<(lineStart + utf8Column)], as: UTF8.self)
  let column: Int
  switch encoding {
  case .utf8: column = prefix.utf8.count
  case .utf16: column = prefix.utf16.count
  case .utf32: column = prefix.unicodeScalars.count
  }
  return WideLineColumn(line: line, column: column)
}

/// The old bytes with `lower..<upper` replaced.
func naiveEdit(_ bytes: [UInt8], _ lower: Int, _ upper: Int, _ replacement: [UInt8]) -> [UInt8] {
  Array(bytes[..<lower]) + replacement + Array(bytes[upper...])
}

/// Offset of the first byte of the first ill-formed sequence, by decoding
/// each scalar's value and checking it afterwards (overlong for its length,
/// surrogate, above U+10FFFF) — a different formulation from the validator's
/// second-byte ranges. Nil when valid.
func naiveFirstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
  var i = 0
  while i < bytes.count {
    let lead = bytes[i]
    let length: Int
    var value: UInt32
    switch lead {
    case 0x00...0x7F: length = 1; value = UInt32(lead)
    case 0xC0...0xDF: length = 2; value = UInt32(lead & 0x1F)
    case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
    case 0xF0...0xF7: length = 4; value = UInt32(lead & 0x07)
    default: return i
    }
    if i + length > bytes.count { return i }
    for k in 1..<length {
      let byte = bytes[i + k]
      if byte & 0xC0 != 0x80 { return i }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    let minimum: UInt32 = [0, 0, 0x80, 0x800, 0x10000][length]
    if value < minimum || (0xD800...0xDFFF).contains(value) || value > 0x10FFFF { return i }
    i += length
  }
  return nil
}

/// All line starts of an index, via its package API.
func lineStarts(_ index: LineIndex) -> [Int] {
  (0..<index.lineCount).map { index.lineStart($0).utf8 }
}

/// Shorthand for a byte offset.
func at(_ utf8: Int) -> TextOffset { TextOffset(utf8: utf8) }

/// Shorthand for a byte range.
func span(_ lower: Int, _ upper: Int) -> TextRange { at(lower)..<at(upper) }

/// UTF-8 bytes of a string.
func utf8(_ string: String) -> [UInt8] { Array(string.utf8) }
