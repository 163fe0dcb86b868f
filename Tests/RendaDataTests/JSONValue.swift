import Foundation

/// Any JSON value, for reading the schema and the data files without a schema library.
enum JSONValue: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

  subscript(key: String) -> JSONValue? {
    if case .object(let object) = self { object[key] } else { nil }
  }

  var string: String? { if case .string(let value) = self { value } else { nil } }
  var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
  var object: [String: JSONValue]? { if case .object(let value) = self { value } else { nil } }
}

/// Validates JSON against the subset of JSON Schema 2020-12 that `glossary.schema.json` uses:
/// local `$ref`, `oneOf`, `anyOf`, `type`, `properties`, `required`, `additionalProperties: false`,
/// `items`, `enum`, `minItems`, `minLength`, `uniqueItems`, and the pattern `^\S+$`.
/// Any other assertion keyword is reported as unsupported, so the subset cannot drift silently.
struct MiniSchemaValidator {
  let root: JSONValue

  private static let annotations: Set<String> = ["$schema", "$defs", "title", "description", "default"]
  private static let supported: Set<String> = [
    "$ref", "oneOf", "anyOf", "type", "properties", "required", "additionalProperties", "items", "enum",
    "minItems", "minLength", "uniqueItems", "pattern",
  ]

  func validate(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
    guard let keywords = schema.object else { return ["\(path): schema is not an object"] }
    var problems: [String] = []
    for keyword in keywords.keys.sorted()
    where !Self.annotations.contains(keyword) && !Self.supported.contains(keyword) {
      problems.append("\(path): unsupported schema keyword \(keyword)")
    }
    if let reference = keywords["$ref"]?.string {
      if let target = resolve(reference) {
        problems += validate(value, against: target, at: path)
      } else {
        problems.append("\(path): cannot resolve \(reference)")
      }
    }
    if let branches = keywords["oneOf"]?.array {
      let passing = branches.filter { validate(value, against: $0, at: path).isEmpty }.count
      if passing != 1 { problems.append("\(path): matches \(passing) of the oneOf branches, not exactly 1") }
    }
    if let branches = keywords["anyOf"]?.array,
      !branches.contains(where: { validate(value, against: $0, at: path).isEmpty })
    {
      problems.append("\(path): matches none of the anyOf branches")
    }
    if let type = keywords["type"]?.string, !Self.value(value, hasType: type) {
      problems.append("\(path): expected \(type)")
      return problems
    }
    if let allowed = keywords["enum"]?.array, !allowed.contains(value) {
      problems.append("\(path): not one of the allowed values")
    }
    if case .string(let text) = value {
      if case .number(let minimum) = keywords["minLength"], Double(text.unicodeScalars.count) < minimum {
        problems.append("\(path): shorter than \(Int(minimum))")
      }
      if let pattern = keywords["pattern"]?.string {
        if pattern != #"^\S+$"# {
          problems.append("\(path): unsupported pattern \(pattern)")
        } else if text.isEmpty || text.unicodeScalars.contains(where: \.properties.isWhitespace) {
          problems.append("\(path): must be non-empty without whitespace")
        }
      }
    }
    if case .array(let items) = value {
      if case .number(let minimum) = keywords["minItems"], Double(items.count) < minimum {
        problems.append("\(path): fewer than \(Int(minimum)) items")
      }
      if keywords["uniqueItems"] == .bool(true) {
        for (index, item) in items.enumerated() where items[..<index].contains(item) {
          problems.append("\(path)[\(index)]: repeats an earlier item")
        }
      }
      if let itemSchema = keywords["items"] {
        for (index, item) in items.enumerated() {
          problems += validate(item, against: itemSchema, at: "\(path)[\(index)]")
        }
      }
    }
    if case .object(let object) = value {
      let properties = keywords["properties"]?.object ?? [:]
      for key in keywords["required"]?.array?.compactMap(\.string) ?? [] where object[key] == nil {
        problems.append("\(path): missing required key \(key)")
      }
      for key in object.keys.sorted() {
        if let propertySchema = properties[key] {
          problems += validate(object[key]!, against: propertySchema, at: "\(path).\(key)")
        } else if keywords["additionalProperties"] == .bool(false) {
          problems.append("\(path): key \(key) is not allowed")
        }
      }
    }
    return problems
  }

  func resolve(_ reference: String) -> JSONValue? {
    guard reference.hasPrefix("#/") else { return nil }
    var node: JSONValue? = root
    for part in reference.dropFirst(2).split(separator: "/") {
      node = node?[String(part)]
    }
    return node
  }

  private static func value(_ value: JSONValue, hasType type: String) -> Bool {
    switch (type, value) {
    case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null):
      true
    case ("number", .number):
      true
    case ("integer", .number(let number)):
      number.rounded() == number
    default:
      false
    }
  }
}
