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
import RendaData

/// Writes a file so that it is never half-written: the new bytes go to a temporary file
/// in the same directory, created with the original's permissions (never readable by
/// more people than the original), flushed, and then swapped in with `rename(2)`. A
/// symbolic link is followed: its target is replaced and the link stays a link. The
/// write is refused when the file on disk no longer holds the bytes it was read with.
enum AtomicFileWriter {
  struct WriteError: Error, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "renda: \(path): \(message)" }
  }

  /// Replaces the file at `path`, which must still hold `original` (read again and compared,
  /// before writing and before the swap), with `contents` (arrays, not `Data`: the caller's
  /// bytes are not copied).
  static func replace(_ path: String, expecting original: [UInt8], with contents: [UInt8]) throws(WriteError) {
    // Follow symbolic links: the file to replace is the link's target.
    guard let resolved = realpath(path, nil) else {
      throw WriteError(path: path, message: "cannot resolve the file's path; not changed")
    }
    let target = String(cString: resolved)
    free(resolved)
    guard InputFiles.readFile(target) == original else {
      throw WriteError(path: path, message: "the file changed since it was read; not changed (run again)")
    }
    var status = stat()
    guard stat(target, &status) == 0 else {
      throw WriteError(path: path, message: "cannot read the file's permissions; not changed")
    }
    let mode = status.st_mode & 0o7777
    let directory = PathString.deletingLastComponent(target)
    let name = PathString.lastComponent(target)
    let temporary = PathString.appending(directory,
      ".\(name).renda-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp")
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
    guard descriptor >= 0 else {
      throw WriteError(path: path, message: "cannot create a temporary file in \(directory) (\(String(cString: strerror(errno)))); not changed")
    }
    _ = fchmod(descriptor, mode)  // the umask may have narrowed it
    _ = fchown(descriptor, status.st_uid, status.st_gid)
    let ok = FileDescriptorIO.write(contents, to: descriptor)
    let flushed = fsync(descriptor) == 0
    close(descriptor)
    guard ok, flushed else {
      unlink(temporary)
      throw WriteError(path: path, message: "cannot write the temporary file; not changed")
    }
    // Last look before the swap: a change since the first check is refused too.
    guard InputFiles.readFile(target) == original else {
      unlink(temporary)
      throw WriteError(path: path, message: "the file changed since it was read; not changed (run again)")
    }
    guard rename(temporary, target) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, message: "cannot replace the file (\(reason)); not changed")
    }
  }
}
