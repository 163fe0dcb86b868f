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
  /// One load and one comparison: `chineseDigitSlots[value & 63]` holds the digit whose
  /// scalar falls in that slot (no two share one) as `scalar << 4 | value`. Asked of nearly
  /// every scalar an enumeration marker could start at, where a `switch` over the thirteen
  /// values cost 18 instructions a call, and a jump on `value & 63` 15 but an indirect
  /// branch mispredicted on most calls (1.1% of `check`'s samples on 1 MB: Benchmarks/README.md,
  /// the sixteenth round).
  @inline(__always)
  package var chineseDigitValue: Int? {
    let slot = chineseDigitSlots.withUnsafeBufferPointer { $0[Int(value & 63)] }
    return slot >> 4 == value ? Int(slot & 15) : nil
  }

  var asciiDigitValue: Int? {
    (0x30...0x39).contains(value) ? Int(value - 0x30) : nil
  }
}

/// The slots of ``Unicode/Scalar/chineseDigitValue``: at `scalar & 63`, `scalar << 4 | value`
/// for each digit, and 0 elsewhere (which only U+0000 could match, and its slot is 一's).
/// Literals, so that the table is static data, not a global initialized on first use (each
/// use then called `swift_once`). `ScalarClassesTests` checks every slot against the digits.
private let chineseDigitSlots: [UInt32] = [
  0x4E00_1, 0x5341_A, 0, 0x4E03_7, 0, 0, 0, 0x3007_0,  // 一 十 七 〇
  0, 0x4E09_3, 0, 0, 0x4E8C_2, 0, 0, 0,  // 三 二
  0, 0, 0, 0, 0x4E94_5, 0, 0, 0,  // 五
  0, 0, 0, 0x56DB_4, 0, 0x4E5D_9, 0, 0,  // 四 九
  0, 0, 0, 0, 0x4E24_2, 0, 0, 0,  // 两
  0, 0, 0, 0x516B_8, 0, 0x516D_6, 0, 0,  // 八 六
  0, 0, 0, 0, 0, 0, 0x96F6_0, 0,  // 零
  0, 0, 0, 0, 0, 0, 0, 0,
]

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
