/// `textDocument/semanticTokens/full`.
package enum SemanticTokensFullRequest: LSPRequest {
  package typealias Params = SemanticTokensParams
  package typealias Response = SemanticTokens?
  package static let method = "textDocument/semanticTokens/full"
}

/// `textDocument/semanticTokens/range`.
package enum SemanticTokensRangeRequest: LSPRequest {
  package typealias Params = SemanticTokensRangeParams
  package typealias Response = SemanticTokens?
  package static let method = "textDocument/semanticTokens/range"
}

package struct SemanticTokensParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

package struct SemanticTokensRangeParams: Codable, Sendable, Hashable {
  package var textDocument: TextDocumentIdentifier
  package var range: LSPRange

  package init(textDocument: TextDocumentIdentifier, range: LSPRange) {
    self.textDocument = textDocument
    self.range = range
  }
}

/// Five integers per token, relative to the previous one: line delta, start delta (on
/// the same line, else from the line's start), length, type index, modifier bits.
package struct SemanticTokens: Codable, Sendable, Hashable {
  package var resultId: String?
  package var data: [Int]

  package init(resultId: String? = nil, data: [Int]) {
    self.resultId = resultId
    self.data = data
  }
}

/// Names of the token types and modifiers, by the indices the data uses.
package struct SemanticTokensLegend: Codable, Sendable, Hashable {
  package var tokenTypes: [String]
  package var tokenModifiers: [String]

  package init(tokenTypes: [String], tokenModifiers: [String]) {
    self.tokenTypes = tokenTypes
    self.tokenModifiers = tokenModifiers
  }
}

package struct SemanticTokensOptions: Codable, Sendable, Hashable {
  package var legend: SemanticTokensLegend
  package var range: Bool?
  package var full: Bool?

  package init(legend: SemanticTokensLegend, range: Bool?, full: Bool?) {
    self.legend = legend
    self.range = range
    self.full = full
  }
}
