/// How much a finding matters. Ordered: `hint < info < warning < error`.
package enum Severity: String, Sendable, Equatable, Comparable, CaseIterable {
  case hint
  case info
  case warning
  case error

  private var rank: Int {
    switch self {
    case .hint: 0
    case .info: 1
    case .warning: 2
    case .error: 3
    }
  }

  package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
