import LSPTypes
import RendaText

/// The one place LSP positions meet Renda's UTF-8 offsets: a text and the negotiated
/// encoding. Every conversion clamps, so no position a client sends can make it trap:
/// a line past the end means the end of the text, a column past a line's end means the
/// end of that line, negative numbers mean 0, and a column inside a scalar (half a
/// surrogate pair, the middle of a UTF-8 sequence) snaps to the scalar's start.
struct PositionConverter: Sendable {
  let text: SourceText
  let encoding: PositionEncoding

  func position(of offset: TextOffset) -> Position {
    let wide = text.wideLineColumn(of: offset, in: encoding)
    return Position(line: wide.line, character: wide.column)
  }

  func range(of range: TextRange) -> LSPRange {
    LSPRange(start: position(of: range.lowerBound), end: position(of: range.upperBound))
  }

  /// Whether `position` is on a line the text does not have.
  func isPastEnd(_ position: Position) -> Bool {
    position.line >= text.lineCount
  }

  func offset(of position: Position) -> TextOffset {
    if position.line < 0 { return .zero }
    if isPastEnd(position) { return text.endOffset }
    return text.offset(of: WideLineColumn(line: position.line, column: max(0, position.character)), in: encoding)
  }

  /// A range in UTF-8 offsets; a reversed range is put in order.
  func textRange(of range: LSPRange) -> TextRange {
    let start = offset(of: range.start)
    let end = offset(of: range.end)
    return min(start, end)..<max(start, end)
  }

  /// `range` widened to at least one scalar (editors widen an empty range to a word or a
  /// line; a diagnostic should cover exactly the text it is about): the scalar after it,
  /// or before it at a line's end or the text's end.
  func nonEmpty(_ range: TextRange) -> TextRange {
    let lower = text.scalarBoundary(atOrBefore: range.lowerBound)
    let upper = max(text.scalarBoundary(atOrBefore: range.upperBound), lower)
    if upper > lower { return lower..<upper }
    if let (scalar, length) = text.scalar(at: lower), scalar != "\n", scalar != "\r" {
      return lower..<lower.advanced(byUTF8: length)
    }
    guard lower.utf8 > 0 else { return lower..<lower }
    let previous = text.scalarBoundary(atOrBefore: lower.advanced(byUTF8: -1))
    return previous..<lower
  }

  /// The LSP range of a finding: never empty when the text has anything to cover.
  func diagnosticRange(of range: TextRange) -> LSPRange {
    var cursor = WideColumnCursor(text: text, encoding: encoding)
    return diagnosticRange(of: range, cursor: &cursor)
  }

  /// The same, converting through `cursor` (many findings in text order: see
  /// `WideColumnCursor`).
  func diagnosticRange(of range: TextRange, cursor: inout WideColumnCursor) -> LSPRange {
    let widened = nonEmpty(range)
    let start = cursor.wideLineColumn(of: widened.lowerBound)
    let end = cursor.wideLineColumn(of: widened.upperBound)
    var converted = LSPRange(
      start: Position(line: start.line, character: start.column), end: Position(line: end.line, character: end.column))
    if converted.start == converted.end, !widened.isEmpty {
      // Only a line break covered (e.g. the \r of \r\n): end at the next line's start.
      converted.end = Position(line: converted.start.line + 1, character: 0)
    }
    return converted
  }
}
