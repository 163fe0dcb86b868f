import Foundation
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
  package var ignore: [String]
  /// The file this came from; nil for the defaults.
  package var source: String?

  package init(checks: CheckConfiguration, glossary: Glossary, ignore: [String], source: String?) {
    self.checks = checks
    self.glossary = glossary
    self.ignore = ignore
    self.source = source
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
  package var directory: String? { source.map { ($0 as NSString).deletingLastPathComponent } }

  /// True when `path` matches an `ignore` pattern (relative to the config's directory).
  package func ignores(_ path: String) -> Bool {
    guard !ignore.isEmpty else { return false }
    let absolute = (path as NSString).standardizingPath
    var relative = absolute
    if let directory {
      let base = ((directory.isEmpty ? "." : directory) as NSString).standardizingPath
      let full =
        absolute.hasPrefix("/")
        ? absolute : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(absolute)
      let fullBase =
        base.hasPrefix("/") ? base : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(base)
      if full.hasPrefix(fullBase + "/") { relative = String(full.dropFirst(fullBase.count + 1)) }
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
    var current = directory
    if !current.hasPrefix("/") {
      current = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(current)
    }
    current = (current as NSString).standardizingPath
    while true {
      let candidate = (current as NSString).appendingPathComponent(fileName)
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      let parent = (current as NSString).deletingLastPathComponent
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
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw ConfigurationError(source: source, message: "not valid JSON (\(error.localizedDescription))")
    }
    guard let root = object as? [String: Any] else {
      throw ConfigurationError(source: source, message: "$: expected an object")
    }
    let allowed: Set<String> = ["$schema", "rules", "glossaries", "ignore"]
    for key in root.keys.sorted() where !allowed.contains(key) {
      throw ConfigurationError(
        source: source, message: "$.\(key): unknown key; allowed keys are rules, glossaries, ignore")
    }
    var checks = CheckConfiguration()
    if let rules = root["rules"] {
      guard let rules = rules as? [String: Any] else {
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
      throw ConfigurationError(source: "built-in glossary", message: error.description)
    }
    let base = (source as NSString).deletingLastPathComponent
    if let files = root["glossaries"] {
      guard let files = files as? [String] else {
        throw ConfigurationError(source: source, message: "$.glossaries: expected an array of file paths")
      }
      for file in files {
        let path = file.hasPrefix("/") ? file : (base as NSString).appendingPathComponent(file)
        do {
          glossary = GlossaryLoader.merging(
            glossary, with: try GlossaryLoader.load(contentsOf: URL(fileURLWithPath: path)))
        } catch {
          throw ConfigurationError(source: source, message: "$.glossaries: \(error.description)")
        }
      }
    }
    var ignore: [String] = []
    if let patterns = root["ignore"] {
      guard let patterns = patterns as? [String] else {
        throw ConfigurationError(source: source, message: "$.ignore: expected an array of glob patterns")
      }
      ignore = patterns
    }
    return RendaConfiguration(checks: checks, glossary: glossary, ignore: ignore, source: source)
  }

  private static func setting(_ value: Any, path: String, source: String) throws(ConfigurationError)
    -> CheckConfiguration.RuleSetting
  {
    if let flag = value as? Bool,
      type(of: value) != type(of: NSNumber(value: 1)) || "\(value)" == "true" || "\(value)" == "false"
    {
      return flag ? .on : .off
    }
    if let text = value as? String {
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
