#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LSPTypes
import RendaIDE

extension LanguageServer {
  /// The most results one `workspace/symbol` answers.
  static let maximumWorkspaceSymbols = 500

  /// Titles, headings, run-in heads, slogans and authors matching the query, from the
  /// open documents (as edited) and the files under the workspace folders (read off the
  /// loop, cached by `WorkspaceSymbolIndex`): prefix matches first, then substrings, then
  /// subsequences; open documents before files; at most 500.
  func workspaceSymbol(_ params: WorkspaceSymbolParams) throws -> Pending<[SymbolInformation]> {
    let query = SymbolQuery(params.query)
    let open = documents.all.map { ($0.uri, analysis(of: $0)) }
    let openPaths = Set(
      open.compactMap { ConfigurationResolver.path(of: $0.0).map { URL(fileURLWithPath: $0).standardizedFileURL.path } }
    )
    let roots = client.workspaceRoots
    let encoding = client.encoding
    let index = workspaceSymbols
    return .later {
      var files: [(uri: DocumentURI, symbols: [LocatedSymbol])] = []
      for (uri, promise) in open {
        guard case .success(let analysed) = await promise.value else { continue }
        let symbols = WorkspaceSymbols.symbols(of: analysed.analysis.page)
        files.append((uri, symbols.map { LocatedSymbol(symbol: $0, range: analysed.converter.range(of: $0.range)) }))
      }
      try Task.checkCancellation()
      files += await index.symbols(under: roots, skipping: openPaths, encoding: encoding)
      var matches: [(score: Int, order: Int, information: SymbolInformation)] = []
      for (uri, symbols) in files {
        for located in symbols {
          guard let score = query.score(located.symbol.name) else { continue }
          matches.append((score, matches.count, Self.information(located, uri: uri)))
        }
      }
      matches.sort { ($0.score, $0.order) < ($1.score, $1.order) }
      return matches.prefix(Self.maximumWorkspaceSymbols).map(\.information)
    }
  }

  private static func information(_ located: LocatedSymbol, uri: DocumentURI) -> SymbolInformation {
    let symbol = located.symbol
    let kind: SymbolKind =
      switch symbol.kind {
      case .title: .module
      case .heading: .namespace
      case .runInHead: .class
      case .slogan: .string
      case .author: .property
      }
    let name = symbol.kind == .slogan ? "“\(symbol.name)”" : symbol.name
    return SymbolInformation(
      name: name, kind: kind, location: Location(uri: uri, range: located.range), containerName: symbol.container)
  }
}
