import RendaAnalysis
import RendaPage
import RendaText

/// A rule: it reads the analysed page and reports findings.
///
/// One rule per file in `Sources/RendaChecks/Checks/`, named after what it catches, with
/// a doc comment that says what it catches, why it matters and an example; its
/// `documentation` is what `renda explain RULE` prints.
package protocol Check: Sendable {
  /// Stable kebab-case id (`paired-punctuation`).
  var id: String { get }
  var defaultSeverity: Severity { get }
  /// One line for `renda rules`.
  var summary: LocalizedText { get }
  /// The rule's documentation: what it catches, why, an example, what its fix does.
  var documentation: String { get }
  func findings(in context: CheckContext) -> [Finding]
  /// Appends the rule's findings to `findings`, the run's one list (``CheckRunner``), in
  /// any order (the runner sorts the list). Optional: by default `findings(in:)`'s, copied.
  /// A rule that finds thousands on a page appends them itself, so that they are built in
  /// the run's list instead of copied into it (a copy retains a finding's strings and fix).
  func appendFindings(in context: CheckContext, to findings: inout [Finding])
  /// Builds what the rule derives from `glossary` and keeps for every page (an index of its
  /// phrases or places), so that a caller can have it built ahead of the first page, on
  /// another thread. Optional: by default nothing.
  func prepare(for glossary: Glossary)
}

extension Check {
  package func prepare(for glossary: Glossary) {}

  package func appendFindings(in context: CheckContext, to findings: inout [Finding]) {
    findings += self.findings(in: context)
  }
}

/// What a check reads: the page, its resolved slogans, the glossary.
package struct CheckContext: Sendable {
  package var page: Page
  package var glossary: Glossary
  /// Resolved slogans of each article, parallel to `page.articles`.
  package var slogans: [[ResolvedSlogan]]
  /// Lines of the document before `page.text`: nonzero when the page is a window of a
  /// larger text checked piece by piece (`WindowedCheck`), so that messages cite the
  /// document's line numbers, not the window's.
  package var lineOrigin: Int

  package init(page: Page, glossary: Glossary, lineOrigin: Int = 0) {
    self.page = page
    self.glossary = glossary
    self.lineOrigin = lineOrigin
    slogans = page.articles.map { SloganResolver.resolve($0, glossary: glossary) }
  }

  package var text: SourceText { page.text }

  /// The 1-based line of the document that holds `offset` (of `page.text`), for messages.
  package func lineNumber(of offset: TextOffset) -> Int { lineOrigin + text.line(containing: offset) + 1 }

  /// The 1-based line of the document that is line `line` (0-based) of `page.text`.
  package func lineNumber(ofLine line: Int) -> Int { lineOrigin + line + 1 }
}
