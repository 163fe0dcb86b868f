/// Position vocabulary of the text layer.
///
/// Every position Renda stores is a UTF-8 byte offset (`TextOffset`): it is
/// what the parser produces while walking bytes, it is stable under any
/// choice of editor encoding, and it indexes `SourceText.bytes` directly.
/// Line/column pairs exist only at the boundary — `LineColumn` counts the
/// column in UTF-8 bytes, `WideLineColumn` counts it in whatever code unit
/// an editor negotiated (`PositionEncoding`, as in LSP's
/// `positionEncoding`).

/// A UTF-8 byte offset from the start of the text.
///
/// A plain wrapper around `Int` so that byte offsets cannot be confused with
/// line numbers, UTF-16 columns or scalar counts. Offsets are not checked on
/// construction; every API that takes one clamps it into the text.
///
/// Public, with its comparisons written out and `@inlinable`, where the rest of the module
/// is `package`: this toolchain calls a `package` `@inlinable` function from other modules
/// instead of inlining it, and the comparisons the protocol supplies (`<=`, `>`, `>=`) went
/// through its witness table; every module builds and compares offsets (on 1 MB, 57,000
/// calls to the initializer and 35,000 through the witness of `<=`).
public struct TextOffset: Hashable, Comparable, Sendable {
  /// Bytes from the start of the text.
  public var utf8: Int

  @inlinable public init(utf8: Int) {
    self.utf8 = utf8
  }

  /// The start of every text.
  package static let zero = TextOffset(utf8: 0)

  @inlinable public static func == (lhs: TextOffset, rhs: TextOffset) -> Bool { lhs.utf8 == rhs.utf8 }
  @inlinable public static func < (lhs: TextOffset, rhs: TextOffset) -> Bool { lhs.utf8 < rhs.utf8 }
  @inlinable public static func <= (lhs: TextOffset, rhs: TextOffset) -> Bool { lhs.utf8 <= rhs.utf8 }
  @inlinable public static func > (lhs: TextOffset, rhs: TextOffset) -> Bool { lhs.utf8 > rhs.utf8 }
  @inlinable public static func >= (lhs: TextOffset, rhs: TextOffset) -> Bool { lhs.utf8 >= rhs.utf8 }
  @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(utf8) }

  /// This offset moved by `utf8Delta` bytes (not clamped).
  package func advanced(byUTF8 utf8Delta: Int) -> TextOffset {
    TextOffset(utf8: utf8 + utf8Delta)
  }
}

extension TextOffset: CustomStringConvertible {
  /// `@12` for byte 12: short enough for test failure messages.
  public var description: String { "@\(utf8)" }
}

/// A half-open range of UTF-8 byte offsets.
package typealias TextRange = Range<TextOffset>

extension Range where Bound == TextOffset {
  /// Length of the range in UTF-8 bytes.
  package var utf8Count: Int { upperBound.utf8 - lowerBound.utf8 }

  /// The range `utf8Delta` bytes later (earlier when negative; not clamped).
  package func moved(by utf8Delta: Int) -> TextRange {
    lowerBound.advanced(byUTF8: utf8Delta)..<upperBound.advanced(byUTF8: utf8Delta)
  }
}

/// The code unit an editor counts columns in (LSP's `PositionEncodingKind`).
///
/// `utf32` counts Unicode scalars. The raw values are LSP's spelling, so a
/// negotiated encoding can be parsed with `PositionEncoding(rawValue:)`.
package enum PositionEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case utf32 = "utf-32"
}

/// A 0-based line number and a 0-based UTF-8 byte column within that line.
package struct LineColumn: Hashable, Sendable {
  /// 0-based line number.
  package var line: Int
  /// Bytes from the start of the line.
  package var utf8Column: Int

  package init(line: Int, utf8Column: Int) {
    self.line = line
    self.utf8Column = utf8Column
  }
}

extension LineColumn: CustomStringConvertible {
  /// `3:5` (0-based line 3, byte column 5).
  package var description: String { "\(line):\(utf8Column)" }
}

/// A 0-based line number and a column counted in the code units of some
/// `PositionEncoding` (UTF-8 bytes, UTF-16 code units or Unicode scalars).
///
/// The value does not remember its encoding: the caller passes the encoding
/// to every conversion, exactly as an LSP server does after negotiation.
package struct WideLineColumn: Hashable, Sendable {
  /// 0-based line number.
  package var line: Int
  /// Code units (of the encoding used for the conversion) from the start of the line.
  package var column: Int

  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

extension WideLineColumn: CustomStringConvertible {
  /// `3:5` (0-based line 3, column 5 in some encoding's units).
  package var description: String { "\(line):\(column)" }
}
