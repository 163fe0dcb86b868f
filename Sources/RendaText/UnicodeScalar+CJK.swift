/// Scalar classes the newspaper parser asks about on every scalar: Han
/// ideographs, CJK / full-width punctuation, spacing within a line, and
/// line breaks.
///
/// Written as explicit code-point ranges rather than Unicode property
/// look-ups: the classes are narrower than any single property (a parser
/// wants 。 and 《 but not full-width letters), the answers must not drift
/// with the standard library's Unicode version, and a few comparisons are
/// cheaper than a property table in the hot loop.
extension Unicode.Scalar {
  /// Its own canonical decomposition, with combining class 0, so that a sequence of such
  /// scalars is already in NFD and equal `String`s of them have equal scalars (ASCII, the
  /// common CJK ideographs and punctuation; checked against the Unicode data). Lets a
  /// hot path hash or compare scalars where `String` would normalize first.
  @inlinable package var isCanonicallyInert: Bool {
    switch value {
    case 0x00...0x7F, 0xB7, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xFF01...0xFF5E:
      true
    default: false
    }
  }

  /// In U+3400–9FFF: Extension A, the Yijing hexagram symbols and the CJK Unified
  /// Ideographs, most of a page's scalars. None of them is punctuation, a digit or white
  /// space, so a scan for those rejects them at this one test before its own.
  @inlinable package var isInHanBlocks: Bool { value &- 0x3400 < 0x6C00 }

  /// A Han ideograph: CJK Unified Ideographs (U+4E00–9FFF), Extensions A
  /// through J, the two compatibility ideograph blocks, and 〇 (U+3007,
  /// the ideographic zero used in dates such as 二〇二五年).
  @inlinable package var isCJKIdeograph: Bool {
    let v = value
    if v < 0x3007 { return false }
    if v < 0x10000 {
      return v == 0x3007
        || (0x3400...0x4DBF).contains(v)  // Extension A
        || (0x4E00...0x9FFF).contains(v)  // Unified Ideographs
        || (0xF900...0xFAFF).contains(v)  // Compatibility Ideographs
    }
    return (0x20000...0x2A6DF).contains(v)  // Extension B
      || (0x2A700...0x2EE5F).contains(v)  // Extensions C, D, E, F, I
      || (0x2F800...0x2FA1F).contains(v)  // Compatibility Ideographs Supplement
      || (0x30000...0x3347F).contains(v)  // Extensions G, H, J
  }

  /// CJK and full-width punctuation (and the full-width symbols beside it):
  ///
  /// - the CJK Symbols and Punctuation block U+3001–303F, except its letters,
  ///   numbers and combining marks (々 〆 〇, Hangzhou numerals U+3021–3029,
  ///   tone marks U+302A–302F, kana repeat marks U+3031–3035, U+3038–303C)
  ///   and except U+3000, which is whitespace (`isInlineWhitespace`);
  /// - the punctuation and symbols of Halfwidth and Fullwidth Forms,
  ///   U+FF01–FF65 minus the full-width digits and Latin letters;
  /// - vertical and compatibility forms U+FE10–FE19, U+FE30–FE4F;
  /// - general punctuation Chinese text uses: “ ” ‘ ’ — ― … ·.
  @inlinable package var isCJKPunctuation: Bool {
    let v = value
    switch v {
    case 0x00B7, 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026:
      return true
    case 0x3001...0x3004, 0x3008...0x3020, 0x3030, 0x3036...0x3037, 0x303D...0x303F:
      return true
    case 0xFE10...0xFE19, 0xFE30...0xFE4F:
      return true
    case 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
      return true
    default:
      return false
    }
  }

  /// Spacing inside a line: space, tab, no-break space U+00A0, ideographic
  /// space U+3000, the BOM / zero-width no-break space U+FEFF (so a leading
  /// BOM reads as indentation, not content), and every other space
  /// separator (Zs: U+1680, U+2000–200A, U+202F, U+205F). Never a line break.
  @inlinable package var isInlineWhitespace: Bool {
    switch value {
    case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0xFEFF:
      return true
    default:
      return false
    }
  }

  /// `\n` or `\r` — the only line breaks under LSP's rule (`\r\n` is the two
  /// together). U+2028 and U+2029 are not line breaks here.
  @inlinable package var isLineBreak: Bool {
    value == 0x0A || value == 0x0D
  }
}

extension String {
  /// The string of `scalars`, encoded to UTF-8 by hand straight into the string's storage
  /// (validated once, by the initializer): much faster than appending to a scalar view.
  @inlinable package init(scalars: some Collection<Unicode.Scalar>) {
    self.init(unsafeUninitializedCapacity: scalars.count * 4) { utf8 in
      var k = 0
      for scalar in scalars {
        let v = scalar.value
        if v < 0x80 {
          utf8[k] = UInt8(v)
          k += 1
        } else if v < 0x800 {
          utf8[k] = UInt8(0xC0 | v >> 6)
          utf8[k + 1] = UInt8(0x80 | v & 0x3F)
          k += 2
        } else if v < 0x1_0000 {
          utf8[k] = UInt8(0xE0 | v >> 12)
          utf8[k + 1] = UInt8(0x80 | v >> 6 & 0x3F)
          utf8[k + 2] = UInt8(0x80 | v & 0x3F)
          k += 3
        } else {
          utf8[k] = UInt8(0xF0 | v >> 18)
          utf8[k + 1] = UInt8(0x80 | v >> 12 & 0x3F)
          utf8[k + 2] = UInt8(0x80 | v >> 6 & 0x3F)
          utf8[k + 3] = UInt8(0x80 | v & 0x3F)
          k += 4
        }
      }
      return k
    }
  }
}

extension String {
  /// The string's scalars, as `Array(unicodeScalars)` has them, decoded from its UTF-8 in
  /// two tight passes (count the scalars, then decode into storage of that size): the
  /// generic copy walked the scalar view twice through its index type, three to four times
  /// the instructions for a heading's text.
  package var scalarArray: [Unicode.Scalar] {
    var string = self
    return string.withUTF8 { utf8 in
      var count = 0
      for byte in utf8 where byte & 0xC0 != 0x80 { count &+= 1 }
      // Reserved and appended (an array made with `unsafeUninitializedCapacity` allocated
      // through the generic runtime, its element type's metadata looked up each time).
      var scalars: [Unicode.Scalar] = []
      scalars.reserveCapacity(count)
      // A `String` is valid UTF-8: every lead byte is followed by its continuation bytes.
      var i = 0
      while i < utf8.count {
        let lead = utf8[i]
        let value: UInt32
        if lead < 0x80 {
          value = UInt32(lead)
          i &+= 1
        } else if lead < 0xE0 {
          value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
          i &+= 2
        } else if lead < 0xF0 {
          value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
          i &+= 3
        } else {
          value =
            UInt32(lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
            | UInt32(utf8[i + 3] & 0x3F)
          i &+= 4
        }
        scalars.append(unsafeBitCast(value, to: Unicode.Scalar.self))
      }
      return scalars
    }
  }
}
