import Dispatch
import RendaIDE

/// `ConcurrentWork` on Dispatch's global queue: what `renda check` of a single large file
/// gives `WindowedCheck`, so that its windows' rules use every core.
package struct DispatchWork: ConcurrentWork {
  package let width: Int

  package init(width: Int) { self.width = width }

  package func start<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> () -> Result {
    let job = Job<Result>()
    DispatchQueue.global().async {
      job.result = work()
      job.done.signal()
    }
    return {
      job.done.wait()
      return job.result!
    }
  }

  /// The result, written before `done` is signalled and read after it is waited for (the
  /// semaphore orders the two).
  private final class Job<Result: Sendable>: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var result: Result?
  }
}
