/// `initialize`: the client's capabilities in, the server's out.
package enum InitializeRequest: LSPRequest {
  package typealias Params = InitializeParams
  package typealias Response = InitializeResult
  package static let method = "initialize"
}

package struct TraceValue: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: String
  package init(rawValue: String) { self.rawValue = rawValue }

  package static let off = TraceValue(rawValue: "off")
  package static let messages = TraceValue(rawValue: "messages")
  package static let verbose = TraceValue(rawValue: "verbose")
}

package struct ClientInfo: Codable, Sendable, Hashable {
  package var name: String
  package var version: String?

  package init(name: String, version: String? = nil) {
    self.name = name
    self.version = version
  }
}

package struct WorkspaceFolder: Codable, Sendable, Hashable {
  package var uri: DocumentURI
  package var name: String

  package init(uri: DocumentURI, name: String) {
    self.uri = uri
    self.name = name
  }
}

/// Decoded leniently: a field of an unexpected shape reads as absent, so an unusual
/// client still gets initialized.
package struct InitializeParams: Codable, Sendable, Hashable {
  package var processId: Int?
  package var clientInfo: ClientInfo?
  package var locale: String?
  package var rootPath: String?
  package var rootUri: DocumentURI?
  package var initializationOptions: LSPAny?
  package var capabilities: ClientCapabilities
  package var trace: TraceValue?
  package var workspaceFolders: [WorkspaceFolder]?

  package init(
    processId: Int? = nil, clientInfo: ClientInfo? = nil, locale: String? = nil, rootPath: String? = nil,
    rootUri: DocumentURI? = nil, initializationOptions: LSPAny? = nil, capabilities: ClientCapabilities = .init(),
    trace: TraceValue? = nil, workspaceFolders: [WorkspaceFolder]? = nil
  ) {
    self.processId = processId
    self.clientInfo = clientInfo
    self.locale = locale
    self.rootPath = rootPath
    self.rootUri = rootUri
    self.initializationOptions = initializationOptions
    self.capabilities = capabilities
    self.trace = trace
    self.workspaceFolders = workspaceFolders
  }

  private enum CodingKeys: String, CodingKey {
    case processId, clientInfo, locale, rootPath, rootUri, initializationOptions, capabilities, trace
    case workspaceFolders
  }

  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    processId = c.lenient(Int.self, forKey: .processId)
    clientInfo = c.lenient(ClientInfo.self, forKey: .clientInfo)
    locale = c.lenient(String.self, forKey: .locale)
    rootPath = c.lenient(String.self, forKey: .rootPath)
    rootUri = c.lenient(String.self, forKey: .rootUri)
    initializationOptions = c.lenient(LSPAny.self, forKey: .initializationOptions)
    capabilities = c.lenient(ClientCapabilities.self, forKey: .capabilities) ?? ClientCapabilities()
    trace = c.lenient(TraceValue.self, forKey: .trace)
    workspaceFolders = c.lenient([WorkspaceFolder].self, forKey: .workspaceFolders)
  }
}

package struct ServerInfo: Codable, Sendable, Hashable {
  package var name: String
  package var version: String?

  package init(name: String, version: String?) {
    self.name = name
    self.version = version
  }
}

package struct InitializeResult: Codable, Sendable, Hashable {
  package var capabilities: ServerCapabilities
  package var serverInfo: ServerInfo?

  package init(capabilities: ServerCapabilities, serverInfo: ServerInfo?) {
    self.capabilities = capabilities
    self.serverInfo = serverInfo
  }
}
