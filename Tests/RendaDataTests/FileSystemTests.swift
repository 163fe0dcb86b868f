import Foundation
import Testing

@testable import RendaData

/// The file-system helpers that stand in for the full Foundation's (see the EmbedResources
/// plugin), against what Foundation does where they claim to do the same.
@Suite struct FileSystemTests {
  /// (Names of two or more letters: the Linux Foundation's `deletingLastPathComponent` traps on
  /// a one-letter name such as `a`.)
  static let paths = [
    "", "/", "ab", "ab/", "/ab", "/ab/", "ab/cd", "/ab/cd/c.txt", "ab//cd", "./ab", "../ab", "ab/./cd/../ef",
    "/ab/cd/..", "人大/页 1.txt", "~/notes.md", ".renda.json", "ab/.hidden", "ab/cd.e.f", "ab/cd.", "ab.c/de",
  ]

  @Test("the last component, the path without it, and the extension are NSString's")
  func componentsAreNSStrings() {
    for path in Self.paths {
      let ns = path as NSString
      #expect(PathString.lastComponent(path) == ns.lastPathComponent, "lastComponent(\(path))")
      #expect(PathString.deletingLastComponent(path) == ns.deletingLastPathComponent, "deletingLastComponent(\(path))")
      #expect(PathString.pathExtension(path) == ns.pathExtension, "pathExtension(\(path))")
    }
  }

  @Test("appending a component is NSString's")
  func appendingIsNSStrings() {
    for path in Self.paths {
      for component in ["b", "c.txt", "页", ".renda.json"] {
        #expect(
          PathString.appending(path, component) == (path as NSString).appendingPathComponent(component),
          "appending(\(path), \(component))")
      }
    }
  }

  @Test("standardized: dots and repeated slashes dropped, .. resolved, ~ expanded, no trailing slash")
  func standardized() {
    #expect(PathString.deletingLastComponent("a") == "" && PathString.deletingLastComponent("/a") == "/")
    #expect(PathString.standardized("/a/./b//c/") == "/a/b/c")
    #expect(PathString.standardized("/a/b/../c") == "/a/c")
    #expect(PathString.standardized("/../a") == "/a")
    #expect(PathString.standardized("a/../../b") == "../b")
    #expect(PathString.standardized("./") == ".")
    #expect(PathString.standardized("") == "")
    if let home = ProcessInfo.processInfo.environment["HOME"] {
      #expect(PathString.standardized("~/x") == PathString.standardized(home + "/x"))
    }
  }

  @Test("resolvingLinks follows a link to a directory, and keeps the parts that do not exist")
  func resolvingLinks() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("renda-links-\(UUID().uuidString)")
    let target = root.appendingPathComponent("target")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let link = root.appendingPathComponent("link")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    let real = try #require(realpath(target.path, nil).map { pointer in
      defer { free(pointer) }
      return String(cString: pointer)
    })
    #expect(PathString.resolvingLinks(link.path + "/new/page.txt") == real + "/new/page.txt")
    #expect(PathString.resolvingLinks(link.path + "/./x/../y") == real + "/y")
  }

  @Test("FileStatus: kinds, size and time, and links followed or not")
  func fileStatus() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("renda-status-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("page.txt")
    try Data("人大".utf8).write(to: file)
    let link = root.appendingPathComponent("link")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root)
    let status = try #require(FileStatus(path: file.path))
    #expect(status.kind == .regular && status.size == 6)
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    let modified = try #require(attributes[.modificationDate] as? Date)
    #expect(abs(Double(status.modified.components.seconds) - modified.timeIntervalSince1970) < 1)
    #expect(FileStatus(path: root.path)?.kind == .directory)
    #expect(FileStatus(path: link.path)?.kind == .directory)
    #expect(FileStatus(path: link.path, followingLinks: false)?.kind == .other)
    #expect(FileStatus(path: root.appendingPathComponent("none").path) == nil)
  }

  @Test("DirectoryWalk: depth first in name order, hidden entries only when asked, links to directories not followed")
  func directoryWalk() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("renda-walk-\(UUID().uuidString)")
    for directory in ["b/d", "a", ".hidden"] {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
    }
    defer { try? FileManager.default.removeItem(at: root) }
    for file in ["z.txt", "b/d/x.txt", "b/c.md", "a/y.txt", ".hidden/h.txt", ".dot.txt"] {
      try Data().write(to: root.appendingPathComponent(file))
    }
    // A cycle: b/d/up → the root.
    try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("b/d/up"), withDestinationURL: root)
    func walk(hidden: Bool, limit: Int = .max) -> [String] {
      var seen: [String] = []
      DirectoryWalk.walk(root.path, includingHidden: hidden) { path in
        seen.append(String(path.dropFirst(root.path.count + 1)))
        return seen.count < limit
      }
      return seen
    }
    #expect(walk(hidden: false) == ["a/y.txt", "b/c.md", "b/d/up", "b/d/x.txt", "z.txt"])
    #expect(walk(hidden: true) == [".dot.txt", ".hidden/h.txt", "a/y.txt", "b/c.md", "b/d/up", "b/d/x.txt", "z.txt"])
    #expect(walk(hidden: false, limit: 2) == ["a/y.txt", "b/c.md"])
  }

  @Test("FileDescriptorIO: a write and a read to the end through a pipe, larger than its buffer")
  func descriptorRoundTrip() throws {
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let writer = ends[1]
    let written = Thread.detachNewThreadResult {
      defer { close(writer) }
      return FileDescriptorIO.write(bytes, to: writer)
    }
    let read = FileDescriptorIO.readToEnd(ends[0])
    close(ends[0])
    #expect(written.wait() == true)
    #expect(read == bytes)
    #expect(FileDescriptorIO.write([1], to: -1) == false)
    #expect(FileDescriptorIO.readToEnd(-1) == nil)
  }

  @Test("FileError words the errors Data(contentsOf:) throws")
  func fileErrors() {
    let missing = URL(fileURLWithPath: "/nonexistent-renda-\(UUID().uuidString)/page.txt")
    do {
      _ = try Data(contentsOf: missing)
      Issue.record("read a missing file")
    } catch {
      #expect(FileError.describe(error) == "no such file")
    }
    #expect(FileError.describe(POSIXError(.EACCES)) == String(cString: strerror(EACCES)))
  }

  @Test("the embedded resources are the files in Resources/, byte for byte")
  func embeddedResourcesAreTheFiles() throws {
    let directory = RepositoryFiles.root.appendingPathComponent("Sources/RendaData/Resources")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
    #expect(Set(EmbeddedResources.files.map(\.name)) == Set(names.map { String($0.dropLast(".json".count)) }))
    for file in EmbeddedResources.files {
      let bytes = try Data(contentsOf: directory.appendingPathComponent(file.name + ".json"))
      #expect(file.text.withUTF8Buffer { Data($0) } == bytes, "\(file.name).json differs from its embedded text")
    }
  }
}

extension Thread {
  /// Runs `body` on a new thread; `wait()` returns its result.
  fileprivate static func detachNewThreadResult<T: Sendable>(_ body: @escaping @Sendable () -> T) -> ThreadResult<T> {
    let result = ThreadResult<T>()
    Thread.detachNewThread { result.set(body()) }
    return result
  }
}

private final class ThreadResult<T: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var value: T?

  func set(_ value: T) {
    condition.lock()
    self.value = value
    condition.broadcast()
    condition.unlock()
  }

  func wait() -> T {
    condition.lock()
    defer { condition.unlock() }
    while value == nil { condition.wait() }
    return value!
  }
}
