/// `textDocument/completion`.
package enum CompletionRequest: LSPRequest {
  package typealias Params = CompletionParams
  package typealias Response = CompletionList
  package static let method = "textDocument/completion"
}

package struct CompletionParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package var position: Position
  package var context: CompletionContext?

  package init(textDocument: TextDocumentIdentifier, position: Position, context: CompletionContext? = nil) {
    self.textDocument = textDocument
    self.position = position
    self.context = context
  }
}

package struct CompletionContext: Codable, Sendable, Hashable {
  /// 1 invoked, 2 trigger character, 3 re-triggered for an incomplete list.
  package var triggerKind: Int
  package var triggerCharacter: String?

  package init(triggerKind: Int, triggerCharacter: String? = nil) {
    self.triggerKind = triggerKind
    self.triggerCharacter = triggerCharacter
  }
}

package struct CompletionList: Codable, Sendable, Hashable {
  package var isIncomplete: Bool
  package var items: [CompletionItem]

  package init(isIncomplete: Bool, items: [CompletionItem]) {
    self.isIncomplete = isIncomplete
    self.items = items
  }
}

package struct CompletionItemKind: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: Int
  package init(rawValue: Int) { self.rawValue = rawValue }

  package static let text = CompletionItemKind(rawValue: 1)
  package static let constant = CompletionItemKind(rawValue: 21)
  package static let enumMember = CompletionItemKind(rawValue: 20)
  package static let snippet = CompletionItemKind(rawValue: 15)
  package static let value = CompletionItemKind(rawValue: 12)
}

package struct InsertTextFormat: RawRepresentable, Codable, Sendable, Hashable {
  package var rawValue: Int
  package init(rawValue: Int) { self.rawValue = rawValue }

  package static let plainText = InsertTextFormat(rawValue: 1)
  package static let snippet = InsertTextFormat(rawValue: 2)
}

package struct CompletionItem: Codable, Sendable, Hashable {
  package var label: String
  package var kind: CompletionItemKind?
  package var detail: String?
  package var documentation: CompletionDocumentation?
  package var sortText: String?
  package var filterText: String?
  package var insertTextFormat: InsertTextFormat?
  package var textEdit: TextEdit?

  package init(
    label: String, kind: CompletionItemKind? = nil, detail: String? = nil, documentation: CompletionDocumentation? = nil,
    sortText: String? = nil, filterText: String? = nil, insertTextFormat: InsertTextFormat? = nil,
    textEdit: TextEdit? = nil
  ) {
    self.label = label
    self.kind = kind
    self.detail = detail
    self.documentation = documentation
    self.sortText = sortText
    self.filterText = filterText
    self.insertTextFormat = insertTextFormat
    self.textEdit = textEdit
  }
}

/// `string | MarkupContent`: a plain string for a client that names no
/// `completionItem.documentationFormat` (it may not read `MarkupContent`).
package enum CompletionDocumentation: Codable, Sendable, Hashable {
  case string(String)
  case markup(MarkupContent)

  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      self = .string(text)
    } else {
      self = .markup(try container.decode(MarkupContent.self))
    }
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .string(let text): try container.encode(text)
    case .markup(let content): try container.encode(content)
    }
  }
}

package struct CompletionOptions: Codable, Sendable, Hashable {
  package var triggerCharacters: [String]?
  package var resolveProvider: Bool?

  package init(triggerCharacters: [String]?, resolveProvider: Bool? = nil) {
    self.triggerCharacters = triggerCharacters
    self.resolveProvider = resolveProvider
  }
}
