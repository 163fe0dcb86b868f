#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The files under a directory, for `renda check DIR` and the server's workspace symbols.
package enum DirectoryWalk {
  /// Calls `visit` with the path of every entry under `root` that is not a directory, depth
  /// first, each directory's entries in name order, until `visit` returns false.
  ///
  /// A directory that cannot be read is skipped (the rest of the tree is still walked), a
  /// symbolic link to a directory is not followed (so a link cannot make a cycle), a link to a
  /// file is visited; names starting with `.` are skipped unless `includingHidden`. Returns
  /// false when `root` itself cannot be read.
  @discardableResult
  package static func walk(_ root: String, includingHidden: Bool, _ visit: (String) -> Bool) -> Bool {
    /// Each open directory: its path, its entries in name order, the next one to look at.
    var open: [(path: String, entries: [String], next: Int)] = []
    func enter(_ directory: String) -> Bool {
      guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return false }
      open.append((directory, entries.filter { includingHidden || !$0.hasPrefix(".") }.sorted(), 0))
      return true
    }
    guard enter(root) else { return false }
    while let top = open.last {
      guard top.next < top.entries.count else {
        open.removeLast()
        continue
      }
      open[open.count - 1].next += 1
      let path = PathString.appending(top.path, top.entries[top.next])
      if FileStatus(path: path, followingLinks: false)?.kind == .directory {
        _ = enter(path)
      } else if !visit(path) {
        return true
      }
    }
    return true
  }
}
