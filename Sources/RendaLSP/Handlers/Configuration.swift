import JSONRPC
import LSPTypes

extension LanguageServer {
  /// `settings` (or `settings.renda`) may carry `rules` in the `.renda.json` shape and a
  /// `language`; configuration files are re-read either way.
  func didChangeConfiguration(_ params: DidChangeConfigurationParams) {
    configurations.setOverrides(from: params.settings)
    let scoped = params.settings?["renda"] ?? params.settings
    if let language = ClientSettings.language(options: scoped, locale: nil) { client.language = language }
    // A pulling client pushes no settings (null, or not ours): its answer reloads, once.
    let pushed = scoped.map { $0["rules"] != nil || $0["language"] != nil } ?? false
    if pushed || !client.pullsConfiguration { reloadConfiguration(reason: "settings changed") }
    pullConfiguration(reason: "settings changed")
  }

  /// Asks a client that supports it for the `renda` section (`workspace/configuration`)
  /// and applies the answer like `initializationOptions`, then re-analyses the open
  /// documents. Nothing waits for the answer: until it comes the current configuration
  /// stays, and an error, a null section, no answer within the timeout, or an answer
  /// that a newer pull superseded changes nothing.
  func pullConfiguration(reason: String) {
    guard client.pullsConfiguration else { return }
    log.info("asking the client for the renda settings: \(reason)")
    sendRequest(ConfigurationRequest.self, ConfigurationParams(items: [ConfigurationItem(section: "renda")])) {
      server, id, result in
      server.applyPulledConfiguration(id, result)
    }
  }

  func applyPulledConfiguration(_ id: RequestID, _ result: Result<[LSPAny], ResponseError>) {
    guard outgoing.isNewest(id, for: ConfigurationRequest.method), lifecycle == .running else { return }
    switch result {
    case .failure(let error):
      log.info("workspace/configuration: \(error.message); keeping the current configuration")
    case .success(let values):
      guard let settings = values.first, settings != .null else {
        log.info("workspace/configuration: the client has no renda settings; keeping the current configuration")
        return
      }
      configurations.setPulledOverrides(from: settings["renda"] ?? settings)
      if let language = ClientSettings.language(options: settings, locale: nil) { client.language = language }
      reloadConfiguration(reason: "settings pulled from the client")
    }
  }

  func didChangeWatchedFiles(_ params: DidChangeWatchedFilesParams) {
    workspaceSymbols.invalidateListing()
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
