import LSPTypes
import RendaChecks
import RendaText

extension LanguageServer {
  /// For each finding the range touches: its fixes (quick fixes) and "disable this rule
  /// here"; for the document: `source.fixAll.renda`, every certain fix at once.
  func codeAction(_ params: CodeActionParams) throws -> Pending<[CodeAction]> {
    let uri = params.textDocument.uri
    guard let document = documents[uri] else { return .now([]) }
    let requested = PositionConverter(text: document.text, encoding: client.encoding).textRange(of: params.range)
    let builder = CodeActionBuilder(
      uri: uri, version: document.version, language: client.language, documentChanges: client.documentChanges,
      only: params.context.only)
    let promise = analysis(of: document)
    return .later {
      let analysed = try await promise.value.get()
      return builder.actions(for: analysed, in: requested)
    }
  }
}

struct CodeActionBuilder: Sendable {
  let uri: DocumentURI
  let version: Int
  let language: Language
  let documentChanges: Bool
  let only: [CodeActionKind]?

  func admits(_ kind: CodeActionKind) -> Bool {
    guard let only, !only.isEmpty else { return true }
    return only.contains { kind.isAdmitted(by: $0) }
  }

  func actions(for analysed: AnalysedDocument, in requested: TextRange) -> [CodeAction] {
    let text = analysed.analysis.text
    let converter = analysed.converter
    var actions: [CodeAction] = []
    if admits(.quickFix) {
      var disabled: Set<String> = []
      for (finding, diagnostic) in zip(analysed.analysis.findings, analysed.diagnostics)
      where finding.range.lowerBound <= requested.upperBound && requested.lowerBound <= finding.range.upperBound {
        for fix in finding.fixes {
          let edits = fix.edits.map { LSPTypes.TextEdit(range: converter.range(of: $0.range), newText: $0.newText) }
          actions.append(
            CodeAction(
              title: fix.title.text(in: language), kind: .quickFix, diagnostics: [diagnostic],
              isPreferred: finding.fixes.count == 1, edit: workspaceEdit(edits)))
        }
        let line = text.line(containing: finding.range.lowerBound)
        guard disabled.insert("\(finding.rule)@\(line)").inserted else { continue }
        let marker = "<!-- renda-disable-next-line \(finding.rule) -->" + Self.lineEnding(of: text)
        let start = Position(line: line, character: 0)
        let title =
          language == .en
          ? "Disable \(finding.rule) on this line" : "在此行停用规则 \(finding.rule)"
        actions.append(
          CodeAction(
            title: title, kind: .quickFix, diagnostics: [diagnostic], isPreferred: false,
            edit: workspaceEdit([LSPTypes.TextEdit(range: LSPRange(start: start, end: start), newText: marker)])))
      }
    }
    if admits(CodeActionKind.rendaFixAll), let fixAll = fixAllAction(analysed) {
      actions.append(fixAll)
    }
    return actions
  }

  /// Every finding's first fix through `FixApplier` (overlapping ones are left for a
  /// second round, as `renda fix` does), sent as the line-level difference between the
  /// text and the fixed text.
  func fixAllAction(_ analysed: AnalysedDocument) -> CodeAction? {
    let fixes = analysed.analysis.findings.compactMap(\.fixes.first)
    guard !fixes.isEmpty else { return nil }
    let result = FixApplier.apply(fixes, to: analysed.analysis.text)
    let edits = TextDifference.edits(from: analysed.analysis.text, to: result.text).map {
      LSPTypes.TextEdit(range: analysed.converter.range(of: $0.range), newText: $0.newText)
    }
    guard !edits.isEmpty else { return nil }
    let title =
      language == .en
      ? "Fix all certain Renda problems (\(result.appliedFixes))" : "修正全部确定的问题（\(result.appliedFixes) 处）"
    return CodeAction(title: title, kind: CodeActionKind.rendaFixAll, edit: workspaceEdit(edits))
  }

  func workspaceEdit(_ edits: [LSPTypes.TextEdit]) -> WorkspaceEdit {
    if documentChanges {
      return WorkspaceEdit(
        documentChanges: [
          TextDocumentEdit(
            textDocument: OptionalVersionedTextDocumentIdentifier(uri: uri, version: version), edits: edits)
        ])
    }
    return WorkspaceEdit(changes: [uri: edits])
  }

  static func lineEnding(of text: SourceText) -> String {
    guard text.lineCount > 1 else { return "\n" }
    let end = text.lineIndex.contentRange(ofLine: 0).upperBound
    return text.string(in: end..<end.advanced(byUTF8: 2)).hasPrefix("\r\n") ? "\r\n" : "\n"
  }
}

/// The edits that turn one text into another: per changed line when both have the same
/// number of lines (each trimmed to the differing bytes, on scalar boundaries), else one
/// edit between the common prefix and suffix.
enum TextDifference {
  struct Edit: Equatable {
    var range: TextRange
    var newText: String
  }

  static func edits(from old: SourceText, to new: SourceText) -> [Edit] {
    guard old.bytes != new.bytes else { return [] }
    if old.lineCount == new.lineCount {
      var edits: [Edit] = []
      for line in 0..<old.lineCount {
        let a = old.lineIndex.contentRange(ofLine: line)
        let b = new.lineIndex.contentRange(ofLine: line)
        let oldBytes = old.bytes[a.lowerBound.utf8..<a.upperBound.utf8]
        let newBytes = new.bytes[b.lowerBound.utf8..<b.upperBound.utf8]
        guard !oldBytes.elementsEqual(newBytes) else { continue }
        edits.append(trimmed(old: old, oldSpan: a, new: new, newSpan: b))
      }
      // Line terminators may differ too; then fall through to the whole-text edit.
      if apply(edits, to: old) == new.bytes { return edits }
    }
    return [trimmed(old: old, oldSpan: .zero..<old.endOffset, new: new, newSpan: .zero..<new.endOffset)]
  }

  /// The edit replacing `oldSpan` by `newSpan`, without their common prefix and suffix.
  private static func trimmed(old: SourceText, oldSpan: TextRange, new: SourceText, newSpan: TextRange) -> Edit {
    var prefix = 0
    let oldCount = oldSpan.utf8Count
    let newCount = newSpan.utf8Count
    while prefix < oldCount, prefix < newCount,
      old.bytes[oldSpan.lowerBound.utf8 + prefix] == new.bytes[newSpan.lowerBound.utf8 + prefix]
    {
      prefix += 1
    }
    // Back to a scalar boundary (the bytes agree, so a boundary in one is one in the other).
    while prefix > 0, !old.isScalarBoundary(oldSpan.lowerBound.advanced(byUTF8: prefix)) { prefix -= 1 }
    var suffix = 0
    while suffix < oldCount - prefix, suffix < newCount - prefix,
      old.bytes[oldSpan.upperBound.utf8 - 1 - suffix] == new.bytes[newSpan.upperBound.utf8 - 1 - suffix]
    {
      suffix += 1
    }
    while suffix > 0, !old.isScalarBoundary(oldSpan.upperBound.advanced(byUTF8: -suffix)) { suffix -= 1 }
    let range = oldSpan.lowerBound.advanced(byUTF8: prefix)..<oldSpan.upperBound.advanced(byUTF8: -suffix)
    let replacement = newSpan.lowerBound.advanced(byUTF8: prefix)..<newSpan.upperBound.advanced(byUTF8: -suffix)
    return Edit(range: range, newText: new.string(in: replacement))
  }

  static func apply(_ edits: [Edit], to text: SourceText) -> [UInt8] {
    var bytes = text.bytes
    for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      bytes.replaceSubrange(edit.range.lowerBound.utf8..<edit.range.upperBound.utf8, with: Array(edit.newText.utf8))
    }
    return bytes
  }
}
