import LSPTypes
import RendaIDE

extension LanguageServer {
  /// Every token of the document (see `SemanticTokensEncoding` for the legend), collected
  /// once per analysed version.
  func semanticTokensFull(_ params: SemanticTokensParams) throws -> Pending<SemanticTokens?> {
    guard let document = documents[params.textDocument.uri] else { return .now(nil) }
    let promise = analysis(of: document)
    return .later {
      let analysed = try await promise.value.get()
      let tokens = analysed.semanticTokens.value { SemanticTokenCollector.tokens(in: analysed.analysis) }
      return SemanticTokens(data: SemanticTokensEncoding.encode(tokens, converter: analysed.converter))
    }
  }

  /// The tokens that overlap the requested range (whole tokens, as the protocol allows).
  func semanticTokensRange(_ params: SemanticTokensRangeParams) throws -> Pending<SemanticTokens?> {
    guard let document = documents[params.textDocument.uri] else { return .now(nil) }
    let promise = analysis(of: document)
    let requested = params.range
    return .later {
      let analysed = try await promise.value.get()
      let limit = analysed.converter.textRange(of: requested)
      let tokens = SemanticTokenCollector.overlapping(
        analysed.semanticTokens.value { SemanticTokenCollector.tokens(in: analysed.analysis) }, limit)
      return SemanticTokens(data: SemanticTokensEncoding.encode(tokens, converter: analysed.converter))
    }
  }
}
