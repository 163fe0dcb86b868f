import Foundation

/// Writes a file so that it is never half-written: the new bytes go to a temporary file
/// in the same directory, which then replaces the original with `rename(2)`. The file's
/// permissions are kept, and the write is refused when the file on disk no longer holds
/// the bytes it was read with (someone changed it meanwhile).
enum AtomicFileWriter {
  struct WriteError: Error, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "renda: \(path): \(message)" }
  }

  static func replace(_ path: String, expecting original: Data, with contents: Data) throws(WriteError) {
    let manager = FileManager.default
    guard let current = manager.contents(atPath: path) else {
      throw WriteError(path: path, message: "cannot read the file again before writing; not changed")
    }
    guard current == original else {
      throw WriteError(path: path, message: "the file changed since it was read; not changed (run again)")
    }
    let attributes = (try? manager.attributesOfItem(atPath: path)) ?? [:]
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary = ((directory.isEmpty ? "." : directory) as NSString)
      .appendingPathComponent(
        ".\(name).renda-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp")
    guard manager.createFile(atPath: temporary, contents: contents) else {
      throw WriteError(
        path: path, message: "cannot write a temporary file in \(directory.isEmpty ? "." : directory); not changed")
    }
    if let permissions = attributes[.posixPermissions] {
      try? manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
    }
    // Last look before the swap: a change between the check above and now is refused too.
    guard manager.contents(atPath: path) == original else {
      try? manager.removeItem(atPath: temporary)
      throw WriteError(path: path, message: "the file changed since it was read; not changed (run again)")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? manager.removeItem(atPath: temporary)
      throw WriteError(path: path, message: "cannot replace the file (\(reason)); not changed")
    }
  }
}
