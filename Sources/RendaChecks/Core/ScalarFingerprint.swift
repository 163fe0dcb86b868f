import RendaText

/// A 64-bit FNV-1a fingerprint of a sequence of scalars, built one scalar at a time, so that
/// a rule can test every length of a candidate name against a set of known names without
/// making a `String` of each (hashing a non-ASCII `String` normalizes it first).
///
/// A fingerprint only rules a candidate out: a name whose fingerprint is not in the set is
/// not a known name, provided both the names and the candidate are canonically inert
/// (``Unicode/Scalar/isCanonicallyInert``), where equal `String`s have equal scalars.
/// A fingerprint that is in the set is confirmed by the `String` lookup it guards.
struct ScalarFingerprint {
  private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

  mutating func append(_ scalar: Unicode.Scalar) {
    var v = scalar.value
    for _ in 0..<3 {
      value = (value ^ UInt64(v & 0xFF)) &* 0x100_0000_01B3
      v >>= 8
    }
  }

  /// The fingerprints of `names`, each read from its last scalar to its first; nil when a
  /// name holds a scalar that is not canonically inert (then fingerprints prove nothing).
  static func ofReversed(_ names: some Sequence<String>) -> Set<UInt64>? {
    var result: Set<UInt64> = []
    for name in names {
      var hash = ScalarFingerprint()
      for scalar in name.unicodeScalars.reversed() {
        guard scalar.isCanonicallyInert else { return nil }
        hash.append(scalar)
      }
      result.insert(hash.value)
    }
    return result
  }
}
