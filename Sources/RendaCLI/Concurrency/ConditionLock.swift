#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mutex with a condition: what `NSLock` and `NSCondition` were to the CLI's parallel
/// workers, on POSIX threads (they belong to the full Foundation, which Renda does not link:
/// see the EmbedResources plugin). `Synchronization.Mutex` has no condition to wait on.
final class ConditionLock: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  func lock() { pthread_mutex_lock(mutex) }
  func unlock() { pthread_mutex_unlock(mutex) }
  /// Releases the lock until `broadcast()` (or a spurious wake-up: wait in a loop), then holds it again.
  func wait() { pthread_cond_wait(condition, mutex) }
  /// Wakes every thread waiting.
  func broadcast() { pthread_cond_broadcast(condition) }
}
