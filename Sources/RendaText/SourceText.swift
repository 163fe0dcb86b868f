/// An immutable document: its bytes, guaranteed valid UTF-8, and their line
/// index. The one text value the parser, the analysis and the editor layer
/// share, so that a `TextOffset` from one means the same byte in another.
///
/// Offsets address the bytes exactly as read: a leading BOM (`EF BB BF`) is
/// kept, not stripped, and NUL bytes are ordinary characters. Every API
/// clamps out-of-range positions and snaps offsets that fall inside a
/// multi-byte scalar back to that scalar's start, so slicing and editing
/// can never produce malformed UTF-8 and no position can make it trap.
package struct SourceText: Sendable, Equatable {
  /// The text, valid UTF-8.
  package let bytes: [UInt8]
  /// Line table of `bytes`.
  package let lineIndex: LineIndex

  /// The UTF-8 of `string` (a Swift `String` is always valid UTF-8).
  package init(_ string: String) {
    let bytes = Array(string.utf8)
    self.bytes = bytes
    self.lineIndex = LineIndex(utf8: bytes)
  }

  /// `bytes` as they are, after checking they are well-formed UTF-8.
  /// Throws the offset of the first ill-formed sequence otherwise (overlong
  /// forms, encoded surrogates, values above U+10FFFF, stray or missing
  /// continuation bytes).
  package init(validating bytes: [UInt8]) throws(InvalidUTF8Error) {
    if let offset = bytes.withUnsafeBufferPointer({ UTF8Bytes.firstInvalidOffset($0) }) {
      throw InvalidUTF8Error(byteOffset: offset)
    }
    self.bytes = bytes
    self.lineIndex = LineIndex(utf8: bytes)
  }

  /// Trusted constructor for results of edits on valid text.
  private init(validBytes: [UInt8], lineIndex: LineIndex) {
    self.bytes = validBytes
    self.lineIndex = lineIndex
  }

  /// Length of the text in bytes.
  package var count: Int { bytes.count }

  /// Offset one past the last byte.
  package var endOffset: TextOffset { TextOffset(utf8: bytes.count) }

  /// Number of lines (see `LineIndex.lineCount`).
  package var lineCount: Int { lineIndex.lineCount }

  // MARK: Scalar boundaries

  /// `offset` clamped into the text and moved back to the start of the
  /// scalar containing it, as a byte count.
  func boundaryUTF8(atOrBefore offset: TextOffset) -> Int {
    let clamped = min(max(offset.utf8, 0), bytes.count)
    return bytes.withUnsafeBufferPointer {
      UTF8Bytes.scalarStart($0, atOrBefore: clamped, floor: 0)
    }
  }

  /// `offset` clamped into the text and moved back to a scalar boundary.
  package func scalarBoundary(atOrBefore offset: TextOffset) -> TextOffset {
    TextOffset(utf8: boundaryUTF8(atOrBefore: offset))
  }

  /// Whether `offset` is within the text and not inside a multi-byte scalar.
  package func isScalarBoundary(_ offset: TextOffset) -> Bool {
    guard offset.utf8 >= 0, offset.utf8 <= bytes.count else { return false }
    return offset.utf8 == bytes.count || !UTF8Bytes.isContinuation(bytes[offset.utf8])
  }

  /// `range` clamped into the text with both ends snapped back to scalar
  /// boundaries, as byte counts.
  func snappedUTF8(_ range: TextRange) -> Range<Int> {
    let lower = boundaryUTF8(atOrBefore: range.lowerBound)
    let upper = max(boundaryUTF8(atOrBefore: range.upperBound), lower)
    return lower..<upper
  }

  // MARK: Contents

  /// The text in `range`, clamped into the text; ends inside a scalar snap
  /// back to its start, so the result never contains U+FFFD from splitting.
  package func string(in range: TextRange) -> String {
    String(decoding: bytes[snappedUTF8(range)], as: UTF8.self)
  }

  /// The scalars in `range` (clamped and snapped like `string(in:)`),
  /// decoded lazily from the bytes.
  package func scalars(in range: TextRange) -> some Sequence<Unicode.Scalar> & Sendable {
    let span = snappedUTF8(range)
    return SourceScalars(bytes: bytes, startUTF8: span.lowerBound, endUTF8: span.upperBound)
  }

  /// Calls `body` with each scalar in `range` (clamped and snapped like `string(in:)`): what
  /// `scalars(in:)` yields, decoded in one pass without an iterator.
  package func forEachScalar(in range: TextRange, _ body: (Unicode.Scalar) -> Void) {
    let span = snappedUTF8(range)
    bytes.withUnsafeBufferPointer { buffer in
      var i = span.lowerBound
      while i < span.upperBound {
        let (scalar, length) = SourceScalars.scalar(in: buffer, at: i, end: span.upperBound)
        body(scalar)
        i += length
      }
    }
  }

  /// The scalar whose first byte is at `offset` and its length in bytes;
  /// nil at or past the end, before the start, or inside a scalar.
  package func scalar(at offset: TextOffset) -> (scalar: Unicode.Scalar, length: Int)? {
    bytes.withUnsafeBufferPointer { UTF8Bytes.decodeScalar($0, at: offset.utf8) }
  }

  /// Content of `line` (clamped into range) without its terminator.
  package func lineText(_ line: Int) -> String {
    string(in: lineIndex.contentRange(ofLine: line))
  }

  /// Lines `lines` (clamped into range) as a text of their own: from the first one's start
  /// to the next line's start (so with the last one's terminator), or to the end. Line
  /// starts are scalar boundaries, so no check is needed.
  package func lines(_ lines: Range<Int>) -> SourceText {
    let lower = lineIndex.lineStart(max(0, lines.lowerBound)).utf8
    let upper = lines.upperBound < lineCount ? lineIndex.lineStart(lines.upperBound).utf8 : bytes.count
    let slice = Array(bytes[lower..<max(lower, upper)])
    return SourceText(validBytes: slice, lineIndex: LineIndex(utf8: slice))
  }

  /// Whether the bytes hold `needle` (ASCII) anywhere, across lines too: a pass 64 bytes at
  /// a time looking for its first byte (four 16-byte compares), so a page without it is read
  /// at memory speed.
  package func contains(ascii needle: StaticString) -> Bool {
    let count = needle.utf8CodeUnitCount
    guard count > 0, count <= bytes.count else { return count == 0 }
    let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
    let first = pattern[0]
    let firsts = SIMD16<UInt8>(repeating: first)
    return bytes.withUnsafeBufferPointer { buffer in
      let raw = UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped)
      var i = 0
      let end = buffer.count - count
      while i <= end {
        if i + 64 <= buffer.count {
          let a = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
          let b = raw.loadUnaligned(fromByteOffset: i + 16, as: SIMD16<UInt8>.self)
          let c = raw.loadUnaligned(fromByteOffset: i + 32, as: SIMD16<UInt8>.self)
          let d = raw.loadUnaligned(fromByteOffset: i + 48, as: SIMD16<UInt8>.self)
          if !any((a .== firsts) .| (b .== firsts) .| (c .== firsts) .| (d .== firsts)) {
            i += 64
            continue
          }
        }
        // The block holds the first byte (or is the last, short one): byte by byte.
        let stop = min(end, i + 63)
        while i <= stop {
          if buffer[i] == first {
            var k = 1
            while k < count, buffer[i + k] == pattern[k] { k += 1 }
            if k == count { return true }
          }
          i += 1
        }
      }
      return false
    }
  }

  /// The first line from `line` on whose content is empty or only ASCII spaces and tabs
  /// (blank by any definition of white space); nil when there is none.
  package func firstBlankLine(from line: Int) -> Int? {
    var l = max(0, line)
    while l < lineCount {
      let range = lineIndex.contentRange(ofLine: l)
      var blank = true
      for i in range.lowerBound.utf8..<range.upperBound.utf8 where bytes[i] != 0x20 && bytes[i] != 0x09 {
        blank = false
        break
      }
      if blank { return l }
      l += 1
    }
    return nil
  }

  // MARK: Editing

  /// A new text with `range` (clamped, ends snapped to scalar boundaries)
  /// replaced by `text`. The line index is updated incrementally.
  package func replacing(_ range: TextRange, with text: String) -> SourceText {
    let span = snappedUTF8(range)
    let replacement = text.utf8
    var newBytes: [UInt8] = []
    newBytes.reserveCapacity(bytes.count - span.count + replacement.count)
    newBytes.append(contentsOf: bytes[..<span.lowerBound])
    newBytes.append(contentsOf: replacement)
    newBytes.append(contentsOf: bytes[span.upperBound...])
    var index = lineIndex
    index.applyEdit(
      replacing: TextOffset(utf8: span.lowerBound)..<TextOffset(utf8: span.upperBound),
      with: replacement, newBytes: newBytes)
    return SourceText(validBytes: newBytes, lineIndex: index)
  }

  // MARK: Positions

  /// Line containing `offset` (clamped).
  package func line(containing offset: TextOffset) -> Int {
    lineIndex.line(containing: offset)
  }

  /// Line and byte column of `offset`; see `LineIndex.lineColumn(of:)`.
  package func lineColumn(of offset: TextOffset) -> LineColumn {
    lineIndex.lineColumn(of: offset)
  }

  /// Offset of a line and byte column, clamped like
  /// `LineIndex.offset(of:)` and then snapped back to a scalar boundary.
  package func offset(of lineColumn: LineColumn) -> TextOffset {
    scalarBoundary(atOrBefore: lineIndex.offset(of: lineColumn))
  }

  /// Line and column in `encoding`'s code units of `offset`.
  package func wideLineColumn(of offset: TextOffset, in encoding: PositionEncoding) -> WideLineColumn {
    lineIndex.wideLineColumn(of: offset, in: encoding, bytes: bytes)
  }

  /// Offset of a line and column in `encoding`'s code units (clamped, snapped).
  package func offset(of wide: WideLineColumn, in encoding: PositionEncoding) -> TextOffset {
    lineIndex.offset(of: wide, in: encoding, bytes: bytes)
  }
}

/// Lazily decoded scalars of a byte span of a `SourceText` (valid UTF-8).
struct SourceScalars: Sequence, Sendable {
  let bytes: [UInt8]
  let startUTF8: Int
  let endUTF8: Int

  func makeIterator() -> Iterator {
    Iterator(bytes: bytes, nextUTF8: startUTF8, endUTF8: endUTF8)
  }

  struct Iterator: IteratorProtocol, Sendable {
    let bytes: [UInt8]
    var nextUTF8: Int
    let endUTF8: Int

    mutating func next() -> Unicode.Scalar? {
      guard nextUTF8 < endUTF8 else { return nil }
      let (scalar, length) = bytes.withUnsafeBufferPointer { SourceScalars.scalar(in: $0, at: nextUTF8, end: endUTF8) }
      nextUTF8 += length
      return scalar
    }
  }

  /// The scalar at byte `i` (before `end`) and its length; U+FFFD and 1 for bytes that do
  /// not decode there (unreachable for valid UTF-8 snapped to boundaries: total anyway).
  @inline(__always)
  static func scalar(in buffer: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (Unicode.Scalar, Int) {
    guard let decoded = UTF8Bytes.decodeScalar(buffer, at: i), i + decoded.length <= end else { return ("\u{FFFD}", 1) }
    return (decoded.scalar, decoded.length)
  }
}
