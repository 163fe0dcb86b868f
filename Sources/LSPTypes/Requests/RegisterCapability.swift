/// `client/registerCapability`, sent by the server (to watch `.renda.json`).
package enum RegisterCapabilityRequest: LSPRequest {
  package typealias Params = RegistrationParams
  package typealias Response = LSPNull
  package static let method = "client/registerCapability"
}

package struct RegistrationParams: Codable, Sendable, Hashable {
  package var registrations: [Registration]
  package init(registrations: [Registration]) { self.registrations = registrations }
}

package struct Registration: Codable, Sendable, Hashable {
  package var id: String
  package var method: String
  package var registerOptions: LSPAny?

  package init(id: String, method: String, registerOptions: LSPAny?) {
    self.id = id
    self.method = method
    self.registerOptions = registerOptions
  }
}
