import LSPTypes

extension LanguageServer {
  /// `settings` (or `settings.renda`) may carry `rules` in the `.renda.json` shape and a
  /// `language`; configuration files are re-read either way.
  func didChangeConfiguration(_ params: DidChangeConfigurationParams) {
    configurations.setOverrides(from: params.settings)
    let scoped = params.settings?["renda"] ?? params.settings
    if let language = ClientSettings.language(options: scoped, locale: nil) { client.language = language }
    reloadConfiguration(reason: "settings changed")
  }

  func didChangeWatchedFiles(_ params: DidChangeWatchedFilesParams) {
    reloadConfiguration(reason: "\(params.changes.count) watched file(s) changed")
  }

  /// Re-reads configuration files, re-resolves every open document and re-analyses it.
  func reloadConfiguration(reason: String) {
    configurations.invalidate()
    log.info("reloading configuration: \(reason)")
    for var document in documents.all {
      document.configuration = configurations.configuration(for: document.uri)
      documents[document.uri] = document
      _ = analysis(of: document)
    }
    reportConfigurationProblems()
  }

  func reportConfigurationProblems() {
    for problem in configurations.takeProblems() { log.showMessage(problem) }
  }
}
