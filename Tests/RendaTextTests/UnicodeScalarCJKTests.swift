/// Tests of the scalar classes in `UnicodeScalar+CJK.swift`: named
/// examples, and a sweep of the whole CJK punctuation blocks against the
/// standard library's general categories so the hand-written ranges cannot
/// silently include letters or digits.
import RendaText
import Testing

@Suite("Unicode scalar classes")
struct UnicodeScalarCJKTests {
  @Test("ideographs: the main block, extensions, compatibility, 〇")
  func ideographs() {
    let yes: [Unicode.Scalar] = [
      "中", "国", "人", "\u{4E00}", "\u{9FFF}", "\u{3400}", "\u{4DBF}", "\u{2000B}", "\u{20000}",
      "\u{2A700}", "\u{2B740}", "\u{2B820}", "\u{2CEB0}", "\u{30000}", "\u{31350}", "\u{F900}",
      "\u{2F800}", "〇",
    ]
    let no: [Unicode.Scalar] = ["a", "1", "。", "，", "\u{3000}", "々", "あ", "ア", "한", "😀", "\u{2E80}", "\u{4DC0}", "\u{A000}"]
    for scalar in yes { #expect(scalar.isCJKIdeograph, "\(scalar.value)") }
    for scalar in no { #expect(!scalar.isCJKIdeograph, "\(scalar.value)") }
  }

  @Test("punctuation the brief names")
  func namedPunctuation() {
    for scalar in "。，、；：？！“”‘’（）《》【】「」『』〔〕—…·．～".unicodeScalars {
      #expect(scalar.isCJKPunctuation, "U+\(String(scalar.value, radix: 16))")
    }
    let no: [Unicode.Scalar] = ["a", ".", ",", "中", "〇", "々", "\u{3000}", "\u{FF10}", "\u{FF21}", "\u{FF41}", " "]
    for scalar in no { #expect(!scalar.isCJKPunctuation, "U+\(String(scalar.value, radix: 16))") }
  }

  @Test("the punctuation blocks hold only punctuation and symbols")
  func blocksAgreeWithGeneralCategory() {
    let ranges: [ClosedRange<UInt32>] = [0x3000...0x303F, 0xFE10...0xFE19, 0xFE30...0xFE4F, 0xFF00...0xFF65]
    for range in ranges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let isPunctuationOrSymbol: Bool
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
          .initialPunctuation, .finalPunctuation, .otherPunctuation,
          .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
          isPunctuationOrSymbol = true
        default:
          isPunctuationOrSymbol = false
        }
        #expect(scalar.isCJKPunctuation == isPunctuationOrSymbol, "U+\(String(value, radix: 16))")
      }
    }
  }

  @Test("inline whitespace: space, tab, NBSP, ideographic space, BOM, other Zs; never line breaks")
  func whitespace() {
    let yes: [Unicode.Scalar] = [" ", "\t", "\u{A0}", "\u{3000}", "\u{FEFF}", "\u{2002}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{1680}"]
    let no: [Unicode.Scalar] = ["\n", "\r", "a", "中", "\u{200B}", "\u{2028}", "\u{2029}", "。"]
    for scalar in yes { #expect(scalar.isInlineWhitespace, "U+\(String(scalar.value, radix: 16))") }
    for scalar in no { #expect(!scalar.isInlineWhitespace, "U+\(String(scalar.value, radix: 16))") }
    // Every space separator of the standard library's tables is inline whitespace.
    for value in UInt32(0)...0x3000 {
      if let scalar = Unicode.Scalar(value), scalar.properties.generalCategory == .spaceSeparator {
        #expect(scalar.isInlineWhitespace, "U+\(String(value, radix: 16))")
      }
    }
  }

  @Test("line breaks are exactly \\n and \\r")
  func lineBreaks() {
    #expect(Unicode.Scalar("\n").isLineBreak)
    #expect(Unicode.Scalar("\r").isLineBreak)
    let no: [Unicode.Scalar] = ["\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", " ", "a"]
    for scalar in no { #expect(!scalar.isLineBreak) }
  }

  @Test("the Han blocks a scan skips hold no punctuation, digit or white space")
  func hanBlocks() {
    for value in UInt32(0x3300)...0xA100 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(scalar.isInHanBlocks == (0x3400...0x9FFF).contains(value), "U+\(String(value, radix: 16))")
      if scalar.isInHanBlocks {
        #expect(!scalar.isCJKPunctuation && !scalar.isInlineWhitespace && !scalar.isLineBreak)
        #expect(!scalar.properties.generalCategory.isPunctuationOrSpace)
      }
    }
    #expect(!Unicode.Scalar(0x20000)!.isInHanBlocks && !Unicode.Scalar("a").isInHanBlocks)
  }

  @Test("a String made from scalars: every UTF-8 length, and none")
  func stringOfScalars() {
    let samples = ["", "a", "é", "中文，", "😀𠀋", "a中😀é\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"]
    for sample in samples {
      let scalars = Array(sample.unicodeScalars)
      #expect(String(scalars: scalars) == sample)
      #expect(Array(String(scalars: scalars[...]).utf8) == Array(sample.utf8))
    }
    let text = Array("一二三四".unicodeScalars)
    #expect(String(scalars: text[1..<3]) == "二三")
  }

  @Test("a String's scalar array: every UTF-8 length, a long text, a substring's copy, and none")
  func scalarArrayOfString() {
    let samples = ["", "a", "é", "中文，", "😀𠀋", "a中😀é\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
      String(repeating: "人大代表", count: 300), String("一二三四五".dropFirst(2))]
    for sample in samples {
      #expect(sample.scalarArray == Array(sample.unicodeScalars), "\(sample.prefix(8))")
    }
  }
}

extension Unicode.GeneralCategory {
  fileprivate var isPunctuationOrSpace: Bool {
    switch self {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation, .spaceSeparator, .decimalNumber:
      true
    default: false
    }
  }
}
