/// Conversions between byte offsets and columns counted in an editor's
/// code units (UTF-8 bytes, UTF-16 code units, Unicode scalars).
///
/// The line is found by binary search in the index; the column is then
/// computed by scanning that one line's bytes (8 at a time, with a pure
/// ASCII word costing one mask), so the cost is O(log lines + line length),
/// independent of the size of the rest of the text.
///
/// Both directions snap to scalar boundaries: an offset inside a
/// multi-byte scalar counts as that scalar's start, and a column inside a
/// scalar (the second half of a UTF-16 surrogate pair, the middle bytes of
/// a UTF-8 sequence) maps to the scalar's start. So no conversion ever
/// produces an offset that splits a scalar.
///
/// `bytes` must be the text the index was built from; if it is not, results
/// are meaningless but still clamped into `bytes` (no trap).
extension LineIndex {
  /// Line and column (in `encoding`'s code units) of `offset`, clamped into
  /// the text. An offset between `\r` and `\n` maps to the end of the line;
  /// an offset inside a multi-byte scalar maps to that scalar's start.
  package func wideLineColumn(
    of offset: TextOffset, in encoding: PositionEncoding, bytes: some Collection<UInt8>
  ) -> WideLineColumn {
    let byteColumn = lineColumn(of: offset)
    let start = lineStartsUTF8[byteColumn.line]
    return withContiguousBytes(bytes) { buffer in
      let lineStart = min(start, buffer.count)
      let target = UTF8Bytes.scalarStart(
        buffer, atOrBefore: min(start + byteColumn.utf8Column, buffer.count), floor: lineStart)
      let column = UTF8Bytes.codeUnitCount(buffer, from: lineStart, to: target, in: encoding)
      return WideLineColumn(line: byteColumn.line, column: column)
    }
  }

  /// Offset of a line and a column in `encoding`'s code units. The line is
  /// clamped into range; a negative column means 0 and a column past the
  /// line's content means its end. A column that falls inside a scalar —
  /// e.g. between the two UTF-16 units of 𠀋 — snaps to the scalar's start.
  package func offset(
    of wide: WideLineColumn, in encoding: PositionEncoding, bytes: some Collection<UInt8>
  ) -> TextOffset {
    let line = clampedLine(wide.line)
    let start = lineStartsUTF8[line]
    let end = contentEndUTF8(ofClampedLine: line)
    let column = max(wide.column, 0)
    return withContiguousBytes(bytes) { buffer in
      let lineStart = min(start, buffer.count)
      let contentEnd = min(end, buffer.count)
      if encoding == .utf8 {
        let target = lineStart + min(column, contentEnd - lineStart)
        return TextOffset(utf8: UTF8Bytes.scalarStart(buffer, atOrBefore: target, floor: lineStart))
      }
      return TextOffset(
        utf8: LineIndex.scanToColumn(
          buffer, from: lineStart, to: contentEnd, column: column, in: encoding))
    }
  }

  /// First byte offset in `start..<end` at which `column` code units of
  /// `encoding` have been passed, or the start of the scalar that would
  /// overshoot `column`, or `end` when the line is shorter.
  static func scanToColumn(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, column: Int,
    in encoding: PositionEncoding
  ) -> Int {
    var units = 0
    var index = start
    while index < end {
      if units == column { return index }
      // ASCII fast path: a pure ASCII word is 8 units in every encoding.
      if column - units >= 8, index + 8 <= end, UTF8Bytes.isASCII(UTF8Bytes.loadWord(buffer, at: index)) {
        units += 8
        index += 8
        continue
      }
      let lead = buffer[index]
      let width = UTF8Bytes.codeUnits(leadByte: lead, in: encoding)
      if units + width > column { return index }
      units += width
      index = min(index + UTF8Bytes.sequenceLengthUTF8(leadByte: lead), end)
    }
    return end
  }
}

/// Converts many offsets of one text, mostly in increasing order (a page's findings), to
/// (line, column in `encoding`): a column on the line of the previous offset is counted
/// on from that offset instead of from the line's start, so the findings of a
/// 490-character line cost one pass over it, not one pass each. An offset before the
/// previous one starts again from its line's start; the answers are those of
/// `SourceText.wideLineColumn(of:in:)`.
package struct WideColumnCursor {
  private let text: SourceText
  private let encoding: PositionEncoding
  private var line = -1
  private var from = 0
  private var column = 0

  package init(text: SourceText, encoding: PositionEncoding) {
    self.text = text
    self.encoding = encoding
  }

  package mutating func wideLineColumn(of offset: TextOffset) -> WideLineColumn {
    let index = text.lineIndex
    let byteColumn = index.lineColumn(of: offset)
    let start = index.lineStartsUTF8[byteColumn.line]
    return text.bytes.withUnsafeBufferPointer { buffer in
      let lineStart = min(start, buffer.count)
      let target = UTF8Bytes.scalarStart(
        buffer, atOrBefore: min(start + byteColumn.utf8Column, buffer.count), floor: lineStart)
      if byteColumn.line != line || target < from {
        line = byteColumn.line
        from = lineStart
        column = 0
      }
      column += UTF8Bytes.codeUnitCount(buffer, from: from, to: target, in: encoding)
      from = target
      return WideLineColumn(line: line, column: column)
    }
  }
}
