import RendaPage
import RendaText

/// Flags an enumeration series that is broken: `一是` with no `二是`, a skipped ordinal
/// (`一是、二是、四是`), an ordinal printed twice, or two marker schemes in one series
/// (`一是……二要……`).
///
/// A series lives in one section (or in the lead) and restarts in the next; its markers
/// are read on the whitespace-free text, so `一\n是` is one marker. Schemes: 一是, 一要,
/// 第一, （一）, 1., 一方面/另一方面 (the last needs both halves to be a series at all).
///
/// Why: a reader who meets 一是 waits for 二是; a gap or a repeat means an item was lost or
/// misnumbered in editing, and mixed markers read as a slip.
///
/// Example: `抓实各项组织活动。一是健全制度机制。……不断优化党建活动。……` — no 二是.
///
/// Fix: none; whether to number the other items or drop the 一是 is the author's choice.
package struct BrokenEnumeration: Check {
  package init() {}

  package let id = "enumeration"
  package let defaultSeverity = Severity.warning
  package let summary = LocalizedText(
    zh: "列举序号不完整：有“一是”无“二是”、跳号、重号或混用序号形式",
    en: "Broken enumeration: 一是 without 二是, a skipped or repeated ordinal, or mixed marker schemes")
  package let documentation = """
    enumeration (warning)

    Flags a broken enumeration series inside a section (or the lead):

    - a lone first marker: 一是 (or （一）) with no 二是 after it in its section;
    - a skipped ordinal: 一是、二是、四是 (三是 missing), or a series that starts at 二是;
    - an ordinal printed twice: 一是、二是、二是;
    - two marker schemes in one series: 一是……二要……, 一是……第二，……, or a marker
      of another scheme where an ordinal is missing: 一是……二要……三是.

    Series restart in each section. Markers are read with whitespace removed, so a
    marker split by a line wrap (一\\n是) counts. The message names the markers with
    their lines and the section they are in.

    Why: a reader who meets 一是 waits for 二是; a gap or a repeat means an item was
    lost or misnumbered in editing.

    Example:  抓实各项组织活动。一是健全制度机制。……不断优化党建活动。……
              → 一是 with no 二是.

    Fix: none. Whether to number the other items or drop the 一是 is the author's choice.
    """

  /// A section (or the lead) and the series in it.
  private struct Container {
    var range: TextRange
    var opener: TextSpan?
    var enumerations: [Enumeration]
  }

  package func findings(in context: CheckContext) -> [Finding] {
    var result: [Finding] = []
    for article in context.page.articles {
      var containers: [Container] = []
      if let lead = article.lead {
        containers.append(Container(range: lead, opener: nil, enumerations: article.leadEnumerations))
      } else if !article.leadEnumerations.isEmpty, let first = article.leadEnumerations.first?.markers.first {
        containers.append(
          Container(
            range: first.range.lowerBound..<article.range.upperBound, opener: nil,
            enumerations: article.leadEnumerations))
      }
      for heading in article.headings {
        containers.append(
          Container(range: heading.sectionRange, opener: heading.text, enumerations: heading.enumerations))
      }
      for head in article.runInHeads {
        containers.append(Container(range: head.sectionRange, opener: head.text, enumerations: head.enumerations))
      }
      for container in containers { result += check(container, context) }
    }
    return result
  }

  private func check(_ container: Container, _ context: CheckContext) -> [Finding] {
    let n = context.page.normalized
    let series = container.enumerations.filter { !$0.markers.isEmpty }
      .sorted { $0.markers[0].range.lowerBound < $1.markers[0].range.lowerBound }
    let scope = ArticleSections.normalizedRange(of: container.range, in: n)
    var result: [Finding] = []
    var continued: Set<Int> = []  // series that continue another one in a different scheme
    for (k, enumeration) in series.enumerated() where enumeration.scheme != .onOneHand {
      let last = enumeration.markers.last!
      // The text after the series' last marker, up to the next series that starts at 1.
      let from = ArticleSections.firstIndex(atOrAfter: last.range.upperBound.utf8, in: n)
      var to = scope.upperBound
      if let next = series[(k + 1)...].first(where: { $0.markers[0].ordinal == 1 }) {
        to = min(to, ArticleSections.firstIndex(atOrAfter: next.markers[0].range.lowerBound.utf8, in: n))
      }
      let foreign =
        from < to
        ? Self.marker(
          ordinal: last.ordinal + 1, notOf: enumeration.scheme, in: n, from: max(from, scope.lowerBound), to: to)
        : nil
      if let foreign {
        if let other = series.indices.first(where: { i in
          i != k && series[i].markers.first.map { $0.range.overlaps(foreign.range) } == true
        }) {
          continued.insert(other)
        }
        result.append(mixed(enumeration, last: last, foreign: foreign, container, context))
      } else if enumeration.markers.count == 1, last.ordinal == 1, !continued.contains(k) {
        result.append(lone(last, container, context))
      }
      if !continued.contains(k) { result += gaps(enumeration, container, context) }
      result += repeats(enumeration, container, context)
    }
    return result
  }

  // MARK: Findings

  private func section(_ container: Container, _ context: CheckContext) -> LocalizedText {
    guard let opener = container.opener else { return LocalizedText(zh: "导语", en: "the lead") }
    let cite = ArticleSections.cite(opener, in: context)
    return LocalizedText(zh: "本节（\(cite.zh)）", en: "this section (\(cite.en))")
  }

  private func at(_ marker: EnumerationMarker, _ context: CheckContext) -> LocalizedText {
    let line = context.lineNumber(of: marker.range.lowerBound)
    return LocalizedText(zh: "第\(line)行“\(marker.marker)”", en: "“\(marker.marker)” at line \(line)")
  }

  private func openerRelated(_ container: Container) -> [RelatedLocation] {
    container.opener.map {
      [RelatedLocation(range: $0.range, message: LocalizedText(zh: "所在小节", en: "the section"))]
    } ?? []
  }

  private func markerRelated(_ markers: [EnumerationMarker]) -> [RelatedLocation] {
    markers.map {
      RelatedLocation(
        range: $0.range,
        message: LocalizedText(zh: "列举：\($0.marker)\($0.itemSummary)", en: "item: \($0.marker)\($0.itemSummary)"))
    }
  }

  private func lone(_ marker: EnumerationMarker, _ container: Container, _ context: CheckContext) -> Finding {
    let place = section(container, context)
    let second = Self.markerText(ordinal: 2, like: marker)
    return Finding(
      rule: id, severity: defaultSeverity,
      message: LocalizedText(
        zh:
          "有“\(marker.marker)”而无“\(second)”：\(place.zh)只有第\(context.lineNumber(of: marker.range.lowerBound))行“\(marker.marker)\(ArticleSections.shortened(marker.itemSummary, limit: 12))”这一项",
        en:
          "“\(marker.marker)” with no “\(second)”: \(place.en) has only “\(marker.marker)\(ArticleSections.shortened(marker.itemSummary, limit: 12))” at line \(context.lineNumber(of: marker.range.lowerBound))"
      ),
      range: marker.range, related: openerRelated(container))
  }

  private func gaps(_ enumeration: Enumeration, _ container: Container, _ context: CheckContext) -> [Finding] {
    let missing = enumeration.missingOrdinals
    guard !missing.isEmpty, let model = enumeration.markers.first else { return [] }
    // Report at the first marker after each run of missing ordinals.
    var result: [Finding] = []
    var reportedAt: Set<Int> = []
    for ordinal in missing {
      guard let after = enumeration.markers.first(where: { $0.ordinal > ordinal }),
        reportedAt.insert(after.ordinal).inserted
      else { continue }
      let lostOrdinals = missing.filter { $0 < after.ordinal && $0 >= ordinal }
      let lost = lostOrdinals.map { Self.markerText(ordinal: $0, like: model) }
      let before = enumeration.markers.last(where: {
        $0.ordinal < after.ordinal && $0.range.lowerBound < after.range.lowerBound
      })
      // 一是……二要……三是: the missing ordinal is there in another scheme.
      if let before, lostOrdinals.count == 1,
        let foreign = Self.marker(
          ordinal: lostOrdinals[0], notOf: enumeration.scheme, in: context.page.normalized,
          from: ArticleSections.firstIndex(atOrAfter: before.range.upperBound.utf8, in: context.page.normalized),
          to: ArticleSections.firstIndex(atOrAfter: after.range.lowerBound.utf8, in: context.page.normalized))
      {
        result.append(
          mixedInside(enumeration, between: before, and: after, foreign: foreign, expected: lost[0], container, context))
        continue
      }
      let series = ArticleSections.list(enumeration.markers.map { at($0, context) }, zh: "、", en: ", ")
      let jump =
        before.map {
          LocalizedText(
            zh: "列举从“\($0.marker)”跳到“\(after.marker)”", en: "the series jumps from “\($0.marker)” to “\(after.marker)”")
        } ?? LocalizedText(zh: "列举从“\(after.marker)”开始", en: "the series starts at “\(after.marker)”")
      let place = section(container, context)
      result.append(
        Finding(
          rule: id, severity: defaultSeverity,
          message: LocalizedText(
            zh: "\(jump.zh)，缺少“\(lost.joined(separator: "”“"))”（\(place.zh)：\(series.zh)）",
            en: "\(jump.en); “\(lost.joined(separator: "”, “"))” missing (\(place.en): \(series.en))"),
          range: after.range, related: markerRelated(enumeration.markers) + openerRelated(container)))
    }
    return result
  }

  private func repeats(_ enumeration: Enumeration, _ container: Container, _ context: CheckContext) -> [Finding] {
    enumeration.repeatedOrdinals.compactMap { ordinal in
      let printed = enumeration.markers.filter { $0.ordinal == ordinal }
      guard printed.count >= 2 else { return nil }
      let places = ArticleSections.list(printed.map { at($0, context) }, zh: "、", en: ", ")
      let place = section(container, context)
      return Finding(
        rule: id, severity: defaultSeverity,
        message: LocalizedText(
          zh: "“\(printed[1].marker)”重复出现：\(places.zh)（\(place.zh)）",
          en: "“\(printed[1].marker)” is printed twice: \(places.en) (\(place.en))"),
        range: printed[1].range, related: markerRelated(enumeration.markers) + openerRelated(container))
    }
  }

  private func mixed(
    _ enumeration: Enumeration, last: EnumerationMarker, foreign: (text: String, range: TextRange),
    _ container: Container, _ context: CheckContext
  ) -> Finding {
    let series = ArticleSections.list(enumeration.markers.map { at($0, context) }, zh: "、", en: ", ")
    let line = context.lineNumber(of: foreign.range.lowerBound)
    let expected = Self.markerText(ordinal: last.ordinal + 1, like: last)
    let place = section(container, context)
    return Finding(
      rule: id, severity: defaultSeverity,
      message: LocalizedText(
        zh: "同一列举混用了不同的序号形式：\(series.zh)之后接第\(line)行“\(foreign.text)”（应为“\(expected)”；\(place.zh)）",
        en:
          "one series mixes marker schemes: \(series.en), then “\(foreign.text)” at line \(line) (expected “\(expected)”; \(place.en))"
      ),
      range: foreign.range, related: markerRelated(enumeration.markers) + openerRelated(container))
  }

  /// A marker of another scheme standing where the series' missing ordinal belongs.
  private func mixedInside(
    _ enumeration: Enumeration, between before: EnumerationMarker, and after: EnumerationMarker,
    foreign: (text: String, range: TextRange), expected: String, _ container: Container, _ context: CheckContext
  ) -> Finding {
    let line = context.lineNumber(of: foreign.range.lowerBound)
    let from = at(before, context)
    let to = at(after, context)
    let place = section(container, context)
    return Finding(
      rule: id, severity: defaultSeverity,
      message: LocalizedText(
        zh: "同一列举混用了不同的序号形式：第\(line)行“\(foreign.text)”夹在\(from.zh)与\(to.zh)之间（应为“\(expected)”；\(place.zh)）",
        en:
          "one series mixes marker schemes: “\(foreign.text)” at line \(line) stands between \(from.en) and \(to.en) (expected “\(expected)”; \(place.en))"
      ),
      range: foreign.range, related: markerRelated(enumeration.markers) + openerRelated(container))
  }

  // MARK: Markers

  /// The marker for `ordinal` in the scheme of `model` (`三是`, `（三）`, `第三`).
  static func markerText(ordinal: Int, like model: EnumerationMarker) -> String {
    let numeral = ArticleSections.numeral(ordinal)
    let scalars = Array(model.marker.unicodeScalars)
    if scalars.first == "第" { return "第\(numeral)" }
    if let first = scalars.first, first == "（" || first == "(" {
      return "\(first)\(numeral)\(first == "（" ? "）" : ")")"
    }
    if let first = scalars.first, first.value >= 0x30, first.value <= 0x39 {
      return "\(ordinal)\(scalars.dropFirst().first.map(String.init) ?? ".")"
    }
    if model.marker.hasSuffix("方面") { return ordinal == 2 ? "另一方面" : "一方面" }
    return numeral + (scalars.last.map(String.init) ?? "是")
  }

  /// A marker for `ordinal` at the start of a clause in `from..<to`, in another scheme than
  /// `scheme`: `二要`, `二是`, `第二，`, `（二）`, `其二`.
  static func marker(
    ordinal: Int, notOf scheme: EnumerationScheme, in n: NormalizedText, from: Int, to: Int
  ) -> (text: String, range: TextRange)? {
    let s = n.scalars
    var i = from
    while i < to {
      defer { i += 1 }
      guard i == 0 || ArticleSections.isClauseMark(s[i - 1]) || Self.isCloser(s[i - 1]) else { continue }
      var found: (EnumerationScheme?, Int)?  // scheme (nil for 其N) and length
      if let number = ArticleSections.chineseNumber(in: s, at: i), number.value == ordinal, i + number.length < to {
        let next = s[i + number.length]
        if next == "是" { found = (.shiOrdinal, number.length + 1) }
        if next == "要" { found = (.yaoOrdinal, number.length + 1) }
      } else if s[i] == "第" || s[i] == "其", let number = ArticleSections.chineseNumber(in: s, at: i + 1),
        number.value == ordinal, i + 1 + number.length < to
      {
        let next = s[i + 1 + number.length]
        if next == "，" || next == "," || next == "是" || next == "、" {
          found = (s[i] == "第" ? .diOrdinal : nil, number.length + 1)
        }
      } else if s[i] == "（" || s[i] == "(", let number = ArticleSections.chineseNumber(in: s, at: i + 1),
        number.value == ordinal, i + 1 + number.length < to,
        s[i + 1 + number.length] == "）" || s[i + 1 + number.length] == ")"
      {
        found = (.parenthesized, number.length + 2)
      }
      guard let (foundScheme, length) = found, foundScheme != scheme else { continue }
      return (n.string(i..<(i + length)), n.sourceRange(i..<(i + length)))
    }
    return nil
  }

  private static func isCloser(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x201D, 0x2019, 0x22, 0xFF09, 0x29, 0x300B: true
    default: false
    }
  }
}
