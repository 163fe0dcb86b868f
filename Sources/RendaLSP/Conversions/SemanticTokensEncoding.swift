import LSPTypes
import RendaIDE
import RendaText

/// Renda's semantic token legend and the LSP integer encoding of a token list.
///
/// Token types are standard LSP names, so every theme colours them:
///
/// | Renda element | LSP type | modifiers |
/// |---|---|---|
/// | byline marker `■` | `operator` | |
/// | author name | `variable` | `readonly` |
/// | province in a byline | `namespace` | `deprecated` when the glossary does not know it |
/// | title | `class` | `declaration` |
/// | section heading | `function` | `declaration` |
/// | run-in head | `method` | `declaration` |
/// | numeric slogan | `macro` | `defaultLibrary` for a national formula |
/// | enumeration marker | `enumMember` | |
/// | author note | `comment` | `documentation` |
/// | page furniture | `keyword` | |
///
/// Positions and lengths are counted in the negotiated encoding (the converter's);
/// tokens never span lines, so a length is the difference of two columns.
enum SemanticTokensEncoding {
  static let tokenTypes: [(SemanticTokenKind, String)] = [
    (.bylineMarker, "operator"), (.author, "variable"), (.province, "namespace"), (.title, "class"),
    (.sectionHeading, "function"), (.runInHead, "method"), (.slogan, "macro"), (.enumerationMarker, "enumMember"),
    (.authorNote, "comment"), (.furniture, "keyword"),
  ]

  static let tokenModifiers = ["declaration", "defaultLibrary", "deprecated", "documentation", "readonly"]

  static let legend = SemanticTokensLegend(
    tokenTypes: tokenTypes.map(\.1), tokenModifiers: tokenModifiers)

  static func typeIndex(_ kind: SemanticTokenKind) -> Int {
    tokenTypes.firstIndex { $0.0 == kind } ?? 0
  }

  static func modifierBits(_ token: SemanticToken) -> Int {
    var names: [String] = []
    if token.traits.contains(.opensSection) { names.append("declaration") }
    if token.traits.contains(.nationalFormula) { names.append("defaultLibrary") }
    if token.traits.contains(.unknownProvince) { names.append("deprecated") }
    if token.kind == .authorNote { names.append("documentation") }
    if token.kind == .author { names.append("readonly") }
    return names.reduce(0) { bits, name in bits | (1 << (tokenModifiers.firstIndex(of: name) ?? 0)) }
  }

  /// The relative five-integer encoding of `tokens` (sorted, single-line, disjoint).
  static func encode(_ tokens: [SemanticToken], converter: PositionConverter) -> [Int] {
    var data: [Int] = []
    data.reserveCapacity(tokens.count * 5)
    var previousLine = 0
    var previousStart = 0
    for token in tokens {
      let start = converter.position(of: token.range.lowerBound)
      let end = converter.position(of: token.range.upperBound)
      let length = end.character - start.character
      guard end.line == start.line, length > 0 else { continue }
      let deltaLine = start.line - previousLine
      data += [
        deltaLine, deltaLine == 0 ? start.character - previousStart : start.character, length,
        typeIndex(token.kind), modifierBits(token),
      ]
      previousLine = start.line
      previousStart = start.character
    }
    return data
  }
}
