import RendaAnalysis
import RendaPage
import RendaText

/// Flags a fixed official formulation (规范提法) printed wrongly: a character changed,
/// missing, extra or swapped; the wrong separator in a fixed series; 总书记 or 同志 dropped
/// from 习近平…重要思想 / 重要论述 / 以习近平同志为核心的党中央; the members of a fixed series
/// reordered or one altered; a form the glossary lists as wrong; and an ill-formed meeting
/// name (`党的十九届人大`: 届 takes a plenum, 党的…大 takes no 届).
///
/// The phrases are the glossary's (`phrases.json`, 209 entries: guiding theories, meeting and
/// institution names, fixed slogans and series, 人大 terms). Matching runs on the page with
/// whitespace and line breaks removed, so a phrase wrapped across lines or spaced out by the
/// OCR is found, and the finding covers exactly the printed span. A span is reported when it
/// is within one edit of a phrase of six characters or more and is not itself a correct form;
/// shorter phrases are matched by their listed wrong forms only. `PhraseIndex` (analysis
/// layer) says what counts as a near-miss and finds candidates in one Aho–Corasick pass.
///
/// Why: proofreaders of 人大 papers rank a misprinted key formulation as a political error,
/// the most serious kind; it survives because each character looks right on its own.
///
/// Example: `习近平关于坚持和完善人民代表大会制度的重要思想` — 总书记 is missing; the same
/// article prints it correctly, which the finding points at.
///
/// Fix: only where certain — a listed wrong form, or a one-edit near-miss (not at the
/// phrase's ends, not a particle) of a phrase of eight characters or more with no rival
/// candidate; the edit touches only the characters that differ.
package struct CanonicalPhrase: Check {
  package init() {}

  package let id = "canonical-phrase"
  package let defaultSeverity = Severity.error
  package let summary = LocalizedText(
    zh: "规范提法有误（错字、漏字、多字、颠倒、分隔号、漏写“总书记”、系列顺序或成员有误、会议名称不规范）",
    en: "A fixed official formulation is misprinted (a character, separator, title, series order or meeting name)")
  package let documentation = """
    canonical-phrase (error)

    Flags a fixed official formulation (规范提法) printed wrongly. The phrases are the
    glossary's phrase list (built in: phrases.json, 209 entries in five categories: theory,
    meetings, institutions, slogans, npc-terms). Reported:

    - a form the glossary lists as wrong (习近平关于坚持和完善人民代表大会制度的重要思想);
    - 总书记 or 同志 dropped from a listed 习近平…重要思想 / 重要论述 / 以习近平同志为核心的党中央,
      and from any 习近平关于…重要思想 (the names of the 重要思想 carry 总书记);
    - a span within one edit of a phrase of six characters or more (or of an accepted form of
      eight or more): one character changed, missing or extra, or two neighbours swapped
      (不忘初心、牢计使命); a changed mark between the members of a fixed series
      (正确监督，有效监督、依法监督);
    - the members of a fixed series in another order (牢记使命、不忘初心), or all members but
      one in order with another item in its place (科学立法、民主决策、依法立法);
    - an ill-formed party meeting name, by its grammar rather than a list: 党的N大,
      党的N届M中全会, N届M中、K中全会, N届历次全会 are well formed; 党的十九届人大 is not
      (届 must be followed by M中全会, 历次全会 or 中央…), nor 党的十九大三中全会,
      二十届三全会 / 二十届三中会, or 第 inside a short form (十九届第六中全会).

    Matching ignores whitespace and line breaks, so a phrase wrapped across lines or spaced
    out by the OCR is found; the finding covers exactly the printed span, and its related
    information points at a correct use of the same phrase in the article when there is one.
    Not reported: a canonical or accepted form of any entry; phrases shorter than six
    characters except their listed wrong forms; quotation marks inside a phrase
    (“以人民为中心”的发展思想); a separator left out (围绕中心服务大局) or a conjunction for the
    last one (民主管理和民主监督); a numeral for a numeral (党的二十届四中全会 is another
    plenum); the topic of a 中央…工作会议 (中央人才工作会议 is another conference); an edit that
    makes a real word (审议工作报告, 人民代表大会审议). An edit at the first or last character
    counts only in a fixed statement (theory, slogans) of twelve characters or more: elsewhere
    the neighbour makes another word (我国人民代表大会, 本级人民代表大会及其常务委员会). Names
    (institutions, meetings, 人大 terms) are composed with the words around them, so in a name
    an added character counts only when it doubles one (人民代表大会常务委员员会; not 县级人民代表
    大会常务委员会, 中华人民共和国副主席), and a particle or conjunction never counts (设区的市的
    人民代表大会常务委员会, 人民代表大会或其常务委员会). In a long statement a particle added or
    dropped is a warning without a fix (中国共产党的领导是… quotes 中国共产党领导是… loosely).
    ASCII marks inside a phrase are halfwidth-punctuation's, known OCR misreadings are
    ocr-confusable's, and a span formula-members reports is left to it. A reordering of
    正确监督、有效监督、依法监督, whose order is customary but not confirmed as the only
    official one, is a warning.

    Why: a misprinted key formulation is a political error, the first thing proofreaders of
    a 人大 paper look for; it survives because each character looks right on its own.

    Example:  习近平关于坚持和完善人民代表大会制度的重要思想
              → 漏写了“总书记”，应为“习近平总书记关于坚持和完善人民代表大会制度的重要思想”

    Fix: only where certain — a listed wrong form, or a one-edit near-miss of a phrase of eight
    characters or more with a single candidate phrase (not at its ends, not a particle, not a
    real word). The edit touches only the characters that differ, so a line break inside the
    phrase stays. Reorderings, altered members and meeting names are left to the author.

    The phrase glossary. A glossary file (see schemas/phrases.schema.json, docs/phrases.md;
    a user's glossary listed under "glossaries" in .renda.json may hold "phrases" too) is a
    JSON object with "phrases": an array of entries:

      {
        "id": "never-forget-original-aspiration",       kebab-case, unique; a user's entry
                                                        with a built-in id replaces it
        "canonical": "不忘初心、牢记使命",               the form official texts print
        "category": "slogans",                           theory | meetings | institutions |
                                                        slogans | npc-terms
        "series": { "members": ["不忘初心", "牢记使命"],  optional: a fixed series whose
                    "separator": "、",                   members joined by the separator
                    "orderFixed": true },                are (or occur in) the canonical
        "accepted": ["不忘初心，牢记使命"],               other correct forms (optional)
        "wrong": [],                                     forms known to be wrong (optional)
        "note": "2019年主题教育的主题。",                 one line, shown with the finding
        "source": "…"                                    where it was confirmed (optional
      }                                                  in a user's file)

    No form may contain whitespace (Renda removes it before matching); a wrong form is never a
    correct form of any entry, and a form belongs to one entry only.
    """

  package func prepare(for glossary: Glossary) { _ = Self.index(glossary) }

  private static func index(_ glossary: Glossary) -> PhraseIndex {
    PhraseIndex.shared(phrases: glossary.phrases, confusables: glossary.confusables.map(\.wrong))
  }

  package func findings(in context: CheckContext) -> [Finding] {
    let glossary = context.glossary
    let index = Self.index(glossary)
    let page = context.page
    let n = page.normalized
    let scan = index.scan(n.scalars, paragraphs: page.paragraphs.map(\.normalizedRange))
    guard !scan.defects.isEmpty else { return [] }

    let articles = ArticleLookup(page)
    let formulaSpans = formulaMembersSpans(near: scan.defects, context, articles)
    // The occurrences of the defects' own entries, by entry: only those are read (a few
    // dozen defects against thousands of occurrences, each a dictionary update before).
    var wanted = [Bool](repeating: false, count: index.phrases.count)
    for defect in scan.defects {
      if let entry = defect.entry, entry < wanted.count { wanted[entry] = true }
    }
    var byEntry: [Int: [PhraseOccurrence]] = [:]
    for occurrence in scan.occurrences where occurrence.entry >= wanted.count || wanted[occurrence.entry] {
      byEntry[occurrence.entry, default: []].append(occurrence)
    }

    var result: [Finding] = []
    for defect in scan.defects {
      let range = n.sourceRange(defect.range)
      if formulaSpans.contains(where: { $0.overlaps(range) }) { continue }
      let phrase = defect.entry.map { index.phrases[$0] }
      let printed = n.string(defect.range)
      let message = Self.message(defect, printed: printed, phrase: phrase)
      var related: [RelatedLocation] = []
      if let article = articles.article(containing: range.lowerBound) {
        let scope = articles.normalizedRange(of: article, n)
        if let use = correctUse(of: defect, in: scope, byEntry: byEntry, scan: scan, n) {
          let line = context.lineNumber(of: n.sourceRange(use).lowerBound)
          let text = n.string(use)
          related.append(
            RelatedLocation(
              range: n.sourceRange(use),
              message: LocalizedText(zh: "本文第\(line)行的写法：“\(text)”", en: "written correctly at line \(line): “\(text)”")
            ))
        }
      }
      var fixes: [Fix] = []
      if let correction = defect.correction {
        let edits = correction.map { edit in
          TextEdit(range: Self.sourceRange(edit.range, n), newText: edit.replacement)
        }
        fixes.append(
          Fix(
            title: LocalizedText(zh: "改为“\(defect.expected)”", en: "Replace with “\(defect.expected)”"),
            edits: edits))
      }
      result.append(
        Finding(
          rule: id, severity: defect.isConfirmed ? defaultSeverity : .warning, message: message, range: range,
          related: related, fixes: fixes))
    }
    return result
  }

  /// The source range of a normalized edit range; an empty range is the point just after
  /// the scalar before it (so an inserted character joins the text it belongs to).
  private static func sourceRange(_ range: Range<Int>, _ n: NormalizedText) -> TextRange {
    guard range.isEmpty else { return n.sourceRange(range) }
    let point = range.lowerBound > 0 ? n.ends[range.lowerBound - 1] : (n.starts.first ?? 0)
    return TextOffset(utf8: point)..<TextOffset(utf8: point)
  }

  /// The nearest correct use in `scope` of what the defect misprints: the same entry's
  /// canonical or accepted form, the same congress's well-formed name, or the 重要思想 with
  /// its title.
  private func correctUse(
    of defect: PhraseDefect, in scope: Range<Int>, byEntry: [Int: [PhraseOccurrence]], scan: PhraseScan,
    _ n: NormalizedText
  ) -> Range<Int>? {
    func nearest(_ ranges: [Range<Int>]) -> Range<Int>? {
      ranges.filter { scope.contains($0.lowerBound) && !$0.overlaps(defect.range) }
        .min { abs($0.lowerBound - defect.range.lowerBound) < abs($1.lowerBound - defect.range.lowerBound) }
    }
    if case .meetingName = defect.kind {
      let number = Self.congressNumber(in: defect.expected)
      let mentions =
        scan.meetingMentions.filter { number == nil || $0.number == number }.map(\.range)
        + (defect.entry.flatMap { byEntry[$0] } ?? []).map(\.range)
      guard var use = nearest(mentions) else { return nil }
      // 党的十九大和十九届历次全会: overlapping mentions, and neighbours joined by one
      // character, read as one.
      var grown = true
      while grown {
        grown = false
        for other in mentions where !defect.range.overlaps(other) {
          let touches = other.lowerBound <= use.upperBound + 1 && use.lowerBound <= other.upperBound + 1
          let union = min(use.lowerBound, other.lowerBound)..<max(use.upperBound, other.upperBound)
          if touches, union != use {
            use = union
            grown = true
          }
        }
      }
      return use
    }
    if let entry = defect.entry {
      let uses = byEntry[entry] ?? []
      return nearest(uses.filter(\.isCanonical).map(\.range)) ?? nearest(uses.map(\.range))
    }
    // A 重要思想 outside the glossary: the expected text itself.
    let needle = Array(defect.expected.unicodeScalars)
    var found: [Range<Int>] = []
    var i = scope.lowerBound
    while i + needle.count <= scope.upperBound {
      if n.scalars[i] == needle[0], n.scalars[i..<(i + needle.count)].elementsEqual(needle) {
        found.append(i..<(i + needle.count))
      }
      i += 1
    }
    return nearest(found)
  }

  /// What formula-members reports (its formulas and the members it cites) around the defects:
  /// a span it reports is left to it. It runs again only where a defect is near a formula's
  /// name or two of its members, on the paragraphs and articles of those defects.
  private func formulaMembersSpans(
    near defects: [PhraseDefect], _ context: CheckContext, _ articles: ArticleLookup
  ) -> [TextRange] {
    let n = context.page.normalized
    let words = Self.formulaWords(context.glossary)
    guard !words.isEmpty else { return [] }
    let firsts = FirstScalarFilter(words.keys)
    let near = defects.filter { Self.isNearFormula($0, words, firsts, n) }
    guard !near.isEmpty else { return [] }
    var local = context
    local.page.paragraphs = context.page.paragraphs.filter { paragraph in
      near.contains { paragraph.normalizedRange.overlaps($0.range) }
    }
    let keep = Set(near.compactMap { articles.article(containing: n.sourceRange($0.range).lowerBound) })
    local.slogans = context.slogans.enumerated().map { keep.contains($0.offset) ? $0.element : [] }
    return FormulaMembers().findings(in: local).flatMap { [$0.range] + $0.related.map(\.range) }
  }

  /// A formula's name (member -1) or member k, as scalars.
  private typealias FormulaWord = (scalars: [Unicode.Scalar], formula: Int, member: Int)

  /// The names and members of the national formulas, by first scalar.
  private static func formulaWords(_ glossary: Glossary) -> [Unicode.Scalar: [FormulaWord]] {
    var words: [Unicode.Scalar: [FormulaWord]] = [:]
    for (f, formula) in glossary.formulas.enumerated() {
      for name in [formula.name] + formula.aliases where name.unicodeScalars.count >= 2 {
        let scalars = name.scalarArray
        words[scalars[0], default: []].append((scalars, f, -1))
      }
      for (m, member) in formula.members.enumerated() {
        for text in [member.text] + member.variants where text.unicodeScalars.count >= 2 {
          let scalars = text.scalarArray
          words[scalars[0], default: []].append((scalars, f, m))
        }
      }
    }
    return words
  }

  /// Whether the defect has, within 40 scalars, a national formula's name or two of its
  /// members: what formula-members needs to report anything.
  private static func isNearFormula(
    _ defect: PhraseDefect, _ words: [Unicode.Scalar: [FormulaWord]], _ firsts: FirstScalarFilter,
    _ n: NormalizedText
  ) -> Bool {
    let window = max(0, defect.range.lowerBound - 40)..<min(n.count, defect.range.upperBound + 40)
    var seen: [Int: Set<Int>] = [:]
    for i in window {
      guard firsts.mayContain(n.scalars[i]), let candidates = words[n.scalars[i]] else { continue }
      for word in candidates where i + word.scalars.count <= window.upperBound {
        guard n.scalars[i..<(i + word.scalars.count)].elementsEqual(word.scalars) else { continue }
        if word.member < 0 { return true }
        seen[word.formula, default: []].insert(word.member)
        if seen[word.formula]!.count >= 2 { return true }
      }
    }
    return false
  }

  /// The first scalars of the formula words as 4,096 bits (by the scalar's low twelve bits):
  /// a scalar whose bit is clear starts no word, and is not looked up in the dictionary,
  /// which hashes it (hashing every scalar near a defect cost 0.5 M instructions on 1 MB;
  /// the words' few hundred first scalars leave most bits clear).
  private struct FirstScalarFilter {
    private var bits = [UInt64](repeating: 0, count: 64)

    init(_ firsts: some Sequence<Unicode.Scalar>) {
      for s in firsts { bits[Int(s.value >> 6 & 63)] |= 1 << UInt64(s.value & 63) }
    }

    func mayContain(_ s: Unicode.Scalar) -> Bool {
      bits[Int(s.value >> 6 & 63)] & 1 << UInt64(s.value & 63) != 0
    }
  }

  /// `十九` of `党的十九大和十九届历次全会`.
  private static func congressNumber(in suggestion: String) -> String? {
    let scalars = Array(suggestion.unicodeScalars.drop { !MeetingNameGrammar.isChineseNumeral($0) })
    let number = scalars.prefix { MeetingNameGrammar.isChineseNumeral($0) }
    return number.isEmpty ? nil : String(String.UnicodeScalarView(number))
  }

  // MARK: Messages

  static func message(_ defect: PhraseDefect, printed: String, phrase: RendaAnalysis.CanonicalPhrase?) -> LocalizedText
  {
    let canonical = defect.expected
    var zh: String
    var en: String
    switch defect.kind {
    case .listedWrong:
      zh = "“\(printed)”是不规范的写法，应为“\(canonical)”"
      en = "“\(printed)” is a known wrong form of “\(canonical)”"
    case .droppedTitle(let title):
      zh = "“\(printed)”漏写了“\(title)”，应为“\(canonical)”"
      en = "“\(printed)” drops “\(title)”: the official wording is “\(canonical)”"
    case .substitution(let wrong, let right):
      zh = "“\(printed)”中“\(wrong)”应为“\(right)”，规范提法为“\(canonical)”"
      en = "in “\(printed)”, “\(wrong)” should be “\(right)”: the official wording is “\(canonical)”"
    case .missing(let character):
      zh = "“\(printed)”漏了“\(character)”，规范提法为“\(canonical)”"
      en = "“\(printed)” lacks “\(character)”: the official wording is “\(canonical)”"
    case .extra(let character):
      zh = "“\(printed)”多了“\(character)”，规范提法为“\(canonical)”"
      en = "“\(printed)” has an extra “\(character)”: the official wording is “\(canonical)”"
    case .transposition(let wrong, let right):
      zh = "“\(printed)”中“\(wrong)”字序颠倒，应为“\(right)”，规范提法为“\(canonical)”"
      en = "in “\(printed)”, “\(wrong)” is swapped for “\(right)”: the official wording is “\(canonical)”"
    case .separator(let wrong, let right):
      zh = "“\(printed)”各项之间应用“\(right)”而非“\(wrong)”，规范提法为“\(canonical)”"
      en =
        "“\(printed)” separates its members with “\(wrong)” instead of “\(right)”: the official wording is “\(canonical)”"
    case .reordered:
      zh = "“\(printed)”的各项顺序与规范提法不符，应为“\(canonical)”"
      en = "“\(printed)” lists its members out of order: the official wording is “\(canonical)”"
    case .alteredMember(let wrong, let right):
      zh = "“\(wrong)”应为“\(right)”，规范提法为“\(canonical)”"
      en = "“\(wrong)” should be “\(right)”: the official wording is “\(canonical)”"
    case .meetingName(let problem):
      switch problem {
      case .termWithoutPlenum:
        zh = "“\(printed)”不是规范的会议名称：“届”后应接“某中全会”或“历次全会”，党代会写作“党的某大”；应为“\(canonical)”"
        en =
          "“\(printed)” is not a meeting name: 届 must be followed by a plenum (M中全会) or 历次全会, and a party congress is written 党的N大; most likely “\(canonical)”"
      case .congressWithPlenum:
        zh = "“\(printed)”混用了党代会与全会的名称，全会应写作“\(canonical)”"
        en = "“\(printed)” mixes a congress and a plenum: a plenum is written “\(canonical)”"
      case .truncatedPlenum:
        zh = "“\(printed)”不是完整的全会名称，应为“\(canonical)”"
        en = "“\(printed)” is not a complete plenum name: it should be “\(canonical)”"
      case .ordinalInShortForm:
        zh = "“\(printed)”是简称，其中不用“第”，应为“\(canonical)”"
        en = "“\(printed)” is a short form, which takes no 第: it should be “\(canonical)”"
      }
    }
    if let phrase, !phrase.note.isEmpty {
      if case .meetingName = defect.kind {} else { zh += "（\(phrase.note)）" }
    }
    return LocalizedText(zh: zh, en: en)
  }
}

/// Which article holds an offset, and its text in normalized scalars.
private struct ArticleLookup {
  let page: Page
  /// Article indices by the start of their range.
  let order: [Int]

  init(_ page: Page) {
    self.page = page
    order = page.articles.indices.sorted { page.articles[$0].range.lowerBound < page.articles[$1].range.lowerBound }
  }

  func article(containing offset: TextOffset) -> Int? {
    var low = 0
    var high = order.count
    while low < high {
      let mid = (low + high) / 2
      if page.articles[order[mid]].range.lowerBound <= offset { low = mid + 1 } else { high = mid }
    }
    // The last article starting at or before the offset, if it reaches it.
    var k = low - 1
    while k >= 0 {
      let article = page.articles[order[k]]
      if article.range.contains(offset) || article.range.upperBound == offset { return order[k] }
      if low - 1 - k > 3 { break }
      k -= 1
    }
    return nil
  }

  /// The normalized scalars of the article's range.
  func normalizedRange(of article: Int, _ n: NormalizedText) -> Range<Int> {
    let range = page.articles[article].range
    return firstScalar(atOrAfter: range.lowerBound.utf8, n)..<firstScalar(atOrAfter: range.upperBound.utf8, n)
  }

  private func firstScalar(atOrAfter offset: Int, _ n: NormalizedText) -> Int {
    var low = 0
    var high = n.count
    while low < high {
      let mid = (low + high) / 2
      if n.starts[mid] < offset { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
