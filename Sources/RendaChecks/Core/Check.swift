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
}

/// What a check reads: the page, its resolved slogans, the glossary.
package struct CheckContext: Sendable {
  package var page: Page
  package var glossary: Glossary
  /// Resolved slogans of each article, parallel to `page.articles`.
  package var slogans: [[ResolvedSlogan]]

  package init(page: Page, glossary: Glossary) {
    self.page = page
    self.glossary = glossary
    slogans = page.articles.map { SloganResolver.resolve($0, glossary: glossary) }
  }

  package var text: SourceText { page.text }
}
