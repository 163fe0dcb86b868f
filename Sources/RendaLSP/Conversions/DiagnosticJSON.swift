import JSONRPC
import LSPTypes

/// The `publishDiagnostics` notification written straight to JSON text: on a large page
/// (20,000 findings in 3 MB) the generic `Codable` path costs as much as the analysis
/// itself. `DiagnosticJSONTests` holds it equal to the text of `JSONValueEncoder`'s output.
enum DiagnosticJSON {
  /// A written `publishDiagnostics` notification and where each diagnostic's text lies
  /// in it, so the next version's body can copy the diagnostics that did not change.
  struct PublishBody: Sendable {
    var bytes: [UInt8]
    /// One byte range per diagnostic, in order.
    var fragments: [Range<Int>]
  }

  /// The whole `publishDiagnostics` notification as JSON text, written straight to bytes:
  /// the same text `JSONWriter` writes for the `Codable` encoding of the notification
  /// (keys sorted), without building a `JSONValue` of 20,000 objects first.
  static func publishBody(_ params: PublishDiagnosticsParams) -> [UInt8] {
    publishBody(params, reusing: nil).bytes
  }

  /// The same text; the diagnostics equal to the previous version's at the start and at
  /// the end of the list (all but the few an edit touched, on a large page) are copied
  /// from its body instead of written again, each run in one piece.
  static func publishBody(
    _ params: PublishDiagnosticsParams, reusing previous: (diagnostics: [Diagnostic], body: PublishBody)?
  ) -> PublishBody {
    let new = params.diagnostics
    let old = previous?.diagnostics ?? []
    var prefix = 0
    var suffix = 0
    if let previous, previous.body.fragments.count == old.count {
      let shorter = min(new.count, old.count)
      while prefix < shorter, new[prefix] == old[prefix] { prefix += 1 }
      while suffix < shorter - prefix, new[new.count - 1 - suffix] == old[old.count - 1 - suffix] { suffix += 1 }
    }
    var out: [UInt8] = []
    out.reserveCapacity(previous.map { $0.body.bytes.count + 1024 } ?? (64 + new.count * 320))
    var fragments: [Range<Int>] = []
    fragments.reserveCapacity(new.count)
    out.append(contentsOf: bodyHead)
    if let previous, prefix > 0 { copy(0..<prefix, of: previous.body, to: &out, fragments: &fragments) }
    for k in prefix..<(new.count - suffix) {
      if k > 0 { out.append(UInt8(ascii: ",")) }
      let start = out.count
      write(new[k], to: &out)
      fragments.append(start..<out.count)
    }
    if let previous, suffix > 0 {
      if new.count - suffix > 0 { out.append(UInt8(ascii: ",")) }
      copy((old.count - suffix)..<old.count, of: previous.body, to: &out, fragments: &fragments)
    }
    writeTail(uri: params.uri, version: params.version, to: &out)
    return PublishBody(bytes: out, fragments: fragments)
  }

  /// Appends `body`'s diagnostics `run` (with the commas between) to `out` in one piece,
  /// and their fragments, moved to where they now lie.
  static func copy(_ run: Range<Int>, of body: PublishBody, to out: inout [UInt8], fragments: inout [Range<Int>]) {
    let lower = body.fragments[run.lowerBound].lowerBound
    let shift = out.count - lower
    out.append(contentsOf: body.bytes[lower..<body.fragments[run.upperBound - 1].upperBound])
    for fragment in body.fragments[run] {
      fragments.append((fragment.lowerBound + shift)..<(fragment.upperBound + shift))
    }
  }

  /// The body up to its first diagnostic.
  static let bodyHead = Array(
    #"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":["#.utf8)

  /// The body after its last diagnostic.
  static func writeTail(uri: DocumentURI, version: Int?, to out: inout [UInt8]) {
    out.append(contentsOf: #"],"uri":"#.utf8)
    JSONWriter.writeString(uri, to: &out)
    if let version {
      out.append(contentsOf: #","version":"#.utf8)
      JSONWriter.writeInteger(version, to: &out)
    }
    out.append(contentsOf: "}}".utf8)
  }

  /// A diagnostic's text as `write` wrote it, with every line number moved by `lines`:
  /// each `"line":` of the text is a position's key (inside a string a quote is escaped,
  /// so the bytes `"line":` cannot occur there).
  static func copy(_ written: ArraySlice<UInt8>, movingLinesBy lines: Int, to out: inout [UInt8]) {
    let key = Array(#""line":"#.utf8)
    var i = written.startIndex
    var copied = i
    while i + key.count <= written.endIndex {
      guard written[i] == key[0], written[i + 1] == key[1], written[i..<(i + key.count)].elementsEqual(key) else {
        i += 1
        continue
      }
      var j = i + key.count
      var value = 0
      while j < written.endIndex, written[j] >= UInt8(ascii: "0"), written[j] <= UInt8(ascii: "9") {
        value = value * 10 + Int(written[j] - UInt8(ascii: "0"))
        j += 1
      }
      out.append(contentsOf: written[copied..<(i + key.count)])
      JSONWriter.writeInteger(value + lines, to: &out)
      copied = j
      i = j
    }
    out.append(contentsOf: written[copied...])
  }

  /// One diagnostic, members in `JSONWriter`'s (sorted) order.
  static func write(_ diagnostic: Diagnostic, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    var first = true
    func key(_ name: String) {
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      out.append(UInt8(ascii: "\""))
      out.append(contentsOf: name.utf8)
      out.append(contentsOf: "\":".utf8)
    }
    switch diagnostic.code {
    case .integer(let number)?:
      key("code")
      JSONWriter.writeInteger(number, to: &out)
    case .string(let text)?:
      key("code")
      JSONWriter.writeString(text, to: &out)
    case nil: break
    }
    if let description = diagnostic.codeDescription {
      key("codeDescription")
      out.append(contentsOf: #"{"href":"#.utf8)
      JSONWriter.writeString(description.href, to: &out)
      out.append(UInt8(ascii: "}"))
    }
    if let data = diagnostic.data {
      key("data")
      JSONWriter.write((try? JSONValueEncoder().encode(data)) ?? .null, to: &out)
    }
    key("message")
    JSONWriter.writeString(diagnostic.message, to: &out)
    key("range")
    write(diagnostic.range, to: &out)
    if let related = diagnostic.relatedInformation {
      key("relatedInformation")
      out.append(UInt8(ascii: "["))
      for (k, information) in related.enumerated() {
        if k > 0 { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: #"{"location":{"range":"#.utf8)
        write(information.location.range, to: &out)
        out.append(contentsOf: #","uri":"#.utf8)
        JSONWriter.writeString(information.location.uri, to: &out)
        out.append(contentsOf: #"},"message":"#.utf8)
        JSONWriter.writeString(information.message, to: &out)
        out.append(UInt8(ascii: "}"))
      }
      out.append(UInt8(ascii: "]"))
    }
    if let severity = diagnostic.severity {
      key("severity")
      JSONWriter.writeInteger(severity.rawValue, to: &out)
    }
    if let source = diagnostic.source {
      key("source")
      JSONWriter.writeString(source, to: &out)
    }
    out.append(UInt8(ascii: "}"))
  }

  static func write(_ range: LSPRange, to out: inout [UInt8]) {
    func position(_ position: Position) {
      out.append(contentsOf: #"{"character":"#.utf8)
      JSONWriter.writeInteger(position.character, to: &out)
      out.append(contentsOf: #","line":"#.utf8)
      JSONWriter.writeInteger(position.line, to: &out)
      out.append(UInt8(ascii: "}"))
    }
    out.append(contentsOf: #"{"end":"#.utf8)
    position(range.end)
    out.append(contentsOf: #","start":"#.utf8)
    position(range.start)
    out.append(UInt8(ascii: "}"))
  }
}
