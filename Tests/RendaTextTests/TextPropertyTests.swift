/// Property tests: random inputs from a seeded SplitMix64, checked against
/// the naive references in `TestSupport.swift`.
///
/// 1. Position round trips on random texts (every scalar boundary, all
///    three encodings), plus random column probes that must land on the
///    largest scalar boundary not past the column.
/// 2. Random edit sequences through `SourceText.replacing` (and, on denser
///    CR/LF soup, through `LineIndex.applyEdit` directly) must match a naive
///    edit and a from-scratch `LineIndex`.
/// 3. `SourceText(validating:)` on random and truncated byte strings agrees
///    with the standard library and with a naive decoder's first failure.
/// 4. A 1 MB line without newlines.
///
/// Each test is parameterized by a seed block so that blocks run in
/// parallel and a failure names its seed.
import RendaText
import Testing

@Suite("Text properties")
struct TextPropertyTests {
  // MARK: (1) position round trips

  @Test("offset -> (wide) line/column -> offset agrees with a naive scan", arguments: 0..<6)
  func positionRoundTrips(block: Int) throws {
    for round in 0..<80 {
      let seed = UInt64(block * 1_000 + round)
      var rng = SplitMix64(seed: seed)
      let bytes = randomTextBytes(maxTokens: round < 5 ? 4 : 60, using: &rng)
      let text = try SourceText(validating: bytes)
      #expect(lineStarts(text.lineIndex) == naiveLineStarts(bytes), "seed \(seed)")

      let boundaries = scalarBoundaries(bytes)
      for offset in boundaries {
        let naive = naiveLineColumn(bytes, offset)
        // Inside a \r\n pair the canonical offset of the position is the \r.
        let canonical = naive.lineStart + naive.utf8Column
        let lineColumn = text.lineColumn(of: at(offset))
        #expect(lineColumn == LineColumn(line: naive.line, utf8Column: naive.utf8Column), "seed \(seed) @\(offset)")
        #expect(text.lineIndex.offset(of: lineColumn) == at(canonical), "seed \(seed) @\(offset)")
        #expect(text.line(containing: at(offset)) == naive.line)
        for encoding in PositionEncoding.allCases {
          let wide = text.wideLineColumn(of: at(offset), in: encoding)
          #expect(wide == naiveWideLineColumn(bytes, offset, encoding), "seed \(seed) @\(offset) \(encoding)")
          #expect(text.offset(of: wide, in: encoding) == at(canonical), "seed \(seed) @\(offset) \(encoding)")
        }
      }

      // Offsets inside a scalar convert as the scalar's start.
      var previousBoundary = 0
      for offset in 0..<bytes.count {
        if bytes[offset] & 0xC0 != 0x80 {
          previousBoundary = offset
          continue
        }
        for encoding in PositionEncoding.allCases {
          #expect(
            text.wideLineColumn(of: at(offset), in: encoding)
              == text.wideLineColumn(of: at(previousBoundary), in: encoding), "seed \(seed) @\(offset)")
        }
      }

      // Random (line, column) probes: the result is the largest scalar
      // boundary of the (clamped) line whose column does not exceed the
      // requested one.
      for _ in 0..<30 {
        let line = Int.random(in: -1...(text.lineCount + 1), using: &rng)
        let column = Int.random(in: -2...30, using: &rng)
        let encoding = PositionEncoding.allCases.randomElement(using: &rng)!
        let result = text.offset(of: WideLineColumn(line: line, column: column), in: encoding)
        let content = text.lineIndex.contentRange(ofLine: line)
        #expect(content.contains(result) || result == content.upperBound, "seed \(seed)")
        #expect(text.isScalarBoundary(result), "seed \(seed)")
        let reached = naiveWideLineColumn(bytes, result.utf8, encoding).column
        #expect(reached <= max(column, 0), "seed \(seed)")
        if result < content.upperBound, let next = text.scalar(at: result) {
          let after = naiveWideLineColumn(bytes, result.utf8 + next.length, encoding).column
          #expect(after > column, "seed \(seed): \(line):\(column) \(encoding) stopped short")
        }
        let byteColumn = LineColumn(line: line, utf8Column: column)
        #expect(text.isScalarBoundary(text.offset(of: byteColumn)), "seed \(seed)")
      }
    }
  }

  // MARK: (2) random edits

  /// A replacement of 0..<4 tokens, with line breaks drawn extra often so
  /// that edits keep splitting and joining `\r\n`.
  private func randomReplacement(using rng: inout SplitMix64) -> [UInt8] {
    var bytes: [UInt8] = []
    for _ in 0..<Int.random(in: 0..<4, using: &rng) {
      let token =
        Bool.random(using: &rng)
        ? ["\r", "\n", "\r\n"].randomElement(using: &rng)!
        : textAlphabet.randomElement(using: &rng)!
      bytes.append(contentsOf: token.utf8)
    }
    return bytes
  }

  /// A random range on scalar boundaries; a third of the time it starts or
  /// ends next to a `\r` or `\n`.
  private func randomRange(in bytes: [UInt8], using rng: inout SplitMix64) -> (Int, Int) {
    let boundaries = scalarBoundaries(bytes)
    let nearBreak = boundaries.filter { offset in
      (offset > 0 && (bytes[offset - 1] == 0x0D || bytes[offset - 1] == 0x0A))
        || (offset < bytes.count && (bytes[offset] == 0x0D || bytes[offset] == 0x0A))
    }
    let pool = !nearBreak.isEmpty && Int.random(in: 0..<3, using: &rng) == 0 ? nearBreak : boundaries
    let lower = pool.randomElement(using: &rng)!
    let later = boundaries.filter { $0 >= lower }
    // Mostly short ranges (including empty ones), sometimes anything.
    let upper =
      Bool.random(using: &rng)
      ? later[min(Int.random(in: 0..<3, using: &rng), later.count - 1)]
      : later.randomElement(using: &rng)!
    return (lower, upper)
  }

  @Test("random edit sequences through replacing match a naive edit and a fresh index", arguments: 0..<6)
  func randomEdits(block: Int) throws {
    for round in 0..<60 {
      let seed = UInt64(100_000 + block * 1_000 + round)
      var rng = SplitMix64(seed: seed)
      var expected = randomTextBytes(maxTokens: 30, using: &rng)
      var text = try SourceText(validating: expected)
      for step in 0..<Int.random(in: 1...30, using: &rng) {
        let (lower, upper) = randomRange(in: expected, using: &rng)
        let replacement = randomReplacement(using: &rng)
        expected = naiveEdit(expected, lower, upper, replacement)
        text = text.replacing(span(lower, upper), with: String(decoding: replacement, as: UTF8.self))
        #expect(text.bytes == expected, "seed \(seed) step \(step)")
        #expect(text.lineIndex == LineIndex(utf8: expected), "seed \(seed) step \(step)")
        #expect(lineStarts(text.lineIndex) == naiveLineStarts(expected), "seed \(seed) step \(step)")
        if text.bytes != expected { return }  // one report per seed is enough
      }
    }
  }

  @Test("random edits of CR/LF-dense bytes through applyEdit match a fresh index", arguments: 0..<4)
  func randomRawEdits(block: Int) {
    let soup: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A, 0x61, 0xE4, 0xFF]  // \r \n a, and non-UTF-8
    for round in 0..<60 {
      let seed = UInt64(200_000 + block * 1_000 + round)
      var rng = SplitMix64(seed: seed)
      var bytes = (0..<Int.random(in: 0..<24, using: &rng)).map { _ in soup.randomElement(using: &rng)! }
      var index = LineIndex(utf8: bytes)
      for step in 0..<30 {
        let lower = Int.random(in: 0...bytes.count, using: &rng)
        let upper = Int.random(in: lower...min(bytes.count, lower + 4), using: &rng)
        let replacement = (0..<Int.random(in: 0..<4, using: &rng)).map { _ in soup.randomElement(using: &rng)! }
        bytes = naiveEdit(bytes, lower, upper, replacement)
        index.applyEdit(replacing: span(lower, upper), with: replacement, newBytes: bytes)
        #expect(index == LineIndex(utf8: bytes), "seed \(seed) step \(step)")
        if index != LineIndex(utf8: bytes) { return }
      }
    }
  }

  @Test("applyEdit with new bytes that contradict the edit never traps", arguments: 0..<2)
  func contradictoryEditsDoNotTrap(block: Int) {
    let soup: [UInt8] = [0x0D, 0x0A, 0x61, 0xF0]
    for round in 0..<200 {
      var rng = SplitMix64(seed: UInt64(250_000 + block * 1_000 + round))
      let old = (0..<Int.random(in: 0..<12, using: &rng)).map { _ in soup.randomElement(using: &rng)! }
      var index = LineIndex(utf8: old)
      let lower = Int.random(in: -2...(old.count + 2), using: &rng)
      let upper = Int.random(in: lower...(old.count + 3), using: &rng)
      let replacement = (0..<Int.random(in: 0..<4, using: &rng)).map { _ in soup.randomElement(using: &rng)! }
      let clampedLower = min(max(lower, 0), old.count)
      let clampedUpper = max(min(max(upper, 0), old.count), clampedLower)
      let length = old.count - (clampedUpper - clampedLower) + replacement.count
      // Right length, unrelated content.
      let garbage = (0..<length).map { _ in soup.randomElement(using: &rng)! }
      index.applyEdit(replacing: span(lower, upper), with: replacement, newBytes: garbage)
      #expect(index.utf8Count == length)
      for line in -1...(index.lineCount) {
        let content = index.contentRange(ofLine: line)
        let full = index.fullRange(ofLine: line)
        #expect(full.lowerBound == content.lowerBound && content.upperBound <= full.upperBound)
      }
      for offset in -1...(length + 1) {
        let lineColumn = index.lineColumn(of: at(offset))
        #expect(index.offset(of: lineColumn).utf8 <= length)
        for encoding in PositionEncoding.allCases {
          let wide = index.wideLineColumn(of: at(offset), in: encoding, bytes: garbage)
          #expect(index.offset(of: wide, in: encoding, bytes: garbage).utf8 <= length)
        }
      }
    }
  }

  // MARK: (3) validation

  /// Interesting bytes: ASCII, every continuation range edge, every lead
  /// byte class edge, never-valid bytes.
  private static let edgeBytes: [UInt8] = [
    0x00, 0x41, 0x0A, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF,
  ]

  /// A random byte string from one of several generators.
  private func randomByteString(using rng: inout SplitMix64) -> [UInt8] {
    switch Int.random(in: 0..<6, using: &rng) {
    case 5:  // three-byte scalars at every lead class edge among edge bytes, long enough for
      // the eight-byte fast paths at every alignment
      let threes: [[UInt8]] = [
        [0xE4, 0xB8, 0xAD], [0xEF, 0xBC, 0x8C], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xE1, 0x80, 0x80],
        [0xEF, 0xBF, 0xBF], [0xE0, 0xA0, 0x80], [0xEC, 0xBF, 0xBF], [0xED, 0xA0, 0x80], [0xE0, 0x9F, 0xBF],
      ]
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0..<30, using: &rng) {
        if Int.random(in: 0..<4, using: &rng) == 0 {
          bytes.append(Self.edgeBytes.randomElement(using: &rng)!)
        } else {
          bytes += threes.randomElement(using: &rng)!
        }
      }
      return bytes
    case 0:  // uniform bytes
      return (0..<Int.random(in: 0..<12, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
    case 1:  // edge bytes, which make near-valid sequences often
      return (0..<Int.random(in: 0..<12, using: &rng)).map { _ in Self.edgeBytes.randomElement(using: &rng)! }
    case 2:  // valid text truncated anywhere
      let valid = randomTextBytes(maxTokens: 20, using: &rng)
      return Array(valid.prefix(Int.random(in: 0...valid.count, using: &rng)))
    case 3:  // valid text with one byte replaced
      var valid = randomTextBytes(maxTokens: 20, using: &rng)
      if !valid.isEmpty {
        valid[Int.random(in: 0..<valid.count, using: &rng)] = Self.edgeBytes.randomElement(using: &rng)!
      }
      return valid
    default:  // valid text with one byte removed, then maybe longer ASCII runs for the fast path
      var valid = randomTextBytes(maxTokens: 20, using: &rng)
      if !valid.isEmpty { valid.remove(at: Int.random(in: 0..<valid.count, using: &rng)) }
      return Array(repeating: 0x61, count: Int.random(in: 0..<17, using: &rng)) + valid
    }
  }

  @Test("validating random bytes agrees with the standard library and a naive decoder", arguments: 0..<4)
  func validationAgrees(block: Int) {
    var rng = SplitMix64(seed: UInt64(300_000 + block))
    var mismatches: [String] = []
    for round in 0..<10_000 {
      let bytes = randomByteString(using: &rng)
      let standardValid = String(validating: bytes, as: UTF8.self) != nil
      let naive = naiveFirstInvalidUTF8(bytes)
      var reported: Int?
      do {
        let text = try SourceText(validating: bytes)
        if text.bytes != bytes { mismatches.append("round \(round): bytes changed") }
      } catch {
        reported = error.byteOffset
      }
      if (reported == nil) != standardValid || (naive == nil) != standardValid || reported != naive {
        mismatches.append("round \(round) \(bytes): reported \(String(describing: reported)), naive \(String(describing: naive)), stdlib valid \(standardValid)")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  // MARK: (4) a huge line

  @Test("a 1 MB line without newlines: index, conversions, edit, validation")
  func hugeLine() throws {
    let unit = "人大代表abc😀，"  // 4×3 + 3 + 4 + 3 = 22 bytes, 10 UTF-16 units, 9 scalars
    let repeats = 1_048_576 / 22 + 1
    var bytes: [UInt8] = []
    bytes.reserveCapacity(repeats * 22)
    for _ in 0..<repeats { bytes.append(contentsOf: unit.utf8) }
    let text = try SourceText(validating: bytes)
    #expect(text.count >= 1_048_576)
    #expect(text.lineCount == 1)
    let end = text.endOffset
    #expect(text.wideLineColumn(of: end, in: .utf16) == WideLineColumn(line: 0, column: repeats * 10))
    #expect(text.wideLineColumn(of: end, in: .utf32) == WideLineColumn(line: 0, column: repeats * 9))
    #expect(text.wideLineColumn(of: end, in: .utf8) == WideLineColumn(line: 0, column: repeats * 22))
    #expect(text.offset(of: WideLineColumn(line: 0, column: repeats * 10), in: .utf16) == end)
    #expect(text.offset(of: WideLineColumn(line: 0, column: Int.max), in: .utf32) == end)
    let middle = at((repeats / 2) * 22 + 12)  // the "a" of a unit in the middle
    for encoding in PositionEncoding.allCases {
      let wide = text.wideLineColumn(of: middle, in: encoding)
      #expect(text.offset(of: wide, in: encoding) == middle)
    }
    #expect(text.wideLineColumn(of: middle, in: .utf16).column == (repeats / 2) * 10 + 4)
    let edited = text.replacing(middle..<middle, with: "\r\n")
    #expect(edited.lineCount == 2)
    #expect(edited.lineIndex == LineIndex(utf8: edited.bytes))
    #expect(edited.lineColumn(of: edited.endOffset).line == 1)
    #expect(edited.lineText(1).utf8.count == text.count - middle.utf8)

    // All-ASCII megabyte: the 8-byte fast paths end to end.
    let ascii = SourceText(String(repeating: "a", count: 1_048_576))
    #expect(ascii.wideLineColumn(of: ascii.endOffset, in: .utf16).column == 1_048_576)
    #expect(ascii.offset(of: WideLineColumn(line: 0, column: 777_777), in: .utf16) == at(777_777))
  }
}
