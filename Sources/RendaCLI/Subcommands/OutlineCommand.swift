#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RendaAnalysis
import RendaData
import RendaIDE
import RendaPage

/// `renda outline [--format tree|markdown|json] PATH...`
enum OutlineCommand {
  enum Format: String {
    case tree, markdown, json
  }

  static func run(_ arguments: [String], io: CommandIO) -> Int32 {
    let parsed: Arguments
    switch Arguments.parse(arguments, valued: ["--format"], flags: []) {
    case .failure(let error):
      let choices = error.message.hasPrefix("--format") ? ": tree, markdown or json" : ""
      io.error("renda outline: \(error.message)\(choices)\n\n" + RendaCommand.usage)
      return 2
    case .success(let value): parsed = value
    }
    var format = Format.tree
    if let value = parsed.values["--format"] {
      guard let chosen = Format(rawValue: value) else {
        io.error("renda outline: unknown format '\(value)': use tree, markdown or json")
        return 2
      }
      format = chosen
    }
    let paths = parsed.paths
    guard !paths.isEmpty else {
      io.error("renda outline: no input: name files, directories, or - for stdin")
      return 2
    }
    let glossary: Glossary
    do {
      glossary = try GlossaryLoader.builtIn()
    } catch {
      io.error("renda: \(error)")
      return 2
    }
    var failed = false
    var documents: [OutlineReport.File] = []
    for entry in InputFiles.expand(paths) {
      let document: InputDocument
      switch entry.flatMap({ InputFiles.read($0, io: io) }) {
      case .failure(let error):
        io.error(error.description)
        failed = true
        continue
      case .success(let value): document = value
      }
      // A file over a megabyte window by window: its page model is never held whole.
      let outline = OutlineBuilder.outline(ofLargeText: document.text, glossary: glossary)
      switch format {
      case .tree:
        io.output("\(document.path)\n" + OutlineRenderer.tree(outline))
      case .markdown:
        io.output("# \(document.path)\n\n" + OutlineRenderer.markdown(outline))
      case .json:
        documents.append(OutlineReport.File(path: document.path, outline: outline))
      }
    }
    if format == .json {
      io.output(OutlineReport.json(documents) + "\n")
    }
    return failed ? 2 : 0
  }
}
