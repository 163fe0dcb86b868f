/// Incremental parser of the base protocol's framing: `Content-Length: N\r\n` (other
/// headers ignored), an empty line, then N bytes of body.
///
/// Feed it bytes as they arrive, split anywhere; it returns every body completed so far
/// and a description of every piece of input it had to skip. It never fails and never
/// waits for more than `maximumContentLength` bytes:
///
/// - a header block without `Content-Length`, or with a value that is not a decimal
///   number of at most `maximumContentLength` (negative, non-numeric, huge), is reported
///   and skipped; the body that followed it is then junk before the next header;
/// - junk before a header (a skipped body, stray bytes) is skipped up to the
///   `Content-Length` on the header's line and reported;
/// - a header block that never ends is cut at `maximumHeaderLength`.
///
/// The body is returned as bytes; whether it is JSON is the next layer's question.
package struct MessageFramer: Sendable {
  package enum Event: Sendable, Equatable {
    /// A complete body.
    case message([UInt8])
    /// Input that was skipped, and why.
    case skipped(String)
  }

  /// Largest accepted body: 256 MiB.
  package static let maximumContentLength = 256 << 20
  /// Longest header block (or junk run without one) kept while waiting for its end.
  package static let maximumHeaderLength = 1 << 20

  private var buffer: [UInt8] = []
  /// Start of unconsumed bytes in `buffer`.
  private var start = 0
  /// Where to resume looking for the end of a header block.
  private var scanFrom = 0
  /// Body length once a header was read.
  private var pendingBody: Int?

  package init() {}

  /// Bytes buffered and not yet returned.
  package var bufferedCount: Int { buffer.count - start }

  package mutating func feed(_ bytes: some Collection<UInt8>) -> [Event] {
    buffer.append(contentsOf: bytes)
    var events: [Event] = []
    while step(&events) {}
    compact()
    return events
  }

  /// At end of input: reports an incomplete message, if any, and resets.
  package mutating func finish() -> [Event] {
    defer {
      buffer = []
      start = 0
      scanFrom = 0
      pendingBody = nil
    }
    if let length = pendingBody {
      return [.skipped("end of input after \(bufferedCount) of \(length) body bytes")]
    }
    let rest = buffer[start...]
    if rest.contains(where: { !Self.isWhitespace($0) }) {
      return [.skipped("end of input inside a header (\(rest.count) bytes)")]
    }
    return []
  }

  private mutating func compact() {
    if start > 0, start >= 65536 || start * 2 >= buffer.count {
      buffer.removeSubrange(0..<start)
      scanFrom -= start
      start = 0
    }
  }

  /// One step: a body or a header block; false when more input is needed.
  private mutating func step(_ events: inout [Event]) -> Bool {
    if let length = pendingBody {
      guard buffer.count - start >= length else { return false }
      events.append(.message(Array(buffer[start..<start + length])))
      start += length
      scanFrom = start
      pendingBody = nil
      return true
    }
    guard let end = findHeaderEnd() else {
      if buffer.count - start > Self.maximumHeaderLength {
        // Keep a tail that may hold the beginning of a header split across reads.
        let keep = 64
        let dropped = buffer.count - start - keep
        events.append(.skipped("\(dropped) bytes without a header end"))
        start = buffer.count - keep
        scanFrom = start
      }
      return false
    }
    let block = Array(buffer[start..<end])
    start = end + 4
    scanFrom = start
    parseHeader(block, &events)
    return true
  }

  /// Index of the `\r\n\r\n` that ends the header block, from `scanFrom`.
  private mutating func findHeaderEnd() -> Int? {
    var index = max(scanFrom, start)
    let count = buffer.count
    while index + 3 < count {
      if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
        return index
      }
      index += 1
    }
    scanFrom = max(start, count - 3)
    return nil
  }

  private static let contentLength = Array("content-length".utf8)

  private mutating func parseHeader(_ block: [UInt8], _ events: inout [Event]) {
    if block.allSatisfy(Self.isWhitespace) { return }  // stray blank lines
    var length: Int?
    var invalid: String?
    for var line in Self.lines(block) {
      // Junk before the header (e.g. a body skipped after a bad header) ends where
      // `Content-Length` starts.
      if let at = Self.find(Self.contentLength, in: line), at > 0, Self.isJunk(Array(line[..<at])) {
        events.append(.skipped("\(at) bytes of data before a header"))
        line = Array(line[at...])
      }
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
      let name = Self.trimmed(Array(line[..<colon])).map(Self.lowercased)
      guard name == Self.contentLength else { continue }
      let value = Self.trimmed(Array(line[(colon + 1)...]))
      if let parsed = Self.decimal(value) {
        length = parsed
        invalid = nil
      } else {
        invalid = "invalid Content-Length '\(Self.preview(value))'"
      }
    }
    if let invalid {
      events.append(.skipped("\(invalid): skipped the header"))
    } else if let length {
      pendingBody = length
    } else {
      events.append(.skipped("header without Content-Length ('\(Self.preview(block))'): skipped it"))
    }
  }

  // MARK: Byte helpers

  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
  }

  /// Whether the bytes before `Content-Length` on a line are junk rather than the start
  /// of another header's name (`X-Content-Length`): anything but header-name characters
  /// ending in `-`.
  static func isJunk(_ prefix: [UInt8]) -> Bool {
    let nameLike = prefix.allSatisfy { byte in
      (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }
    return !(nameLike && prefix.last == UInt8(ascii: "-"))
  }

  static func lines(_ block: [UInt8]) -> [[UInt8]] {
    var result: [[UInt8]] = []
    var current: [UInt8] = []
    for byte in block {
      if byte == 0x0A {
        result.append(current)
        current = []
      } else if byte != 0x0D {
        current.append(byte)
      }
    }
    result.append(current)
    return result
  }

  static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
    guard let first = bytes.firstIndex(where: { !isWhitespace($0) }),
      let last = bytes.lastIndex(where: { !isWhitespace($0) })
    else { return [] }
    return Array(bytes[first...last])
  }

  /// Case-insensitive search of lowercase `needle`.
  static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for at in 0...(haystack.count - needle.count) {
      var matches = true
      for k in 0..<needle.count where lowercased(haystack[at + k]) != needle[k] {
        matches = false
        break
      }
      if matches { return at }
    }
    return nil
  }

  /// 1–10 ASCII digits, at most `maximumContentLength`.
  static func decimal(_ bytes: [UInt8]) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 10 else { return nil }
    var value = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value <= maximumContentLength ? value : nil
  }

  static func preview(_ bytes: [UInt8]) -> String {
    let head = bytes.prefix(60).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }
    return String(decoding: head, as: UTF8.self) + (bytes.count > 60 ? "…" : "")
  }
}
