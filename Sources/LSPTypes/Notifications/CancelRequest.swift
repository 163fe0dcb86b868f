/// `$/cancelRequest`.
package enum CancelRequestNotification: LSPNotification {
  package typealias Params = CancelParams
  package static let method = "$/cancelRequest"
}

package struct CancelParams: Codable, Sendable, Hashable {
  package var id: IntegerOrString
  package init(id: IntegerOrString) { self.id = id }
}
