import JSONRPC
import LSPTypes
import RendaIDE
import RendaText

extension LanguageServer {
  /// Hierarchical symbols, or the flat list for clients without hierarchical support.
  /// Encoded once per analysed version, to JSON text (`AnalysedDocument.symbols`): a client
  /// asks again on every change of focus or cursor, and encoding and writing the outline is
  /// most of the work; the response carries the text as it is.
  func documentSymbol(_ params: DocumentSymbolParams) throws -> Pending<EncodedResult> {
    let uri = params.textDocument.uri
    guard let document = documents[uri] else { return .now(EncodedResult(.array([]))) }
    let promise = analysis(of: document)
    let hierarchical = client.hierarchicalSymbols
    return .later {
      let analysed = try await promise.value.get()
      let text = try analysed.symbols.value {
        let symbols = OutlineToSymbols.symbols(analysed.analysis.outline, converter: analysed.converter)
        let result: DocumentSymbolResult =
          hierarchical ? .symbols(symbols) : .information(OutlineToSymbols.information(symbols, uri: uri))
        return JSONWriter.write(try JSONValueEncoder().encode(result))
      }
      return EncodedResult(text: text)
    }
  }

  /// Articles and their sections (headings' and run-in heads' section ranges), by line.
  func foldingRange(_ params: FoldingRangeParams) throws -> Pending<[FoldingRange]> {
    guard let document = documents[params.textDocument.uri] else { return .now([]) }
    let promise = analysis(of: document)
    return .later {
      let analysed = try await promise.value.get()
      let converter = analysed.converter
      var ranges: [FoldingRange] = []
      func add(_ range: TextRange) {
        let start = converter.position(of: range.lowerBound).line
        let end = converter.position(of: range.upperBound).line
        if end > start { ranges.append(FoldingRange(startLine: start, endLine: end, kind: .region)) }
      }
      for article in analysed.analysis.outline.articles {
        var range = article.range
        for extra in [article.title?.range, article.byline?.range, article.authorNote?.range].compactMap({ $0 }) {
          range = min(range.lowerBound, extra.lowerBound)..<max(range.upperBound, extra.upperBound)
        }
        add(range)
        for heading in article.headings { add(heading.sectionRange) }
        for head in article.runInHeads { add(head.sectionRange) }
      }
      return ranges.sorted { ($0.startLine, $0.endLine) < ($1.startLine, $1.endLine) }
    }
  }
}
