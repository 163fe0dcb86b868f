import RendaPage
import RendaText

/// Flags a section heading that ends with sentence-final punctuation (`。！？；`), and a
/// heading far longer than its siblings.
///
/// A short standalone block in the headings' place, parallel with its siblings, is a
/// heading even when it ends in `。`: the mark is the defect. A heading is far longer
/// when it is more than 1.6 times the median length of its siblings and more than eight
/// characters longer (whitespace and a leading ordinal not counted; at least two
/// siblings).
///
/// Why: headings carry no sentence-final punctuation in print; an overlong one is usually
/// a first sentence of body text that lost its line break, or a heading that needs
/// tightening.
///
/// Example: `强化责任落实激发工作活力。` → the `。` goes.
///
/// Fix: removes the final mark (certain). None for the length.
package struct HeadingFormat: Check {
  package init() {}

  package let id = "heading-format"
  package let defaultSeverity = Severity.info
  package let summary = LocalizedText(
    zh: "小标题末尾带句末标点，或比同级小标题长得多",
    en: "A heading ends with sentence-final punctuation, or is far longer than its siblings")
  package let documentation = """
    heading-format (info)

    Flags a section heading that

    - ends with sentence-final punctuation (。！？； or their ASCII forms). A short
      standalone block in the headings' place, parallel with its siblings, is a heading
      even when it ends in 。: the mark is the defect;
    - is far longer than its siblings: more than 1.6 times their median length and more
      than eight characters longer (whitespace and a leading ordinal not counted; only
      with two siblings or more).

    Run-in heads are sentences and are not checked.

    Why: headings carry no sentence-final punctuation in print; an overlong heading is
    usually body text that lost its line break, or a heading to tighten.

    Example:  强化责任落实激发工作活力。      → the 。 is removed.

    Fix: the final mark is removed (certain). None for the length.
    """

  package func findings(in context: CheckContext) -> [Finding] {
    let n = context.page.normalized
    var result: [Finding] = []
    for article in context.page.articles {
      let sections = ArticleSections.sections(of: article).filter { !$0.isRunInHead }
      // Each heading's length, measured once (every heading is compared with its siblings).
      let lengths = sections.count >= 3 ? sections.map(Self.length) : []
      for (i, section) in sections.enumerated() {
        let scope = ArticleSections.normalizedRange(of: section.text.range, in: n)
        if let last = scope.last, ArticleSections.isFinalStop(n.scalars[last]) {
          let mark = n.sourceRange(last..<(last + 1))
          let printed = String(n.scalars[last])
          result.append(
            Finding(
              rule: id, severity: defaultSeverity,
              message: LocalizedText(
                zh: "小标题“\(section.text.normalized)”（第\(context.lineNumber(ofLine: section.line))行）末尾不应有“\(printed)”",
                en:
                  "the heading “\(section.text.normalized)” (line \(context.lineNumber(ofLine: section.line))) should not end with “\(printed)”"
              ),
              range: mark,
              fixes: [
                Fix(
                  title: LocalizedText(zh: "删除小标题末尾的“\(printed)”", en: "Remove the final “\(printed)”"),
                  edits: [TextEdit(range: mark, newText: "")])
              ]))
        }
        if let finding = overlong(i, sections, lengths, context) { result.append(finding) }
      }
    }
    return result
  }

  /// Length without a final stop: the stop is reported on its own.
  private static func length(_ section: ArticleSections.Section) -> Int {
    var core = section.core
    if let last = core.last, ArticleSections.isFinalStop(last) { core.removeLast() }
    return core.count
  }

  /// `lengths`: ``length(_:)`` of each of `sections`.
  private func overlong(
    _ i: Int, _ sections: [ArticleSections.Section], _ lengths: [Int], _ context: CheckContext
  ) -> Finding? {
    guard sections.count >= 3 else { return nil }
    // The siblings' lengths, sorted: one copy (a list of the siblings and a map of it cost
    // two grown arrays per heading); the siblings themselves only for a finding.
    var sorted = lengths
    sorted.remove(at: i)
    sorted.sort()
    let median =
      sorted.count % 2 == 1
      ? Double(sorted[sorted.count / 2]) : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    let own = lengths[i]
    guard Double(own) > 1.6 * median, Double(own) - median > 8 else { return nil }
    let siblings = sections.indices.filter { $0 != i }
    let cited = ArticleSections.list(
      siblings.map { k in
        let cite = ArticleSections.cite(sections[k].text, in: context, limit: 20)
        let count = lengths[k]
        return LocalizedText(zh: "\(cite.zh)（\(count)字）", en: "\(cite.en) (\(count))")
      })
    let medianText = median == median.rounded() ? String(Int(median)) : String(median)
    return Finding(
      rule: id, severity: defaultSeverity,
      message: LocalizedText(
        zh: "小标题长\(own)字，远长于同级小标题（中位数\(medianText)字）：\(cited.zh)",
        en: "the heading has \(own) characters, far more than its siblings (median \(medianText)): \(cited.en)"),
      range: sections[i].text.range,
      related: siblings.map {
        RelatedLocation(
          range: sections[$0].text.range,
          message: LocalizedText(
            zh: "同级小标题：\(sections[$0].text.normalized)", en: "sibling heading: \(sections[$0].text.normalized)"))
      })
  }
}
