import Foundation
import JSONRPC

/// The one table the benchmark prints: sections of rows, each a measure, its value, the
/// target and whether the run met it.
struct Table {
  struct Row {
    var measure: String
    var value: String
    var target: String = ""
    var status: String = ""
  }

  var rows: [(section: String?, row: Row?)] = []

  mutating func section(_ title: String) { rows.append((title, nil)) }
  mutating func add(_ measure: String, _ value: String, target: String = "", status: String = "") {
    rows.append((nil, Row(measure: measure, value: value, target: target, status: status)))
  }

  func render() -> String {
    let all = rows.compactMap(\.row)
    let header = Row(measure: "measure", value: "value", target: "target", status: "status")
    let table = all + [header]
    let measures: [Int] = table.map { $0.measure.count }
    let values: [Int] = table.map { $0.value.count }
    let targets: [Int] = table.map { $0.target.count }
    let statuses: [Int] = table.map { $0.status.count }
    let widths: [Int] = [measures.max()!, values.max()!, targets.max()!, statuses.max()!]
    func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    func line(_ row: Row) -> String {
      "| " + pad(row.measure, widths[0]) + " | " + pad(row.value, widths[1]) + " | " + pad(row.target, widths[2])
        + " | " + pad(row.status, widths[3]) + " |"
    }
    let rule = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
    var out = [line(header), rule]
    for (section, row) in rows {
      if let section { out.append(line(Row(measure: "**\(section)**", value: "", target: "", status: ""))) }
      if let row { out.append(line(row)) }
    }
    return out.joined(separator: "\n")
  }
}

extension JSONValue {
  static func number(_ value: Double) -> JSONValue { value.isFinite ? .double(value) : .null }
  static func numbers(_ values: [Double]) -> JSONValue { .array(values.map(number)) }
}

extension Stats {
  /// Milliseconds as JSON: median, p99, mean, min, max, count, and every sample in the
  /// order taken (to tell a periodic tail, such as one keystroke in ten, from the machine's).
  var json: JSONValue {
    [
      "median": .number(median), "p99": .number(p99), "mean": .number(mean), "min": .number(min),
      "max": .number(max), "count": .integer(samples.count), "samples": .array(samples.map { .number($0) }),
    ]
  }
}

/// JSON written with two-space indentation (the writer is compact; this re-flows it).
func prettyJSON(_ value: JSONValue, indent: String = "") -> String {
  let inner = indent + "  "
  switch value {
  case .array(let items):
    if items.isEmpty { return "[]" }
    if items.allSatisfy({ if case .array = $0 { return false }; if case .object = $0 { return false }; return true }) {
      return "[" + items.map { prettyJSON($0) }.joined(separator: ", ") + "]"
    }
    return "[\n" + items.map { inner + prettyJSON($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
  case .object(let members):
    if members.isEmpty { return "{}" }
    let keys = members.keys.sorted()
    return "{\n"
      + keys.map { key in inner + JSONValue.string(key).description + ": " + prettyJSON(members[key]!, indent: inner) }
      .joined(separator: ",\n") + "\n" + indent + "}"
  default: return value.description
  }
}
