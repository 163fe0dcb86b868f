import RendaLSP

/// `renda lsp [--stdio]`: the language server on stdin/stdout (LSP 3.17). Logs go to
/// stderr. Exits 0 after `shutdown` + `exit` or at the end of input, 1 on `exit` without
/// `shutdown`.
enum LSPCommand {
  static func run(_ arguments: [String], io: CommandIO) -> Int32 {
    // `--stdio` is what most clients pass (vscode-languageclient does); stdio is the only transport.
    switch Arguments.parse(arguments, valued: [], flags: ["--stdio"]) {
    case .failure(let error):
      io.error("renda lsp: \(error.message)\n\n" + RendaCommand.usage)
      return 2
    case .success(let parsed):
      guard parsed.paths.isEmpty else {
        io.error("renda lsp: takes no paths (documents come from the editor)\n\n" + RendaCommand.usage)
        return 2
      }
    }
    return LanguageServerMain.runStdio(version: RendaCommand.version)
  }
}
