import Foundation
import Testing

/// What the built `renda` binary needs at run time.
@Suite(.enabled(if: RendaBinary.url != nil, "build renda first (swift build)"))
struct BinaryTests {
  /// The libraries the dynamic loader maps for the binary (`ldd`), or nil where there is no `ldd`.
  static func linkedLibraries(_ binary: URL) throws -> [String]? {
    let ldd = URL(fileURLWithPath: "/usr/bin/ldd")
    guard FileManager.default.isExecutableFile(atPath: ldd.path) else { return nil }
    let process = Process()
    process.executableURL = ldd
    process.arguments = [binary.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap {
      $0.split(separator: " ").first.map { String($0.trimmingCharacters(in: .whitespaces)) }
    }
  }

  /// The whole Foundation and its ICU cost every process ~5 ms of loading before `main`; a
  /// SwiftPM resource (whose generated accessor imports Foundation) or an `import Foundation`
  /// outside the `#else` of `canImport(FoundationEssentials)` brings them back.
  @Test func linksFoundationsEssentialsOnly() throws {
    let binary = try #require(RendaBinary.url)
    // No ldd, or a statically linked build (`--static-swift-stdlib`): nothing to load.
    guard let libraries = try Self.linkedLibraries(binary), libraries.contains(where: { $0.hasPrefix("libswiftCore") })
    else { return }
    #expect(libraries.contains { $0.hasPrefix("libFoundationEssentials") })
    let unwanted = libraries.filter {
      $0.hasPrefix("libFoundation.") || $0.hasPrefix("libFoundationInternationalization") || $0.hasPrefix("lib_FoundationICU")
    }
    #expect(unwanted.isEmpty, "renda links \(unwanted)")
  }

  /// The glossary is compiled in: the binary names no resource bundle (SwiftPM's accessor
  /// would look for one beside it and then at its build path), and a copy of it alone, in an
  /// empty directory, checks a page with the built-in glossary.
  @Test func checksAPageWithNothingBesideIt() throws {
    let binary = try #require(RendaBinary.url)
    let image = try Data(contentsOf: binary)
    #expect(image.firstRange(of: Data("RendaData.resources".utf8)) == nil, "the binary looks for a resource bundle")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("renda-alone-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let copy = directory.appendingPathComponent("renda")
    try FileManager.default.copyItem(at: binary, to: copy)
    let page = directory.appendingPathComponent("page.txt")
    try Data("■ 张三（湖北）\n\n坚持党的领导、人民当家做主、依法治国有机统一。\n".utf8).write(to: page)
    let process = Process()
    process.executableURL = copy
    process.arguments = ["check", "--format", "json", page.path]
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    // 当家做主 is the canonical phrase's wrong form (当家作主): only the built-in glossary knows it.
    #expect(String(decoding: output, as: UTF8.self).contains("canonical-phrase"))
  }
}
