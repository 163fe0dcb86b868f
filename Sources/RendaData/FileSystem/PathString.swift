#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// File paths as strings, without the full Foundation (see the EmbedResources plugin): the
/// `NSString` path methods Renda used, lexical (`standardized` does not resolve links, as the
/// Linux `standardizingPath` did: `resolvingLinks` does). Only `absolute` (the current
/// directory) and `resolvingLinks` read the file system.
package enum PathString {
  /// The path without its last component: `a/b/c` → `a/b`, `/a` → `/`, `a` → ``.
  package static func deletingLastComponent(_ path: String) -> String {
    let trimmed = trimmingTrailingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    if slash == trimmed.startIndex { return "/" }
    return trimmingTrailingSlashes(String(trimmed[..<slash]))
  }

  /// The last component: `a/b/c.txt` → `c.txt`, `/` → `/`.
  package static func lastComponent(_ path: String) -> String {
    let trimmed = trimmingTrailingSlashes(path)
    if trimmed == "/" { return "/" }
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// The last component's extension, without the dot: `a/b.TXT` → `TXT`; `` for none (and for
  /// a name that only starts with a dot).
  package static func pathExtension(_ path: String) -> String {
    let name = lastComponent(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return String(name[name.index(after: dot)...])
  }

  /// `component` appended with one slash between: `a` + `b` → `a/b`, `` + `b` → `b`.
  package static func appending(_ path: String, _ component: String) -> String {
    if path.isEmpty { return component }
    if component.isEmpty { return path }
    let base = trimmingTrailingSlashes(path)
    let tail = component.drop { $0 == "/" }
    return base == "/" ? "/" + tail : base + "/" + tail
  }

  /// `path` made absolute against the current directory.
  package static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : appending(FileManager.default.currentDirectoryPath, path)
  }

  /// A leading `~` expanded, `.` components and repeated slashes dropped, `..` resolved
  /// against the component before it (kept at the start of a relative path, dropped at the
  /// root), no trailing slash.
  package static func standardized(_ path: String) -> String {
    var path = path
    if path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
      path = home + path.dropFirst()
    }
    let isAbsolute = path.hasPrefix("/")
    var components: [Substring] = []
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch component {
      case ".": continue
      case "..":
        if let last = components.last, last != ".." {
          components.removeLast()
        } else if !isAbsolute {
          components.append(component)
        }
      default: components.append(component)
      }
    }
    let joined = components.joined(separator: "/")
    return isAbsolute ? "/" + joined : (joined.isEmpty && !path.isEmpty ? "." : joined)
  }

  /// `path` (absolute) standardized, with every symbolic link in it resolved (`realpath`) as far
  /// as it exists: `/link/a/new.txt` → `/target/a/new.txt` even when `new.txt` does not exist.
  package static func resolvingLinks(_ path: String) -> String {
    var existing = standardized(path)
    var missing: [String] = []
    while existing != "/" && !existing.isEmpty {
      if let resolved = realpath(existing, nil) {
        defer { free(resolved) }
        return missing.reversed().reduce(String(cString: resolved)) { appending($0, $1) }
      }
      missing.append(lastComponent(existing))
      existing = deletingLastComponent(existing)
    }
    return standardized(path)
  }

  private static func trimmingTrailingSlashes(_ path: String) -> String {
    var path = Substring(path)
    while path.count > 1, path.last == "/" { path.removeLast() }
    return String(path)
  }
}
