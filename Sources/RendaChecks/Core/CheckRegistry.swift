/// Every rule Renda has, in id order. A new check is added here (a repository test
/// keeps the list sorted, the ids unique and every rule documented).
package enum CheckRegistry {
  package static let all: [any Check] = [
    PairedPunctuation(),
    HalfwidthPunctuation(), OCRSpacing(), OCRConfusable(),
    UnmatchedFourOrgansHeadings(), SloganCountMismatch(), FormulaMembers(), BrokenEnumeration(),
    HeadingParallelism(), HeadingFormat(),
    BylineProvince(), CanonicalPhrase(),
  ].sorted { $0.id < $1.id }

  package static func check(id: String) -> (any Check)? {
    all.first { $0.id == id }
  }

  package static var ids: [String] { all.map(\.id) }
}
