#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONRPC
import LSPTypes
import RendaAnalysis
import RendaChecks
import RendaConfiguration
import RendaData

/// The configuration that governs one document.
struct DocumentConfiguration: Sendable {
  var checks: CheckConfiguration
  var glossary: Glossary
  /// The `.renda.json` it came from, if any.
  var source: String?
  /// Bumped whenever settings or configuration files change; part of `AnalysisKey`.
  var generation: Int
}

/// Resolves a document's configuration: the nearest `.renda.json` from the document's
/// directory (read once, cached until `workspace/didChangeWatchedFiles` or
/// `workspace/didChangeConfiguration`), then the editor's `rules` (from
/// `initializationOptions` or the settings) on top, rule by rule. A file that does not
/// load is reported once and the defaults are used.
struct ConfigurationResolver {
  private(set) var generation = 0
  private var overrides: [String: CheckConfiguration.RuleSetting] = [:]
  /// From the latest `workspace/configuration` answer; on top of `overrides`.
  private var pulled: [String: CheckConfiguration.RuleSetting] = [:]
  private var loaded: [String: RendaConfiguration] = [:]
  private var reported: Set<String> = []
  private var builtIn: Glossary?

  /// Problems to show the user (bad files, bad settings), collected for the caller.
  private(set) var problems: [String] = []

  mutating func takeProblems() -> [String] {
    defer { problems = [] }
    return problems
  }

  /// Forgets every file read and starts a new generation.
  mutating func invalidate() {
    loaded = [:]
    reported = []
    generation += 1
  }

  /// Reads `{"rules": {...}}` (the `.renda.json` shape) from initialization options or
  /// pushed settings; nil leaves the overrides as they are.
  mutating func setOverrides(from settings: LSPAny?) {
    guard let settings else { return }
    let scoped = settings["renda"] ?? settings
    guard let rules = scoped["rules"], let decoded = decodeRules(rules) else { return }
    overrides = decoded
    generation += 1
  }

  /// The `renda` section a `workspace/configuration` answer gave: the client's whole
  /// state, so a section without `rules` clears what an earlier answer set (the
  /// `initializationOptions` stay underneath).
  mutating func setPulledOverrides(from section: LSPAny) {
    let rules = section["rules"].flatMap { decodeRules($0) } ?? [:]
    guard rules != pulled else { return }
    pulled = rules
    generation += 1
  }

  private mutating func decodeRules(_ rules: LSPAny) -> [String: CheckConfiguration.RuleSetting]? {
    do {
      let json = try JSONValueEncoder().encode(["rules": rules])
      let data = Data(JSONWriter.write(json))
      return try ConfigurationLoader.decode(data, source: "editor settings").checks.rules
    } catch let error as ConfigurationError {
      problems.append("Renda: \(error.description)")
    } catch {
      problems.append("Renda: editor settings: \(error)")
    }
    return nil
  }

  private mutating func glossary() -> Glossary {
    if let builtIn { return builtIn }
    let glossary: Glossary
    do {
      glossary = try GlossaryLoader.builtIn()
    } catch {
      problems.append("Renda: built-in glossary: \(error.description)")
      glossary = .empty
    }
    builtIn = glossary
    return glossary
  }

  mutating func configuration(for uri: DocumentURI) -> DocumentConfiguration {
    var checks = CheckConfiguration.default
    var glossary = glossary()
    var source: String?
    if let directory = Self.directory(of: uri), let file = ConfigurationLoader.find(from: directory) {
      if let cached = loaded[file] {
        checks = cached.checks
        glossary = cached.glossary
        source = file
      } else {
        do {
          let configuration = try ConfigurationLoader.load(path: file)
          loaded[file] = configuration
          checks = configuration.checks
          glossary = configuration.glossary
          source = file
        } catch {
          if reported.insert(file).inserted {
            problems.append("Renda: \(error.description) (using the default rules)")
          }
        }
      }
    }
    for (rule, setting) in overrides { checks.rules[rule] = setting }
    for (rule, setting) in pulled { checks.rules[rule] = setting }
    return DocumentConfiguration(checks: checks, glossary: glossary, source: source, generation: generation)
  }

  /// The file-system directory of a `file:` URI; nil for other schemes.
  static func directory(of uri: DocumentURI) -> String? {
    guard let path = path(of: uri) else { return nil }
    return PathString.deletingLastComponent(path)
  }

  static func path(of uri: DocumentURI) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    let path = url.path
    return path.isEmpty ? nil : path
  }
}
