#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat(2)` says of a path: its kind, size and modification time.
///
/// One system call, and the same answer on every platform; Foundation's essentials return
/// these as an untyped attribute dictionary whose value types differ from the full
/// Foundation's (`UInt` against `NSNumber`).
package struct FileStatus: Sendable, Equatable {
  package enum Kind: Sendable { case regular, directory, other }

  package var kind: Kind
  package var size: Int
  /// Seconds and nanoseconds since 1970.
  package var modified: Duration

  /// The status of `path`; `followingLinks: false` describes a symbolic link itself (`.other`).
  /// Nil when the path does not exist or cannot be examined.
  package init?(path: String, followingLinks: Bool = true) {
    var info = stat()
    guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = .regular
    case S_IFDIR: kind = .directory
    default: kind = .other
    }
    size = Int(info.st_size)
    #if canImport(Darwin)
      let time = info.st_mtimespec
    #else
      let time = info.st_mtim
    #endif
    modified = .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
  }
}
