/// Somewhere to run work beside the calling thread, for the layers that start no threads
/// themselves: `WindowedCheck` hands a window's rules to it while it parses the next window.
/// The core stays free of threads and of Dispatch (`RepositoryHygieneTests`); the CLI supplies
/// one backed by Dispatch (`RendaCLI/Concurrency/DispatchWork.swift`).
package protocol ConcurrentWork: Sendable {
  /// How many pieces of work the caller may keep running at once.
  var width: Int { get }

  /// Starts `work`; the function returned waits for it to finish and returns its result (call
  /// it once, on the thread that started the work).
  func start<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> () -> Result
}
