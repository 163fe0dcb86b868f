import RendaAnalysis
import RendaPage
import RendaText

/// Flags section headings (or run-in heads) that give the “four organs” (四个机关) an
/// incomplete, repeated or out-of-order set of sections.
///
/// An article builds on the four organs when its title or lead quotes “四个机关”, or when
/// two or more of its headings name an organ (政治机关、权力机关、工作机关、代表机关). Its
/// headings should then name each organ once. One missing or named twice is an error;
/// all four once but not in the canonical order is a hint. A lone heading that names an
/// organ counts only when the article announces the four organs and has four sections.
///
/// Why: 四个机关 is a fixed national formula (中央人大工作会议, 2021) with a fixed order;
/// a section missing or doubled means the article does not deliver what it announces, and
/// readers of 人大 papers notice a changed order.
///
/// Example: headings 以党建引领政治机关建设 / 以党建引领权力机关建设 / 以党建引领代表机关建设
/// / 以党建引领工作机关建设 — 代表机关 comes before 工作机关 (hint).
///
/// Fix: none; reordering or rewriting sections is the author's decision.
package struct UnmatchedFourOrgansHeadings: Check {
  package init() {}

  package let id = "four-organs"
  package let defaultSeverity = Severity.error
  package let summary = LocalizedText(
    zh: "“四个机关”的小标题缺项、重复或顺序不规范",
    en: "Section headings give the “four organs” an incomplete, repeated or non-canonical set")
  package let documentation = """
    four-organs (error; hint for the order)

    An article builds on the “four organs” (四个机关: 政治机关、权力机关、工作机关、代表机关)
    when its title or lead quotes “四个机关”, or when two or more of its section headings
    (run-in heads in an article without headings) name an organ. Its headings should
    then name each organ exactly once:

    - an organ missing, or named in two headings → error;
    - all four named once, but not in the order 政治、权力、工作、代表 → hint.

    A single heading that names an organ counts only when the article announces the four
    organs and has exactly four sections. The message lists every heading found, with its
    line, and the line of the announcement.

    Why: 四个机关 is a fixed national formula with a fixed order (中央人大工作会议, 2021).
    A missing or doubled section means the article does not deliver what it announces.

    Example:  以党建引领政治机关建设… / 以党建引领权力机关建设… /
              以党建引领代表机关建设… / 以党建引领工作机关建设…
              → hint: 代表机关 comes before 工作机关.

    Fix: none. Reordering or rewriting sections is the author's decision.
    """

  private static let canonical = ["政治机关", "权力机关", "工作机关", "代表机关"]

  package func findings(in context: CheckContext) -> [Finding] {
    let organs =
      context.glossary.formula(named: "四个机关")?.members.map(\.text) ?? Self.canonical
    let needles = organs.map { Array($0.unicodeScalars) }
    var result: [Finding] = []
    for article in context.page.articles {
      if let finding = check(article, organs: organs, needles, context) { result.append(finding) }
    }
    return result
  }

  private struct Named {
    var section: ArticleSections.Section
    var organ: Int
    var range: TextRange
  }

  /// `needles`: the organs' scalars, made once per page.
  private func check(
    _ article: Article, organs: [String], _ needles: [[Unicode.Scalar]], _ context: CheckContext
  ) -> Finding? {
    let n = context.page.normalized
    let sections = ArticleSections.sections(of: article)
    var named: [Named] = []
    for section in sections {
      // The heading's scalars looked up once rather than once per organ.
      let scope = n.normalizedRange(of: section.text.range)
      var inSection: [Named] = []
      for (k, needle) in needles.enumerated() {
        if let range = ArticleSections.find(needle, inScalars: scope, n) {
          inSection.append(Named(section: section, organ: k, range: range))
        }
      }
      if !inSection.isEmpty { named += inSection.sorted { $0.range.lowerBound < $1.range.lowerBound } }
    }
    // No heading names an organ (most articles): nothing to report, whatever the lead says.
    guard !named.isEmpty else { return nil }
    let namingSections = Set(named.map(\.section.text.range.lowerBound)).count
    let announcement = article.slogans.first { slogan in
      slogan.text == "四个机关"
        && ((article.title.map { $0.text.range.contains(slogan.range.lowerBound) } ?? false)
          || (article.lead.map { $0.contains(slogan.range.lowerBound) } ?? false))
    }
    guard namingSections >= 2 || announcement != nil && namingSections == 1 && sections.count == organs.count
    else { return nil }

    let kind =
      sections.first?.isRunInHead == true
      ? LocalizedText(zh: "段首句", en: "run-in head") : LocalizedText(zh: "小标题", en: "heading")
    let listed = ArticleSections.list(
      named.map { item in
        let cite = ArticleSections.cite(item.section.text, in: context)
        return LocalizedText(zh: "\(cite.zh)（\(organs[item.organ])）", en: "\(cite.en) (\(organs[item.organ]))")
      })
    let announced = announcement.map { slogan in
      let line = context.lineNumber(of: slogan.range.lowerBound)
      return LocalizedText(zh: "“四个机关”见第\(line)行。", en: " “四个机关” is announced at line \(line).")
    }
    var related: [RelatedLocation] = []
    if let announcement {
      related.append(
        RelatedLocation(
          range: announcement.range, message: LocalizedText(zh: "文中提出“四个机关”", en: "the “four organs” announced")))
    }
    for item in named {
      related.append(
        RelatedLocation(
          range: item.section.text.range,
          message: LocalizedText(zh: "\(kind.zh)：\(organs[item.organ])", en: "\(kind.en): \(organs[item.organ])")))
    }

    let counts = organs.indices.map { k in named.filter { $0.organ == k }.count }
    let missing = organs.indices.filter { counts[$0] == 0 }.map { organs[$0] }
    let doubled = organs.indices.filter { counts[$0] > 1 }
    if !missing.isEmpty || !doubled.isEmpty {
      var problems: [LocalizedText] = []
      if !missing.isEmpty {
        problems.append(
          LocalizedText(
            zh: "缺少\(missing.joined(separator: "、"))", en: "\(missing.joined(separator: ", ")) missing"))
      }
      for k in doubled {
        let lines = named.filter { $0.organ == k }.map {
          String(context.lineNumber(of: $0.section.text.range.lowerBound))
        }
        problems.append(
          LocalizedText(
            zh: "\(organs[k])出现\(counts[k])次（第\(lines.joined(separator: "、"))行）",
            en: "\(organs[k]) named \(counts[k]) times (lines \(lines.joined(separator: ", ")))"))
      }
      let where_: TextRange =
        doubled.first.flatMap { k in named.filter { $0.organ == k }.dropFirst().first?.range }
        ?? announcement?.range ?? named[0].range
      let problem = ArticleSections.list(problems, zh: "，", en: "; ")
      return Finding(
        rule: id, severity: .error,
        message: LocalizedText(
          zh:
            "\(kind.zh)与“四个机关”（\(organs.joined(separator: "、"))）不对应：\(problem.zh)。各\(kind.zh)：\(listed.zh)。\(announced?.zh ?? "")",
          en:
            "the \(kind.en)s do not match the “four organs” (\(organs.joined(separator: ", "))): \(problem.en). \(kind.en.prefix(1).uppercased() + kind.en.dropFirst())s: \(listed.en).\(announced?.en ?? "")"
        ),
        range: where_, related: related)
    }

    // All four once: check the order.
    let order = named.map(\.organ)
    guard order != Array(organs.indices),
      let position = order.indices.first(where: { order[$0] != $0 }),
      let expected = named.first(where: { $0.organ == position })
    else { return nil }
    let early = named[position]
    let earlyLine = context.lineNumber(of: early.section.text.range.lowerBound)
    let expectedLine = context.lineNumber(of: expected.section.text.range.lowerBound)
    let sequence = named.map { item in
      "\(organs[item.organ])（第\(context.lineNumber(of: item.section.text.range.lowerBound))行）"
    }
    let sequenceEn = named.map { item in
      "\(organs[item.organ]) (line \(context.lineNumber(of: item.section.text.range.lowerBound)))"
    }
    return Finding(
      rule: id, severity: .hint,
      message: LocalizedText(
        zh:
          "“四个机关”\(kind.zh)的顺序与规范顺序（\(organs.joined(separator: "、"))）不同：\(organs[early.organ])（第\(earlyLine)行“\(ArticleSections.shortened(early.section.text.normalized, limit: 16))”）排在\(organs[expected.organ])（第\(expectedLine)行“\(ArticleSections.shortened(expected.section.text.normalized, limit: 16))”）之前。本文顺序：\(sequence.joined(separator: "、"))。\(announced?.zh ?? "")",
        en:
          "the “four organs” \(kind.en)s are not in the canonical order (\(organs.joined(separator: ", "))): \(organs[early.organ]) (line \(earlyLine) “\(ArticleSections.shortened(early.section.text.normalized, limit: 16))”) comes before \(organs[expected.organ]) (line \(expectedLine) “\(ArticleSections.shortened(expected.section.text.normalized, limit: 16))”). Order here: \(sequenceEn.joined(separator: ", ")).\(announced?.en ?? "")"
      ),
      range: early.range, related: related)
  }
}
