/// `workspace/configuration`, sent by the server: the client answers one value per item,
/// in order (null for a section it does not know).
package enum ConfigurationRequest: LSPRequest {
  package typealias Params = ConfigurationParams
  package typealias Response = [LSPAny]
  package static let method = "workspace/configuration"
}

package struct ConfigurationParams: Codable, Sendable, Hashable {
  package var items: [ConfigurationItem]
  package init(items: [ConfigurationItem]) { self.items = items }
}

package struct ConfigurationItem: Codable, Sendable, Hashable {
  package var scopeUri: DocumentURI?
  package var section: String?

  package init(scopeUri: DocumentURI? = nil, section: String?) {
    self.scopeUri = scopeUri
    self.section = section
  }
}
