import RendaText

/// Punctuation classes the parser reasons with, over Unicode scalars.
extension Unicode.Scalar {
  /// Ends a sentence: `。！？` and their ASCII forms (`;` and `；` too: they close a clause group).
  var endsSentence: Bool {
    switch value {
    case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0xFF1B, 0x3B, 0x2026: true  // 。！？!?；;…
    default: false
    }
  }

  /// Ends a sentence in the strict sense (`。！？`), the mark that closes a run-in head.
  var endsSentenceStrictly: Bool {
    switch value {
    case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F: true
    default: false
    }
  }

  /// `：` or `:`
  var isColon: Bool { value == 0xFF1A || value == 0x3A }

  /// `，` `,` `、`
  var isComma: Bool { value == 0xFF0C || value == 0x2C || value == 0x3001 }

  /// Closing quotes and brackets that may follow a sentence-final mark (`。”`).
  var isClosingQuoteOrBracket: Bool {
    switch value {
    case 0x201D, 0x2019, 0x22, 0x27, 0xFF09, 0x29, 0x300B, 0x3011, 0x300D, 0x300F: true  // ” ’ " ' ） ) 》 】 」 』
    default: false
    }
  }

  /// Opening quotes: `“ ‘ 「 『` and the ASCII `"`.
  var isOpeningQuote: Bool {
    switch value {
    case 0x201C, 0x2018, 0x300C, 0x300E, 0x22: true
    default: false
    }
  }

  /// The lanes of `block` that may hold an opening quote (each ``isOpeningQuote`` scalar is
  /// among them): a scan passes eight scalars at once when there is none.
  @inline(__always)
  static func openingQuoteLanes(of block: ScalarLanes.Block) -> ScalarLanes.Mask {
    (block & ScalarLanes.Block(repeating: ~4) .== ScalarLanes.Block(repeating: 0x2018))  // ‘ “
      .| (block & ScalarLanes.Block(repeating: ~2) .== ScalarLanes.Block(repeating: 0x300C))  // 「 『
      .| (block .== ScalarLanes.Block(repeating: 0x22))
  }

  /// Quote marks of either direction, full- or half-width.
  var isQuoteMark: Bool {
    switch value {
    case 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F, 0x22: true
    default: false
    }
  }

  /// A byline marker: `■` (and its small or medium variants).
  var isBylineMarker: Bool { value == 0x25A0 || value == 0x25AA || value == 0x25FC }

  /// `（` or `(`
  var isOpeningParenthesis: Bool { value == 0xFF08 || value == 0x28 }
  /// `）` or `)`
  var isClosingParenthesis: Bool { value == 0xFF09 || value == 0x29 }

  /// Chinese numeral digits used in ordinals and counts (〇一二三四五六七八九十两).
  ///
  /// A jump on `value & 63`, where no two digits share a case, then one comparison: asked of
  /// nearly every scalar an enumeration marker could start at, where a `switch` over the
  /// thirteen values cost 18 instructions a call (15 now, on 1 MB).
  package var chineseDigitValue: Int? {
    let digit: (UInt32, Int)
    switch value & 63 {
    case 0x07: digit = (0x3007, 0)  // 〇
    case 0x36: digit = (0x96F6, 0)  // 零
    case 0x00: digit = (0x4E00, 1)  // 一
    case 0x0C: digit = (0x4E8C, 2)  // 二
    case 0x24: digit = (0x4E24, 2)  // 两
    case 0x09: digit = (0x4E09, 3)  // 三
    case 0x1B: digit = (0x56DB, 4)  // 四
    case 0x14: digit = (0x4E94, 5)  // 五
    case 0x2D: digit = (0x516D, 6)  // 六
    case 0x03: digit = (0x4E03, 7)  // 七
    case 0x2B: digit = (0x516B, 8)  // 八
    case 0x1D: digit = (0x4E5D, 9)  // 九
    case 0x01: digit = (0x5341, 10)  // 十
    default: return nil
    }
    return digit.0 == value ? digit.1 : nil
  }

  var asciiDigitValue: Int? {
    (0x30...0x39).contains(value) ? Int(value - 0x30) : nil
  }
}

/// ``chineseNumber(in:at:)`` on an array, compiled here for other modules: a generic call
/// from another module ran unspecialized, each element read through a protocol witness
/// that allocated its frame (4,000 allocations on 1 MB).
package func chineseNumber(in scalars: [Unicode.Scalar], at i: Int) -> (value: Int, length: Int)? {
  chineseNumber(in: scalars[...], at: i)
}

/// Reads a Chinese numeral of one or two places (一 … 十 … 九十九) at `scalars[i...]`.
/// - Returns: its value and length in scalars, or nil.
package func chineseNumber<C: RandomAccessCollection>(in scalars: C, at i: Int) -> (value: Int, length: Int)?
where C.Element == Unicode.Scalar, C.Index == Int {
  guard i >= scalars.startIndex, i < scalars.endIndex, let first = scalars[i].chineseDigitValue, first != 0 else {
    return nil
  }
  if first == 10 {
    if i + 1 < scalars.endIndex, let unit = scalars[i + 1].chineseDigitValue, unit > 0, unit < 10 {
      return (10 + unit, 2)
    }
    return (10, 1)
  }
  if i + 1 < scalars.endIndex, scalars[i + 1].value == 0x5341 {  // 二十, 二十三
    if i + 2 < scalars.endIndex, let unit = scalars[i + 2].chineseDigitValue, unit > 0, unit < 10 {
      return (first * 10 + unit, 3)
    }
    return (first * 10, 2)
  }
  return (first, 1)
}
