/// A correct use of a listed phrase: its canonical form or an accepted form, exactly.
package struct PhraseOccurrence: Sendable, Equatable {
  /// Index of the entry in ``PhraseIndex/phrases``.
  package var entry: Int
  /// Normalized scalars the form covers.
  package var range: Range<Int>
  package var isCanonical: Bool

  package init(entry: Int, range: Range<Int>, isCanonical: Bool) {
    self.entry = entry
    self.range = range
    self.isCanonical = isCanonical
  }
}

/// A span of the text that misprints a listed phrase (or names a meeting ill-formedly).
package struct PhraseDefect: Sendable, Equatable {
  /// Index of the entry in ``PhraseIndex/phrases``; nil for a defect the grammar finds
  /// without a listed entry (a meeting of another number, a 重要思想 not in the glossary).
  package var entry: Int?
  /// Normalized scalars of what the page prints.
  package var range: Range<Int>
  package var kind: PhraseDefectKind
  /// The canonical form (or, for a meeting name, the likely intended text).
  package var expected: String
  /// The certain fix, when there is one.
  package var correction: [PhraseEdit]?
  /// False where the glossary's support for the defect is weaker (an order that is
  /// customary but not confirmed as the only official one): the rule reports a warning.
  package var isConfirmed: Bool

  package init(
    entry: Int?, range: Range<Int>, kind: PhraseDefectKind, expected: String, correction: [PhraseEdit]? = nil,
    isConfirmed: Bool = true
  ) {
    self.entry = entry
    self.range = range
    self.kind = kind
    self.expected = expected
    self.correction = correction
    self.isConfirmed = isConfirmed
  }
}

/// What is wrong with a printed phrase.
package enum PhraseDefectKind: Sendable, Equatable {
  /// A form the glossary lists as wrong.
  case listedWrong
  /// 习近平…重要思想 / 重要论述 (or 以习近平…为核心) without its title.
  case droppedTitle(String)
  /// One scalar printed for another.
  case substitution(printed: String, expected: String)
  /// One scalar missing.
  case missing(String)
  /// One scalar too many.
  case extra(String)
  /// Two neighbouring scalars swapped.
  case transposition(printed: String, expected: String)
  /// The wrong mark between the members of a fixed series.
  case separator(printed: String, expected: String)
  /// The members of a fixed series out of order.
  case reordered
  /// One member of a fixed series altered.
  case alteredMember(printed: String, expected: String)
  /// An ill-formed meeting name.
  case meetingName(MeetingNameGrammar.Problem)
}

/// Replace normalized scalars `range` with `replacement`; an empty range inserts before
/// `range.lowerBound` (just after the scalar before it).
package struct PhraseEdit: Sendable, Equatable {
  package var range: Range<Int>
  package var replacement: String

  package init(range: Range<Int>, replacement: String) {
    self.range = range
    self.replacement = replacement
  }
}

/// What a scan of the text found: correct uses, defects, and well-formed meeting mentions.
package struct PhraseScan: Sendable {
  /// Correct uses, by start.
  package var occurrences: [PhraseOccurrence] = []
  /// Defects, by start; no two overlap.
  package var defects: [PhraseDefect] = []
  /// Well-formed mentions of a party congress or plenum (党的十九大, 十九届历次全会), by start.
  package var meetingMentions: [MeetingNameGrammar.Mention] = []

  package init() {}
}
