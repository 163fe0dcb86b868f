import RendaText

/// Each formula name and alias with the index of the first formula it names, for
/// ``Glossary/formula(named:)`` (asked of every quoted slogan on a page).
///
/// Names compare by canonical equivalence, as `String`'s `==` does. Hashing a `String` of
/// ideographs for that goes through its NFC form (some 2,000 instructions for a slogan's
/// name, 1% of `check`), so the names whose scalars are all canonically inert
/// (``Unicode/Scalar/isCanonicallyInert``: no decomposition, no combining class, the
/// ideographs and Chinese punctuation) are also kept by their UTF-8 bytes. Such a string is
/// its own NFC form, so for a name and a query both inert, canonical equivalence is equality
/// of bytes. While every name is inert, a query is looked up by its bytes: a hit is the
/// answer (any name equivalent to it is byte-equal to it); a miss is final for an inert query
/// and goes on to canonical equivalence for another (`cafe\u{301}`, a compatibility ideograph).
struct FormulaNameIndex: Sendable {
  /// By canonical equivalence: every name.
  private var byEquivalence: [String: Int] = [:]
  /// By bytes: every name, when all are canonically inert; else empty and unused.
  private var byBytes: [UTF8Key: Int] = [:]
  private var allNamesInert = true

  init(_ formulas: [NationalFormula]) {
    for (k, formula) in formulas.enumerated() {
      for name in [formula.name] + formula.aliases where byEquivalence[name] == nil {
        byEquivalence[name] = k
        if !name.unicodeScalars.allSatisfy(\.isCanonicallyInert) { allNamesInert = false }
      }
    }
    if allNamesInert {
      for (name, k) in byEquivalence { byBytes[UTF8Key(name)] = k }
    }
  }

  /// The index of the first formula named `name`.
  func first(named name: String) -> Int? {
    guard allNamesInert else { return byEquivalence[name] }
    if let k = byBytes[UTF8Key(name)] { return k }
    return name.unicodeScalars.allSatisfy(\.isCanonicallyInert) ? nil : byEquivalence[name]
  }

  /// A string hashed and compared by its UTF-8 bytes. The bytes' FNV-1a digest, made once,
  /// is what the table hashes and what `==` compares first (a probe passes keys of other
  /// names, which then cost one comparison of integers).
  private struct UTF8Key: Hashable, Sendable {
    var string: String
    var digest: UInt64

    init(_ string: String) {
      var string = string
      self.digest = string.withUTF8 { bytes in
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
      }
      self.string = string
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
      guard a.digest == b.digest else { return false }
      var a = a.string
      var b = b.string
      return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
    }
  }
}
