#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RendaChecks

/// Where a diagnostic's `codeDescription` points: the rule's page, `<base><id>.md`.
///
/// `RENDA_RULE_DOCS_URL` (a URL prefix, e.g. a newsroom's intranet copy of `docs/rules/`)
/// wins; else the `docs/rules/` folder of the checkout the running binary was built in
/// (found by walking up from the executable, as `swift build` puts it under `.build/`),
/// as a `file://` URL editors open directly; else none, and diagnostics carry no
/// `codeDescription` (it is optional) rather than a link that leads nowhere. The pages
/// are generated from the rules' own documentation (`RuleDocsGoldenTests`).
enum RuleDocumentation {
  static let base: String? = locate(
    environment: ProcessInfo.processInfo.environment, executable: executablePath())

  /// Each rule's page, made once: a publish of 20,000 diagnostics shares these strings
  /// instead of building one per diagnostic.
  private static let pages: [String: String] = base.map { base in
    Dictionary(uniqueKeysWithValues: CheckRegistry.ids.map { ($0, base + $0 + ".md") })
  } ?? [:]

  static func href(rule: String) -> String? {
    pages[rule] ?? base.map { $0 + rule + ".md" }
  }

  static func locate(environment: [String: String], executable: String?) -> String? {
    if let configured = environment["RENDA_RULE_DOCS_URL"], !configured.isEmpty {
      return configured.hasSuffix("/") ? configured : configured + "/"
    }
    guard let executable else { return nil }
    var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<8 {
      let rules = directory.appendingPathComponent("docs/rules", isDirectory: true)
      if FileManager.default.fileExists(atPath: rules.appendingPathComponent("README.md").path) {
        return rules.absoluteString.hasSuffix("/") ? rules.absoluteString : rules.absoluteString + "/"
      }
      let parent = directory.deletingLastPathComponent()
      if parent.path == directory.path { break }
      directory = parent
    }
    return nil
  }

  private static func executablePath() -> String? {
    #if os(Linux)
      if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return resolved
      }
    #endif
    #if canImport(FoundationEssentials)
      return CommandLine.arguments.first
    #else
      return Bundle.main.executablePath ?? CommandLine.arguments.first
    #endif
  }
}
