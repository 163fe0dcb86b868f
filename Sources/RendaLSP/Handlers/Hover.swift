import LSPTypes
import RendaIDE

extension LanguageServer {
  /// The IDE layer's hover, as Markdown or plain text per the client's `contentFormat`.
  /// A position on a line the document does not have answers `null`.
  func hover(_ params: TextDocumentPositionParams) throws -> Pending<LSPTypes.Hover?> {
    guard let document = documents[params.textDocument.uri] else { return .now(nil) }
    let converter = PositionConverter(text: document.text, encoding: client.encoding)
    guard !converter.isPastEnd(params.position) else { return .now(nil) }
    let offset = converter.offset(of: params.position)
    let promise = analysis(of: document)
    let format = client.hoverFormat
    return .later {
      let analysed = try await promise.value.get()
      guard let hover = HoverProvider.hover(at: offset, in: analysed.analysis) else { return nil }
      return LSPTypes.Hover(
        contents: MarkupContent(kind: format, value: format == .markdown ? hover.markdown : hover.plaintext),
        range: analysed.converter.range(of: hover.range))
    }
  }
}
