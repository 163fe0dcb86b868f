import RendaText
import Testing

@testable import RendaPage

@Suite("Scalar classes in lanes")
struct ScalarClassLanesTests {
  @Test("every opening quote is in the lanes that may hold one, so a passed block held none")
  func openingQuoteLanesCoverEveryOpeningQuote() {
    var passed = 0
    // Every BMP scalar, and the planes beyond at a stride.
    for value in Array(UInt32(0)..<0x1_0000) + Array(stride(from: UInt32(0x1_0000), to: 0x11_0000, by: 0x101)) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let lanes = Unicode.Scalar.openingQuoteLanes(of: ScalarLanes.Block(repeating: value))
      if scalar.isOpeningQuote { #expect(any(lanes), "\(value)") }
      if !any(lanes) { passed += 1 }
    }
    // All but a handful (the openers and their neighbours in the masks) are passed.
    #expect(passed > 0xF000)
  }
}
