import Foundation
import JSONRPC
import LSPTypes
import RendaData
import RendaIDE
import RendaText
import Testing

@testable import RendaLSP

/// The `publishDiagnostics` body of an incremental update written from the previous
/// version's (the diagnostics kept before the window, and moved after it, copied) equals
/// the body of a fresh conversion of the new findings, fragment by fragment.
@Suite struct DiagnosticReuseTests {
  @Test(arguments: [PositionEncoding.utf16, .utf8])
  func aBodyWrittenFromThePreviousEqualsAFreshOne(encoding: PositionEncoding) throws {
    let glossary = try GlossaryLoader.builtIn()
    let names = try FileManager.default.contentsOfDirectory(
      atPath: PackagePaths.root.appendingPathComponent("seeds").path
    ).filter { $0.hasSuffix(".txt") }.sorted()
    // Three seeds (not the double-spaced one, which is always analysed whole).
    let pages = try names.filter { !$0.hasPrefix("003") }.prefix(3).map { try PackagePaths.seed($0) }
    var text = SourceText(pages.joined(separator: "\n\n"))
    var incremental = IncrementalAnalysis(text: text, glossary: glossary)
    let uri = "file:///x"
    func convert(_ analysis: DocumentAnalysis, _ text: SourceText) -> [Diagnostic] {
      FindingsToDiagnostics.diagnostics(
        analysis.findings, converter: PositionConverter(text: text, encoding: encoding), uri: uri, language: .zh)
    }
    var body = DiagnosticJSON.publishBody(
      PublishDiagnosticsParams(uri: uri, version: 0, diagnostics: convert(incremental.analysis, text)),
      reusing: nil)
    var rng = SeededRandom(seed: 0xD1A6)
    let insertions = ["的", "\n", "，", " ", "\n\n", "一是", "“四个机关”", "x\r\n"]
    var reused = 0
    var movedLines = 0
    for step in 1...40 {
      // Edits in a body line of an article in the middle: the window path.
      let lines = text.lineCount
      let line = Int.random(in: (lines / 4)..<(3 * lines / 4), using: &rng)
      let content = text.lineIndex.contentRange(ofLine: line)
      let at = text.scalarBoundary(
        atOrBefore: TextOffset(
          utf8: content.lowerBound.utf8
            + Int.random(in: 0...(content.upperBound.utf8 - content.lowerBound.utf8), using: &rng)))
      let range: TextRange
      let insert: String
      if Int.random(in: 0..<3, using: &rng) == 0 {
        let end = text.scalarBoundary(atOrBefore: TextOffset(utf8: min(at.utf8 + 7, text.count)))
        range = at..<max(end, at)
        insert = ""
      } else {
        range = at..<at
        insert = insertions.randomElement(using: &rng)!
      }
      text = text.replacing(range, with: insert)
      let updated = incremental.updated(
        to: text, changes: [TextChange(range: range, replacementLength: insert.utf8.count)])
      let fresh = convert(updated.analysis, text)
      let params = PublishDiagnosticsParams(uri: uri, version: step, diagnostics: fresh)
      if let reuse = updated.reuse {
        reused += 1
        if reuse.lines != 0 { movedLines += 1 }
        let written = try #require(
          FindingsToDiagnostics.publishBody(
            updated.analysis.findings, reusing: body, reuse,
            converter: PositionConverter(text: text, encoding: encoding), uri: uri, version: step, language: .zh))
        #expect(written.bytes == DiagnosticJSON.publishBody(params), "step \(step): body")
        #expect(written.fragments.count == fresh.count)
        for (fragment, diagnostic) in zip(written.fragments, fresh) {
          var one: [UInt8] = []
          DiagnosticJSON.write(diagnostic, to: &one)
          #expect(Array(written.bytes[fragment]) == one, "step \(step): fragment")
        }
        body = written
      } else {
        body = DiagnosticJSON.publishBody(params, reusing: nil)
      }
      incremental = updated
    }
    #expect(reused > 20, "the window path should be taken for most edits (\(reused) of 40)")
    #expect(movedLines > 0, "some edits should move the lines after the window")
  }
}
