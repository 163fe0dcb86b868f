import RendaPage
import RendaText

/// A name a reader looks for across pages: an article's title, a section heading, a
/// run-in head, a slogan, an author.
package struct NavigationSymbol: Sendable, Equatable {
  package enum Kind: Sendable, Equatable {
    case title
    case heading
    case runInHead
    case slogan
    case author
  }

  package var name: String
  package var kind: Kind
  package var range: TextRange
  /// The article's title, when the symbol is not the title itself.
  package var container: String?
}

/// The symbols of a page, for `workspace/symbol`: only the parse is needed (no checks,
/// no glossary), so a file that is not open costs one `PageParser.parse`.
package enum WorkspaceSymbols {
  /// Per article in page order: title, authors, headings or run-in heads, then each
  /// distinct slogan at its first mention.
  package static func symbols(of page: Page) -> [NavigationSymbol] {
    var symbols: [NavigationSymbol] = []
    for article in page.articles {
      let title = article.title?.text.normalized
      if let t = article.title, !t.text.normalized.isEmpty {
        symbols.append(NavigationSymbol(name: t.text.normalized, kind: .title, range: t.text.range, container: nil))
      }
      if let byline = article.byline {
        for author in byline.authors where !author.isEmpty {
          symbols.append(NavigationSymbol(name: author, kind: .author, range: byline.range, container: title))
        }
      }
      for heading in article.headings {
        symbols.append(
          NavigationSymbol(name: heading.text.normalized, kind: .heading, range: heading.text.range, container: title))
      }
      for head in article.runInHeads {
        symbols.append(
          NavigationSymbol(name: head.text.normalized, kind: .runInHead, range: head.text.range, container: title))
      }
      var seen: Set<String> = []
      for slogan in article.slogans where seen.insert(slogan.text).inserted {
        symbols.append(NavigationSymbol(name: slogan.text, kind: .slogan, range: slogan.range, container: title))
      }
    }
    return symbols
  }
}

/// A `workspace/symbol` query: matches a name as a case-insensitive substring (better)
/// or subsequence (worse); whitespace in the query is ignored, and an empty query
/// matches everything.
package struct SymbolQuery: Sendable, Equatable {
  private let scalars: [Unicode.Scalar]

  package init(_ query: String) {
    scalars = Array(query.lowercased().unicodeScalars.filter { !$0.isInlineWhitespace && !$0.isLineBreak })
  }

  /// Lower is better: 0 for a prefix, 1 for a substring, 2 for a subsequence; nil when
  /// the name does not match.
  package func score(_ name: String) -> Int? {
    guard !scalars.isEmpty else { return 0 }
    let target = Array(name.lowercased().unicodeScalars)
    guard target.count >= scalars.count else { return nil }
    if target.starts(with: scalars) { return 0 }
    for start in 1..<(target.count - scalars.count + 1)
    where target[start..<(start + scalars.count)].elementsEqual(scalars) {
      return 1
    }
    var next = 0
    for scalar in target where next < scalars.count && scalar == scalars[next] { next += 1 }
    return next == scalars.count ? 2 : nil
  }
}
