import Foundation
import JSONRPC

/// A minimal LSP client over the real `renda lsp` process: Content-Length framing both
/// ways, a reader thread that stamps each message with its arrival time (before it is
/// decoded), and waits for a response or for the diagnostics of one document version.
final class LSPClient: @unchecked Sendable {
  let child: Child
  /// When the process was spawned.
  let spawned: UInt64
  private let condition = NSCondition()
  private let writeLock = NSLock()
  private var responses: [Int: (time: UInt64, message: JSONValue)] = [:]
  /// uri → version → (arrival, number of diagnostics).
  private var diagnostics: [String: [Int: (time: UInt64, count: Int)]] = [:]
  private var closed = false
  private var nextID = 1

  init(executable: String) throws {
    spawned = now()
    child = try Child.start([executable, "lsp"], pipes: true)
    let thread = Thread { [self] in readLoop() }
    thread.stackSize = 8 << 20
    thread.start()
  }

  // MARK: Sending

  private func write(_ message: JSONValue) -> UInt64 {
    let body = JSONWriter.write(message)
    var frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    frame.append(contentsOf: body)
    writeLock.lock()
    defer { writeLock.unlock() }
    let start = now()
    frame.withUnsafeBytes { raw in
      var done = 0
      while done < raw.count {
        let n = Foundation.write(child.input!, raw.baseAddress! + done, raw.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        done += n
      }
    }
    return start
  }

  /// Sends a request; its id and the time just before it was written.
  @discardableResult
  func request(_ method: String, _ params: JSONValue) -> (id: Int, sent: UInt64) {
    condition.lock()
    let id = nextID
    nextID += 1
    condition.unlock()
    let sent = write(["jsonrpc": "2.0", "id": .integer(id), "method": .string(method), "params": params])
    return (id, sent)
  }

  @discardableResult
  func notify(_ method: String, _ params: JSONValue) -> UInt64 {
    write(["jsonrpc": "2.0", "method": .string(method), "params": params])
  }

  // MARK: Waiting

  /// The response to `id` and its arrival time; nil on timeout or when the server is gone.
  func response(_ id: Int, timeout: Double = 60) -> (time: UInt64, message: JSONValue)? {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while responses[id] == nil && !closed {
      if !condition.wait(until: deadline) { break }
    }
    return responses.removeValue(forKey: id)
  }

  /// Arrival of `publishDiagnostics` for `uri` at `version` (and how many diagnostics).
  func diagnostics(_ uri: String, version: Int, timeout: Double = 120) -> (time: UInt64, count: Int)? {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while diagnostics[uri]?[version] == nil && !closed {
      if !condition.wait(until: deadline) { break }
    }
    return diagnostics[uri]?.removeValue(forKey: version)
  }

  // MARK: Reading

  private func readLoop() {
    var framer = MessageFramer()
    var checkedShallow = 0
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { Foundation.read(child.output!, $0.baseAddress!, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      let arrived = now()
      for event in framer.feed(buffer[..<n]) {
        guard case .message(let body) = event else { continue }
        if let publish = ShallowPublish(body) {
          // Checked against the full parse on the first notifications (else a layout change of
          // the server's writer would go unnoticed).
          if checkedShallow < 3 {
            checkedShallow += 1
            let params = (try? JSONParser.parse(body))?["params"]
            if params?["uri"]?.stringValue != publish.uri || params?["version"]?.intValue != publish.version
              || params?["diagnostics"]?.arrayValue?.count != publish.count
            {
              progress("lsp client: the shallow read of publishDiagnostics disagrees with the full parse")
              exit(2)
            }
          }
          noteDiagnostics(uri: publish.uri, version: publish.version, count: publish.count, arrived: arrived)
          continue
        }
        guard let message = try? JSONParser.parse(body) else { continue }
        handle(message, arrived: arrived)
      }
    }
    close(child.output!)
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  private func noteDiagnostics(uri: String, version: Int, count: Int, arrived: UInt64) {
    condition.lock()
    diagnostics[uri, default: [:]][version] = (arrived, count)
    condition.broadcast()
    condition.unlock()
  }

  private func handle(_ message: JSONValue, arrived: UInt64) {
    if let method = message["method"]?.stringValue {
      if let id = message["id"], !id.isNull {
        // A request from the server (registerCapability, configuration…): answer null.
        _ = write(["jsonrpc": "2.0", "id": id, "result": nil])
        return
      }
      guard method == "textDocument/publishDiagnostics", let params = message["params"],
        let uri = params["uri"]?.stringValue
      else { return }
      let version = params["version"]?.intValue ?? -1
      let count = params["diagnostics"]?.arrayValue?.count ?? 0
      noteDiagnostics(uri: uri, version: version, count: count, arrived: arrived)
      return
    }
    guard let id = message["id"]?.intValue else { return }
    condition.lock()
    responses[id] = (arrived, message)
    condition.broadcast()
    condition.unlock()
  }

  // MARK: Lifecycle

  /// `initialize` with the capabilities an ordinary editor sends; the response time.
  func initialize(timeout: Double = 10) -> (sent: UInt64, answered: UInt64)? {
    let params: JSONValue = [
      "processId": .integer(Int(getpid())), "rootUri": nil, "clientInfo": ["name": "renda-bench"],
      "capabilities": [
        "general": ["positionEncodings": ["utf-16"]],
        "textDocument": [
          "publishDiagnostics": ["versionSupport": true],
          "hover": ["contentFormat": ["plaintext"]],
          "documentSymbol": ["hierarchicalDocumentSymbolSupport": true],
          "synchronization": ["didSave": false],
        ],
      ],
    ]
    let (id, sent) = request("initialize", params)
    guard let reply = response(id, timeout: timeout), reply.message["result"] != nil else { return nil }
    notify("initialized", [:])
    return (sent, reply.time)
  }

  @discardableResult
  func open(_ uri: String, text: String, version: Int = 1) -> UInt64 {
    notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": .string(uri), "languageId": "plaintext", "version": .integer(version), "text": .string(text)]])
  }

  /// VmRSS and VmHWM of the server.
  var memory: (rss: Int, peak: Int)? { processMemory(String(child.pid)) }

  func shutdown() {
    let (id, _) = request("shutdown", nil)
    _ = response(id, timeout: 10)
    notify("exit", nil)
    if let input = child.input { close(input) }
    _ = child.wait(timeout: 10)
  }
}

/// An LSP position.
func lspPosition(line: Int, character: Int) -> JSONValue {
  ["line": .integer(line), "character": .integer(character)]
}

/// The uri, version and number of diagnostics of a `publishDiagnostics` notification as
/// `renda lsp` writes it (keys sorted, no spaces), read with one pass over the bytes instead
/// of a parse into values: a 3 MB page's notification is 6 MB of JSON, and building (then
/// freeing) its tree would keep one of the machine's two cores busy while the server
/// answers the next keystroke. Nil for any other message or layout (parsed in full).
struct ShallowPublish {
  var uri: String
  var version: Int
  var count: Int

  private static let prefix = Array(
    #"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":["#.utf8)
  private static let uriKey = Array(#","uri":""#.utf8)
  private static let versionKey = Array(#"","version":"#.utf8)

  init?(_ body: [UInt8]) {
    let p = Self.prefix
    guard body.count > p.count, body[..<p.count].elementsEqual(p) else { return nil }
    var i = p.count
    // The diagnostics: objects counted at depth 0 of the array, strings skipped.
    var depth = 0
    var count = 0
    var inString = false
    while i < body.count {
      let byte = body[i]
      if inString {
        if byte == UInt8(ascii: "\\") { i += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
      } else if byte == UInt8(ascii: "\"") {
        inString = true
      } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
        if depth == 0 { count += 1 }
        depth += 1
      } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
        if depth == 0 { break }
        depth -= 1
      }
      i += 1
    }
    i += 1
    guard i + Self.uriKey.count <= body.count, body[i..<(i + Self.uriKey.count)].elementsEqual(Self.uriKey) else {
      return nil
    }
    i += Self.uriKey.count
    let start = i
    while i < body.count, body[i] != UInt8(ascii: "\""), body[i] != UInt8(ascii: "\\") { i += 1 }
    guard i < body.count, body[i] == UInt8(ascii: "\"") else { return nil }
    uri = String(decoding: body[start..<i], as: UTF8.self)
    guard i + Self.versionKey.count <= body.count, body[i..<(i + Self.versionKey.count)].elementsEqual(Self.versionKey)
    else { return nil }
    i += Self.versionKey.count
    var value = 0
    var digits = 0
    while i < body.count, body[i] >= UInt8(ascii: "0"), body[i] <= UInt8(ascii: "9") {
      value = value * 10 + Int(body[i] - UInt8(ascii: "0"))
      digits += 1
      i += 1
    }
    guard digits > 0, i < body.count, body[i] == UInt8(ascii: "}") else { return nil }
    version = value
    self.count = count
  }
}
