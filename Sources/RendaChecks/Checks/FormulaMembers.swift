import RendaAnalysis
import RendaPage
import RendaText

/// Flags a national formula (数字化提法 with fixed members, from the glossary) whose
/// members, where the article spells them out, are wrong, missing or out of order.
///
/// Checked where the article lists the members right after the quoted formula (a
/// parenthetical list, a 即 clause, or the enumeration that follows it), and where it
/// lists all members of a formula of three or more without quoting its name
/// (`政治意识、看齐意识、大局意识、核心意识`). Member texts are compared after whitespace
/// removal, with the glossary's variants (`国家权力机关` for 权力机关); an item may carry a
/// verb (`建强权力机关`). The order is checked only where the glossary fixes it (三农 and
/// 三会一课 have a customary order only).
///
/// Why: these formulas are quoted from central documents; a changed, lost or reordered
/// member misquotes them, which a 人大 paper's editors must not let through.
///
/// Example: `“四个意识”（政治意识、大局意识、核心意识、服务意识）` — 服务意识 is not a
/// member and 看齐意识 is missing.
///
/// Fix: none; the wording around the list may need the author's hand.
package struct FormulaMembers: Check {
  package init() {}

  package let id = "formula-members"
  package let defaultSeverity = Severity.warning
  package let summary = LocalizedText(
    zh: "国家固定提法的成员列举有误、缺项或顺序不规范",
    en: "A national formula's members are wrong, missing or out of order where the article lists them")
  package let documentation = """
    formula-members (warning)

    Flags a national formula (a fixed 数字化提法 of the glossary: “四个机关”, “四个意识”,
    “两个维护”, “一府一委两院”…) whose members, where the article spells them out, are
    wrong, missing or out of order. Checked:

    - the list right after the quoted formula: a parenthetical list, a 即 clause, or the
      enumeration that follows it (“四个意识”：一是……);
    - a list of all members of a formula of three or more, without its name
      (政治意识、看齐意识、大局意识、核心意识): the order only.

    Members are compared after whitespace removal, with the glossary's accepted variants
    (国家权力机关 for 权力机关); an item may carry a verb (建强权力机关). Order is checked
    only where the glossary fixes it (三农 and 三会一课 have a customary order only). The
    message gives the canonical members and the items found, with their lines.

    Why: these formulas are quoted from central documents; a changed, lost or reordered
    member misquotes them.

    Example:  “四个意识”（政治意识、大局意识、核心意识、服务意识）
              → 服务意识 is not a member; 看齐意识 is missing.

    Fix: none. The wording around the list may need the author's hand.
    """

  package func findings(in context: CheckContext) -> [Finding] {
    var result: [Finding] = []
    var checkedSpans: [TextRange] = []
    for k in context.page.articles.indices where k < context.slogans.count {
      let slogans = context.slogans[k]
      // Tested in place; only a slogan whose members are listed is copied out (a copy retains
      // its members and formula).
      for i in slogans.indices where slogans[i].source == .inlineList || slogans[i].source == .enumeration {
        let resolved = slogans[i]
        guard let formula = resolved.formula,
          let first = resolved.members.first?.range, first.lowerBound > resolved.slogan.range.lowerBound
        else { continue }
        let span = first.lowerBound..<(resolved.members.last?.range?.upperBound ?? first.upperBound)
        checkedSpans.append(span)
        if let finding = check(resolved, formula: formula, context) { result.append(finding) }
      }
    }
    result += unquotedLists(context, skipping: checkedSpans)
    return result
  }

  // MARK: Matching

  /// A listed item: its text and where it is.
  private struct Item {
    var text: [Unicode.Scalar]
    var range: TextRange?
  }

  /// Where each formula member was found among the items.
  private struct Match {
    var member: Int
    /// Position in the items' concatenation.
    var start: Int
    var end: Int
  }

  private static let separators: Set<UInt32> = [0x3001, 0xFF0C, 0x2C, 0xFF1B, 0x3B]

  private static func stripped(_ text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { !separators.contains($0.value) && !$0.properties.isWhitespace }
  }

  /// Matches the members on the items: in their concatenation (a long member may hold a
  /// `、` and span two items), or by an item that is a cut-off start of a member.
  private static func match(_ formula: NationalFormula, _ items: [Item]) -> (matches: [Match], covered: [Bool]) {
    var concat: [Unicode.Scalar] = []
    var bounds: [Range<Int>] = []
    for item in items {
      let start = concat.count
      concat += item.text
      bounds.append(start..<concat.count)
    }
    var matches: [Match] = []
    for (m, member) in formula.members.enumerated() {
      var best: Match?
      for form in [member.text] + member.variants {
        let needle = stripped(form)
        guard let at = ArticleSections.firstOccurrence(needle, in: concat) else { continue }
        if best == nil || at < best!.start || at == best!.start && at + needle.count > best!.end {
          best = Match(member: m, start: at, end: at + needle.count)
        }
      }
      if best == nil {
        // An enumeration item cut at its first comma: `善于运用民主集中制原则维护党和国家权威`.
        for (i, item) in items.enumerated() where item.text.count >= 6 {
          if ([member.text] + member.variants).contains(where: { stripped($0).starts(with: item.text) }) {
            best = Match(member: m, start: bounds[i].lowerBound, end: bounds[i].upperBound)
            break
          }
        }
      }
      if let best { matches.append(best) }
    }
    let covered = bounds.map { bound in matches.contains { $0.start < bound.upperBound && $0.end > bound.lowerBound } }
    return (matches, covered)
  }

  // MARK: Lists after the quoted formula

  private func check(_ resolved: ResolvedSlogan, formula: NationalFormula, _ context: CheckContext) -> Finding? {
    var items = resolved.members.map { Item(text: Self.stripped($0.text), range: $0.range) }
    var (matches, covered) = Self.match(formula, items)
    // `即A、B、C，推动…`: items after a stronger separator continue the sentence, unless
    // they hold a member (`两个维护`'s members hold a `、` and are separated by `，`).
    let ranges = items.compactMap(\.range)
    if resolved.source == .inlineList, ranges.count == items.count {
      let keep = ArticleSections.listLength(ranges, in: context.page.normalized)
      if keep < items.count, !covered[keep...].contains(true) {
        items.removeLast(items.count - keep)
        (matches, covered) = Self.match(formula, items)
      }
    }
    // The list must be about the formula. A parenthetical list or 即 clause right after it
    // is its expansion when one member is recognized or the numbers agree; an enumeration
    // may list measures instead of members, so most members must be recognized there.
    switch resolved.source {
    case .enumeration: guard matches.count * 2 > formula.members.count else { return nil }
    default: guard !matches.isEmpty || items.count == formula.members.count else { return nil }
    }
    let missing = formula.members.indices.filter { m in !matches.contains { $0.member == m } }
    let strays = items.indices.filter { !covered[$0] }
    let order = matches.sorted { $0.start < $1.start }.map(\.member)
    let outOfOrder = formula.isOrderFixed && order != order.sorted()
    guard !missing.isEmpty || !strays.isEmpty || outOfOrder else { return nil }

    let names = formula.members.map(\.text)
    var problems: [LocalizedText] = []
    if !missing.isEmpty {
      let list = missing.map { names[$0] }
      problems.append(
        LocalizedText(zh: "缺少“\(list.joined(separator: "”“"))”", en: "missing “\(list.joined(separator: "”, “"))”"))
    }
    if !strays.isEmpty {
      let list = strays.map { String(String.UnicodeScalarView(items[$0].text)) }
      problems.append(
        LocalizedText(
          zh: "“\(list.joined(separator: "”“"))”不是其成员", en: "“\(list.joined(separator: "”, “"))” not a member"))
    }
    if outOfOrder {
      let list = order.map { names[$0] }
      problems.append(
        LocalizedText(
          zh: "顺序为\(list.joined(separator: "、"))，规范顺序为\(names.joined(separator: "、"))",
          en: "ordered \(list.joined(separator: ", ")), canonical order \(names.joined(separator: ", "))"))
    }
    let cited = ArticleSections.list(
      items.map { item in
        let quoted = ArticleSections.shortened(String(String.UnicodeScalarView(item.text)), limit: 14)
        guard let range = item.range else { return LocalizedText(zh: "“\(quoted)”", en: "“\(quoted)”") }
        let line = context.lineNumber(of: range.lowerBound)
        return LocalizedText(zh: "第\(line)行“\(quoted)”", en: "line \(line) “\(quoted)”")
      }, zh: "、", en: ", ")
    let problem = ArticleSections.list(problems)
    let related = items.enumerated().compactMap { i, item -> RelatedLocation? in
      guard let range = item.range else { return nil }
      let text = String(String.UnicodeScalarView(item.text))
      return RelatedLocation(
        range: range,
        message: covered[i]
          ? LocalizedText(zh: "列出的成员：\(text)", en: "listed member: \(text)")
          : LocalizedText(zh: "不是“\(formula.name)”的成员：\(text)", en: "not a member of “\(formula.name)”: \(text)"))
    }
    return Finding(
      rule: id, severity: defaultSeverity,
      message: LocalizedText(
        zh:
          "“\(resolved.slogan.text)”的成员与规范表述（\(names.joined(separator: "、"))）不符：\(problem.zh)。文中列出：\(cited.zh)",
        en:
          "the members of “\(resolved.slogan.text)” differ from the canonical \(names.joined(separator: ", ")): \(problem.en). Listed: \(cited.en)"
      ),
      range: resolved.slogan.range, related: related)
  }

  // MARK: Lists without the formula's name

  /// A clause that lists every member of a fixed-order formula of three or more, out of
  /// order: `政治意识、看齐意识、大局意识、核心意识`.
  private func unquotedLists(_ context: CheckContext, skipping checked: [TextRange]) -> [Finding] {
    let formulas = context.glossary.formulas.filter { $0.isOrderFixed && $0.members.count >= 3 }
    guard !formulas.isEmpty else { return [] }
    let n = context.page.normalized
    // Each formula's members' forms as scalars, made once per page rather than per clause.
    let forms = formulas.map { formula in
      formula.members.map { member in ([member.text] + member.variants).map(\.scalarArray) }
    }
    let memberCounts = formulas.map(\.members.count)
    let signatures = forms.map { members in
      members.map { forms in forms.map { form in form.reduce(0) { $0 | Self.signature($1) } } }
    }
    // The bits that every form of a member has, over all the formula's members: a clause
    // without one of them lacks a member (one test per formula before the member-by-member one).
    let required = signatures.map { members in members.reduce(0) { $0 | $1.reduce(~0) { $0 & $1 } } }
    var result: [Finding] = []
    let scalars = n.scalars
    // The table's storage, read once (a static's is checked for its first use at each read).
    let slots = Self.jointSlots
    for paragraph in context.page.paragraphs {
      guard case .body = paragraph.role else { continue }
      var start = paragraph.normalizedRange.lowerBound
      let end = paragraph.normalizedRange.upperBound
      while start < end {
        // A list needs a 、 (or 和/与/及) between neighbours: count them on the way to the
        // clause's end (in a clause of six scalars or more).
        let (stop, joints) = scalars.withUnsafeBufferPointer { scalars in
          slots.withUnsafeBufferPointer { Self.clause(from: start, to: end, in: scalars, joints: $0) }
        }
        if joints >= 2 {
          // Indices, not copies of the formulas and their forms: a copy retains every array in it.
          let clause = scalars[start..<stop]
          var present: UInt64 = 0
          for scalar in clause { present |= Self.signature(scalar) }
          for f in formulas.indices where memberCounts[f] - 1 <= joints {
            // A member none of whose forms has all its scalars in the clause is missing.
            guard required[f] & ~present == 0, signatures[f].allSatisfy({ $0.contains { $0 & ~present == 0 } }),
              let found = Self.members(forms[f], in: clause)
            else { continue }
            if let finding = unquoted(formulas[f], found: found, n, context, skipping: checked) {
              result.append(finding)
            }
          }
        }
        start = stop + 1
      }
    }
    return result
  }

  /// One bit of 64 standing for the scalar: a form can occur in a clause only if every bit
  /// of its scalars is set in the clause's (a quick test before the search).
  private static func signature(_ s: Unicode.Scalar) -> UInt64 {
    1 << UInt64((s.value ^ s.value >> 6) & 63)
  }

  /// The end of the clause that starts at `start` (the first mark that ``endsListClause(_:)``,
  /// or `end`) and its list joints (``isListJoint(_:)``), 0 when it is shorter than six.
  @inline(__always) private static func clause(
    from start: Int, to end: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>, joints slots: UnsafeBufferPointer<UInt32>
  ) -> (stop: Int, joints: Int) {
    var stop = start
    var joints = 0
    while stop < end {
      let s = scalars[stop]
      // A joint (``jointSlots``) counted without a branch: a test of anything about a random
      // ideograph (its value's parity, as it was) is mispredicted half the time.
      joints &+= slots[Int(s.value & 63)] == s.value ? 1 : 0
      // No ideograph ends a clause (the marks of endsListClause are punctuation), nor does `、`.
      if !s.isInHanBlocks && s.value != 0x3001 && endsListClause(s) { break }
      stop += 1
    }
    return (stop, stop - start >= 6 ? joints : 0)
  }

  /// The joints of ``isListJoint(_:)`` (`、` 和 与 及), each at index `value & 63` (no two
  /// share one), and elsewhere a value no scalar has: `jointSlots[v & 63] == v` counts a
  /// joint with one load and one comparison (three comparisons with each ideograph, as it
  /// was, cost the clause scan half its instructions).
  private static let jointSlots: [UInt32] = {
    var table = [UInt32](repeating: .max, count: 64)
    for joint in ["、", "和", "与", "及"] as [Unicode.Scalar] {
      precondition(table[Int(joint.value & 63)] == .max, "two joints share a slot")
      table[Int(joint.value & 63)] = joint.value
    }
    return table
  }()

  /// `、` 和 与 及: what joins the items of a list.
  private static func isListJoint(_ s: Unicode.Scalar) -> Bool {
    jointSlots[Int(s.value & 63)] == s.value
  }

  /// Clause marks other than `、` (a list runs across `、`).
  private static func endsListClause(_ s: Unicode.Scalar) -> Bool {
    s.value != 0x3001 && ArticleSections.isClauseMark(s) || s.isParenthesisOrQuote
  }

  /// The first occurrence in `clause` of each member (its earliest form), nil when a member
  /// is missing.
  private static func members(
    _ forms: [[[Unicode.Scalar]]], in clause: ArraySlice<Unicode.Scalar>
  ) -> [(member: Int, range: Range<Int>)]? {
    var found: [(member: Int, range: Range<Int>)] = []
    for m in forms.indices {
      var best: Range<Int>?
      for needle in forms[m] {
        if let at = ArticleSections.firstOccurrence(needle, in: clause), best == nil || at < best!.lowerBound {
          best = at..<(at + needle.count)
        }
      }
      guard let best else { return nil }
      found.append((m, best))
    }
    return found
  }

  private func unquoted(
    _ formula: NationalFormula, found: [(member: Int, range: Range<Int>)], _ n: NormalizedText,
    _ context: CheckContext, skipping checked: [TextRange]
  ) -> Finding? {
    var found = found
    found.sort { $0.range.lowerBound < $1.range.lowerBound }
    // A list: members close together, a `、` (or 和/与/及) between neighbours.
    for (a, b) in zip(found, found.dropFirst()) {
      let gap = n.scalars[a.range.upperBound..<max(a.range.upperBound, b.range.lowerBound)]
      guard b.range.lowerBound >= a.range.upperBound, gap.count <= 6,
        gap.contains(where: Self.isListJoint)
      else { return nil }
    }
    let order = found.map(\.member)
    guard order != order.sorted() else { return nil }
    let span = n.sourceRange(found.first!.range.lowerBound..<found.last!.range.upperBound)
    guard !checked.contains(where: { $0.overlaps(span) }) else { return nil }
    let names = formula.members.map(\.text)
    let printed = order.map { names[$0] }
    let line = context.lineNumber(of: span.lowerBound)
    return Finding(
      rule: id, severity: defaultSeverity,
      message: LocalizedText(
        zh:
          "第\(line)行列出的“\(formula.name)”成员顺序为\(printed.joined(separator: "、"))，规范顺序为\(names.joined(separator: "、"))",
        en:
          "the members of “\(formula.name)” listed at line \(line) run \(printed.joined(separator: ", ")); the canonical order is \(names.joined(separator: ", "))"
      ),
      range: span,
      related: found.map { item in
        RelatedLocation(
          range: n.sourceRange(item.range),
          message: LocalizedText(
            zh: "第\(item.member + 1)个成员：\(names[item.member])",
            en: "member \(item.member + 1): \(names[item.member])"))
      })
  }
}

extension Unicode.Scalar {
  /// Brackets and quote marks, full- or half-width.
  fileprivate var isParenthesisOrQuote: Bool {
    switch value {
    case 0xFF08, 0xFF09, 0x28, 0x29, 0x201C, 0x201D, 0x2018, 0x2019, 0x22, 0x300A, 0x300B: true
    default: false
    }
  }
}
