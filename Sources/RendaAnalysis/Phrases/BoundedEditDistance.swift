/// One edit that turns a phrase into what the page prints.
package enum SingleEdit: Sendable, Equatable {
  /// The phrase's scalar at the index is replaced by the text's scalar at the same index.
  case substitution(Int)
  /// The phrase's scalar at the index is missing from the text.
  case deletion(Int)
  /// The text's scalar at the index is not in the phrase.
  case insertion(Int)
  /// The phrase's scalars at the index and the next are swapped in the text.
  case transposition(Int)
}

/// Edit distances bounded by a small limit: the optimal-string-alignment distance
/// (substitution, deletion, insertion, transposition of neighbours, each costing 1)
/// computed in Ukkonen's diagonal band, and a linear-time classifier of a single edit.
package enum BoundedEditDistance {
  /// The optimal-string-alignment distance of `a` and `b` when it is at most `limit`, else nil.
  ///
  /// - Complexity: O((2·limit + 1) · max(|a|, |b|)): only cells within `limit` of the diagonal
  ///   are computed (Ukkonen's band), and the scan stops once a whole row exceeds the limit.
  package static func distance<A: RandomAccessCollection, B: RandomAccessCollection>(
    _ a: A, _ b: B, limit: Int
  ) -> Int? where A.Element == Unicode.Scalar, B.Element == Unicode.Scalar, A.Index == Int, B.Index == Int {
    let n = a.count
    let m = b.count
    guard abs(n - m) <= limit else { return nil }
    if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
    let a0 = a.startIndex
    let b0 = b.startIndex
    let big = limit + 1
    // Rows of width m + 1; cells outside the band hold `big`.
    var previous2 = [Int](repeating: big, count: m + 1)
    var previous = [Int](repeating: big, count: m + 1)
    var current = [Int](repeating: big, count: m + 1)
    for j in 0...min(m, limit) { previous[j] = j }
    for i in 1...n {
      for j in 0...m { current[j] = big }
      let low = max(0, i - limit)
      let high = min(m, i + limit)
      if low == 0 { current[0] = i <= limit ? i : big }
      var rowMinimum = low == 0 ? current[0] : big
      for j in max(1, low)...max(1, high) where j <= high {
        let cost = a[a0 + i - 1] == b[b0 + j - 1] ? 0 : 1
        var value = min(previous[j - 1] + cost, previous[j] + 1, current[j - 1] + 1)
        if i > 1, j > 1, a[a0 + i - 1] == b[b0 + j - 2], a[a0 + i - 2] == b[b0 + j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = min(value, big)
        rowMinimum = min(rowMinimum, current[j])
      }
      if rowMinimum > limit { return nil }
      swap(&previous2, &previous)
      swap(&previous, &current)
    }
    return previous[m] <= limit ? previous[m] : nil
  }

  /// The single edit that turns `pattern` into `text`, nil when they are equal or more than
  /// one edit apart. Where several positions explain the edit (a doubled scalar lost: 民民 →
  /// 民), the one farthest from both ends of the pattern is given.
  ///
  /// - Complexity: O(|pattern|): the longest common prefix and suffix decide it.
  package static func singleEdit<P: RandomAccessCollection, T: RandomAccessCollection>(
    from pattern: P, to text: T
  ) -> SingleEdit? where P.Element == Unicode.Scalar, P.Index == Int, T.Element == Unicode.Scalar, T.Index == Int {
    let n = pattern.count
    let m = text.count
    let p0 = pattern.startIndex
    let t0 = text.startIndex
    guard abs(n - m) <= 1 else { return nil }
    var prefix = 0
    let shorter = min(n, m)
    while prefix < shorter, pattern[p0 + prefix] == text[t0 + prefix] { prefix += 1 }
    var suffix = 0
    while suffix < shorter, pattern[p0 + n - 1 - suffix] == text[t0 + m - 1 - suffix] { suffix += 1 }
    if n == m {
      if prefix == n { return nil }
      if prefix + suffix >= n - 1 { return .substitution(prefix) }
      if prefix + suffix == n - 2, pattern[p0 + prefix] == text[t0 + prefix + 1],
        pattern[p0 + prefix + 1] == text[t0 + prefix]
      {
        return .transposition(prefix)
      }
      return nil
    }
    if m == n - 1 {
      // Deleting pattern[i] leaves text when i ≤ prefix and n - 1 - i ≤ suffix.
      let low = max(0, n - 1 - suffix)
      let high = min(prefix, n - 1)
      guard low <= high else { return nil }
      return .deletion(mostInterior(low...high, length: n))
    }
    // m == n + 1: text[j] is extra when j ≤ prefix and m - 1 - j ≤ suffix.
    let low = max(0, m - 1 - suffix)
    let high = min(prefix, m - 1)
    guard low <= high else { return nil }
    return .insertion(mostInterior(low...high, length: m))
  }

  private static func mostInterior(_ range: ClosedRange<Int>, length: Int) -> Int {
    let center = (length - 1) / 2
    return min(max(center, range.lowerBound), range.upperBound)
  }
}
