import JSONRPC
import LSPTypes

/// `publishDiagnostics` params as JSON, written by hand: on a large page (20,000
/// findings in 3 MB) the generic `Codable` path costs as much as the analysis itself.
/// `DiagnosticJSONTests` holds it equal to `JSONValueEncoder`'s output.
enum DiagnosticJSON {
  static func publishParams(_ params: PublishDiagnosticsParams) -> JSONValue {
    var members: [String: JSONValue] = [
      "uri": .string(params.uri), "diagnostics": .array(params.diagnostics.map(diagnostic)),
    ]
    if let version = params.version { members["version"] = .integer(version) }
    return .object(members)
  }

  static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
    var members: [String: JSONValue] = ["range": range(diagnostic.range), "message": .string(diagnostic.message)]
    if let severity = diagnostic.severity { members["severity"] = .integer(severity.rawValue) }
    switch diagnostic.code {
    case .integer(let number)?: members["code"] = .integer(number)
    case .string(let text)?: members["code"] = .string(text)
    case nil: break
    }
    if let description = diagnostic.codeDescription { members["codeDescription"] = ["href": .string(description.href)] }
    if let source = diagnostic.source { members["source"] = .string(source) }
    if let related = diagnostic.relatedInformation {
      members["relatedInformation"] = .array(
        related.map {
          [
            "location": ["uri": .string($0.location.uri), "range": range($0.location.range)],
            "message": .string($0.message),
          ]
        })
    }
    if let data = diagnostic.data { members["data"] = (try? JSONValueEncoder().encode(data)) ?? .null }
    return .object(members)
  }

  static func range(_ range: LSPRange) -> JSONValue {
    [
      "start": ["line": .integer(range.start.line), "character": .integer(range.start.character)],
      "end": ["line": .integer(range.end.line), "character": .integer(range.end.character)],
    ]
  }
}
