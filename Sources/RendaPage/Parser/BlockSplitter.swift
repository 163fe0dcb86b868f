import RendaText

/// What the block splitter knows about one block before it has a role.
struct RawBlock {
  var firstLine: Int
  var lastLine: Int
  /// Normalized scalars of the block.
  var scalars: Range<Int>
  var kind: Kind

  enum Kind {
    case byline
    case authorNote
    case text
  }
}

/// Splits a page into blocks of consecutive non-blank lines.
///
/// A blank line does not always end a paragraph on these pages (column breaks leave blank
/// lines mid-sentence: `打造出一\n\n支高质量…`), so blocks are provisional: later stages
/// read their shapes, not their boundaries alone. A byline (`■ …`) and an author note
/// (`（作者系…`) start a block of their own even when the OCR left no blank line before
/// them (`践行全过程人民民主 让人大工作植根人民\n■ 覃 剑 （广东）`).
///
/// - Complexity: O(lines).
enum BlockSplitter {
  static func blocks(_ text: NormalizedText, lineCount: Int) -> [RawBlock] {
    var blocks: [RawBlock] = []
    var current: RawBlock?
    func close() {
      if let block = current { blocks.append(block) }
      current = nil
    }
    var inNote = false
    for line in 0..<lineCount {
      let range = text.range(ofLine: line)
      if range.isEmpty || isMarkerComment(text, range) {
        close()
        inNote = false
        continue
      }
      let first = text.scalars[range.lowerBound]
      if first.isBylineMarker {
        close()
        blocks.append(RawBlock(firstLine: line, lastLine: line, scalars: range, kind: .byline))
        continue
      }
      if isAuthorNoteStart(text, range) {
        close()
        current = RawBlock(firstLine: line, lastLine: line, scalars: range, kind: .authorNote)
        inNote = !text.scalars[range].contains(where: \.isClosingParenthesis)
        if !inNote { close() }
        continue
      }
      if var block = current {
        block.lastLine = line
        block.scalars = block.scalars.lowerBound..<range.upperBound
        current = block
        if inNote, text.scalars[range].contains(where: \.isClosingParenthesis) {
          inNote = false
          close()
        }
      } else {
        current = RawBlock(firstLine: line, lastLine: line, scalars: range, kind: .text)
      }
    }
    close()
    return blocks
  }

  /// `<!-- renda-disable … -->` and other HTML comments on a line of their own: editor
  /// marks, not text; they separate blocks like a blank line.
  static func isMarkerComment(_ text: NormalizedText, _ range: Range<Int>) -> Bool {
    guard range.count >= 7 else { return false }
    let s = text.scalars
    let l = range.lowerBound
    let u = range.upperBound
    return s[l] == "<" && s[l + 1] == "!" && s[l + 2] == "-" && s[l + 3] == "-" && s[u - 1] == ">" && s[u - 2] == "-"
      && s[u - 3] == "-"
  }

  /// `（作者系…` / `(作者…`
  private static func isAuthorNoteStart(_ text: NormalizedText, _ range: Range<Int>) -> Bool {
    guard range.count >= 3, text.scalars[range.lowerBound].isOpeningParenthesis else { return false }
    let a = text.scalars[range.lowerBound + 1]
    let b = text.scalars[range.lowerBound + 2]
    return a == "作" && b == "者"
  }

  /// True when blank lines carry no paragraph information: nearly every non-blank line
  /// stands alone between blank lines (a scrambled OCR page).
  static func isDoubleSpaced(_ blocks: [RawBlock]) -> Bool {
    let textBlocks = blocks.filter { $0.kind == .text }
    return isDoubleSpaced(textBlocks: textBlocks.count, singleLine: textBlocks.filter { $0.firstLine == $0.lastLine }.count)
  }

  /// The same from counts: `textBlocks` text blocks, `singleLine` of them of one line.
  static func isDoubleSpaced(textBlocks: Int, singleLine: Int) -> Bool {
    guard textBlocks >= 8 else { return false }
    return Double(singleLine) / Double(textBlocks) >= 0.8
  }
}
