/// `shutdown`: answer `null`; after it only `exit` is accepted.
package enum ShutdownRequest: LSPRequest {
  package typealias Params = NoParams
  package typealias Response = LSPNull
  package static let method = "shutdown"
}
