/// A table from strings that compare as `String`'s `==` does (canonical equivalence) to
/// integers (an index into the caller's values), answering most lookups by the strings'
/// UTF-8 bytes. Not generic over the value: a generic table used from another module runs
/// unspecialized (its lookups cost more than the hashing they save).
///
/// Hashing a `String` of ideographs goes through its NFC form: some 1,700–2,000
/// instructions for a name of four or five characters, asked of every quoted slogan
/// (formula names) and every short block (page furniture) of a page. A string whose scalars
/// are all canonically inert (``Unicode/Scalar/isCanonicallyInert``: ideographs, Chinese
/// punctuation, ASCII) is its own NFC form, so two inert strings are equivalent exactly when
/// their bytes are equal. While every key is inert, a lookup goes by bytes: a hit is the
/// answer (an equivalent key would be byte-equal); a miss is final for an inert query, and
/// goes on to canonical equivalence for another (`cafe\u{301}`, a compatibility ideograph
/// such as U+F900 for U+8C48). A table with a key that is not inert answers by equivalence.
package struct StringTable: Sendable {
  private var byEquivalence: [String: Int] = [:]
  private var byBytes: [UTF8Key: Int] = [:]
  private var allKeysInert = true

  /// The pairs in order; of keys that are equivalent, the first one's value is kept.
  package init(_ pairs: some Sequence<(String, Int)>) {
    for (key, value) in pairs where byEquivalence[key] == nil {
      byEquivalence[key] = value
      if allKeysInert && !key.unicodeScalars.allSatisfy(\.isCanonicallyInert) { allKeysInert = false }
    }
    guard allKeysInert else { return }
    byBytes.reserveCapacity(byEquivalence.count)
    for (key, value) in byEquivalence { byBytes[UTF8Key(key)] = value }
  }

  /// The value of the key equivalent to `key`, if any.
  package subscript(key: String) -> Int? {
    guard allKeysInert else { return byEquivalence[key] }
    if let value = byBytes[UTF8Key(key)] { return value }
    return key.unicodeScalars.allSatisfy(\.isCanonicallyInert) ? nil : byEquivalence[key]
  }

  package var count: Int { byEquivalence.count }

  /// A string hashed and compared by its UTF-8 bytes. Their FNV-1a digest, made once, is
  /// what the table hashes and what `==` compares first (a probe passes other keys, each
  /// then one comparison of integers).
  private struct UTF8Key: Hashable, Sendable {
    var string: String
    var digest: UInt64

    init(_ string: String) {
      var string = string
      digest = string.withUTF8 { bytes in
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
