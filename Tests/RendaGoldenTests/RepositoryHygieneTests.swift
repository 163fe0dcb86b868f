import Foundation
import RendaChecks
import Testing

/// The rules of the house, checked under `swift test`: layering of imports, one
/// documented and tested file per rule, a registry in id order.
@Suite struct RepositoryHygieneTests {
  /// Modules below the IO edge: standard library only.
  static let coreModules = ["RendaText", "RendaPage", "RendaAnalysis", "RendaChecks", "RendaIDE"]

  static func swiftFiles(in directory: String) -> [URL] {
    let root = Repository.url(directory)
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
  }

  @Test("the core modules import no Foundation, LSP or JSON-RPC", arguments: coreModules)
  func coreImportsNothingFromTheEdges(_ module: String) throws {
    let forbidden = ["Foundation", "FoundationEssentials", "Dispatch", "LSPTypes", "JSONRPC", "RendaLSP", "RendaCLI", "RendaData"]
    var offenders: [String] = []
    for file in Self.swiftFiles(in: "Sources/\(module)") {
      let text = try String(contentsOf: file, encoding: .utf8)
      for line in text.split(separator: "\n") where line.hasPrefix("import ") {
        let imported = line.dropFirst("import ".count).trimmingCharacters(in: .whitespaces)
        if forbidden.contains(imported) { offenders.append("\(file.lastPathComponent): \(line)") }
      }
    }
    #expect(offenders.isEmpty, "\(module) must stay free of IO and protocol modules: \(offenders)")
  }

  /// The edge modules and the tool the build runs: Foundation's essentials, not the whole of
  /// Foundation (with its ICU library, ~5 ms of dynamic loading in every `renda` process).
  /// `import Foundation` may stand only in the `#else` of `#if canImport(FoundationEssentials)`,
  /// for platforms whose Foundation is one module.
  static let edgeModules = [
    "Sources/RendaData", "Sources/RendaConfiguration", "Sources/JSONRPC", "Sources/LSPTypes", "Sources/RendaLSP",
    "Sources/RendaCLI", "Sources/renda", "Plugins/embed-resources",
  ]

  @Test("the binary's modules import Foundation's essentials, the whole Foundation only as a fallback", arguments: edgeModules)
  func edgeImportsOnlyTheEssentials(_ directory: String) throws {
    var offenders: [String] = []
    for file in Self.swiftFiles(in: directory) {
      let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
      for (index, line) in lines.enumerated() where line.trimmingCharacters(in: .whitespaces) == "import Foundation" {
        let fallback =
          index >= 3 && lines[index - 1].trimmingCharacters(in: .whitespaces) == "#else"
          && lines[index - 3].trimmingCharacters(in: .whitespaces) == "#if canImport(FoundationEssentials)"
        if !fallback { offenders.append("\(file.lastPathComponent):\(index + 1)") }
      }
    }
    #expect(offenders.isEmpty, "import FoundationEssentials (with Foundation only in the #else): \(offenders)")
  }

  @Test("rule ids are unique, kebab-case, and the registry is sorted")
  func registry() {
    let ids = CheckRegistry.ids
    #expect(Set(ids).count == ids.count)
    #expect(ids == ids.sorted())
    for id in ids {
      #expect(id.range(of: "^[a-z]+(-[a-z]+)*$", options: .regularExpression) != nil, "\(id) is not kebab-case")
    }
  }

  @Test("every rule is documented: summary in both languages and documentation naming its id")
  func documented() {
    for check in CheckRegistry.all {
      #expect(!check.summary.zh.isEmpty && !check.summary.en.isEmpty, "\(check.id) has no summary")
      #expect(check.documentation.contains(check.id), "\(check.id)'s documentation does not name it")
      #expect(check.documentation.count > 200, "\(check.id)'s documentation is too short to explain it")
    }
  }

  @Test("every file in Checks/ holds a registered rule with a doc comment and has its own test file")
  func oneFilePerRule() throws {
    let registered = Set(CheckRegistry.all.map { String(describing: type(of: $0)) })
    for file in Self.swiftFiles(in: "Sources/RendaChecks/Checks") {
      let name = file.deletingPathExtension().lastPathComponent
      let text = try String(contentsOf: file, encoding: .utf8)
      #expect(registered.contains(name), "\(name).swift: no registered rule of that name")
      #expect(text.contains("///"), "\(name).swift has no doc comment")
      let test = Repository.url("Tests/RendaChecksTests/Checks/\(name)Tests.swift")
      #expect(FileManager.default.fileExists(atPath: test.path), "\(name) has no \(name)Tests.swift")
    }
  }
}
