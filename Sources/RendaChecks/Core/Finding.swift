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
///
/// Memory: a page can have hundreds of thousands of findings, nearly all with one fix of
/// one or two edits and nothing related. `related` and `fixes` are therefore not stored as
/// arrays (two allocations of their own per finding) but as one reference, `extras`: nil
/// when both are empty, one small immutable object holding the fix's title and edits in
/// the common cases (one fix and nothing related), the arrays otherwise. The properties
/// read and write as before. The rules that report thousands of findings build theirs with
/// `init(…fix:)` or `init(…fixTitle:edit:)`, which skip the lists that `init(…fixes:)` takes,
/// or with `init(…sharedFix:editRange:)`: a one-edit fix whose title and replacement the
/// rule made once (``SharedEditFix``), the finding holding only the edit's range beside it,
/// so that building it allocates nothing (ocr-spacing's and halfwidth-punctuation's
/// thousands per megabyte).
///
/// Moving a finding with the text (`shift(byBytes:)`, every finding after an edit on each
/// keystroke) changes `range` and `extrasShift`, never `extras`: the ranges stored there are
/// read moved by `extrasShift`, so a move allocates nothing and the extras stay shared with the
/// finding it was moved from. Reading `fixes` or `related` of a moved finding builds the moved
/// arrays (once per read, where a move used to allocate once per move); `extrasShift` costs 8
/// bytes per finding.
package struct Finding: Sendable {
  /// The rule's stable kebab-case id, e.g. `four-organs`.
  package var rule: String
  package var message: LocalizedText
  /// The text the finding is about (never empty: editors widen empty ranges).
  package var range: TextRange
  @usableFromInline var extras: FindingExtras
  /// Bytes to add to every range stored in `extras` (see `shift(byBytes:)`).
  var extrasShift = 0
  package var severity: Severity

  package init(
    rule: String, severity: Severity, message: LocalizedText, range: TextRange, related: [RelatedLocation] = [],
    fixes: [Fix] = []
  ) {
    self.rule = rule
    self.severity = severity
    self.message = message
    self.range = range
    extras = FindingExtras(related: related, fixes: fixes)
  }

  /// A finding with one certain fix and nothing related: equal to
  /// `init(rule:severity:message:range:fixes: [fix])`, without the list that initializer
  /// takes (the rules that report thousands of findings per page build theirs here).
  package init(rule: String, severity: Severity, message: LocalizedText, range: TextRange, fix: Fix) {
    self.rule = rule
    self.severity = severity
    self.message = message
    self.range = range
    extras = FindingExtras(fix: fix)
  }

  /// A finding whose one certain fix is one edit: equal to
  /// `init(rule:severity:message:range:fix: Fix(title: fixTitle, edits: [edit]))`, without
  /// the lists.
  package init(
    rule: String, severity: Severity, message: LocalizedText, range: TextRange, fixTitle: LocalizedText, edit: TextEdit
  ) {
    self.rule = rule
    self.severity = severity
    self.message = message
    self.range = range
    extras = .oneEdit(OneEditFix(title: fixTitle, edit: edit))
  }

  /// A finding whose one certain fix replaces `editRange` with `fix`'s text, under its
  /// title: equal to `init(rule:severity:message:range:fixTitle: fix.title, edit:
  /// TextEdit(range: editRange, newText: fix.newText))`, without an object of its own.
  package init(
    rule: String, severity: Severity, message: LocalizedText, range: TextRange, sharedFix fix: SharedEditFix,
    editRange: TextRange
  ) {
    self.rule = rule
    self.severity = severity
    self.message = message
    self.range = range
    extras = .sharedEdit(fix, lower: editRange.lowerBound.utf8, upper: editRange.upperBound.utf8)
  }

  /// Other places that explain the finding (the announcement, the sibling headings).
  package var related: [RelatedLocation] {
    get {
      let stored = extras.related
      guard extrasShift != 0 else { return stored }
      return stored.map { RelatedLocation(range: $0.range.moved(by: extrasShift), message: $0.message) }
    }
    set {
      extras = FindingExtras(related: newValue, fixes: fixes)
      extrasShift = 0
    }
  }

  /// Certain fixes only; empty when a human must decide.
  package var fixes: [Fix] {
    get {
      let stored = extras.fixes
      guard extrasShift != 0 else { return stored }
      return stored.map { fix in
        Fix(title: fix.title, edits: fix.edits.map { TextEdit(range: $0.range.moved(by: extrasShift), newText: $0.newText) })
      }
    }
    set {
      extras = FindingExtras(related: related, fixes: newValue)
      extrasShift = 0
    }
  }

  /// Whether the finding offers a fix (without building the list).
  package var hasFixes: Bool { extras.hasFixes }

  /// Whether the finding may have related locations (when false, `related` is empty).
  /// Inlinable: asked of findings read in place (the server's diagnostics), it reads only
  /// `extras` instead of copying the whole finding for a call.
  @inlinable package var mayHaveRelated: Bool {
    if case .lists = extras { return true }
    return false
  }
}

extension Finding: Equatable {
  package static func == (a: Finding, b: Finding) -> Bool {
    a.rule == b.rule && a.severity == b.severity && a.message == b.message && a.range == b.range
      && a.related == b.related && a.fixes == b.fixes
  }
}

/// A finding's related locations and fixes, stored by shape (see ``Finding``).
@usableFromInline enum FindingExtras: Sendable {
  case none
  /// One fix of one edit, nothing related.
  case oneEdit(OneEditFix)
  /// One fix of one edit whose title and text many findings share, nothing related: the
  /// edit's range (UTF-8 offsets) is stored here. (Two `Int`s: `TextRange`'s offsets are not
  /// `@usableFromInline`, as a case of this enum must be.)
  case sharedEdit(SharedEditFix, lower: Int, upper: Int)
  /// One fix of two edits, nothing related.
  case twoEdits(TwoEditFix)
  /// One fix of no edit or of three or more, nothing related.
  case oneFix(OneFix)
  /// Anything else.
  case lists(FindingLists)

  init(related: [RelatedLocation], fixes: [Fix]) {
    if related.isEmpty {
      if fixes.isEmpty {
        self = .none
        return
      }
      if fixes.count == 1 {
        self.init(fix: fixes[0])
        return
      }
    }
    self = .lists(FindingLists(related: related, fixes: fixes))
  }

  /// One fix, nothing related.
  init(fix: Fix) {
    switch fix.edits.count {
    case 1: self = .oneEdit(OneEditFix(title: fix.title, edit: fix.edits[0]))
    case 2: self = .twoEdits(TwoEditFix(title: fix.title, first: fix.edits[0], second: fix.edits[1]))
    default: self = .oneFix(OneFix(fix))
    }
  }

  var related: [RelatedLocation] {
    if case .lists(let lists) = self { return lists.related }
    return []
  }

  var fixes: [Fix] {
    switch self {
    case .none: []
    case .oneEdit(let fix): [Fix(title: fix.title, edits: [fix.edit])]
    case .sharedEdit(let fix, let lower, let upper):
      [Fix(title: fix.title, edits: [TextEdit(range: TextOffset(utf8: lower)..<TextOffset(utf8: upper), newText: fix.newText)])]
    case .twoEdits(let fix): [Fix(title: fix.title, edits: [fix.first, fix.second])]
    case .oneFix(let fix): [fix.fix]
    case .lists(let lists): lists.fixes
    }
  }

  var hasFixes: Bool {
    switch self {
    case .none: false
    case .oneEdit, .sharedEdit, .twoEdits, .oneFix: true
    case .lists(let lists): !lists.fixes.isEmpty
    }
  }
}

@usableFromInline final class OneEditFix: Sendable {
  let title: LocalizedText
  let edit: TextEdit

  init(title: LocalizedText, edit: TextEdit) {
    self.title = title
    self.edit = edit
  }
}

/// The title and replacement text of a one-edit fix that many findings share (a rule's
/// fixed wording: `删除空格` with nothing, `改为全角 ，` with `，`), made once by the rule.
@usableFromInline package final class SharedEditFix: Sendable {
  package let title: LocalizedText
  package let newText: String

  package init(title: LocalizedText, newText: String) {
    self.title = title
    self.newText = newText
  }
}

@usableFromInline final class TwoEditFix: Sendable {
  let title: LocalizedText
  let first: TextEdit
  let second: TextEdit

  init(title: LocalizedText, first: TextEdit, second: TextEdit) {
    self.title = title
    self.first = first
    self.second = second
  }
}

@usableFromInline final class OneFix: Sendable {
  let fix: Fix

  init(_ fix: Fix) {
    self.fix = fix
  }
}

@usableFromInline final class FindingLists: Sendable {
  let related: [RelatedLocation]
  let fixes: [Fix]

  init(related: [RelatedLocation], fixes: [Fix]) {
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
