// swift-tools-version: 6.2
// The manifest is the architecture diagram: each layer is a target, and an
// import that points upward does not compile. See ARCHITECTURE.md.
import PackageDescription

let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
  name: "Renda",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "renda", targets: ["renda"])
  ],
  targets: [
    // Text layer: bytes, lines, offsets, encodings. No Renda vocabulary, no Foundation.
    .target(name: "RendaText", swiftSettings: strict),
    // Page model and the parser that builds it. No Foundation.
    .target(name: "RendaPage", dependencies: ["RendaText"], swiftSettings: strict),
    // Meaning on top of the model: slogans and their members, glossary values. No Foundation.
    .target(name: "RendaAnalysis", dependencies: ["RendaText", "RendaPage"], swiftSettings: strict),
    // The one loader of data files (glossary, provinces): JSON resources -> analysis values.
    // The files in Resources/ are compiled in by the EmbedResources plugin (not SwiftPM
    // resources: see the plugin), so the binary needs no resource directory and no Foundation.
    .target(
      name: "RendaData", dependencies: ["RendaText", "RendaAnalysis"], swiftSettings: strict,
      plugins: ["EmbedResources"]),
    // Rules: one per file in Checks/, the runner, suppressions, fixes. No Foundation.
    .target(
      name: "RendaChecks", dependencies: ["RendaText", "RendaPage", "RendaAnalysis"],
      exclude: ["CheckSkeleton.swift.template"], swiftSettings: strict),
    // `.renda.json`: rule settings, user glossaries, ignored paths. Shared by CLI and server.
    .target(
      name: "RendaConfiguration", dependencies: ["RendaAnalysis", "RendaChecks", "RendaData"],
      swiftSettings: strict),
    // Editor-neutral API: outline (and later hover, diagnostics) as plain values.
    .target(
      name: "RendaIDE", dependencies: ["RendaText", "RendaPage", "RendaAnalysis", "RendaChecks"],
      swiftSettings: strict),
    // Subcommands as library code, testable in-process.
    .target(
      name: "RendaCLI",
      dependencies: [
        "RendaText", "RendaPage", "RendaAnalysis", "RendaData", "RendaChecks", "RendaConfiguration", "RendaIDE",
        "RendaLSP",
      ],
      swiftSettings: strict),
    .executableTarget(name: "renda", dependencies: ["RendaCLI"], swiftSettings: strict),
    // Build tooling: a target's resource files as Swift string literals.
    .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
    .executableTarget(name: "embed-resources", path: "Plugins/embed-resources", swiftSettings: strict),
    // The benchmark (release builds only): `swift build -c release --product renda-bench`; Benchmarks/README.md.
    .executableTarget(
      name: "renda-bench",
      dependencies: [
        "JSONRPC", "RendaText", "RendaPage", "RendaAnalysis", "RendaChecks", "RendaConfiguration", "RendaIDE",
        "RendaCLI",
      ],
      path: "Benchmarks/renda-bench", swiftSettings: strict),

    // JSON-RPC 2.0 over Content-Length framing: JSON values, framing, envelopes, stdio.
    // Knows nothing of LSP or Renda.
    .target(name: "JSONRPC", swiftSettings: strict),
    // LSP 3.17 types the server uses, one file per request/notification family. No IO, no Renda.
    .target(name: "LSPTypes", swiftSettings: strict),
    // The language server: the only module that knows both LSP and Renda's IDE layer.
    .target(
      name: "RendaLSP",
      dependencies: [
        "JSONRPC", "LSPTypes", "RendaText", "RendaPage", "RendaAnalysis", "RendaData", "RendaChecks",
        "RendaConfiguration", "RendaIDE",
      ],
      swiftSettings: strict),

    .testTarget(name: "RendaTextTests", dependencies: ["RendaText"], swiftSettings: strict),
    .testTarget(
      name: "RendaPageTests", dependencies: ["RendaText", "RendaPage", "RendaAnalysis", "RendaData", "RendaIDE"],
      swiftSettings: strict),
    .testTarget(
      name: "RendaChecksTests",
      dependencies: ["RendaText", "RendaPage", "RendaAnalysis", "RendaData", "RendaChecks"],
      swiftSettings: strict),
    .testTarget(name: "RendaDataTests", dependencies: ["RendaAnalysis", "RendaData"], swiftSettings: strict),
    .testTarget(
      name: "RendaGoldenTests",
      dependencies: ["RendaText", "RendaPage", "RendaAnalysis", "RendaData", "RendaChecks", "RendaIDE", "RendaCLI"],
      exclude: ["Expected"], swiftSettings: strict),
    .testTarget(name: "RendaIDETests", dependencies: ["RendaText", "RendaPage", "RendaAnalysis", "RendaData", "RendaChecks", "RendaIDE"], swiftSettings: strict),
    .testTarget(
      name: "RendaCLITests", dependencies: ["RendaCLI", "renda"], swiftSettings: strict),
    .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"], swiftSettings: strict),
    .testTarget(
      name: "RendaLSPTests",
      dependencies: [
        "JSONRPC", "LSPTypes", "RendaLSP", "RendaText", "RendaAnalysis", "RendaData", "RendaChecks", "RendaIDE", "renda",
      ],
      swiftSettings: strict),
  ],
  swiftLanguageModes: [.v6]
)
