import RendaText

/// A 64-bit FNV-1a fingerprint of a sequence of scalars, built one scalar at a time, so that
/// a rule can test every length of a candidate name against a set of known names without
/// making a `String` of each (hashing a non-ASCII `String` normalizes it first).
///
/// A fingerprint is a key, not a proof: two names may share one, so a lookup by fingerprint
/// confirms a hit by comparing the scalars (byline's `InertNameTable`). That is exact when
/// both the names and the candidate are canonically inert
/// (``Unicode/Scalar/isCanonicallyInert``), where equal `String`s have equal scalars.
struct ScalarFingerprint {
  private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

  init() {}

  /// The fingerprint of `scalars` read from the last to the first (what a reader going
  /// backwards from a suffix builds one scalar at a time).
  init(reversed scalars: some BidirectionalCollection<Unicode.Scalar>) {
    for scalar in scalars.reversed() { append(scalar) }
  }

  mutating func append(_ scalar: Unicode.Scalar) {
    var v = scalar.value
    for _ in 0..<3 {
      value = (value ^ UInt64(v & 0xFF)) &* 0x100_0000_01B3
      v >>= 8
    }
  }
}
