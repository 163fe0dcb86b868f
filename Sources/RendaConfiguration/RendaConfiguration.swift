#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RendaAnalysis
import RendaChecks
import RendaData

/// What `.renda.json` says, resolved: which rules run at what severity, the glossary
/// (built-in plus the user's files), which paths to skip. Described by
/// `schemas/config.schema.json`; shared by the CLI and the language server.
package struct RendaConfiguration: Sendable {
  package var checks: CheckConfiguration
  package var glossary: Glossary
  /// Glob patterns (relative to the configuration file's directory) of paths to skip.
  package let ignore: [String]
  /// The file this came from; nil for the defaults.
  package let source: String?
  /// The directory the `ignore` patterns are relative to: absolute, its symbolic links resolved
  /// (once, not for every file asked about); nil without patterns or without a file.
  private let ignoreBase: String?

  package init(checks: CheckConfiguration, glossary: Glossary, ignore: [String], source: String?) {
    self.checks = checks
    self.glossary = glossary
    self.ignore = ignore
    self.source = source
    let directory = source.map(PathString.deletingLastComponent)
    ignoreBase =
      ignore.isEmpty
      ? nil : directory.map { PathString.resolvingLinks(PathString.absolute($0.isEmpty ? "." : $0)) }
  }

  /// Defaults: every rule at its default severity, the built-in glossary.
  package static func defaults() throws(ConfigurationError) -> RendaConfiguration {
    do {
      return RendaConfiguration(checks: .default, glossary: try GlossaryLoader.builtIn(), ignore: [], source: nil)
    } catch {
      throw ConfigurationError(source: "built-in glossary", message: error.description)
    }
  }

  /// The configuration file's directory.
  package var directory: String? { source.map(PathString.deletingLastComponent) }

  /// True when `path` matches an `ignore` pattern (relative to the config's directory).
  package func ignores(_ path: String) -> Bool {
    guard !ignore.isEmpty else { return false }
    var relative = PathString.standardized(path)
    if let ignoreBase {
      // Both sides absolute, with symbolic links resolved: a configuration named through a
      // link still covers the files under it.
      let full = PathString.resolvingLinks(PathString.absolute(path))
      if full.hasPrefix(ignoreBase + "/") { relative = String(full.dropFirst(ignoreBase.count + 1)) }
    }
    return ignore.contains { Glob.matches($0, relative) }
  }
}

/// A configuration problem, with the file and the JSON path of what is wrong.
package struct ConfigurationError: Error, CustomStringConvertible, Sendable {
  package var source: String
  package var message: String
  package var description: String { "\(source): \(message)" }
}

package enum ConfigurationLoader {
  package static let fileName = ".renda.json"

  /// The nearest `.renda.json` in `directory` or its parents.
  package static func find(from directory: String) -> String? {
    var current = PathString.standardized(PathString.absolute(directory))
    while true {
      let candidate = PathString.appending(current, fileName)
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      let parent = PathString.deletingLastComponent(current)
      if parent == current || parent.isEmpty { return nil }
      current = parent
    }
  }

  /// Reads and validates a configuration file.
  package static func load(path: String) throws(ConfigurationError) -> RendaConfiguration {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigurationError(source: path, message: "cannot read the configuration file")
    }
    return try decode(data, source: path)
  }

  /// Decodes configuration JSON; `source` names it in errors and anchors relative paths.
  package static func decode(_ data: Data, source: String) throws(ConfigurationError) -> RendaConfiguration {
    if let syntax = StrictJSONSyntax.check([UInt8](data)) {
      throw ConfigurationError(
        source: source, message: "line \(syntax.line), column \(syntax.column): not valid JSON: \(syntax.message)")
    }
    let object: ConfigurationJSON
    do {
      object = try JSONDecoder().decode(ConfigurationJSON.self, from: data)
    } catch {
      // What the syntax check lets through and JSONDecoder does not (a number too large for
      // a Double, a lone surrogate escape): its own words, not the error's dump.
      let reason = (error as? DecodingError).map(Self.reason) ?? "\(error)"
      throw ConfigurationError(source: source, message: "not valid JSON (\(reason))")
    }
    guard case .object(let root) = object else {
      throw ConfigurationError(source: source, message: "$: expected an object")
    }
    let allowed: Set<String> = ["$schema", "rules", "glossaries", "ignore"]
    for key in root.keys.sorted() where !allowed.contains(key) {
      throw ConfigurationError(
        source: source, message: "$.\(key): unknown key; allowed keys are rules, glossaries, ignore")
    }
    var checks = CheckConfiguration()
    if let rules = root["rules"] {
      guard case .object(let rules) = rules else {
        throw ConfigurationError(source: source, message: "$.rules: expected an object of rule id → setting")
      }
      for (id, value) in rules.sorted(by: { $0.key < $1.key }) {
        guard CheckRegistry.check(id: id) != nil else {
          throw ConfigurationError(
            source: source,
            message: "$.rules.\(id): unknown rule id; known rules: \(CheckRegistry.ids.joined(separator: ", "))")
        }
        checks.rules[id] = try setting(value, path: "$.rules.\(id)", source: source)
      }
    }
    var glossary: Glossary
    do {
      glossary = try GlossaryLoader.builtIn()
    } catch {
      throw ConfigurationError(source: "built-in glossary", message: "\(error)")
    }
    let base = PathString.deletingLastComponent(source)
    if let files = root["glossaries"] {
      guard let files = files.strings else {
        throw ConfigurationError(source: source, message: "$.glossaries: expected an array of file paths")
      }
      for file in files {
        let path = file.hasPrefix("/") ? file : PathString.appending(base, file)
        do {
          glossary = GlossaryLoader.merging(
            glossary, with: try GlossaryLoader.load(contentsOf: URL(fileURLWithPath: path)))
        } catch {
          throw ConfigurationError(source: source, message: "$.glossaries: \(error.description)")
        }
      }
      let distinct = PhraseIndex.distinctScalars(
        phrases: glossary.phrases, confusables: glossary.confusables.map(\.wrong))
      guard distinct <= PhraseIndex.maximumDistinctScalars else {
        throw ConfigurationError(
          source: source,
          message:
            "$.glossaries: the phrases and confusables use \(distinct) distinct characters; Renda matches at most \(PhraseIndex.maximumDistinctScalars)"
        )
      }
    }
    var ignore: [String] = []
    if let patterns = root["ignore"] {
      guard let patterns = patterns.strings else {
        throw ConfigurationError(source: source, message: "$.ignore: expected an array of glob patterns")
      }
      ignore = patterns
    }
    return RendaConfiguration(checks: checks, glossary: glossary, ignore: ignore, source: source)
  }

  private static func reason(_ error: DecodingError) -> String {
    switch error {
    case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
      .valueNotFound(_, let context):
      return context.debugDescription
    @unknown default:
      return "\(error)"
    }
  }

  private static func setting(_ value: ConfigurationJSON, path: String, source: String) throws(ConfigurationError)
    -> CheckConfiguration.RuleSetting
  {
    if case .bool(let flag) = value { return flag ? .on : .off }
    if case .string(let text) = value {
      switch text {
      case "off": return .off
      case "on": return .on
      default:
        if let severity = Severity(rawValue: text) { return .severity(severity) }
      }
    }
    throw ConfigurationError(
      source: source, message: "\(path): expected \"off\", \"on\", \"error\", \"warning\", \"info\" or \"hint\"")
  }
}

/// A JSON value of a configuration file, as far as the loader looks into it.
private enum ConfigurationJSON: Decodable {
  case object([String: ConfigurationJSON])
  case array([ConfigurationJSON])
  case string(String)
  case bool(Bool)
  case number
  case null

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let flag = try? container.decode(Bool.self) {
      self = .bool(flag)
    } else if (try? container.decode(Double.self)) != nil {
      self = .number
    } else if let text = try? container.decode(String.self) {
      self = .string(text)
    } else if let items = try? container.decode([ConfigurationJSON].self) {
      self = .array(items)
    } else {
      self = .object(try container.decode([String: ConfigurationJSON].self))
    }
  }

  /// The strings of an array of strings; nil for anything else.
  var strings: [String]? {
    guard case .array(let items) = self else { return nil }
    var strings: [String] = []
    for item in items {
      guard case .string(let text) = item else { return nil }
      strings.append(text)
    }
    return strings
  }
}

/// Minimal glob matching for `ignore`: `*` (within a path component), `**` (any
/// components), `?` (one character).
enum Glob {
  static func matches(_ pattern: String, _ path: String) -> Bool {
    let p = Array(pattern.unicodeScalars)
    let s = Array(path.unicodeScalars)
    func match(_ i: Int, _ j: Int) -> Bool {
      if i == p.count { return j == s.count }
      if p[i] == "*" {
        if i + 1 < p.count, p[i + 1] == "*" {
          var next = i + 2
          if next < p.count, p[next] == "/" { next += 1 }
          for k in j...s.count where match(next, k) { return true }
          return false
        }
        var k = j
        while true {
          if match(i + 1, k) { return true }
          if k == s.count || s[k] == "/" { return false }
          k += 1
        }
      }
      guard j < s.count else { return false }
      if p[i] == "?" { return s[j] != "/" && match(i + 1, j + 1) }
      return p[i] == s[j] && match(i + 1, j + 1)
    }
    return match(0, 0)
  }
}
