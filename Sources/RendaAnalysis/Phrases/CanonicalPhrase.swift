/// A fixed official formulation (规范提法) of the phrase glossary (`phrases.json`, see
/// `schemas/phrases.schema.json` and `docs/phrases.md`): its canonical form, the other forms
/// that are correct, the forms known to be wrong and, for a fixed series, its members.
package struct CanonicalPhrase: Sendable, Equatable {
  /// Stable kebab-case id, e.g. `xi-npc-thought`. A user's entry with a built-in id replaces it.
  package var id: String
  /// The form official texts print, without whitespace.
  package var canonical: String
  package var category: PhraseCategory
  /// Present when the phrase is (or contains) a fixed series.
  package var series: PhraseSeries?
  /// Other correct forms: official short forms, full names, attested punctuation variants.
  package var accepted: [String]
  /// Forms known to be wrong; each is reported and fixed to `canonical`.
  package var wrong: [String]
  /// One line (Chinese): what the formulation is, what to watch for.
  package var note: String
  /// Where the formulation was confirmed (empty in a user's entry that gives none).
  package var source: String

  package init(
    id: String, canonical: String, category: PhraseCategory, series: PhraseSeries? = nil,
    accepted: [String] = [], wrong: [String] = [], note: String, source: String = ""
  ) {
    self.id = id
    self.canonical = canonical
    self.category = category
    self.series = series
    self.accepted = accepted
    self.wrong = wrong
    self.note = note
    self.source = source
  }
}

/// What kind of formulation a phrase is.
package enum PhraseCategory: String, Sendable, Equatable, CaseIterable {
  /// Guiding theories and 习近平总书记关于…的重要思想 / 重要论述.
  case theory
  /// Party congresses and plenums, central work conferences, NPC sessions.
  case meetings
  /// Organs, committees, working bodies and systems.
  case institutions
  /// Fixed phrases, pairs, series and statements.
  case slogans
  /// Terms of 人大 work.
  case npcTerms = "npc-terms"

  /// The category's name as the hover and messages print it.
  package var chineseName: String {
    switch self {
    case .theory: "指导思想与重要思想"
    case .meetings: "会议名称"
    case .institutions: "机构与制度名称"
    case .slogans: "固定表述"
    case .npcTerms: "人大工作术语"
    }
  }
}

/// The members of a fixed series in canonical order and the mark printed between them.
package struct PhraseSeries: Sendable, Equatable {
  package var members: [String]
  /// `、` or `，`.
  package var separator: String
  /// Whether a different order is a defect.
  package var isOrderFixed: Bool

  package init(members: [String], separator: String, isOrderFixed: Bool = true) {
    self.members = members
    self.separator = separator
    self.isOrderFixed = isOrderFixed
  }
}
