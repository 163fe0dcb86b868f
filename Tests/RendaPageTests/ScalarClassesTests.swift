import Testing

@testable import RendaPage

@Suite("Scalar classes")
struct ScalarClassesTests {
  /// The digits as the genre writes them, spelled out: what the table must agree with.
  static let digits: [Unicode.Scalar: Int] = [
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
  ]

  @Test("chineseDigitValue is the digit's value for the thirteen digits and nil for every other scalar")
  func chineseDigitValueMatchesTheDigits() {
    var found = 0
    // Every BMP scalar, and the planes beyond at a stride.
    for value in Array(UInt32(0)..<0x1_0000) + Array(stride(from: UInt32(0x1_0000), to: 0x11_0000, by: 0x3F)) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(scalar.chineseDigitValue == Self.digits[scalar], "U+\(String(value, radix: 16))")
      if scalar.chineseDigitValue != nil { found += 1 }
    }
    #expect(found == Self.digits.count)
  }

  @Test("chineseNumber reads one- and two-place numerals and stops at what is not one")
  func chineseNumberReadsNumerals() {
    func read(_ text: String) -> (value: Int, length: Int)? { chineseNumber(in: Array(text.unicodeScalars), at: 0) }
    #expect(read("三是")! == (3, 1))
    #expect(read("十二条")! == (12, 2))
    #expect(read("二十")! == (20, 2))
    #expect(read("九十九")! == (99, 3))
    #expect(read("两个")! == (2, 1))
    #expect(read("零") == nil)
    #expect(read("是") == nil)
  }
}
