import RendaChecks
import Synchronization

/// What `renda check` counts while the workers report: files checked, findings, the worst
/// severity (for `--fail-on`) and whether an input failed. Shared by the workers.
final class CheckTally: Sendable {
  struct Summary {
    var files = 0
    var findings = 0
    var worst: Severity?
    var inputFailed = false
  }

  private let state = Mutex(Summary())

  /// A file checked (its findings are noted by `note(_:)`, in one batch or several).
  func noteFile() { state.withLock { $0.files += 1 } }

  func note(_ findings: [Finding]) {
    var worst: Severity?
    for finding in findings where worst == nil || finding.severity > worst! { worst = finding.severity }
    state.withLock { summary in
      summary.findings += findings.count
      if let worst, summary.worst == nil || worst > summary.worst! { summary.worst = worst }
    }
  }

  func noteFailure() { state.withLock { $0.inputFailed = true } }

  var summary: Summary { state.withLock { $0 } }
}
