import LSPTypes
import RendaIDE
import RendaText

/// The outline → document symbols. Articles are modules (named by title, else authors;
/// detail: authors and province); inside, headings are namespaces and run-in heads
/// classes, enumerations enums with their markers as members, slogans strings. Kinds are
/// chosen to read well as group names in eglot's imenu. Every symbol's range contains its
/// selection range and its children's ranges.
enum OutlineToSymbols {
  static func symbols(_ outline: DocumentOutline, converter: PositionConverter) -> [DocumentSymbol] {
    outline.articles.map { article($0, converter) }
  }

  /// The flat form for clients without hierarchical support.
  static func information(_ symbols: [DocumentSymbol], uri: DocumentURI) -> [SymbolInformation] {
    var result: [SymbolInformation] = []
    func visit(_ symbol: DocumentSymbol, container: String?) {
      result.append(
        SymbolInformation(
          name: symbol.name, kind: symbol.kind, location: Location(uri: uri, range: symbol.range),
          containerName: container))
      for child in symbol.children ?? [] { visit(child, container: symbol.name) }
    }
    for symbol in symbols { visit(symbol, container: nil) }
    return result
  }

  private struct Node {
    var name: String
    var detail: String?
    var kind: SymbolKind
    var range: TextRange
    var selection: TextRange
    var children: [Node]

    /// The range grown to hold the selection and the children.
    var covering: TextRange {
      var lower = min(range.lowerBound, selection.lowerBound)
      var upper = max(range.upperBound, selection.upperBound)
      for child in children {
        let inner = child.covering
        lower = min(lower, inner.lowerBound)
        upper = max(upper, inner.upperBound)
      }
      return lower..<upper
    }

    func symbol(_ converter: PositionConverter) -> DocumentSymbol {
      let sorted = children.sorted { $0.covering.lowerBound < $1.covering.lowerBound }
      return DocumentSymbol(
        name: name.isEmpty ? "?" : name, detail: detail, kind: kind, range: converter.range(of: covering),
        selectionRange: converter.range(of: selection),
        children: sorted.isEmpty ? nil : sorted.map { $0.symbol(converter) })
    }
  }

  private static func article(_ article: ArticleOutline, _ converter: PositionConverter) -> DocumentSymbol {
    var children: [Node] = article.leadEnumerations.compactMap(enumeration)
    for heading in article.headings {
      children.append(
        Node(
          name: heading.text, detail: nil, kind: .namespace, range: heading.sectionRange, selection: heading.range,
          children: heading.enumerations.compactMap(enumeration)))
    }
    for head in article.runInHeads {
      children.append(
        Node(
          name: head.text, detail: nil, kind: .class, range: head.sectionRange, selection: head.range,
          children: head.enumerations.compactMap(enumeration)))
    }
    for slogan in article.slogans {
      let detail: String? =
        slogan.members.isEmpty ? slogan.count.map { "\($0) 项" } : slogan.members.joined(separator: "、")
      children.append(
        Node(
          name: "“\(slogan.text)”", detail: detail, kind: .string, range: slogan.range, selection: slogan.range,
          children: []))
    }
    let selection =
      article.title?.range ?? article.byline?.range
      ?? (article.range.lowerBound..<converter.nonEmpty(article.range.lowerBound..<article.range.lowerBound).upperBound)
    var range = article.range
    for extra in [article.title?.range, article.byline?.range, article.authorNote?.range].compactMap({ $0 }) {
      range = min(range.lowerBound, extra.lowerBound)..<max(range.upperBound, extra.upperBound)
    }
    var detail: String?
    if let byline = article.byline {
      detail = byline.authors.joined(separator: "、") + (byline.province.map { "（\($0)）" } ?? "")
    }
    return Node(
      name: article.displayName, detail: detail, kind: .module, range: range, selection: selection,
      children: children
    ).symbol(converter)
  }

  private static func enumeration(_ enumeration: EnumerationOutline) -> Node? {
    guard let first = enumeration.markers.first else { return nil }
    var range = first.range
    for marker in enumeration.markers {
      range = min(range.lowerBound, marker.range.lowerBound)..<max(range.upperBound, marker.range.upperBound)
    }
    var notes: [String] = []
    if !enumeration.missingOrdinals.isEmpty {
      notes.append("缺少序号 " + enumeration.missingOrdinals.map(String.init).joined(separator: "、"))
    }
    if !enumeration.repeatedOrdinals.isEmpty {
      notes.append("重复序号 " + enumeration.repeatedOrdinals.map(String.init).joined(separator: "、"))
    }
    return Node(
      name: enumeration.markers.map(\.marker).joined(separator: "、"),
      detail: notes.isEmpty ? "\(enumeration.markers.count) 项" : notes.joined(separator: "；"), kind: .enum,
      range: range, selection: first.range,
      children: enumeration.markers.map {
        Node(
          name: $0.marker + ($0.item.isEmpty ? "" : " " + $0.item), detail: "第 \($0.line) 行", kind: .enumMember,
          range: $0.range, selection: $0.range, children: [])
      })
  }
}
