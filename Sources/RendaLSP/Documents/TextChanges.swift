import LSPTypes
import RendaText

/// Applies `didChange` content changes in order: each range is read in the text left by
/// the previous change, converted through the negotiated encoding (clamped), and applied
/// with `SourceText.replacing`, which updates the line index incrementally. A change
/// without a range replaces the whole text.
enum TextChanges {
  static func apply(
    _ changes: [TextDocumentContentChangeEvent], to text: SourceText, encoding: PositionEncoding
  ) -> SourceText {
    var current = text
    for change in changes {
      guard let range = change.range else {
        current = SourceText(change.text)
        continue
      }
      let converter = PositionConverter(text: current, encoding: encoding)
      current = current.replacing(converter.textRange(of: range), with: change.text)
    }
    return current
  }
}
