import PackagePlugin

/// Compiles the `.json` files of the target it is applied to into the target, as string
/// literals (`EmbeddedResources.files`), so the binary carries its data.
///
/// Why not SwiftPM's resources: `.copy` resources are read through a generated `Bundle.module`
/// accessor, which imports the whole of Foundation (and its 40 MB ICU library: ~5 ms of
/// dynamic loading in every `renda` process), and the binary then needs its resource
/// directory beside it. `.embedInCode` writes each byte as an array element, which took
/// 94 s to compile for these 427 KB; a raw string literal compiles in well under a second.
@main struct EmbedResources: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let target = target as? SourceModuleTarget else { return [] }
    let inputs = target.sourceFiles(withSuffix: ".json").map(\.url).sorted { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) resource files in \(target.name)",
        executable: try context.tool(named: "embed-resources").url,
        arguments: [output.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
