import RendaAnalysis
import RendaChecks
import Testing

/// A random canonical phrase of eight characters or more, with one random edit, is found;
/// the phrase unedited is not. Edits are drawn where the rule's policy (PhraseIndex) says a
/// near-miss is reported: anywhere in a fixed statement (theory, slogans) of twelve characters
/// or more, away from the first and last character otherwise; in a name (institutions,
/// meetings, 人大 terms) an inserted character is a doubled one. Cases the policy exempts on
/// purpose (a separator dropped, a quotation mark, a particle in a name or a short phrase,
/// one of a doubled pair dropped from a name, the variable part of a meeting name, a result
/// that is itself a correct form) are skipped and counted.
@Suite("canonical-phrase property")
struct PhrasePropertyTests {
  /// Ideographs that occur in no listed phrase, real word or confusable: what a typo prints.
  static let typos = Array("甴冇叒叕乇乜乸乹乼亍亖亗亝亣亯亴亼仈仌仒仚仜".unicodeScalars)

  enum Edit: CaseIterable { case substitute, delete, insert, transpose }

  struct Case: CustomStringConvertible {
    var phrase: RendaAnalysis.CanonicalPhrase
    var edit: Edit
    var position: Int
    var printed: String
    var description: String { "\(phrase.id) \(edit) at \(position): \(printed)" }
  }

  static let phrases = builtInGlossary.phrases.filter { $0.canonical.unicodeScalars.count >= 8 }
  static let correctForms: Set<String> = Set(builtInGlossary.phrases.flatMap { [$0.canonical] + $0.accepted })

  /// One random edit of a random phrase, or nil when the draw lands on a case the policy exempts.
  static func draw(_ random: inout PhraseTestRandom) -> (Case?, skipped: String?) {
    let phrase = phrases[random.int(0...(phrases.count - 1))]
    let p = Array(phrase.canonical.unicodeScalars)
    let n = p.count
    let isName = phrase.category != .theory && phrase.category != .slogans
    let long = n >= PhraseIndex.boundaryMinimumLength && !isName
    let edit = Edit.allCases[random.int(0...3)]
    let typo = typos[random.int(0...(typos.count - 1))]
    var q = p
    let position: Int
    var touched: [Unicode.Scalar] = []
    var positions: [Int] = []
    switch edit {
    case .substitute:
      position = long ? random.int(0...(n - 1)) : random.int(1...(n - 2))
      touched = [p[position]]
      positions = [position]
      q[position] = typo
    case .delete:
      position = long ? random.int(0...(n - 1)) : random.int(1...(n - 2))
      touched = [p[position]]
      positions = [position]
      q.remove(at: position)
      if PhraseIndex.isParticle(p[position]) && !long { return (nil, "particle") }
      if isName
        && (position > 0 && p[position - 1] == p[position] || position + 1 < n && p[position + 1] == p[position])
      {
        return (nil, "one of a doubled pair")
      }
      if PhraseIndex.isListMark(p[position]) { return (nil, "separator dropped") }
    case .insert:
      position = random.int(1...(n - 1))
      positions = [position - 1, position]
      // In a name, a typo doubles a character; an inserted word composes the name.
      let copied = position - random.int(0...1)
      let inserted = isName ? p[copied] : typo
      touched = [inserted]
      if PhraseIndex.isParticle(inserted) { return (nil, "particle") }
      // 党党的十九届四中全会 is 党 next to a correct 党的十九届四中全会.
      if isName && (copied == 0 || copied == n - 1) { return (nil, "doubled end character") }
      q.insert(inserted, at: position)
    case .transpose:
      position = long ? random.int(0...(n - 2)) : random.int(1...(n - 3))
      touched = [p[position], p[position + 1]]
      positions = [position, position + 1]
      if p[position] == p[position + 1] { return (nil, "swap of equal characters") }
      q.swapAt(position, position + 1)
    }
    if touched.contains(where: PhraseIndex.isQuote) { return (nil, "quotation mark") }
    if phrase.category == .meetings {
      let slots = MeetingNameGrammar.variableSlots(of: p)
      if positions.contains(where: { position in slots.contains { $0.contains(position) } }) {
        return (nil, "variable part of a meeting name")
      }
    }
    let printed = String(String.UnicodeScalarView(q))
    if correctForms.contains(printed) { return (nil, "a correct form") }
    if PhraseIndex.realWords.contains(where: { printed.contains($0) && !phrase.canonical.contains($0) }) {
      return (nil, "a real word")
    }
    return (Case(phrase: phrase, edit: edit, position: position, printed: printed), nil)
  }

  /// The findings of canonical-phrase on a one-article page holding `text` between a colon
  /// and a full stop (marks, so that the neighbours of the phrase make no word with it).
  static func found(_ text: String) -> [SeenFinding] {
    findings(of: "canonical-phrase", in: page(body: "会议指出：\(text)。"))
  }

  @Test("a random phrase of eight or more with one random edit is found; unedited, it is not")
  func randomEdits() {
    var random = PhraseTestRandom(seed: 20_251_201)
    var tested = 0
    var skipped: [String: Int] = [:]
    var kinds: [Edit: Int] = [:]
    while tested < 400 {
      let (drawn, reason) = Self.draw(&random)
      guard let drawn else {
        skipped[reason ?? "?", default: 0] += 1
        continue
      }
      tested += 1
      kinds[drawn.edit, default: 0] += 1
      let hits = Self.found(drawn.printed)
      #expect(!hits.isEmpty, "\(drawn)")
      #expect(hits.allSatisfy { $0.line == 5 }, "\(drawn): \(hits)")
      #expect(
        Self.found(drawn.phrase.canonical).isEmpty, "\(drawn.phrase.id) unedited: \(Self.found(drawn.phrase.canonical))"
      )
    }
    // Every kind of edit was drawn often, and few draws were exempt.
    #expect(Edit.allCases.allSatisfy { (kinds[$0] ?? 0) >= 60 }, "\(kinds)")
    #expect(skipped.values.reduce(0, +) < 100, "\(skipped)")
  }

  @Test("every canonical form and accepted form of the glossary, alone, is quiet")
  func everyCorrectFormIsQuiet() {
    for phrase in builtInGlossary.phrases {
      for form in [phrase.canonical] + phrase.accepted {
        let hits = Self.found(form)
        #expect(hits.isEmpty, "\(phrase.id): \(form) → \(hits)")
      }
    }
  }

  @Test("every listed wrong form is found and fixed to its canonical form")
  func everyWrongFormIsFound() {
    for phrase in builtInGlossary.phrases {
      for form in phrase.wrong {
        let hits = Self.found(form)
        #expect(hits.count == 1, "\(phrase.id): \(form) → \(hits)")
        #expect(hits.first?.fixedText?.contains("会议指出：\(phrase.canonical)。") == true, "\(phrase.id)")
      }
    }
  }
}
