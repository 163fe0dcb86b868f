import RendaPage
import RendaText

/// Where each parsed author name sits in its byline. The model keeps names as text
/// (`宋军` from `宋 军`), so the name's scalars are found again, in order, among the
/// byline's name scalars before the province's parentheses, skipping padding spaces.
enum BylineAuthorRanges {
  static func ranges(of byline: Byline, in text: SourceText) -> [TextRange] {
    var scalars: [(scalar: Unicode.Scalar, range: TextRange)] = []
    var offset = byline.range.lowerBound
    for scalar in text.scalars(in: byline.range) {
      let next = offset.advanced(byUTF8: scalar.utf8.count)
      scalars.append((scalar, offset..<next))
      offset = next
    }
    if let marker = scalars.firstIndex(where: { isBylineMarker($0.scalar) }) {
      scalars.removeFirst(marker + 1)
    }
    if let province = byline.provinceRange {
      scalars.removeAll { $0.range.lowerBound >= province.lowerBound }
      if let open = scalars.lastIndex(where: { $0.scalar.value == 0xFF08 || $0.scalar.value == 0x28 }) {
        scalars.removeSubrange(open...)
      }
    }
    var ranges: [TextRange] = []
    var index = 0
    for author in byline.authors {
      var first: TextOffset?
      var last: TextOffset?
      var cursor = index
      var matched = true
      for wanted in author.unicodeScalars {
        while cursor < scalars.count, scalars[cursor].scalar != wanted, !isNameScalar(scalars[cursor].scalar) {
          cursor += 1
        }
        guard cursor < scalars.count, scalars[cursor].scalar == wanted else {
          matched = false
          break
        }
        if first == nil { first = scalars[cursor].range.lowerBound }
        last = scalars[cursor].range.upperBound
        cursor += 1
      }
      guard matched, let first, let last else { continue }
      ranges.append(first..<last)
      index = cursor
    }
    return ranges
  }

  /// `■`, `▪`, `◼`: the marks that open a byline.
  static func isBylineMarker(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value == 0x25A0 || scalar.value == 0x25AA || scalar.value == 0x25FC
  }

  /// Scalars a name is made of; anything else (spaces, `、`) may sit between its parts.
  private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isCJKIdeograph || scalar.properties.isAlphabetic
  }
}
