import RendaAnalysis
import RendaChecks
import RendaPage
import RendaText

/// The editor-neutral façade over one document: its page model, findings and outline,
/// as plain values. The CLI and the language server both start here.
package struct DocumentAnalysis: Sendable {
  package let text: SourceText
  package let page: Page
  package let findings: [Finding]
  package let glossary: Glossary

  package init(text: SourceText, glossary: Glossary, configuration: CheckConfiguration = .default) {
    self.text = text
    self.glossary = glossary
    page = PageParser.parse(text)
    findings = CheckRunner.findings(in: page, glossary: glossary, configuration: configuration)
  }

  package var outline: DocumentOutline { OutlineBuilder.outline(of: page, glossary: glossary) }

  /// 1-based line and 1-based column counted in Unicode scalars, as the CLI prints them.
  package func position(of offset: TextOffset) -> (line: Int, column: Int) {
    Self.position(of: offset, in: text)
  }

  /// The same in any text.
  package static func position(of offset: TextOffset, in text: SourceText) -> (line: Int, column: Int) {
    position(text.wideLineColumn(of: offset, in: .utf32))
  }

  /// The position printed for `wide`, a 0-based line and column in scalars (`.utf32`): both
  /// counted from 1.
  package static func position(_ wide: WideLineColumn) -> (line: Int, column: Int) {
    (wide.line + 1, wide.column + 1)
  }
}
