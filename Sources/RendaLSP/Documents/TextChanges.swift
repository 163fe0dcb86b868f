import LSPTypes
import RendaIDE
import RendaText

/// Applies `didChange` content changes in order: each range is read in the text left by
/// the previous change, converted through the negotiated encoding (clamped), and applied
/// with `SourceText.replacing`, which updates the line index incrementally. A change
/// without a range replaces the whole text.
enum TextChanges {
  static func apply(
    _ changes: [TextDocumentContentChangeEvent], to text: SourceText, encoding: PositionEncoding
  ) -> SourceText {
    applying(changes, to: text, encoding: encoding).text
  }

  /// The new text and the byte edits that made it (nil when a change replaced the text whole).
  static func applying(
    _ changes: [TextDocumentContentChangeEvent], to text: SourceText, encoding: PositionEncoding
  ) -> (text: SourceText, edits: [TextChange]?) {
    var current = text
    var edits: [TextChange]? = []
    for change in changes {
      guard let range = change.range else {
        current = SourceText(change.text)
        edits = nil
        continue
      }
      let converter = PositionConverter(text: current, encoding: encoding)
      let bytes = converter.textRange(of: range)
      current = current.replacing(bytes, with: change.text)
      edits?.append(TextChange(range: bytes, replacementLength: change.text.utf8.count))
    }
    return (current, edits)
  }
}
