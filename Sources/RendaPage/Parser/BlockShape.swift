/// The shape of a block as the parser reads it: how long, how it ends, what it holds.
///
/// Titles, section headings and page furniture are all "standalone short blocks"; the
/// shape says whether a block could be one of them, and later stages decide which.
struct BlockShape {
  /// Normalized scalars (whitespace removed).
  var length: Int
  var lineCount: Int
  /// Normalized length of the first line.
  var firstLineLength: Int
  /// Normalized length of the shortest line.
  var shortestLineLength: Int
  var first: Unicode.Scalar?
  /// The last scalar that is not a closing quote or bracket.
  var lastMeaningful: Unicode.Scalar?
  var last: Unicode.Scalar?
  /// Counts of `。！？；` anywhere in the block.
  var sentenceEnds: Int
  var commas: Int
  var hasDigits: Bool

  /// The shape of `block` of the page whose normalized view is `normalized`.
  /// (`normalized` borrowed: taken owned, as an initializer takes its arguments, the caller
  /// copied it, retaining its arrays, for every block.)
  ///
  /// The line lengths are read as the shape is made, not kept as an array: the stages ask only
  /// for the first and the shortest (an array per block, made and freed, cost 2.5 M of the
  /// parse's 58 M instructions on 1 MB).
  init(_ block: RawBlock, in normalized: borrowing NormalizedText) {
    let first = normalized.range(ofLine: block.firstLine).count
    var shortest = first
    if block.lastLine > block.firstLine {
      for line in (block.firstLine + 1)...block.lastLine { shortest = min(shortest, normalized.range(ofLine: line).count) }
    }
    self.init(
      normalized.scalars[block.scalars], lineCount: block.lastLine - block.firstLine + 1, firstLineLength: first,
      shortestLineLength: shortest)
  }

  init(_ scalars: ArraySlice<Unicode.Scalar>, lineCount: Int, firstLineLength: Int, shortestLineLength: Int) {
    length = scalars.count
    self.lineCount = lineCount
    self.firstLineLength = firstLineLength
    self.shortestLineLength = shortestLineLength
    first = scalars.first
    last = scalars.last
    lastMeaningful = scalars.last(where: { !$0.isClosingQuoteOrBracket })
    // One pass, no intermediate arrays. Han characters, most of the text, are none of these
    // marks: skipped at the first test.
    var sentenceEnds = 0
    var commas = 0
    var hasDigits = false
    for scalar in scalars where !scalar.isInHanBlocks {
      if scalar.endsSentence { sentenceEnds += 1 }
      if scalar.value == 0xFF0C || scalar.value == 0x2C { commas += 1 }
      if !hasDigits, scalar.asciiDigitValue != nil { hasDigits = true }
    }
    self.sentenceEnds = sentenceEnds
    self.commas = commas
    self.hasDigits = hasDigits
  }

  /// Ends a paragraph: the last meaningful scalar is `。！？；…` or a colon (a lead's `：`).
  var endsParagraph: Bool {
    guard let mark = lastMeaningful else { return false }
    return mark.endsSentence || mark.isColon
  }

  /// Could be a title, a heading or furniture: one to three short lines with no
  /// sentence-final punctuation anywhere and an ending that does not continue a sentence.
  func isStandaloneShort(columnWidth: Int) -> Bool {
    guard lineCount <= 3, length >= 2, length <= 48, sentenceEnds == 0, commas <= 2 else { return false }
    guard let first, let last else { return false }
    if first.isComma || first.endsSentence || first.isColon || first.isClosingQuoteOrBracket { return false }
    if last.isComma || last.isColon || last.isOpeningParenthesis || last.isOpeningQuote && last.value != 0x22 {
      return false
    }
    if lineCount >= 2 {
      // A heading's lines are not all full column lines; a sentence fragment's are.
      let limit = max(6, columnWidth * 85 / 100)
      if shortestLineLength >= limit { return false }
    }
    return true
  }

  /// A short standalone block that ends with `。`: a heading only when it is parallel with
  /// sibling headings (the final mark is then a defect for `heading-format`).
  func isShortWithFinalStop(columnWidth: Int) -> Bool {
    guard lineCount <= 2, length >= 3, length <= 40, sentenceEnds == 1, let mark = lastMeaningful,
      mark.endsSentenceStrictly, commas <= 2
    else { return false }
    return true
  }
}
