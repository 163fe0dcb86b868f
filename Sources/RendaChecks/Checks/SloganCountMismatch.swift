import RendaAnalysis
import RendaPage
import RendaText

/// Flags a numeric slogan whose announced count differs from the members the article
/// gives for it.
///
/// The members count only where the article really spells them out for that slogan: a
/// parenthetical list or a 即 clause right after it, the enumeration that follows it, or
/// the article's own sections (a title's `“五个强化”` over headings that all begin with
/// 强化). A digit slogan (`“12345”`) is checked when every member it lists carries its own
/// number (`构建一套制度、建设两大阵地…`): the numbers must be the slogan's digits. National
/// formulas are left to `formula-members`.
///
/// Why: “五个一” over four items is the first thing a reader counts; either an item was
/// lost or the count is wrong.
///
/// Example: `打造“五个站”：一是接待站……四是服务站。` — five announced, four given.
///
/// Fix: none; whether the count or the list is wrong needs the author.
package struct SloganCountMismatch: Check {
  package init() {}

  package let id = "slogan-count"
  package let defaultSeverity = Severity.warning
  package let summary = LocalizedText(
    zh: "数字化提法的数目与文中列出的条目数不符",
    en: "A numeric slogan announces a different count than the members the article gives")
  package let documentation = """
    slogan-count (warning)

    Flags a numeric slogan whose announced count differs from the members the article
    gives for it. Members count only where the article spells them out for that slogan:

    - a parenthetical list or a 即 clause right after it: “三联”（A、B、C）;
    - the enumeration that follows it: 打造“五个站”：一是……二是……;
    - the article's own sections: a title's “五个强化” over headings that all begin
      with 强化, or a count the sections match.

    A digit slogan (“12345”) is checked when each listed member carries its own number
    (即构建一套制度、建设两大阵地……): the numbers must be the slogan's digits, in order.
    National formulas (“四个机关”, “两个维护”…) are checked by formula-members instead.

    Why: a count that does not match its list is the first thing a reader counts; an
    item was lost or the count is wrong.

    Example:  打造“五个站”：一是接待站……四是服务站。   → five announced, four given.

    Fix: none. Whether the count or the list is wrong needs the author.
    """

  package func findings(in context: CheckContext) -> [Finding] {
    var result: [Finding] = []
    for (k, article) in context.page.articles.enumerated() where k < context.slogans.count {
      var reported: Set<String> = []
      let slogans = context.slogans[k]
      // Tested in place; only a slogan the glossary does not name is copied out (a copy
      // retains its members and formula).
      for i in slogans.indices where slogans[i].formula == nil && !reported.contains(slogans[i].slogan.text) {
        let resolved = slogans[i]
        if let finding = check(resolved, in: article, context) {
          result.append(finding)
          reported.insert(resolved.slogan.text)
        }
      }
    }
    return result
  }

  private func check(_ resolved: ResolvedSlogan, in article: Article, _ context: CheckContext) -> Finding? {
    let slogan = resolved.slogan
    switch resolved.source {
    case .inlineList, .enumeration, .sections:
      // A later mention reuses the members of the first: report only where they are given.
      if let first = resolved.members.first?.range, first.lowerBound < slogan.range.lowerBound,
        resolved.source != .sections
      {
        return nil
      }
      var resolved = resolved
      if resolved.source == .inlineList {
        let ranges = resolved.members.compactMap(\.range)
        if ranges.count == resolved.members.count {
          resolved.members = Array(
            resolved.members.prefix(ArticleSections.listLength(ranges, in: context.page.normalized)))
        }
      }
      if let count = resolved.count {
        guard resolved.members.count != count else { return nil }
        if resolved.source == .enumeration {
          guard Self.introduces(resolved, context) else { return nil }
          // Numbered up to the count with a skipped or repeated ordinal: the enumeration's defect.
          if resolved.members.compactMap(\.ordinal).max() == count { return nil }
        }
        return mismatch(
          slogan, count: count, members: resolved.members.map(Item.init), source: resolved.source, context)
      }
      return digitMismatch(resolved, context)
    case .none:
      return namedSectionsMismatch(slogan, in: article, context)
    case .glossary:
      return nil
    }
  }

  /// A member as the message cites it.
  private struct Item {
    var text: String
    var range: TextRange?

    init(text: String, range: TextRange?) {
      self.text = text
      self.range = range
    }

    init(_ member: ResolvedMember) {
      self.init(text: member.text, range: member.range)
    }
  }

  private func sourceName(_ source: MemberSource) -> LocalizedText {
    switch source {
    case .inlineList: LocalizedText(zh: "紧随其后的列举", en: "the list right after it")
    case .enumeration: LocalizedText(zh: "随后的“一是……”列举", en: "the enumeration that follows")
    case .sections: LocalizedText(zh: "本文的小标题", en: "the article's sections")
    case .glossary, .none: LocalizedText(zh: "", en: "")
    }
  }

  private func memberList(_ members: [Item], _ context: CheckContext) -> LocalizedText {
    ArticleSections.list(
      members.map { member in
        let quoted = ArticleSections.shortened(member.text, limit: 14)
        guard let range = member.range else { return LocalizedText(zh: "“\(quoted)”", en: "“\(quoted)”") }
        let line = context.lineNumber(of: range.lowerBound)
        return LocalizedText(zh: "第\(line)行“\(quoted)”", en: "line \(line) “\(quoted)”")
      }, zh: "、", en: ", ")
  }

  private func related(_ members: [Item]) -> [RelatedLocation] {
    members.enumerated().compactMap { i, member in
      member.range.map {
        RelatedLocation(
          range: $0, message: LocalizedText(zh: "第\(i + 1)项：\(member.text)", en: "item \(i + 1): \(member.text)"))
      }
    }
  }

  private func mismatch(
    _ slogan: QuotedSlogan, count: Int, members: [Item], source: MemberSource, _ context: CheckContext
  ) -> Finding {
    let from = sourceName(source)
    let list = memberList(members, context)
    return Finding(
      rule: id, severity: defaultSeverity,
      message: LocalizedText(
        zh: "“\(slogan.text)”称\(ArticleSections.numeral(count))项，\(from.zh)却有\(members.count)项：\(list.zh)",
        en: "“\(slogan.text)” announces \(count), but \(from.en) gives \(members.count): \(list.en)"),
      range: slogan.range, related: related(members))
  }

  /// Whether an enumeration of another length than the count really lists the slogan's
  /// members: it follows the slogan's colon (`打造“五个站”：一是…`), or most items name the
  /// word the slogan counts (`…站`; for `“五个一”`, 一 and a measure word: 实施一个工程).
  /// A series that merely follows a slogan in passing (`深化“双联”工作。一是…`) lists
  /// something else.
  private static func introduces(_ resolved: ResolvedSlogan, _ context: CheckContext) -> Bool {
    guard let first = resolved.members.first?.range else { return false }
    let n = context.page.normalized
    let between = ArticleSections.normalizedRange(
      of: resolved.slogan.range.upperBound..<first.lowerBound, in: n)
    let gap = n.scalars[between].filter { !$0.properties.isWhitespace }
    if gap.count <= 12, let last = gap.last, last == "：" || last == ":",
      !gap.dropLast().contains(where: ArticleSections.isFinalStop)
    {
      return true
    }
    return SloganResolver.itemsNameCountedWord(resolved.slogan.text, items: resolved.members.map(\.text))
  }

  /// `“12345”，即构建一套制度、建设两大阵地…`: each member's own number against the digits.
  private func digitMismatch(_ resolved: ResolvedSlogan, _ context: CheckContext) -> Finding? {
    let digits = resolved.slogan.text.unicodeScalars.map { $0.properties.numericType == .decimal ? $0 : nil }
    guard !digits.isEmpty, digits.allSatisfy({ $0 != nil && $0!.value >= 0x30 && $0!.value <= 0x39 }) else {
      return nil
    }
    let expected = digits.map { Int($0!.value - 0x30) }
    let numbers = resolved.members.map { Self.countedNumber(in: $0.text) }
    guard numbers.allSatisfy({ $0 != nil }), numbers.count >= 2 else { return nil }
    let given = numbers.map { $0! }
    guard given != expected else { return nil }
    let list = memberList(resolved.members.map(Item.init), context)
    return Finding(
      rule: id, severity: defaultSeverity,
      message: LocalizedText(
        zh:
          "“\(resolved.slogan.text)”的数字与所列各项的数目不符：各项依次为\(given.map(String.init).joined(separator: "、"))（\(list.zh)）",
        en:
          "the digits of “\(resolved.slogan.text)” do not match the counts of its members: they give \(given.map(String.init).joined(separator: "-")) (\(list.en))"
      ),
      range: resolved.slogan.range, related: related(resolved.members.map(Item.init)))
  }

  /// The number a member counts (`建设两大阵地` → 2): the first Chinese numeral followed
  /// by a measure word.
  static func countedNumber(in text: String) -> Int? {
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      if let number = ArticleSections.chineseNumber(in: scalars, at: i), i + number.length < scalars.count,
        "个套大项张支种条类批级场份本".unicodeScalars.contains(scalars[i + number.length])
      {
        return number.value
      }
      i += 1
    }
    return nil
  }

  /// A title's or lead's `“五个强化”` over sections that all begin with 强化 but number
  /// four: the sections are its members and one is missing (or one too many).
  private func namedSectionsMismatch(_ slogan: QuotedSlogan, in article: Article, _ context: CheckContext)
    -> Finding?
  {
    guard let count = slogan.announcedCount, count >= 2 else { return nil }
    let inFrame =
      (article.title.map { $0.text.range.contains(slogan.range.lowerBound) } ?? false)
      || (article.lead.map { $0.contains(slogan.range.lowerBound) } ?? false)
    guard inFrame else { return nil }
    // The word the slogan counts: 五个强化 → 强化, 三个坚持 → 坚持.
    let scalars = Array(slogan.text.unicodeScalars)
    guard let number = ArticleSections.chineseNumber(in: scalars, at: 0) else { return nil }
    var start = number.length
    if start < scalars.count, scalars[start] == "个" { start += 1 }
    let word = Array(scalars[start...])
    guard word.count >= 2, !word.contains(where: { ArticleSections.chineseDigit($0) != nil }) else { return nil }
    let sections = ArticleSections.sections(of: article)
    guard sections.count >= 2, sections.count != count, sections.allSatisfy({ $0.core.starts(with: word) })
    else { return nil }
    let members = sections.map { Item(text: $0.text.normalized, range: $0.text.range) }
    return mismatch(slogan, count: count, members: members, source: .sections, context)
  }
}
