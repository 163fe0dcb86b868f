import Testing

@testable import RendaChecks

/// `OpenAddressingTable` against a `Dictionary`: the same values after the same updates,
/// through growth and long probe runs.
@Suite struct OpenAddressingTableTests {
  /// A key whose slot hash keeps only a few bits, so that many keys share a slot.
  struct Crowded: OpenAddressingKey {
    var value: Int
    var slotHash: UInt64 { UInt64(value % 5) << 61 }
  }

  @Test("updates, lookups and iteration agree with a Dictionary, through growth and collisions")
  func agreesWithDictionary() {
    var table = OpenAddressingTable<Crowded, Int>(capacity: 2)
    var reference: [Int: Int] = [:]
    var random = PhraseTestRandom(seed: 0x7AB1E)
    for _ in 0..<2_000 {
      let key = Int.random(in: 0..<300, using: &random)
      let amount = Int.random(in: 1..<10, using: &random)
      if Bool.random(using: &random) {
        table.update(Crowded(value: key), initial: 100) { $0 += amount }
        reference[key, default: 100] += amount
      } else {
        let present = table.updateIfPresent(Crowded(value: key)) { $0 -= amount }
        #expect(present == (reference[key] != nil))
        if present { reference[key]! -= amount }
      }
    }
    for key in 0..<300 { #expect(table.value(of: Crowded(value: key)) == reference[key]) }
    var seen: [Int: Int] = [:]
    table.forEach { key, value in
      #expect(seen[key.value] == nil)
      seen[key.value] = value
    }
    #expect(seen == reference)
  }

  @Test("fingerprint keys: a missing key is nil, a present one its value")
  func fingerprints() {
    var table = OpenAddressingTable<UInt64, Int>(capacity: 3)
    let fingerprints: [UInt64] = [0xCBF2_9CE4_8422_2325, 0, 1, .max]
    for (k, fingerprint) in fingerprints.enumerated() {
      table.update(fingerprint, initial: -1) { $0 = k }
    }
    #expect(table.value(of: 0) == 1)
    #expect(table.value(of: .max) == 3)
    #expect(table.value(of: 2) == nil)
  }
}
