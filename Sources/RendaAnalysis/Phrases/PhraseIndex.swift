import Synchronization

/// The phrase glossary indexed for matching: one pass of an Aho–Corasick automaton over the
/// text finds every exact form (canonical, accepted, wrong), every anchor of a near-miss and
/// every member of a fixed series; candidates are then verified with a bounded edit distance.
/// The text is never scanned once per phrase.
///
/// **Anchors.** A span within one edit (substitution, deletion, insertion, transposition of
/// neighbours) of a phrase `P` of length `L` contains one of its two halves exactly: with
/// `h = L / 2`, the first half `P[0..<h]` and the second `P[(h+1)...]` leave the scalar
/// between them out, so no single edit, not even a swap across the middle, touches both.
/// Each half found in the text places `P` within one scalar; `BoundedEditDistance` checks
/// the span there in O(L).
///
/// **What a near-miss is.** A span within one edit of a canonical form of ``minimumLength``
/// scalars or more, or of an accepted form of ``fixMinimumLength`` or more (a misprinted full
/// name); shorter phrases are matched by their listed wrong forms only. It is reported unless
/// it is correct in its own right:
/// - it is a canonical or accepted form of any entry, or lies (all but one scalar) inside
///   an exact correct use of a phrase (`人民代表大会常务委员会` inside 县人民代表大会常务委员会);
/// - the edit changes (or swaps) the first or last scalar of a name or of a phrase shorter than
///   ``boundaryMinimumLength`` (`我国人民代表大会`, `本级人民代表大会及其常务委员会`,
///   `人民代表大会制定`: the phrase's neighbour makes another word);
/// - in a name (an institution, a meeting, a term of 人大 work: names are composed with the
///   words around them), the edit adds a character that is not a doubled one (`县级人民代表大会
///   常务委员会`, `中华人民共和国副主席`), drops one of a doubled pair (`人民代表大会议事规则`), or
///   puts a particle or conjunction in (`人民代表大会或其常务委员会`);
/// - the edit is a quotation mark (`“以人民为中心”的发展思想`), an ASCII mark (the
///   `halfwidth-punctuation` rule's), a lost series separator (`围绕中心服务大局`), a numeral
///   for a numeral (`第一个百年奋斗目标`), a conjunction for a list mark (`民主管理和民主监督`), or
///   a particle (的 之 和 …) added or lost in a name or a phrase shorter than
///   ``boundaryMinimumLength`` (in a longer statement it is reported, unconfirmed);
/// - in a meeting name, the edit is in a part the name's pattern varies (a numeral, the topic
///   of 中央…工作会议: `中央人才工作会议` is another conference);
/// - it makes one of ``realWords`` (`审议工作报告` for 审计工作报告), or a misreading the
///   `ocr-confusable` rule reports.
///
/// **Series.** Members of a fixed series found next to each other (joined by a list mark
/// or nothing) form a chain: all members in another order is a reordering (where the order
/// is fixed); all members in order with another mark between two of them is a separator
/// defect; all members but one, in order, with another text in the missing member's place,
/// delimited like a list item and within a small edit of it, is an altered member. A chain
/// that is part of a canonical or accepted form is correct.
///
/// **Overlaps.** One defect, one report: a listed wrong form wins over a dropped title and a
/// meeting-name defect, those over a reordering, a reordering over a near-miss, and a longer
/// phrase over a shorter one. A near-miss keeps its certain fix only when it is one edit
/// away, the phrase has ``fixMinimumLength`` scalars or more, the edit is not at the phrase's
/// ends or a particle, and no other phrase's candidate overlapping it implies another edit.
package struct PhraseIndex: Sendable {
  /// Phrases shorter than this are matched by their listed wrong forms only.
  package static let minimumLength = 6
  /// A near-miss is fixed automatically only for phrases at least this long.
  package static let fixMinimumLength = 8
  /// An edit at the first or last scalar, or a particle added or lost, counts only in
  /// phrases at least this long (and never carries a fix).
  package static let boundaryMinimumLength = 12
  /// Real words a one-edit change of a phrase can make; a near-miss whose edit falls inside
  /// one of them is the word, not a misprint (`审议工作报告`, `人民代表大会审议`).
  package static let realWords: [String] = [
    "审议", "决议", "建议", "提议", "倡议", "协议", "商议", "评议", "动议", "争议", "审查", "专题", "制定", "人才", "我国",
    "中国现代化",
  ]
  /// Series whose order is customary but not confirmed as the only official one
  /// (docs/phrases.md, "Entries to review"): a reordering is a warning.
  package static let unconfirmedOrder: Set<String> = ["proper-effective-lawful-oversight"]

  package let phrases: [CanonicalPhrase]
  private let entries: [Entry]
  /// What a near-miss is measured against: each canonical form of ``minimumLength`` or more
  /// and each accepted form of ``fixMinimumLength`` or more (a misprinted full name such as
  /// 人民代表大会制度是…的根本政治制度安排 is caught too).
  private let targets: [Target]

  /// Every target's scalars end to end, target `k`'s at `targetStarts[k]..<targetStarts[k + 1]`:
  /// what a near-miss anchor compares with, read in place (a target's own array, copied out
  /// of `targets` for each of the ~16,000 anchors on 1 MB, cost a retain and a release each).
  private let targetScalars: [Unicode.Scalar]
  private let targetStarts: [Int]

  private struct Target: Sendable {
    var entry: Int
    var scalars: [Unicode.Scalar]
    var text: String
    var slots: [Range<Int>]
    var isCanonical: Bool
    /// A name (an institution, a meeting, a term of 人大 work) rather than a fixed statement
    /// (a theory, a slogan): names are composed with the words around them.
    var isName: Bool
  }
  private let automaton: ScalarAutomaton
  /// The payloads of pattern `k` are `payloads[payloadStart[k]..<payloadStart[k + 1]]`.
  private let payloadStart: [Int]
  private let payloads: [Payload]
  private let correctForms: Set<[Unicode.Scalar]>
  /// Forms accepted for a series member (the accepted forms of the entry whose canonical is it).
  private let memberForms: [[Unicode.Scalar]: [[Unicode.Scalar]]]
  /// The entry of each party congress's canonical (`党的十九大`), by its number.
  private let congressEntries: [String: Int]

  private struct Entry: Sendable {
    var canonical: [Unicode.Scalar]
    /// Canonical and accepted forms.
    var correct: [[Unicode.Scalar]]
    var series: Series?
  }

  private struct Series: Sendable {
    var members: [[Unicode.Scalar]]
    /// The text between neighbouring members in the canonical form (n - 1 of them).
    var junctions: [[Unicode.Scalar]]
    var isOrderFixed: Bool
    /// The members joined by their junctions.
    var joined: [Unicode.Scalar]
  }

  /// The titles a derived wrong form drops.
  private static let titles = ["总书记", "同志"]
  /// The start of a 重要思想's name, matched to find one that lost its title.
  private static let titleTrigger = "习近平关于"

  /// What a pattern is to the matcher; plain integers, so that reporting a match copies no
  /// reference.
  private struct Payload: Sendable {
    enum Kind: UInt8, Sendable {
      case canonical, accepted, wrong
      /// The canonical without the title `titles[value]`.
      case droppedTitle
      /// A half of the entry's canonical starting at `value` in it.
      case anchor
      /// Member `value` of the entry's series.
      case member
      case realWord
      /// A misreading another rule reports.
      case foreign
      /// `习近平关于`: the start of a 重要思想 that may have lost its title.
      case titleTrigger
    }
    var kind: Kind
    var entry: Int32 = -1
    var value: Int32 = 0
  }

  /// Indexes `phrases`; `confusables` are misread forms another rule reports (a near-miss
  /// that contains one is left to that rule).
  package init(phrases: [CanonicalPhrase], confusables: [String] = []) {
    self.phrases = phrases
    var correctForms: Set<[Unicode.Scalar]> = []
    for phrase in phrases {
      correctForms.insert(Array(phrase.canonical.unicodeScalars))
      for form in phrase.accepted { correctForms.insert(Array(form.unicodeScalars)) }
    }

    var patternIndex: [[Unicode.Scalar]: Int] = [:]
    var patterns: [[Unicode.Scalar]] = []
    var lists: [[Payload]] = []
    func add(_ pattern: [Unicode.Scalar], _ kind: Payload.Kind, entry: Int = -1, value: Int = 0) {
      guard !pattern.isEmpty else { return }
      let payload = Payload(kind: kind, entry: Int32(entry), value: Int32(value))
      if let k = patternIndex[pattern] {
        lists[k].append(payload)
      } else {
        patternIndex[pattern] = patterns.count
        patterns.append(pattern)
        lists.append([payload])
      }
    }

    var entries: [Entry] = []
    var targets: [Target] = []
    var memberForms: [[Unicode.Scalar]: [[Unicode.Scalar]]] = [:]
    var congressEntries: [String: Int] = [:]
    for (e, phrase) in phrases.enumerated() {
      let canonical = Array(phrase.canonical.unicodeScalars)
      var correct = [canonical]
      add(canonical, .canonical, entry: e)
      for form in phrase.accepted.map({ Array($0.unicodeScalars) }) where form != canonical {
        correct.append(form)
        add(form, .accepted, entry: e)
      }
      var wrong: [[Unicode.Scalar]] = []
      for form in phrase.wrong.map({ Array($0.unicodeScalars) }) where !correctForms.contains(form) {
        wrong.append(form)
        // A listed form that drops a title (value: the title's index + 1) says so.
        let title = Self.titles.firstIndex { Self.removingTitle($0, from: canonical) == form }
        add(form, .wrong, entry: e, value: title.map { $0 + 1 } ?? 0)
      }
      for (k, title) in Self.titles.enumerated() {
        let derived = Self.removingTitle(title, from: canonical)
        if let derived, !correctForms.contains(derived), !wrong.contains(derived) {
          add(derived, .droppedTitle, entry: e, value: k)
        }
      }
      for (k, form) in correct.enumerated()
      where form.count >= (k == 0 ? Self.minimumLength : Self.fixMinimumLength) {
        let h = form.count / 2
        add(Array(form[0..<h]), .anchor, entry: targets.count, value: 0)
        add(Array(form[(h + 1)...]), .anchor, entry: targets.count, value: h + 1)
        targets.append(
          Target(
            entry: e, scalars: form, text: String(String.UnicodeScalarView(form)),
            slots: phrase.category == .meetings ? MeetingNameGrammar.variableSlots(of: form) : [], isCanonical: k == 0,
            isName: phrase.category != .theory && phrase.category != .slogans))
      }
      var series: Series?
      if let s = phrase.series, s.members.count >= 2 {
        let members = s.members.map { Array($0.unicodeScalars) }
        for (i, member) in members.enumerated() { add(member, .member, entry: e, value: i) }
        series = Self.series(members, separator: s.separator, isOrderFixed: s.isOrderFixed, in: canonical)
      }
      entries.append(Entry(canonical: canonical, correct: correct, series: series))
      memberForms[canonical, default: []] += correct
      if phrase.category == .meetings, canonical.starts(with: Array("党的".unicodeScalars)), canonical.last == "大" {
        congressEntries[String(String.UnicodeScalarView(canonical.dropFirst(2).dropLast()))] = e
      }
    }
    for word in Self.realWords { add(Array(word.unicodeScalars), .realWord) }
    for form in confusables where form.unicodeScalars.count >= 2 { add(Array(form.unicodeScalars), .foreign) }
    add(Array(Self.titleTrigger.unicodeScalars), .titleTrigger)
    var payloadStart = [0]
    for list in lists { payloadStart.append(payloadStart.last! + list.count) }

    self.entries = entries
    self.targets = targets
    self.targetScalars = targets.flatMap(\.scalars)
    self.targetStarts = targets.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.scalars.count) }
    self.automaton = ScalarAutomaton(patterns: patterns)
    self.payloadStart = payloadStart
    self.payloads = lists.flatMap { $0 }
    self.correctForms = correctForms
    self.memberForms = memberForms
    self.congressEntries = congressEntries
  }

  /// `canonical` without the first `习近平` + `title`'s title, nil when it has none.
  private static func removingTitle(_ title: String, from canonical: [Unicode.Scalar]) -> [Unicode.Scalar]? {
    let name = Array("习近平".unicodeScalars)
    let title = Array(title.unicodeScalars)
    guard let at = firstOccurrence(name + title, in: canonical[...]) else { return nil }
    return Array(canonical[..<(at + name.count)] + canonical[(at + name.count + title.count)...])
  }

  private static func series(
    _ members: [[Unicode.Scalar]], separator: String, isOrderFixed: Bool, in canonical: [Unicode.Scalar]
  ) -> Series {
    var starts: [Int] = []
    var position = 0
    for member in members {
      guard let at = firstOccurrence(member, in: canonical[position...]) else {
        starts = []
        break
      }
      starts.append(at)
      position = at + member.count
    }
    var junctions: [[Unicode.Scalar]] = []
    var joined: [Unicode.Scalar] = []
    if starts.count == members.count {
      for i in 0..<(members.count - 1) {
        junctions.append(Array(canonical[(starts[i] + members[i].count)..<starts[i + 1]]))
      }
      joined = Array(canonical[starts[0]..<(starts.last! + members.last!.count)])
    } else {
      junctions = Array(repeating: Array(separator.unicodeScalars), count: members.count - 1)
      for (i, member) in members.enumerated() {
        if i > 0 { joined += junctions[i - 1] }
        joined += member
      }
    }
    return Series(members: members, junctions: junctions, isOrderFixed: isOrderFixed, joined: joined)
  }

  // MARK: Limits

  /// The most distinct scalars an index may match on: the matcher's alphabet.
  package static let maximumDistinctScalars = ScalarAutomaton.maximumAlphabet

  /// The distinct scalars an index of `phrases` and `confusables` would match on (its
  /// patterns' scalars: the forms, the series members, the confusables and the index's own
  /// words; the derived forms, titles dropped and halves, hold no others): a glossary over
  /// ``maximumDistinctScalars`` is refused where it is loaded.
  package static func distinctScalars(phrases: [CanonicalPhrase], confusables: [String]) -> Int {
    var seen = Set<UInt32>()
    func add(_ text: String) { for scalar in text.unicodeScalars { seen.insert(scalar.value) } }
    for phrase in phrases {
      add(phrase.canonical)
      phrase.accepted.forEach(add)
      phrase.wrong.forEach(add)
      phrase.series?.members.forEach(add)
    }
    confusables.forEach(add)
    realWords.forEach(add)
    add(titleTrigger)
    return seen.count
  }

  // MARK: Cache

  private struct CacheKey: Equatable, Sendable {
    var phrases: [CanonicalPhrase]
    var confusables: [String]
  }

  private static let cache = Mutex<(key: CacheKey, index: PhraseIndex)?>(nil)

  /// The index of `phrases` and `confusables`, built once and reused while they stay the same
  /// (every page of a run, every keystroke in the editor). Built under the lock: a caller
  /// that comes while it is being built (a rule, while `CheckRunner.prepare` builds it on
  /// another thread) waits for it instead of building it again.
  package static func shared(phrases: [CanonicalPhrase], confusables: [String] = []) -> PhraseIndex {
    let key = CacheKey(phrases: phrases, confusables: confusables)
    return cache.withLock { cached in
      if let cached, cached.key == key { return cached.index }
      let index = PhraseIndex(phrases: phrases, confusables: confusables)
      cached = (key, index)
      return index
    }
  }

  // MARK: Scanning

  /// Scans each of `paragraphs` (ranges of `scalars`, the page's normalized text): a phrase
  /// never spans two of them.
  package func scan(_ scalars: [Unicode.Scalar], paragraphs: [Range<Int>]) -> PhraseScan {
    var result = PhraseScan()
    var scratch = Scratch()
    let found = automaton.matches(in: scalars, ranges: paragraphs)
    for (r, range) in paragraphs.enumerated() where !range.isEmpty {
      scanParagraph(scalars, range, found[range: r], scratch: &scratch, into: &result)
    }
    return result
  }

  /// What the automaton reports in one paragraph; kept across paragraphs to reuse its storage.
  private struct Scratch {
    var occurrences: [PhraseOccurrence] = []
    var formHits: [(entry: Int, payload: Payload, range: Range<Int>)] = []
    var anchors: [(entry: Int, offset: Int, start: Int)] = []
    var members: [(entry: Int, hit: MemberHit)] = []
    var realWords: [Range<Int>] = []
    var foreign: [Range<Int>] = []
    var triggers: [Int] = []

    /// Empties the lists (most already are: a paragraph has few hits, and emptying even an
    /// empty list checks that its storage is unique).
    mutating func clear() {
      if !occurrences.isEmpty { occurrences.removeAll(keepingCapacity: true) }
      if !formHits.isEmpty { formHits.removeAll(keepingCapacity: true) }
      if !anchors.isEmpty { anchors.removeAll(keepingCapacity: true) }
      if !members.isEmpty { members.removeAll(keepingCapacity: true) }
      if !realWords.isEmpty { realWords.removeAll(keepingCapacity: true) }
      if !foreign.isEmpty { foreign.removeAll(keepingCapacity: true) }
      if !triggers.isEmpty { triggers.removeAll(keepingCapacity: true) }
    }
  }

  /// A candidate defect, before overlaps are resolved.
  private struct Candidate {
    var defect: PhraseDefect
    /// Lower wins: listed wrong 0, dropped title and meeting name 1, generic title 2,
    /// reordering 3, near-miss 4, series separator and altered member 5.
    var priority: Int
    /// The length of the phrase it is about (longer wins).
    var weight: Int
    var isNearMiss: Bool
  }

  private struct MemberHit {
    var index: Int
    var range: Range<Int>
  }

  private func scanParagraph(
    _ s: [Unicode.Scalar], _ range: Range<Int>, _ found: ArraySlice<ScalarAutomaton.Match>, scratch: inout Scratch,
    into result: inout PhraseScan
  ) {
    scratch.clear()
    for match in found {
      let pattern = Int(match.pattern)
      let end = match.end
      let start = end - automaton.patternLengths[pattern]
      for k in payloadStart[pattern]..<payloadStart[pattern + 1] {
        let payload = payloads[k]
        let entry = Int(payload.entry)
        switch payload.kind {
        case .canonical:
          scratch.occurrences.append(PhraseOccurrence(entry: entry, range: start..<end, isCanonical: true))
        case .accepted:
          scratch.occurrences.append(PhraseOccurrence(entry: entry, range: start..<end, isCanonical: false))
        case .wrong, .droppedTitle: scratch.formHits.append((entry, payload, start..<end))
        case .anchor: scratch.anchors.append((entry, Int(payload.value), start))
        case .member: scratch.members.append((entry, MemberHit(index: Int(payload.value), range: start..<end)))
        case .realWord: scratch.realWords.append(start..<end)
        case .foreign: scratch.foreign.append(start..<end)
        case .titleTrigger: scratch.triggers.append(start)
        }
      }
    }
    if scratch.occurrences.isEmpty && scratch.formHits.isEmpty && scratch.anchors.isEmpty && scratch.members.isEmpty
      && scratch.triggers.isEmpty && !MeetingNameGrammar.mayNameMeeting(s, range: range)
    {
      return
    }
    scratch.occurrences.sort {
      ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
    }
    // The lists moved out of the scratch for the paragraph and back at its end (their
    // storage kept for the next): a copy of each cost a retain and a release for each of
    // the ~1,500 paragraphs with hits on 1 MB (Benchmarks/README.md, the sixteenth round).
    var occurrences: [PhraseOccurrence] = []
    var formHits: [(entry: Int, payload: Payload, range: Range<Int>)] = []
    var anchors: [(entry: Int, offset: Int, start: Int)] = []
    var realWords: [Range<Int>] = []
    var foreign: [Range<Int>] = []
    var triggers: [Int] = []
    /// The lists and the scratch's trade places: out here, and back at the end.
    func exchange() {
      swap(&occurrences, &scratch.occurrences)
      swap(&formHits, &scratch.formHits)
      swap(&anchors, &scratch.anchors)
      swap(&realWords, &scratch.realWords)
      swap(&foreign, &scratch.foreign)
      swap(&triggers, &scratch.triggers)
    }
    exchange()
    defer { exchange() }
    // Member hits by entry, in entry order, each entry's in the order found (no dictionary:
    // a paragraph has a handful).
    let memberHits = scratch.members.indices.sorted {
      (scratch.members[$0].entry, $0) < (scratch.members[$1].entry, $1)
    }

    var candidates: [Candidate] = []
    // Listed wrong forms and dropped titles, unless inside a longer correct use.
    for hit in formHits {
      if occurrences.contains(where: { $0.range.count > hit.range.count && $0.range.contains(hit.range) }) { continue }
      let canonical = entries[hit.entry].canonical
      switch hit.payload.kind {
      case .wrong:
        let title = Int(hit.payload.value)
        candidates.append(
          Candidate(
            defect: PhraseDefect(
              entry: hit.entry, range: hit.range,
              kind: title > 0 ? .droppedTitle(Self.titles[title - 1]) : .listedWrong,
              expected: phrases[hit.entry].canonical,
              correction: Self.minimalEdit(from: Array(s[hit.range]), to: canonical, at: hit.range.lowerBound)),
            priority: 0, weight: canonical.count, isNearMiss: false))
      case .droppedTitle:
        let title = Self.titles[Int(hit.payload.value)]
        candidates.append(
          Candidate(
            defect: PhraseDefect(
              entry: hit.entry, range: hit.range, kind: .droppedTitle(title), expected: phrases[hit.entry].canonical),
            priority: 1, weight: canonical.count, isNearMiss: false))
      default: break
      }
    }

    candidates += nearMisses(
      s, range, anchors: anchors, occurrences: occurrences, realWords: realWords, foreign: foreign)
    var k = 0
    while k < memberHits.count {
      let entry = scratch.members[memberHits[k]].entry
      var end = k + 1
      while end < memberHits.count, scratch.members[memberHits[end]].entry == entry { end += 1 }
      if end - k >= 2 {
        candidates += seriesDefects(s, range, entry: entry, hits: memberHits[k..<end].map { scratch.members[$0].hit })
      }
      k = end
    }
    candidates += droppedTitles(s, range, triggers: triggers)
    let grammar = MeetingNameGrammar.scan(s, range: range)
    for defect in grammar.defects {
      candidates.append(
        Candidate(
          defect: PhraseDefect(
            entry: congressEntries[defect.number], range: defect.range, kind: .meetingName(defect.problem),
            expected: defect.suggestion),
          priority: 1, weight: defect.range.count, isNearMiss: false))
    }

    result.occurrences += occurrences
    result.meetingMentions += grammar.mentions
    result.defects += Self.resolve(candidates)
  }

  /// One defect per span: the best candidates that do not overlap, in text order; a near-miss
  /// loses its fix when another phrase's overlapping candidate implies a different edit.
  private static func resolve(_ candidates: [Candidate]) -> [PhraseDefect] {
    guard !candidates.isEmpty else { return [] }
    let ordered = candidates.sorted {
      ($0.priority, -$0.weight, $0.defect.range.lowerBound, -$0.defect.range.count)
        < ($1.priority, -$1.weight, $1.defect.range.lowerBound, -$1.defect.range.count)
    }
    var chosen: [Candidate] = []
    for candidate in ordered where !chosen.contains(where: { $0.defect.range.overlaps(candidate.defect.range) }) {
      chosen.append(candidate)
    }
    for k in chosen.indices where chosen[k].isNearMiss && chosen[k].defect.correction != nil {
      let mine = chosen[k].defect
      let rival = candidates.contains { other in
        other.isNearMiss && other.defect.entry != mine.entry && other.defect.range.overlaps(mine.range)
          && other.defect.correction != mine.correction
      }
      if rival { chosen[k].defect.correction = nil }
    }
    return chosen.map(\.defect).sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  // MARK: Near-misses

  private func nearMisses(
    _ s: [Unicode.Scalar], _ range: Range<Int>, anchors: [(entry: Int, offset: Int, start: Int)],
    occurrences: [PhraseOccurrence], realWords: [Range<Int>], foreign: [Range<Int>]
  ) -> [Candidate] {
    var result: [Candidate] = []
    var tried: [(entry: Int, start: Int, length: Int)] = []
    targetScalars.withUnsafeBufferPointer { flat in
      for anchor in anchors {
        let canonical = UnsafeBufferPointer(rebasing: flat[targetStarts[anchor.entry]..<targetStarts[anchor.entry + 1]])
        let length = canonical.count
        let home = anchor.start - anchor.offset
        // Most anchors are halves of a correct use: nothing within one edit of it is a near-miss.
        if home >= range.lowerBound, home + length <= range.upperBound, Self.equal(s, from: home, canonical) {
          continue
        }
        // Below `boundaryMinimumLength` the first and last scalars are never the edit.
        let ends = length < Self.boundaryMinimumLength
        let first = canonical[0]
        let last = canonical[length - 1]
        for shift in anchor.offset == 0 ? 0...0 : -1...1 {
          let start = home + shift
          guard start >= range.lowerBound, start < range.upperBound, !ends || s[start] == first else { continue }
          for spanLength in (length - 1)...(length + 1) {
            guard start + spanLength <= range.upperBound, !ends || s[start + spanLength - 1] == last else { continue }
            // The other half of the same phrase may have proposed this span already.
            if tried.contains(where: { $0 == (anchor.entry, start, spanLength) }) { continue }
            let span = start..<(start + spanLength)
            guard let edit = BoundedEditDistance.singleEdit(from: canonical, to: s[span]) else { continue }
            tried.append((anchor.entry, start, spanLength))
            if let candidate = nearMiss(
              s, range, target: targets[anchor.entry], span: span, edit: edit, occurrences: occurrences,
              realWords: realWords, foreign: foreign)
            {
              result.append(candidate)
            }
          }
        }
      }
    }
    return result
  }

  /// Whether `s[start...]` begins with `pattern` (`start + pattern.count <= s.count`).
  @inline(__always)
  private static func equal(
    _ s: [Unicode.Scalar], from start: Int, _ pattern: UnsafeBufferPointer<Unicode.Scalar>
  ) -> Bool {
    var k = 0
    while k < pattern.count {
      if s[start &+ k] != pattern[k] { return false }
      k &+= 1
    }
    return true
  }

  private func nearMiss(
    _ s: [Unicode.Scalar], _ range: Range<Int>, target: Target, span: Range<Int>, edit: SingleEdit,
    occurrences: [PhraseOccurrence], realWords: [Range<Int>], foreign: [Range<Int>]
  ) -> Candidate? {
    let e = target.entry
    let p = target.scalars
    let length = p.count
    let start = span.lowerBound
    let printed = Array(s[span])
    if correctForms.contains(printed) { return nil }
    // A correct use covering all but one scalar of the span: the span is that use and a
    // neighbour (人民代表大会常务委员会 after 县 or 州), not a misprint.
    for occurrence in occurrences where occurrence.range.overlaps(span) {
      if occurrence.range.clamped(to: span).count >= span.count - 1 { return nil }
    }

    // What changed: the phrase positions touched and the text positions involved.
    let touched: [Int]  // positions in the phrase
    let textPositions: Range<Int>  // positions in the text the edit is about
    let changed: [Unicode.Scalar]  // the scalars added, removed or replaced
    let kind: PhraseDefectKind
    let correction: [PhraseEdit]
    var isBoundary = false
    var isIndel = false
    let isName = target.isName
    switch edit {
    case .substitution(let i):
      touched = [i]
      textPositions = (start + i)..<(start + i + 1)
      changed = [p[i], printed[i]]
      if Self.isNumeral(p[i]) && Self.isNumeral(printed[i]) { return nil }
      // 民主管理和民主监督, 代表建议、批评、意见: a conjunction or a mark before the last item.
      if Self.isListMark(p[i]) && Self.isConjunction(printed[i])
        || Self.isConjunction(p[i]) && Self.isListMark(printed[i])
      {
        return nil
      }
      // 人民代表大会或其常务委员会, 人民代表大会的议案: a name composed with other words.
      if isName && (Self.isParticle(printed[i]) || Self.isConjunction(printed[i])) { return nil }
      if Self.isListMark(p[i]) && Self.isListMark(printed[i]) {
        kind = .separator(printed: String(printed[i]), expected: String(p[i]))
      } else {
        kind = .substitution(printed: String(printed[i]), expected: String(p[i]))
      }
      correction = [PhraseEdit(range: textPositions, replacement: String(p[i]))]
      if i == 0 || i == length - 1 {
        isBoundary = true
        // A mark in the phrase's first or last place: the phrase lost a scalar there (the
        // deletion candidate reports it).
        if !printed[i].isCJKIdeograph { return nil }
      }
    case .deletion(let i):
      touched = [i]
      textPositions = (start + i)..<(start + i)
      changed = [p[i]]
      isIndel = true
      if Self.isListMark(p[i]) { return nil }
      // 人民代表大会议事规则 holds 人民代表大会 + 议事, not 人民代表大会会议 short of a 会.
      if isName && (i > 0 && p[i - 1] == p[i] || i + 1 < length && p[i + 1] == p[i]) { return nil }
      kind = .missing(String(p[i]))
      correction = [PhraseEdit(range: textPositions, replacement: String(p[i]))]
      if i == 0 || i == length - 1 {
        isBoundary = true
        // Next to another ideograph the substitution candidate reports it.
        let outside = i == 0 ? start - 1 : span.upperBound
        if outside >= range.lowerBound && outside < range.upperBound && s[outside].isCJKIdeograph { return nil }
      }
    case .insertion(let j):
      touched = [max(0, j - 1), min(length - 1, j)]
      textPositions = (start + j)..<(start + j + 1)
      changed = [printed[j]]
      isIndel = true
      kind = .extra(String(printed[j]))
      correction = [PhraseEdit(range: textPositions, replacement: "")]
      if j == 0 || j == printed.count - 1 { return nil }
      // Inside a name, only a doubled character is a misprint: 县级人民代表大会常务委员会,
      // 中华人民共和国副主席, 全国人民代表大会从代表中 compose the name with another word.
      if isName && printed[j] != printed[j - 1] && printed[j] != printed[j + 1] { return nil }
    case .transposition(let i):
      if i == 0 || i == length - 2 { isBoundary = true }
      touched = [i, i + 1]
      textPositions = (start + i)..<(start + i + 2)
      changed = [p[i], p[i + 1]]
      kind = .transposition(
        printed: String(String.UnicodeScalarView([printed[i], printed[i + 1]])),
        expected: String(String.UnicodeScalarView([p[i], p[i + 1]])))
      correction = [
        PhraseEdit(range: (start + i)..<(start + i + 1), replacement: String(p[i])),
        PhraseEdit(range: (start + i + 1)..<(start + i + 2), replacement: String(p[i + 1])),
      ]
    }
    // At the ends, the phrase's neighbour may make another word (我国人民代表大会, 本级人民代表大会
    // 及其常务委员会, 人民代表大会制定): only a long fixed statement is misprinted there.
    if isBoundary && (length < Self.boundaryMinimumLength || isName) { return nil }
    if changed.contains(where: {
      Self.isQuote($0) || ($0.isASCII && !$0.properties.isAlphabetic && !Self.isNumeral($0))
    }) {
      return nil
    }
    var isCertain = !isBoundary && length >= Self.fixMinimumLength
    // 常务委会员: the "missing" 员 printed just outside the span was moved, not lost.
    if case .deletion(let i) = edit,
      start > range.lowerBound && s[start - 1] == p[i]
        || span.upperBound < range.upperBound && s[span.upperBound] == p[i]
    {
      isCertain = false
    }
    var isConfirmed = true
    if isIndel, changed.contains(where: Self.isParticle) {
      // 中国共产党的领导是… for 中国共产党领导是…: a matter of wording as much as of quotation;
      // in a name, composition (设区的市的人民代表大会常务委员会).
      if length < Self.boundaryMinimumLength || isName { return nil }
      isCertain = false
      isConfirmed = false
    }
    if case .insertion(let j) = edit {
      // Between two scalars of a variable part, a topic's edge, or a numeral next to a number.
      for slot in target.slots {
        let numeric = Self.isNumeral(p[slot.lowerBound])
        let left = slot.contains(j - 1)
        let right = slot.contains(j)
        if left && right || (left || right) && (!numeric || Self.isNumeral(printed[j])) { return nil }
      }
    } else if touched.contains(where: { position in target.slots.contains { $0.contains(position) } }) {
      return nil
    }
    // The text around the edit: for a lost scalar, its two neighbours.
    let around =
      textPositions.isEmpty
      ? max(range.lowerBound, textPositions.lowerBound - 1)..<min(range.upperBound, textPositions.lowerBound + 1)
      : textPositions
    func coversEdit(_ word: Range<Int>) -> Bool {
      textPositions.isEmpty
        ? word.contains(around.lowerBound) && word.contains(around.upperBound - 1) : word.overlaps(around)
    }
    if realWords.contains(where: coversEdit) || foreign.contains(where: coversEdit) { return nil }
    return Candidate(
      defect: PhraseDefect(
        entry: e, range: span, kind: kind, expected: target.text, correction: isCertain ? correction : nil,
        isConfirmed: isConfirmed),
      priority: 4, weight: 2 * length + (target.isCanonical ? 1 : 0), isNearMiss: true)
  }

  // MARK: Series

  private struct Chain {
    var hits: [MemberHit]
    var range: Range<Int> { hits.first!.range.lowerBound..<hits.last!.range.upperBound }
    var order: [Int] { hits.map(\.index) }
  }

  private func seriesDefects(_ s: [Unicode.Scalar], _ range: Range<Int>, entry e: Int, hits: [MemberHit]) -> [Candidate]
  {
    guard let series = entries[e].series else { return [] }
    let n = series.members.count
    // At least min(n - 1, 2) distinct members hit (tested before sorting, without a set).
    let needed = min(n - 1, 2)
    if needed >= 1 {
      guard let first = hits.first, needed == 1 || hits.contains(where: { $0.index != first.index }) else { return [] }
    }
    let sorted = hits.sorted { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
    // Chains: members joined by one list mark or by nothing.
    var used = [Bool](repeating: false, count: sorted.count)
    var chains: [Chain] = []
    for (k, hit) in sorted.enumerated() where !used[k] {
      var chain = [hit]
      used[k] = true
      var last = hit
      while true {
        var next: Int?
        for (m, other) in sorted.enumerated() where !used[m] {
          let gap = other.range.lowerBound - last.range.upperBound
          guard gap == 0 || gap == 1 && Self.isListMark(s[last.range.upperBound]) else { continue }
          if next == nil || other.range.count > sorted[next!].range.count { next = m }
        }
        guard let next else { break }
        used[next] = true
        chain.append(sorted[next])
        last = sorted[next]
      }
      chains.append(Chain(hits: chain))
    }

    var result: [Candidate] = []
    let phrase = phrases[e]
    let correct = entries[e].correct
    func isCorrect(_ r: Range<Int>) -> Bool {
      let text = Array(s[r])
      return correct.contains { Self.firstOccurrence(text, in: $0[...]) != nil }
    }
    for chain in chains where chain.hits.count == n && Set(chain.order).count == n && !isCorrect(chain.range) {
      if chain.order != Array(0..<n) {
        guard series.isOrderFixed else { continue }
        result.append(
          Candidate(
            defect: PhraseDefect(
              entry: e, range: chain.range, kind: .reordered, expected: phrase.canonical,
              isConfirmed: !Self.unconfirmedOrder.contains(phrase.id)),
            priority: 3, weight: series.joined.count, isNearMiss: false))
        continue
      }
      var wrong: [(range: Range<Int>, expected: [Unicode.Scalar])] = []
      for i in 0..<(n - 1) {
        let junction = chain.hits[i].range.upperBound..<chain.hits[i + 1].range.lowerBound
        let actual = Array(s[junction])
        let expected = series.junctions[i]
        guard actual.count == 1, expected.count == 1, actual != expected, !actual[0].isASCII,
          Self.isListMark(expected[0])
        else { continue }
        wrong.append((junction, expected))
      }
      guard let first = wrong.first else { continue }
      let correction =
        wrong.count == 1 && series.joined.count >= Self.fixMinimumLength
        ? [PhraseEdit(range: first.range, replacement: String(String.UnicodeScalarView(first.expected)))] : nil
      result.append(
        Candidate(
          defect: PhraseDefect(
            entry: e, range: chain.range,
            kind: .separator(
              printed: String(String.UnicodeScalarView(s[first.range])),
              expected: String(String.UnicodeScalarView(first.expected))),
            expected: phrase.canonical, correction: correction),
          priority: 5, weight: series.joined.count, isNearMiss: false))
    }

    // Altered members: all members but one, in order, the missing one's place taken by
    // another list item.
    guard n >= 3 else { return result }
    let ordered = chains.sorted { $0.range.lowerBound < $1.range.lowerBound }
    func altered(_ item: Range<Int>, member j: Int) {
      let member = series.members[j]
      let text = Array(s[item])
      guard !text.isEmpty, text != member, abs(text.count - member.count) <= 1,
        !(memberForms[member] ?? []).contains(text),
        !text.contains(where: { Self.isPunctuation($0) }),
        BoundedEditDistance.distance(text, member, limit: max(1, member.count / 2)) != nil
      else { return }
      result.append(
        Candidate(
          defect: PhraseDefect(
            entry: e, range: item,
            kind: .alteredMember(
              printed: String(String.UnicodeScalarView(text)), expected: String(String.UnicodeScalarView(member))),
            expected: phrase.canonical),
          priority: 5, weight: series.joined.count, isNearMiss: false))
    }
    for (k, chain) in ordered.enumerated() {
      let order = chain.order
      if order == Array(1..<n) {
        // The first member altered: the item before the chain.
        let mark = chain.range.lowerBound - 1
        guard mark > range.lowerBound, Self.isListMark(s[mark]) else { continue }
        var itemStart = mark
        while itemStart > range.lowerBound, !Self.isPunctuation(s[itemStart - 1]) { itemStart -= 1 }
        if itemStart > range.lowerBound, Self.continuesList(s[itemStart - 1], series) { continue }
        altered(itemStart..<mark, member: 0)
      }
      if order == Array(0..<(n - 1)) {
        // The last member altered: the item after the chain.
        let mark = chain.range.upperBound
        guard mark < range.upperBound - 1, Self.isListMark(s[mark]) else { continue }
        var itemEnd = mark + 1
        while itemEnd < range.upperBound, !Self.isPunctuation(s[itemEnd]) { itemEnd += 1 }
        if itemEnd < range.upperBound, Self.continuesList(s[itemEnd], series) { continue }
        altered((mark + 1)..<itemEnd, member: n - 1)
      }
      // An inner member altered: the item between this chain and the next.
      guard k + 1 < ordered.count, let j = order.last.map({ $0 + 1 }), order == Array(0..<j), j < n - 1 else {
        continue
      }
      let next = ordered[k + 1]
      guard next.order == Array((j + 1)..<n) else { continue }
      let gap = chain.range.upperBound..<next.range.lowerBound
      guard gap.count >= 3, Self.isListMark(s[gap.lowerBound]), Self.isListMark(s[gap.upperBound - 1]) else { continue }
      altered((gap.lowerBound + 1)..<(gap.upperBound - 1), member: j)
    }
    return result
  }

  /// A mark that continues a list past a series' first or last item (`、`, or the series'
  /// own separator).
  private static func continuesList(_ mark: Unicode.Scalar, _ series: Series) -> Bool {
    mark == "、" || series.junctions.contains([mark])
  }

  // MARK: 重要思想 without its title

  /// `习近平关于…重要思想` not in the glossary: the name of a 重要思想 carries 总书记.
  private static let thought = Array("重要思想".unicodeScalars)

  private func droppedTitles(_ s: [Unicode.Scalar], _ range: Range<Int>, triggers: [Int]) -> [Candidate] {
    guard !triggers.isEmpty else { return [] }
    let thought = Self.thought
    var result: [Candidate] = []
    for start in triggers {
      let topic = start + 5
      var k = topic
      while k < min(range.upperBound, topic + 30), !Self.isClauseMark(s[k]) {
        // (Compared in place: a copy of each four scalars to compare cost an allocation each.)
        if k > topic, s[k] == thought[0], k + thought.count <= range.upperBound,
          s[k..<(k + thought.count)].elementsEqual(thought)
        {
          let end = k + thought.count
          let expected = "习近平总书记关于" + String(scalars: s[topic..<k]) + "重要思想"
          result.append(
            Candidate(
              defect: PhraseDefect(entry: nil, range: start..<end, kind: .droppedTitle("总书记"), expected: expected),
              priority: 2, weight: end - start, isNearMiss: false))
          break
        }
        k += 1
      }
    }
    return result
  }

  // MARK: Helpers

  /// The edit that turns `printed` (at `offset`) into `canonical`: the differing middle.
  private static func minimalEdit(from printed: [Unicode.Scalar], to canonical: [Unicode.Scalar], at offset: Int)
    -> [PhraseEdit]
  {
    var prefix = 0
    while prefix < min(printed.count, canonical.count), printed[prefix] == canonical[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(printed.count, canonical.count) - prefix,
      printed[printed.count - 1 - suffix] == canonical[canonical.count - 1 - suffix]
    {
      suffix += 1
    }
    let replacement = String(String.UnicodeScalarView(canonical[prefix..<(canonical.count - suffix)]))
    return [PhraseEdit(range: (offset + prefix)..<(offset + printed.count - suffix), replacement: replacement)]
  }

  static func firstOccurrence(_ needle: [Unicode.Scalar], in haystack: ArraySlice<Unicode.Scalar>) -> Int? {
    guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty ? haystack.startIndex : nil }
    var i = haystack.startIndex
    while i + needle.count <= haystack.endIndex {
      if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }

  /// `、` `，` `；` `：` (and ASCII `,` `;`): what separates list items.
  package static func isListMark(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "、", "，", "；", "：", ",", ";": true
    default: false
    }
  }

  /// Marks that end a clause: `。！？；：，` and their ASCII forms.
  static func isClauseMark(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "。", "！", "？", "；", "：", "，", ".", "!", "?", ";", ":", ",": true
    default: false
    }
  }

  /// Quotation marks, brackets and book-title marks.
  package static func isQuote(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "“", "”", "‘", "’", "「", "」", "『", "』", "《", "》", "〈", "〉", "（", "）", "(", ")", "【", "】", "\"", "'": true
    default: false
    }
  }

  /// Any punctuation mark, CJK or ASCII.
  static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
    s.isCJKPunctuation || s.isASCII && !s.properties.isAlphabetic && !("0"..."9").contains(s)
  }

  static func isNumeral(_ s: Unicode.Scalar) -> Bool { MeetingNameGrammar.isNumeral(s) }

  /// 和 与 及 或 并: what joins the last items of a list or composes a name with another.
  package static func isConjunction(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "和", "与", "及", "或", "并": true
    default: false
    }
  }

  /// Particles and conjunctions whose presence is a matter of wording: 的 之 地 得 和 与 及 并 等.
  package static func isParticle(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "的", "之", "地", "得", "和", "与", "及", "并", "等": true
    default: false
    }
  }
}
