import JSONRPC
import LSPTypes
import RendaChecks
import RendaText

/// What `initialize` negotiated with this client: fixed for the session, except the
/// language, which `workspace/didChangeConfiguration` may change.
struct ClientSettings: Sendable {
  /// How LSP columns are counted on this connection.
  var encoding: PositionEncoding = .utf16
  var hoverFormat: MarkupKind = .plaintext
  var language: Language = .zh
  var hierarchicalSymbols = false
  var documentChanges = false
  var watchFilesDynamically = false
  /// File-system paths of the workspace folders (else `rootUri`, else `rootPath`), which
  /// `workspace/symbol` searches.
  var workspaceRoots: [String] = []
  /// The client answers `workspace/configuration`, so settings are pulled.
  var pullsConfiguration = false
  /// Nil when the client names no format: documentation is then a plain string.
  var completionDocumentationFormat: MarkupKind?

  init() {}

  /// Reads the client's capabilities, `locale` and `initializationOptions.language`.
  init(_ params: InitializeParams) {
    let capabilities = params.capabilities
    encoding = Self.negotiateEncoding(capabilities.general?.positionEncodings)
    hoverFormat = Self.negotiateHoverFormat(capabilities.textDocument?.hover?.contentFormat)
    language = Self.language(options: params.initializationOptions, locale: params.locale) ?? .zh
    hierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ?? false
    documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges ?? false
    watchFilesDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false
    pullsConfiguration = capabilities.workspace?.configuration ?? false
    completionDocumentationFormat =
      (capabilities.textDocument?.completion?.completionItem?.documentationFormat ?? []).isEmpty
      ? nil
      : Self.negotiateHoverFormat(capabilities.textDocument?.completion?.completionItem?.documentationFormat)
    workspaceRoots = Self.workspaceRoots(params)
  }

  static func workspaceRoots(_ params: InitializeParams) -> [String] {
    if let folders = params.workspaceFolders, !folders.isEmpty {
      return folders.compactMap { ConfigurationResolver.path(of: $0.uri) }
    }
    if let uri = params.rootUri, let path = ConfigurationResolver.path(of: uri) { return [path] }
    if let path = params.rootPath, !path.isEmpty { return [path] }
    return []
  }

  /// UTF-8 when offered (no conversion at all), else UTF-32, else UTF-16, which every
  /// client must support (Neovim 0.7 and eglot 1.9 offer nothing and speak UTF-16).
  static func negotiateEncoding(_ offered: [PositionEncodingKind]?) -> PositionEncoding {
    let offered = offered ?? []
    if offered.contains(.utf8) { return .utf8 }
    if offered.contains(.utf32) { return .utf32 }
    return .utf16
  }

  /// The first format the client lists that Renda can produce; plaintext when it lists none.
  static func negotiateHoverFormat(_ formats: [MarkupKind]?) -> MarkupKind {
    for format in formats ?? [] where format == .markdown || format == .plaintext { return format }
    return .plaintext
  }

  /// `initializationOptions.language` ("zh" / "en") wins; else a locale starting with
  /// "en" means English.
  static func language(options: LSPAny?, locale: String?) -> Language? {
    if let name = options?["language"]?.stringValue, let language = Language(rawValue: name.lowercased()) {
      return language
    }
    if let locale, locale.lowercased().hasPrefix("en") { return .en }
    if locale != nil { return .zh }
    return nil
  }
}

extension PositionEncoding {
  var kind: PositionEncodingKind { PositionEncodingKind(rawValue: rawValue) }
}
