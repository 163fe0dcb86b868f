/// The line table of a UTF-8 text: where each line starts and how long its
/// terminator is, so that byte offsets and (line, byte column) pairs convert
/// into each other in O(log lines) without touching the text.
///
/// A line break is `\n`, `\r\n` or a lone `\r` — LSP's rule, which editors
/// use for their line numbers — and `\r\n` counts as one break. Unicode's
/// other separators (U+0085, U+2028, U+2029) are ordinary characters here.
/// Conversions that need the line's bytes (columns in UTF-16 units or
/// scalars) live in `LineIndex+Encoding.swift`; incremental update after an
/// edit lives in `LineIndex+Edit.swift`.
///
/// The index accepts any bytes (it only looks for `\n` and `\r`, which never
/// occur inside a multi-byte UTF-8 sequence) and every query clamps its
/// argument, so no input or position can make it trap.
package struct LineIndex: Sendable, Equatable {
  /// UTF-8 offset of the first byte of each line. `lineStartsUTF8[0] == 0`,
  /// strictly increasing, never empty.
  var lineStartsUTF8: [Int]
  /// Length in bytes of each line's terminator: 1 (`\n` or `\r`), 2
  /// (`\r\n`), or 0 for the last line, which has none. Same count as
  /// `lineStartsUTF8`.
  var terminatorLengthsUTF8: [UInt8]
  /// Length of the whole text in bytes.
  package internal(set) var utf8Count: Int

  /// Builds the index in one pass over `bytes`: 16 bytes at a time where a block holds no
  /// `\n` or `\r`, and a block that holds one read by an exact mask of its breaks.
  package init(utf8 bytes: some Collection<UInt8>) {
    let (starts, terminators, count) = withContiguousBytes(bytes) { buffer in
      let (starts, terminators) = LineIndex.scanLines(buffer)
      return (starts, terminators, buffer.count)
    }
    self.lineStartsUTF8 = starts
    self.terminatorLengthsUTF8 = terminators
    self.utf8Count = count
  }

  /// Line starts and terminator lengths of a whole buffer.
  static func scanLines(_ buffer: UnsafeBufferPointer<UInt8>) -> ([Int], [UInt8]) {
    var starts = [0]
    var terminators: [UInt8] = []
    let count = buffer.count
    var index = 0
    let lineFeeds = SIMD16<UInt8>(repeating: UTF8Bytes.lineFeed)
    let returns = SIMD16<UInt8>(repeating: UTF8Bytes.carriageReturn)
    while index + 16 <= count {
      // Sixteen bytes at a time while none is a line break (lines run about 50 bytes).
      let v = UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped).loadUnaligned(
        fromByteOffset: index, as: SIMD16<UInt8>.self)
      if !any((v .== lineFeeds) .| (v .== returns)) {
        index += 16
        continue
      }
      // The breaks of the block, from an exact mask of each of its two words (no byte
      // before a break read again).
      var next = index + 16
      var skipsFirstByte = false  // the LF of a CRLF cut by the words' boundary
      for word in 0..<2 {
        let start = index + 8 * word
        var breaks = UTF8Bytes.lineBreakMask(UTF8Bytes.loadWord(buffer, at: start))
        if skipsFirstByte { breaks &= ~0x80 }
        while breaks != 0 {
          let k = breaks.trailingZeroBitCount >> 3
          breaks &= breaks &- 1
          let at = start + k
          if buffer[at] == UTF8Bytes.carriageReturn, at + 1 < count, buffer[at + 1] == UTF8Bytes.lineFeed {
            terminators.append(2)
            starts.append(at + 2)
            if k < 7 {
              breaks &= ~(0x80 << UInt64(8 * (k + 1)))
            } else if word == 0 {
              skipsFirstByte = true
            } else {
              next += 1
            }
          } else {
            terminators.append(1)
            starts.append(at + 1)
          }
        }
      }
      index = next
    }
    while index < count {
      let byte = buffer[index]
      if byte == UTF8Bytes.lineFeed {
        terminators.append(1)
        index += 1
        starts.append(index)
      } else if byte == UTF8Bytes.carriageReturn {
        if index + 1 < count, buffer[index + 1] == UTF8Bytes.lineFeed {
          terminators.append(2)
          index += 2
        } else {
          terminators.append(1)
          index += 1
        }
        starts.append(index)
      } else {
        index += 1
      }
    }
    terminators.append(0)
    return (starts, terminators)
  }

  // MARK: Lines

  /// Number of lines: one more than the number of line breaks. `""` has 1
  /// line, `"a\n"` has 2 (the last one empty).
  package var lineCount: Int { lineStartsUTF8.count }

  /// Offset one past the last byte.
  package var endOffset: TextOffset { TextOffset(utf8: utf8Count) }

  /// `line` forced into `0..<lineCount`.
  @inline(__always)
  func clampedLine(_ line: Int) -> Int {
    min(max(line, 0), lineStartsUTF8.count - 1)
  }

  /// `offset` forced into `0...utf8Count`, as a plain byte count.
  @inline(__always)
  func clampedUTF8(_ offset: TextOffset) -> Int {
    min(max(offset.utf8, 0), utf8Count)
  }

  /// Offset of the first byte of `line` (clamped into range).
  package func lineStart(_ line: Int) -> TextOffset {
    TextOffset(utf8: lineStartsUTF8[clampedLine(line)])
  }

  /// Offset where the content of the already clamped `line` ends, i.e.
  /// where its terminator (if any) starts.
  @inline(__always)
  func contentEndUTF8(ofClampedLine line: Int) -> Int {
    if line == lineStartsUTF8.count - 1 { return utf8Count }
    // `max` is only a guard: terminators never reach before their line start.
    return max(lineStartsUTF8[line + 1] - Int(terminatorLengthsUTF8[line]), lineStartsUTF8[line])
  }

  /// The line's content, without its terminator (line clamped into range).
  package func contentRange(ofLine line: Int) -> TextRange {
    let line = clampedLine(line)
    return TextOffset(utf8: lineStartsUTF8[line])..<TextOffset(utf8: contentEndUTF8(ofClampedLine: line))
  }

  /// The line's content and its terminator (line clamped into range). The
  /// full ranges of all lines tile the text.
  package func fullRange(ofLine line: Int) -> TextRange {
    let line = clampedLine(line)
    let end = line == lineStartsUTF8.count - 1 ? utf8Count : lineStartsUTF8[line + 1]
    return TextOffset(utf8: lineStartsUTF8[line])..<TextOffset(utf8: end)
  }

  /// Length in bytes of the line's terminator: 0 (last line), 1 or 2.
  package func terminatorLengthUTF8(ofLine line: Int) -> Int {
    Int(terminatorLengthsUTF8[clampedLine(line)])
  }

  // MARK: Offsets and byte columns

  /// The line whose full range contains `offset` (clamped into the text);
  /// the end of the text belongs to the last line. Binary search, O(log lines).
  package func line(containing offset: TextOffset) -> Int {
    LineIndex.lastIndex(in: lineStartsUTF8, notAbove: clampedUTF8(offset))
  }

  /// Index of the last element of the sorted `starts` that is `<= value`
  /// (0 when none is; `starts[0]` is 0 here, so that only happens for
  /// negative values, which callers have clamped away).
  static func lastIndex(in starts: [Int], notAbove value: Int) -> Int {
    var low = 0
    var high = starts.count  // invariant: starts[low-1] <= value < starts[high]
    while low < high {
      let mid = low + (high - low) / 2
      if starts[mid] <= value { low = mid + 1 } else { high = mid }
    }
    return max(low - 1, 0)
  }

  /// Number of leading elements of the sorted `starts` that are `< value`.
  static func countBelow(in starts: [Int], _ value: Int) -> Int {
    var low = 0
    var high = starts.count
    while low < high {
      let mid = low + (high - low) / 2
      if starts[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Line and byte column of `offset` (clamped into the text). An offset
  /// inside a line's terminator — between `\r` and `\n` — maps to the end
  /// of that line's content.
  package func lineColumn(of offset: TextOffset) -> LineColumn {
    let utf8 = clampedUTF8(offset)
    let line = LineIndex.lastIndex(in: lineStartsUTF8, notAbove: utf8)
    let start = lineStartsUTF8[line]
    let column = min(utf8, contentEndUTF8(ofClampedLine: line)) - start
    return LineColumn(line: line, utf8Column: column)
  }

  /// Offset of a line and byte column. The line is clamped into range and
  /// the column to `0...` the line's content length, so positions past the
  /// end of a line land on its end, never on its terminator or the next
  /// line. Without the bytes it cannot see scalar boundaries; see
  /// `SourceText.offset(of:)` for a version that snaps to them.
  package func offset(of lineColumn: LineColumn) -> TextOffset {
    let line = clampedLine(lineColumn.line)
    let start = lineStartsUTF8[line]
    let length = contentEndUTF8(ofClampedLine: line) - start
    return TextOffset(utf8: start + min(max(lineColumn.utf8Column, 0), length))
  }
}

extension LineIndex: CustomStringConvertible {
  /// `LineIndex(bytes: 7, starts: [0, 3, 5])`, for test failure messages.
  package var description: String {
    "LineIndex(bytes: \(utf8Count), starts: \(lineStartsUTF8), terminators: \(terminatorLengthsUTF8))"
  }
}
