/// Why a glossary file could not be loaded: which file, where in it, and what is wrong.
///
/// The description reads `SOURCE: PATH: MESSAGE`, for example
/// `my-glossary.json: $.formulas[0].members[1].text: missing required key "text"`.
package struct GlossaryLoadError: Error, CustomStringConvertible, Equatable {
  /// The file (or resource) that failed, as the caller named it.
  package var source: String
  /// A JSON path into the file: `$` is the whole file, `$.formulas[0].name` a key of the first formula.
  package var path: String
  /// What is wrong at `path`.
  package var message: String

  package init(source: String, path: String, message: String) {
    self.source = source
    self.path = path
    self.message = message
  }

  package var description: String { "\(source): \(path): \(message)" }
}

/// One step of a JSON path.
enum JSONPathComponent: Equatable, Sendable {
  case key(String)
  case index(Int)
}

extension [JSONPathComponent] {
  /// `$`, `$.formulas[2].members[0].text`, `$["$schema"]`.
  var rendered: String {
    var result = "$"
    for component in self {
      switch component {
      case .index(let index):
        result += "[\(index)]"
      case .key(let key) where key.isPlainIdentifier:
        result += ".\(key)"
      case .key(let key):
        result += "[\"\(key)\"]"
      }
    }
    return result
  }

  init(codingPath: [any CodingKey]) {
    self = codingPath.map { key in
      if let index = key.intValue { .index(index) } else { .key(key.stringValue) }
    }
  }
}

extension String {
  fileprivate var isPlainIdentifier: Bool {
    guard let first = unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
    return unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
  }
}
