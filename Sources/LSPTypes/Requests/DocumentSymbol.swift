/// `textDocument/documentSymbol`.
package enum DocumentSymbolRequest: LSPRequest {
  package typealias Params = DocumentSymbolParams
  package typealias Response = DocumentSymbolResult
  package static let method = "textDocument/documentSymbol"
}

package struct DocumentSymbolParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

package struct SymbolKind: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: Int
  package init(rawValue: Int) { self.rawValue = rawValue }

  package static let file = SymbolKind(rawValue: 1)
  package static let module = SymbolKind(rawValue: 2)
  package static let namespace = SymbolKind(rawValue: 3)
  package static let `class` = SymbolKind(rawValue: 5)
  package static let property = SymbolKind(rawValue: 7)
  package static let `enum` = SymbolKind(rawValue: 10)
  package static let string = SymbolKind(rawValue: 15)
  package static let enumMember = SymbolKind(rawValue: 22)
}

/// A node of the hierarchical outline; `selectionRange` lies inside `range`, and so do
/// the children's ranges.
package struct DocumentSymbol: Codable, Sendable, Hashable {
  package var name: String
  package var detail: String?
  package var kind: SymbolKind
  package var range: LSPRange
  package var selectionRange: LSPRange
  package var children: [DocumentSymbol]?

  package init(
    name: String, detail: String?, kind: SymbolKind, range: LSPRange, selectionRange: LSPRange,
    children: [DocumentSymbol]?
  ) {
    self.name = name
    self.detail = detail
    self.kind = kind
    self.range = range
    self.selectionRange = selectionRange
    self.children = children
  }
}

/// The flat form, for clients without `hierarchicalDocumentSymbolSupport`.
package struct SymbolInformation: Codable, Sendable, Hashable {
  package var name: String
  package var kind: SymbolKind
  package var location: Location
  package var containerName: String?

  package init(name: String, kind: SymbolKind, location: Location, containerName: String?) {
    self.name = name
    self.kind = kind
    self.location = location
    self.containerName = containerName
  }
}

package enum DocumentSymbolResult: Codable, Sendable, Hashable {
  case symbols([DocumentSymbol])
  case information([SymbolInformation])

  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let symbols = try? container.decode([DocumentSymbol].self) {
      self = .symbols(symbols)
    } else {
      self = .information(try container.decode([SymbolInformation].self))
    }
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .symbols(let symbols): try container.encode(symbols)
    case .information(let information): try container.encode(information)
    }
  }
}
