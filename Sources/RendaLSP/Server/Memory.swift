#if canImport(Glibc)
  import Glibc
#endif

/// The allocator, for a long-running server: glibc's `malloc_trim` (looked up at run
/// time: `malloc.h` is not in the Glibc module); elsewhere, or when it is missing, nothing.
enum Memory {
  #if canImport(Glibc)
    private typealias MallocTrim = @convention(c) (Int) -> Int32
    private static let mallocTrim: MallocTrim? = dlsym(nil, "malloc_trim").map {
      unsafeBitCast($0, to: MallocTrim.self)
    }
  #endif

  /// Returns free memory at the top of the heaps, and whole free pages inside them, to
  /// the system.
  static func trim() {
    #if canImport(Glibc)
      _ = mallocTrim?(0)
    #endif
  }
}
