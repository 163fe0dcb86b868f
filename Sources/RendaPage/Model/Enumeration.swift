import RendaText

/// A series of ordinal markers that lists items: `一是……二是……三是……`.
///
/// Markers may be split by a line wrap (`一\n是`); the marker's range then covers both
/// lines. A series restarts in each section.
package struct Enumeration: Sendable, Equatable {
  package var scheme: EnumerationScheme
  package var markers: [EnumerationMarker]

  package init(scheme: EnumerationScheme, markers: [EnumerationMarker]) {
    self.scheme = scheme
    self.markers = markers
  }

  /// Ordinals that the series skips (`一是, 二是, 四是` skips 3), in order.
  package var missingOrdinals: [Int] {
    guard let highest = markers.map(\.ordinal).max() else { return [] }
    let present = Set(markers.map(\.ordinal))
    return (1...max(highest, 1)).filter { !present.contains($0) }
  }

  /// Ordinals printed more than once.
  package var repeatedOrdinals: [Int] {
    var seen: Set<Int> = []
    var repeated: [Int] = []
    for marker in markers where !seen.insert(marker.ordinal).inserted && !repeated.contains(marker.ordinal) {
      repeated.append(marker.ordinal)
    }
    return repeated
  }
}

/// The family of markers a series uses.
package enum EnumerationScheme: String, Sendable, Equatable, CaseIterable {
  /// 一是 二是 三是
  case shiOrdinal
  /// 一要 二要 三要
  case yaoOrdinal
  /// 第一 第二 第三 (followed by a comma or 是)
  case diOrdinal
  /// （一）（二）（三）
  case parenthesized
  /// 1. 2. 3. / 1、2、
  case arabic
  /// 一方面 …… 另一方面
  case onOneHand
}

/// One marker of an enumeration, with the item text that follows it up to the next
/// marker or the end of its sentence group.
package struct EnumerationMarker: Sendable, Equatable {
  /// 1-based ordinal (一 is 1; 另一方面 is 2).
  package var ordinal: Int
  /// The marker as printed, whitespace removed (`一是`, `（三）`).
  package var marker: String
  package var range: TextRange
  /// The item's first clause (up to the first `，。；：`), whitespace removed.
  package var itemSummary: String

  package init(ordinal: Int, marker: String, range: TextRange, itemSummary: String) {
    self.ordinal = ordinal
    self.marker = marker
    self.range = range
    self.itemSummary = itemSummary
  }
}
