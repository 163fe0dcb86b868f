import RendaPage
import RendaText

/// Flags a section heading (or run-in head) that breaks the pattern all its siblings
/// share: `在X上更加Y` ×4 and one `强化X`.
///
/// A pattern counts only when every sibling but one shares it and they are three or
/// more: the same leading word of one or two characters (`强化`, `以学`, `在`), the same
/// closing word of two or more (`…底色`), the same inner phrase of three or more
/// (`上更加`), or the same clause shape (a comma between two phrases). When the patterns
/// single out different headings the siblings are not parallel enough to judge, and the
/// rule says nothing.
///
/// Why: parallel headings (排比) are the backbone of these articles; one that leaves the
/// pattern reads as an editing slip or a lost word.
///
/// Example: `在服务发展大局上更加聚焦聚力 / 在增进民生福祉上更加用心用情 / 在靶向闭环监督上
/// 更加精准高效 / 在发挥代表作用上更加充分有力 / 强化自身建设` — the last breaks 在X上更加Y.
///
/// Fix: none; the wording is the author's.
package struct HeadingParallelism: Check {
  package init() {}

  package let id = "heading-parallel"
  package let defaultSeverity = Severity.info
  package let summary = LocalizedText(
    zh: "小标题与同级小标题的句式不一致（排比中断）",
    en: "A heading breaks the pattern its sibling headings share")
  package let documentation = """
    heading-parallel (info)

    Flags a section heading (a run-in head in an article without headings) that breaks
    the pattern every other sibling shares. A pattern counts only when all siblings but
    one share it and they are at least three:

    - the same leading word of one or two characters (强化…, 以学…, 在…);
    - the same closing word of two or more characters (…底色);
    - the same inner phrase of three or more characters (…上更加…);
    - the same clause shape (a comma between two phrases, or none).

    When different patterns single out different headings, the siblings are not
    parallel enough to judge and the rule is silent. The message quotes the siblings
    with their lines.

    Why: parallel headings (排比) are the backbone of these articles; one that leaves the
    pattern reads as a slip or a lost word.

    Example:  在服务发展大局上更加聚焦聚力 / 在增进民生福祉上更加用心用情 /
              在靶向闭环监督上更加精准高效 / 在发挥代表作用上更加充分有力 / 强化自身建设
              → 强化自身建设 breaks 在X上更加Y.

    Fix: none. The wording is the author's.
    """

  /// One pattern the siblings but one share.
  private struct Pattern {
    var description: LocalizedText
    var outlier: Int
  }

  package func findings(in context: CheckContext) -> [Finding] {
    var result: [Finding] = []
    for article in context.page.articles {
      let sections = ArticleSections.sections(of: article)
      guard sections.count >= 4 else { continue }
      let texts = sections.map(\.core)
      let patterns = Self.patterns(texts)
      let outliers = Set(patterns.map(\.outlier))
      guard outliers.count == 1, let outlier = outliers.first else { continue }
      let shared = patterns.map(\.description)
      let siblings = sections.indices.filter { $0 != outlier }
      let cited = ArticleSections.list(
        siblings.map { ArticleSections.cite(sections[$0].text, in: context, limit: 20) }, zh: "；", en: "; ")
      let kind =
        sections[outlier].isRunInHead
        ? LocalizedText(zh: "段首句", en: "run-in head") : LocalizedText(zh: "小标题", en: "heading")
      let what = ArticleSections.list(shared, zh: "，", en: ", ")
      result.append(
        Finding(
          rule: id, severity: defaultSeverity,
          message: LocalizedText(
            zh: "此\(kind.zh)与其余\(siblings.count)个\(kind.zh)的句式不一致：其余均\(what.zh)，此处没有（\(cited.zh)）",
            en:
              "this \(kind.en) breaks the pattern of the other \(siblings.count): they all \(what.en), this one does not (\(cited.en))"
          ),
          range: sections[outlier].text.range,
          related: siblings.map {
            RelatedLocation(
              range: sections[$0].text.range,
              message: LocalizedText(
                zh: "同级\(kind.zh)：\(sections[$0].text.normalized)",
                en: "sibling \(kind.en): \(sections[$0].text.normalized)"))
          }))
    }
    return result
  }

  /// Whether `piece` holds a part of two or more characters that every sibling has.
  private static func extendsFrame(_ piece: String, _ everywhere: PhrasesEverywhere) -> Bool {
    let scalars = Array(piece.unicodeScalars)
    for start in 0..<(scalars.count - 1) {
      for end in (start + 2)...scalars.count {
        if everywhere.contains(scalars[start..<end]) { return true }
      }
    }
    return false
  }

  /// The inner phrases (two to six characters, not at the start, without punctuation) that
  /// every text has, and those that every text but one has, with the text that lacks them.
  private static func innerPhrases(_ texts: [[Unicode.Scalar]]) -> (
    everywhere: PhrasesEverywhere, allButOne: [String: Int]
  ) {
    let n = texts.count
    func string(_ s: ArraySlice<Unicode.Scalar>) -> String { String(scalars: s) }
    guard n <= 64, texts.allSatisfy({ $0.allSatisfy(\.isCanonicallyInert) }) else {
      // The general path: pieces as `String`s (keys equal under canonical equivalence).
      var inner: [String: Set<Int>] = [:]
      for (i, text) in texts.enumerated() {
        guard text.count >= 4 else { continue }
        for start in 1..<(text.count - 1) {
          for length in 2...min(6, text.count - start) {
            let piece = text[start..<(start + length)]
            guard !piece.contains(where: ArticleSections.isPunctuation) else { break }
            inner[string(piece), default: []].insert(i)
          }
        }
      }
      let allButOne = inner.filter { $0.value.count == n - 1 }.compactMapValues { holders in
        texts.indices.first { !holders.contains($0) }
      }
      return (.strings(Set(inner.filter { $0.value.count == n }.keys)), allButOne)
    }
    // The fast path, same result: when no scalar has a canonical decomposition or a
    // combining class, two pieces are equal as `String`s exactly when their scalars are,
    // so a piece is keyed by its packed scalars and its holders are a bit mask.
    // A piece held by all texts but one is held by the first or the second text: only their
    // pieces are keys; the other texts only mark the keys they hold.
    var inner = PieceTable(capacity: 5 * texts.prefix(2).reduce(0) { $0 + $1.count })
    for (i, text) in texts.enumerated() {
      guard text.count >= 4 else { continue }
      let punctuation = text.map(ArticleSections.isPunctuation)
      for start in 1..<(text.count - 1) where !punctuation[start] {
        var key = PieceKey()
        key.append(text[start])
        for length in 2...min(6, text.count - start) {
          guard !punctuation[start + length - 1] else { break }
          key.append(text[start + length - 1])
          if i < 2 {
            inner.update(key, initial: 0) { $0 |= 1 << UInt64(i) }
          } else if !inner.updateIfPresent(key, { $0 |= 1 << UInt64(i) }) {
            // The keys hold every prefix of theirs (of two or more scalars): no longer
            // piece from this start is a key either.
            break
          }
        }
      }
    }
    var allButOne: [String: Int] = [:]
    inner.forEach { key, holders in
      guard holders.nonzeroBitCount == n - 1 else { return }
      allButOne[key.string] = (~holders).trailingZeroBitCount
    }
    // The phrases every text has stay in the table, read by their packed scalars (a
    // `Set<String>` of them cost 1.9 M of this function's 6.7 M instructions on 1 MB).
    return (.packed(inner, all: n == 64 ? ~0 : (1 << UInt64(n)) - 1), allButOne)
  }

  /// The inner phrases every text has (``innerPhrases(_:)``): as strings on the general
  /// path, on the fast path as the pieces' table, whose keys every text holds are those.
  private enum PhrasesEverywhere {
    case strings(Set<String>)
    /// `all`: the holder mask of every text.
    case packed(PieceTable, all: UInt64)

    func contains(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
      switch self {
      case .strings(let phrases): return phrases.contains(String(scalars: scalars))
      case .packed(let pieces, let all):
        // Pieces are at most six scalars.
        guard scalars.count <= 6 else { return false }
        var key = PieceKey()
        for scalar in scalars { key.append(scalar) }
        return pieces.value(of: key) == all
      }
    }
  }

  /// Up to six scalars packed in two words (21 bits each).
  private struct PieceKey: OpenAddressingKey {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var length = 0

    /// `low`, `high` and `length` mixed into one word (multiply-shift: the table takes the
    /// high bits).
    var slotHash: UInt64 {
      (low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(length) << 63) &* 0xBF58_476D_1CE4_E5B9
    }

    mutating func append(_ s: Unicode.Scalar) {
      let value = UInt64(s.value)
      if length < 3 { low |= value << UInt64(21 * length) } else { high |= value << UInt64(21 * (length - 3)) }
      length += 1
    }

    var string: String {
      String(
        scalars: (0..<length).map { k in
          let word = k < 3 ? low : high
          return Unicode.Scalar(UInt32(truncatingIfNeeded: (word >> UInt64(21 * (k % 3))) & 0x1F_FFFF))!
        })
    }
  }

  /// Pieces with a word each (a holder mask or a count): a check asks it tens of thousands
  /// of times per page, and a `Dictionary` would hash every key with SipHash; here a key
  /// costs two multiplies (``PieceKey/slotHash``). Iteration order is the table's, which no
  /// caller depends on (the results are sets and maps).
  private typealias PieceTable = OpenAddressingTable<PieceKey, UInt64>

  /// The patterns that every text but one shares, each with the one that lacks it.
  private static func patterns(_ texts: [[Unicode.Scalar]]) -> [Pattern] {
    let n = texts.count
    var result: [Pattern] = []
    func lacking(_ has: (Int) -> Bool) -> Int? {
      let without = texts.indices.filter { !has($0) }
      return without.count == 1 && n - 1 >= 3 ? without[0] : nil
    }
    func string(_ s: ArraySlice<Unicode.Scalar>) -> String { String(scalars: s) }
    func isWord(_ s: ArraySlice<Unicode.Scalar>) -> Bool { !s.contains(where: ArticleSections.isPunctuation) }
    /// The piece each text gives, if any, in storage reserved once (a `filter` then a `map`
    /// grew two arrays per length asked, 1,988 regrowths on 1 MB).
    func pieces<Text>(of texts: [Text], _ piece: (Text) -> ArraySlice<Unicode.Scalar>?) -> [ArraySlice<Unicode.Scalar>] {
      var pieces: [ArraySlice<Unicode.Scalar>] = []
      pieces.reserveCapacity(texts.count)
      for text in texts {
        if let found = piece(text) { pieces.append(found) }
      }
      return pieces
    }
    // Pieces held by fewer than n - 1 texts never make a pattern.
    let inert = texts.allSatisfy { $0.allSatisfy(\.isCanonicallyInert) }
    func frequent(_ pieces: [ArraySlice<Unicode.Scalar>]) -> [String: Int] {
      var counts: [String: Int] = [:]
      guard inert else {
        for piece in pieces { counts[string(piece), default: 0] += 1 }
        return counts.filter { $0.value >= n - 1 }
      }
      // Equal pieces have equal scalars here (see `innerPhrases`). Each text gives at most
      // one piece, so a piece that n - 1 of them give is the first's or the second's: only
      // those two are counted, by comparing scalars (a table of every piece, built for each
      // length, cost this rule a third of its instructions).
      for (k, candidate) in pieces.prefix(2).enumerated() where candidate.count <= 6 {
        if k == 1 && candidate.elementsEqual(pieces[0]) { continue }
        var count = 0
        for piece in pieces where piece.count <= 6 && piece.elementsEqual(candidate) { count += 1 }
        if count >= n - 1 { counts[string(candidate)] = count }
      }
      return counts
    }

    // Leading word: two characters, else one.
    var leadingFound = false
    for length in [2, 1] where !leadingFound {
      let groups = frequent(pieces(of: texts) { $0.count > length && isWord($0.prefix(length)) ? $0.prefix(length) : nil })
      for (word, count) in groups where count == n - 1 {
        if let outlier = lacking({ texts[$0].starts(with: word.unicodeScalars) }) {
          result.append(
            Pattern(description: LocalizedText(zh: "以“\(word)”开头", en: "begin with “\(word)”"), outlier: outlier))
          leadingFound = true
        }
      }
      // A two-character word all share: no shorter one can single out a heading.
      if groups.values.contains(n) { break }
    }

    // Closing word: the longest of two or more characters shared by all but one.
    let trimmed = texts.map { text -> ArraySlice<Unicode.Scalar> in
      var end = text.endIndex
      while end > text.startIndex, ArticleSections.isPunctuation(text[end - 1]) { end -= 1 }
      return text[..<end]
    }
    var closing: (String, Int)?
    for length in 2...6 {
      let groups = frequent(pieces(of: trimmed) { $0.count > length && isWord($0.suffix(length)) ? $0.suffix(length) : nil })
      guard let (word, _) = groups.first(where: { $0.value == n - 1 }),
        let outlier = lacking({ trimmed[$0].count > length && string(trimmed[$0].suffix(length)) == word })
      else { continue }
      closing = (word, outlier)
    }
    if let (word, outlier) = closing {
      result.append(Pattern(description: LocalizedText(zh: "以“\(word)”结尾", en: "end with “\(word)”"), outlier: outlier))
    }

    // Inner phrase of three or more characters, not at the start (the leading word covers that).
    let (everywhere, allButOne) = innerPhrases(texts)
    // A phrase that only extends a frame all siblings share (`让监督` in `…，让监督有规可依 /
    // …，让监督落地见效`) reaches into the part that varies: no pattern is broken.
    let innerShared = allButOne.filter { $0.key.unicodeScalars.count >= 3 }
      .filter { piece in !texts.contains { $0.starts(with: piece.key.unicodeScalars) } }
      .filter { piece in !Self.extendsFrame(piece.key, everywhere) }
    // The longest phrase per outlier (上更加 rather than 上更, 更加).
    var longest: [Int: String] = [:]
    for (piece, outlier) in innerShared {
      if let known = longest[outlier],
        known.unicodeScalars.count > piece.unicodeScalars.count
          || known.unicodeScalars.count == piece.unicodeScalars.count && known < piece
      {
        continue
      }
      longest[outlier] = piece
    }
    for (outlier, piece) in longest.sorted(by: { $0.key < $1.key }) {
      result.append(Pattern(description: LocalizedText(zh: "含“\(piece)”", en: "contain “\(piece)”"), outlier: outlier))
    }

    // Clause shape: a comma between two phrases, or none.
    let withComma = texts.indices.filter { i in texts[i].contains { $0 == "，" || $0 == "," } }
    if withComma.count == n - 1, let outlier = lacking({ withComma.contains($0) }) {
      result.append(
        Pattern(description: LocalizedText(zh: "用逗号分成两个短语", en: "have two phrases split by a comma"), outlier: outlier))
    } else if withComma.count == 1, n - 1 >= 3 {
      result.append(Pattern(description: LocalizedText(zh: "不用逗号", en: "have no comma"), outlier: withComma[0]))
    }
    return result
  }
}
