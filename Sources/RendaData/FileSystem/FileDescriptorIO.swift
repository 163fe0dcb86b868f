#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole reads and writes on a file descriptor, retried when a system call is interrupted
/// or does part of the work. (Foundation's `FileHandle` does this too, but belongs to the
/// full Foundation, which Renda does not link: see the EmbedResources plugin.)
package enum FileDescriptorIO {
  /// Everything `fd` yields until its end: first into an array of `expectedSize` bytes (a
  /// regular file's size, read straight into the array the caller keeps, not grown to probe
  /// for the end), then whatever follows in pieces; nil on a read error.
  package static func readToEnd(_ fd: Int32, expectedSize: Int = 0) -> [UInt8]? {
    /// `read` into `buffer` from `offset` on, retried when interrupted; nil on an error.
    func readSome(_ buffer: UnsafeMutableRawBufferPointer, from offset: Int) -> Int? {
      while true {
        #if canImport(Glibc)
          let n = Glibc.read(fd, buffer.baseAddress! + offset, buffer.count - offset)
        #else
          let n = Darwin.read(fd, buffer.baseAddress! + offset, buffer.count - offset)
        #endif
        if n >= 0 { return n }
        if errno != EINTR { return nil }
      }
    }
    var bytes = [UInt8](repeating: 0, count: max(0, expectedSize))
    var count = 0
    while count < bytes.count {
      guard let n = bytes.withUnsafeMutableBytes({ readSome($0, from: count) }) else { return nil }
      if n == 0 { break }
      count += n
    }
    if count < bytes.count {
      bytes.removeLast(bytes.count - count)  // the file shrank since its size was read
      return bytes
    }
    var piece = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      guard let n = piece.withUnsafeMutableBytes({ readSome($0, from: 0) }) else { return nil }
      if n == 0 { break }
      bytes.append(contentsOf: piece[..<n])
    }
    return bytes
  }

  /// Writes all of `bytes` to `fd`; false when a write fails (a closed pipe, a full disk).
  @discardableResult
  package static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
    bytes.withUnsafeBytes { write($0, to: fd) }
  }

  /// Writes the UTF-8 of `text` to `fd`, from the string's own storage (no copy of it).
  @discardableResult
  package static func write(_ text: String, to fd: Int32) -> Bool {
    var text = text
    return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: fd) }
  }

  /// Writes all of `buffer` to `fd` (retrying interrupted and partial writes); false on an error.
  @discardableResult
  package static func write(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
    var offset = 0
    while offset < buffer.count {
      #if canImport(Glibc)
        let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      #else
        let n = Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      #endif
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return false }  // an error, or a descriptor that takes nothing
      offset += n
    }
    return true
  }
}
