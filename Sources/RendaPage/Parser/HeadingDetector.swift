/// Finds an article's section headings: standalone short blocks inside its body that are
/// parallel with each other.
///
/// Siblings share a leading word or pattern (`以学铸魂 / 以学增智 / 以学正风`, `强化X ×5`).
/// When most candidates share a leading character, one that does not is kept only if it
/// stands where a heading stands (after a finished paragraph, on a page whose line order
/// can be trusted); otherwise it is a stray: a title printed elsewhere, or a banner. A
/// short block that ends in `。` joins the headings when it shares their pattern (the
/// stop is then a defect, not a reason to lose the heading). A lone candidate is not a
/// section heading.
enum HeadingDetector {
  struct Result {
    var headings: [Int]
    /// Title-like blocks that are not headings, one group each.
    var strays: [[Int]]
  }

  /// - Parameter owned: the blocks the article owns, in page order.
  static func detect(in b: PageBuilder, own owned: [Int], article k: Int, bylines: [Int]) -> Result {
    // Nearly every block an article owns is body text: its list reserved at once (a
    // `filter` grew it block by block).
    var own: [Int] = []
    own.reserveCapacity(owned.count)
    for i in owned where b.roles[i] == .body { own.append(i) }
    let firstAfterByline: Int? = k < bylines.count ? own.first(where: { $0 > bylines[k] }) : nil
    var candidates = own.filter { b.isCandidate($0) }
    if b.doubleSpaced, let lead = firstAfterByline { candidates.removeAll { $0 == lead } }
    // A heading opens a section of body text: a candidate right after another one is a
    // fragment of body text left standalone by a column break (on a double-spaced page
    // two candidates in a row may be a title and a heading, so this holds only elsewhere).
    // And a heading follows a finished paragraph: a short block after one that stops
    // mid-sentence is the rest of that sentence, cut off by a column break.
    if !b.doubleSpaced {
      candidates = candidates.filter { c in !(c > 0 && candidates.contains(c - 1)) && previousEndsParagraph(b, c) }
    }
    guard !candidates.isEmpty else { return Result(headings: [], strays: []) }

    var counts: [Unicode.Scalar: Int] = [:]
    for c in candidates { counts[b.shapes[c].first!, default: 0] += 1 }
    let dominant = counts.max { $0.value < $1.value || $0.value == $1.value && $0.key.value > $1.key.value }!
    var headings = candidates
    var strays: [[Int]] = []
    let numbered = candidates.filter { ordinalLength(of: b.normalized.scalars[b.raw[$0].scalars]) != nil }
    if numbered.count >= 2 {
      // Numbered headings (一、二、…) decide by themselves.
      headings = numbered
      strays = candidates.filter { !numbered.contains($0) }.map { [$0] }
    } else if dominant.value >= 3 {
      let siblingLengths = candidates.filter { b.shapes[$0].first! == dominant.key }.map { b.shapes[$0].length }
        .sorted()
      let median = siblingLengths[siblingLengths.count / 2]
      let siblings = candidates.filter { b.shapes[$0].first! == dominant.key }
      for c in candidates where b.shapes[c].first! != dominant.key {
        if b.doubleSpaced, isShapedLike(siblings, c, b) {
          continue  // between its siblings and built like them: a heading that breaks the pattern
        }
        if b.doubleSpaced || !previousEndsParagraph(b, c) {
          headings.removeAll { $0 == c }
          strays.append([c])
        } else if b.shapes[c].length <= 4 || b.shapes[c].length * 10 < median * 4 {
          // Far shorter than its parallel siblings: a sub-lead label (`主要做法`), body text.
          // A short heading that breaks the pattern (`强化自身建设` among `在…上更加…`)
          // stays a heading, for `heading-parallel` to report.
          headings.removeAll { $0 == c }
        }
      }
    }
    if headings.count < 2 {
      return Result(headings: [], strays: candidates.map { [$0] })
    }
    // Parallel blocks that end with a stop are headings with a defect: parallel by their
    // leading character, or by their shape (same number of lines, same first-line length).
    let lineCounts = Set(headings.map { b.shapes[$0].lineCount })
    let firstLines = Set(headings.map { b.shapes[$0].firstLineLength })
    let sharedFirst = Set(headings.map { b.shapes[$0].first! }).count == 1 ? b.shapes[headings[0]].first : nil
    for i in own where !candidates.contains(i) && b.raw[i].kind == .text {
      let shape = b.shapes[i]
      guard shape.isShortWithFinalStop(columnWidth: b.columnWidth), b.doubleSpaced || previousEndsParagraph(b, i)
      else { continue }
      let byLead = shape.first == (sharedFirst ?? (dominant.value >= 3 ? dominant.key : nil))
      let byShape =
        lineCounts.count == 1 && lineCounts.first! >= 2 && shape.lineCount == lineCounts.first!
        && firstLines.count == 1 && shape.firstLineLength == firstLines.first!
      if byLead || byShape || isPhrasedLike(headings, i, b) { headings.append(i) }
    }
    headings.sort()
    return Result(headings: headings, strays: strays)
  }

  /// Whether `c` stands between the first and last of `siblings` and is built like all of
  /// them (`isBuiltLike`, split by a space or a comma, as in `坚持加强制度建设 推动学习规范化`).
  /// On a double-spaced page, where a title may stand anywhere, that tells a heading that
  /// leaves the siblings' leading word (`不断改进方式 创新学习方法` among `坚持X Y`) from a
  /// stray title.
  static func isShapedLike(_ siblings: [Int], _ c: Int, _ b: PageBuilder) -> Bool {
    guard let first = siblings.first, let last = siblings.last, first < c, c < last else { return false }
    return isBuiltLike(siblings, c, b, extraLength: 0) { $0.spaces + $0.commas >= 1 }
  }

  /// Whether the one-line block `i` (ending in a stop) is built like every one of the
  /// `headings` with at least one space between its phrases (`统全盘 让工作合力“聚”起来`
  /// among `强推进 让党员干部“动”起来`…; a sentence `以学促干，不断提高能力。` splits at a
  /// comma), its stop aside.
  /// Parallel headings are parallel phrase by phrase too: each of `i`'s phrases is within
  /// one scalar of the siblings' same phrase, so a one-line sentence with a stray OCR space
  /// (`会议 取得圆满成功。` among `抓统筹 让工作合力聚起来`) stays body text.
  static func isPhrasedLike(_ headings: [Int], _ i: Int, _ b: PageBuilder) -> Bool {
    guard headings.count >= 2, isBuiltLike(headings, i, b, extraLength: 1, phrases: { $0.spaces >= 1 }) else {
      return false
    }
    let own = phraseLengths(b, i)
    let theirs = headings.map { phraseLengths(b, $0) }
    return own.indices.allSatisfy { k in
      let lengths = theirs.compactMap { k < $0.count ? $0[k] : nil }
      guard let low = lengths.min(), let high = lengths.max() else { return false }
      return (low - 1...high + 1).contains(own[k])
    }
  }

  /// The lengths of a one-line block's phrases (split at spaces and commas), in scalars,
  /// without the commas and a final stop.
  static func phraseLengths(_ b: PageBuilder, _ i: Int) -> [Int] {
    let r = b.raw[i].scalars
    var lengths = [0]
    for j in r {
      let s = b.normalized.scalars[j]
      if s.value == 0xFF0C || s.value == 0x2C {
        lengths.append(0)
        continue
      }
      if j > r.lowerBound,
        b.normalized.sourceRange((j - 1)..<j).upperBound < b.normalized.sourceRange(j..<(j + 1)).lowerBound
      {
        lengths.append(0)
      }
      if j + 1 == r.upperBound, s.endsSentence { continue }
      lengths[lengths.count - 1] += 1
    }
    return lengths
  }

  /// Whether the one-line block `i` and every one of `group` split into phrases by the same
  /// spaces and commas (which `phrases` must accept), and `i`'s length is within theirs
  /// (two scalars either way, and `extraLength` more above).
  static func isBuiltLike(
    _ group: [Int], _ i: Int, _ b: PageBuilder, extraLength: Int, phrases accept: (PhraseBreaks) -> Bool
  ) -> Bool {
    guard !group.isEmpty, let phrases = phraseBreaks(b, i), accept(phrases),
      group.allSatisfy({ phraseBreaks(b, $0) == phrases })
    else { return false }
    let lengths = group.map { b.shapes[$0].length }
    return (lengths.min()! - 2...lengths.max()! + 2 + extraLength).contains(b.shapes[i].length)
  }

  /// The phrase breaks inside a one-line block: spaces between two of its scalars, and
  /// commas. Nil for a block of several lines (a line break says nothing about phrases).
  static func phraseBreaks(_ b: PageBuilder, _ i: Int) -> PhraseBreaks? {
    guard b.shapes[i].lineCount == 1 else { return nil }
    let r = b.raw[i].scalars
    var spaces = 0
    var j = r.lowerBound
    while j + 1 < r.upperBound {
      if b.normalized.sourceRange(j..<(j + 1)).upperBound < b.normalized.sourceRange((j + 1)..<(j + 2)).lowerBound {
        spaces += 1
      }
      j += 1
    }
    return PhraseBreaks(spaces: spaces, commas: b.shapes[i].commas)
  }

  struct PhraseBreaks: Equatable {
    var spaces: Int
    var commas: Int
  }

  static func previousEndsParagraph(_ b: PageBuilder, _ i: Int) -> Bool {
    guard i > 0 else { return true }
    let previous = i - 1
    switch b.raw[previous].kind {
    case .byline, .authorNote: return true
    case .text:
      if b.roles[previous] == .title || b.roles[previous] == .furniture || b.roles[previous] == .heading {
        return true
      }
      return b.shapes[previous].endsParagraph
    }
  }

  /// The leading ordinal of a numbered heading: `一、` `（二）` `(3)` `4.` `第五，`.
  static func ordinal(of normalized: String) -> String? {
    guard let length = ordinalLength(of: normalized.unicodeScalars) else { return nil }
    return String(normalized.unicodeScalars.prefix(length))
  }

  /// The number of scalars of the leading ordinal of `scalars` (``ordinal(of:)``), nil when
  /// there is none. Walks the scalars in place, only the ordinal's few read: this is asked of
  /// every heading candidate, as the page's own scalars (a string of each candidate made for
  /// the question cost 0.8 M instructions on 1 MB).
  static func ordinalLength(of scalars: some Collection<Unicode.Scalar>) -> Int? {
    var i = scalars.startIndex
    var length = 0
    func advance() {
      i = scalars.index(after: i)
      length += 1
    }
    guard i != scalars.endIndex else { return nil }
    func isDigit(_ s: Unicode.Scalar) -> Bool { s.chineseDigitValue != nil || s.asciiDigitValue != nil }
    var digits = 0
    if scalars[i].isOpeningParenthesis {
      advance()
      while i != scalars.endIndex, isDigit(scalars[i]) {
        advance()
        digits += 1
      }
      guard digits > 0, i != scalars.endIndex, scalars[i].isClosingParenthesis else { return nil }
    } else {
      while i != scalars.endIndex, isDigit(scalars[i]) {
        advance()
        digits += 1
      }
      guard digits > 0, digits <= 3, i != scalars.endIndex else { return nil }
      let mark = scalars[i]
      guard mark.value == 0x3001 || mark.value == 0x2E || mark.value == 0xFF0E else { return nil }  // 、 . ．
    }
    // Past the mark or the closing parenthesis: the ordinal is followed by the heading's text.
    advance()
    guard i != scalars.endIndex else { return nil }
    return length
  }
}
