import JSONRPC
import LSPTypes
import RendaIDE
import RendaText

/// Definition, references, document highlight and selection ranges: the IDE layer's
/// `NavigationProvider` and `SelectionRanges`, positions converted at the edge. A
/// position on a line the document does not have answers an empty list (selection
/// ranges: invalid params, since the answer must hold one entry per position).
extension LanguageServer {
  func definition(_ params: TextDocumentPositionParams) throws -> Pending<[Location]> {
    let uri = params.textDocument.uri
    return locations(uri, params.position) { NavigationProvider.definition(at: $1, in: $0) }
  }

  func references(_ params: ReferenceParams) throws -> Pending<[Location]> {
    let include = params.context.includeDeclaration
    return locations(params.textDocument.uri, params.position) {
      NavigationProvider.references(at: $1, in: $0, includeDeclaration: include)
    }
  }

  func documentHighlight(_ params: TextDocumentPositionParams) throws -> Pending<[LSPTypes.DocumentHighlight]> {
    guard let document = documents[params.textDocument.uri] else { return .now([]) }
    let converter = PositionConverter(text: document.text, encoding: client.encoding)
    guard !converter.isPastEnd(params.position) else { return .now([]) }
    let offset = converter.offset(of: params.position)
    let promise = analysis(of: document)
    return .later {
      let analysed = try await promise.value.get()
      return NavigationProvider.highlights(at: offset, in: analysed.analysis).map {
        LSPTypes.DocumentHighlight(
          range: analysed.converter.range(of: $0.range), kind: $0.role == .text ? .text : .read)
      }
    }
  }

  func selectionRange(_ params: SelectionRangeParams) throws -> Pending<[SelectionRange]> {
    guard let document = documents[params.textDocument.uri] else { return .now([]) }
    let converter = PositionConverter(text: document.text, encoding: client.encoding)
    if let past = params.positions.first(where: { converter.isPastEnd($0) || $0.line < 0 || $0.character < 0 }) {
      throw ResponseError.invalidParams(
        "invalid params: position \(past.line):\(past.character) is outside the document"
          + " (\(document.text.lineCount) lines)")
    }
    let offsets = params.positions.map { converter.offset(of: $0) }
    let promise = analysis(of: document)
    return .later {
      let analysed = try await promise.value.get()
      return offsets.compactMap { offset in
        let ranges = SelectionRanges.chain(at: offset, in: analysed.analysis.page).map {
          analysed.converter.range(of: $0)
        }
        // Distinct byte ranges can meet at one position (the two bytes of `\r\n`): keep
        // each parent strictly larger than its child after conversion too.
        var nested: [LSPRange] = []
        for range in ranges where range != nested.last { nested.append(range) }
        return SelectionRange(nested: nested)
      }
    }
  }

  /// The locations `find` gives for the offset under `position` in the open document `uri`.
  private func locations(
    _ uri: DocumentURI, _ position: Position,
    _ find: @escaping @Sendable (DocumentAnalysis, TextOffset) -> [TextRange]
  ) -> Pending<[Location]> {
    guard let document = documents[uri] else { return .now([]) }
    let converter = PositionConverter(text: document.text, encoding: client.encoding)
    guard !converter.isPastEnd(position) else { return .now([]) }
    let offset = converter.offset(of: position)
    let promise = analysis(of: document)
    return .later {
      let analysed = try await promise.value.get()
      return find(analysed.analysis, offset).map { Location(uri: uri, range: analysed.converter.range(of: $0)) }
    }
  }
}
