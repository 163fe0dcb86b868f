import RendaText

/// A message in the languages Renda speaks. Chinese is the default; `--lang en` and the
/// server's `locale` pick English.
package struct LocalizedText: Sendable, Equatable {
  package var zh: String
  package var en: String

  package init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  package func text(in language: Language) -> String {
    switch language {
    case .zh: zh
    case .en: en
    }
  }
}

package enum Language: String, Sendable, Equatable, CaseIterable {
  case zh
  case en
}

/// One thing a check found: what, where, why, and how to fix it when the fix is certain.
package struct Finding: Sendable, Equatable {
  /// The rule's stable kebab-case id, e.g. `four-organs`.
  package var rule: String
  package var severity: Severity
  package var message: LocalizedText
  /// The text the finding is about (never empty: editors widen empty ranges).
  package var range: TextRange
  /// Other places that explain the finding (the announcement, the sibling headings).
  package var related: [RelatedLocation]
  /// Certain fixes only; empty when a human must decide.
  package var fixes: [Fix]

  package init(
    rule: String, severity: Severity, message: LocalizedText, range: TextRange, related: [RelatedLocation] = [],
    fixes: [Fix] = []
  ) {
    self.rule = rule
    self.severity = severity
    self.message = message
    self.range = range
    self.related = related
    self.fixes = fixes
  }
}

package struct RelatedLocation: Sendable, Equatable {
  package var range: TextRange
  package var message: LocalizedText

  package init(range: TextRange, message: LocalizedText) {
    self.range = range
    self.message = message
  }
}

/// A certain fix: one or more edits applied together.
package struct Fix: Sendable, Equatable {
  package var title: LocalizedText
  package var edits: [TextEdit]

  package init(title: LocalizedText, edits: [TextEdit]) {
    self.title = title
    self.edits = edits
  }
}

/// Replace `range` (UTF-8 bytes of the original text) with `newText`.
package struct TextEdit: Sendable, Equatable {
  package var range: TextRange
  package var newText: String

  package init(range: TextRange, newText: String) {
    self.range = range
    self.newText = newText
  }
}
