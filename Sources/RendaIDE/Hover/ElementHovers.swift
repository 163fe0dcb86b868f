import RendaAnalysis
import RendaPage
import RendaText

/// On a numeric slogan: its count, its members and where the article gives each; for a
/// national formula, the glossary's canonical members, gloss and source.
enum SloganHover {
  static func hover(_ c: HoverContext, _ offset: TextOffset) -> Hover? {
    let resolved = SloganResolver.resolve(c.article, glossary: c.analysis.glossary)
    guard let slogan = ElementLocator.slogan(at: offset, in: resolved) else { return nil }
    var lines = ["**“\(slogan.slogan.text)”**" + (slogan.count.map { "（\($0) 项）" } ?? "")]
    if slogan.members.isEmpty {
      lines.append("")
      lines.append("本文未列出其内容。")
    } else {
      lines.append("")
      let source: String
      switch slogan.source {
      case .inlineList: source = "文中括注或“即”列出"
      case .enumeration: source = "文中列举（一是……）"
      case .sections: source = "文章各部分标题"
      case .glossary: source = "规范提法（词库）"
      case .none: source = ""
      }
      lines.append("成员（\(source)）：")
      for (n, member) in slogan.members.enumerated() {
        let at = member.range.map { "（第 \(c.line($0.lowerBound)) 行）" } ?? ""
        lines.append("\(n + 1). \(member.text)\(at)")
      }
    }
    if let formula = slogan.formula {
      lines.append("")
      lines.append("规范表述：" + formula.members.map(\.text).joined(separator: "、"))
      if !formula.gloss.isEmpty { lines.append("") ; lines.append(formula.gloss) }
      if let source = formula.sources.first { lines.append(""); lines.append("来源：\(source)") }
    }
    return c.make(lines, range: slogan.slogan.range)
  }
}

/// On an enumeration marker: the whole series and any gap or repetition.
enum EnumerationHover {
  static func hover(_ c: HoverContext, _ offset: TextOffset) -> Hover? {
    guard let (series, index) = ElementLocator.marker(at: offset, in: c.article) else { return nil }
    let marker = series.markers[index]
    var lines = ["**列举 \(marker.marker)**（共 \(series.markers.count) 项）", ""]
    for item in series.markers {
      lines.append("- \(item.marker)\(item.itemSummary)（第 \(c.line(item.range.lowerBound)) 行）")
    }
    if !series.missingOrdinals.isEmpty {
      lines.append("")
      lines.append("缺少序号：" + series.missingOrdinals.map(String.init).joined(separator: "、"))
    }
    if !series.repeatedOrdinals.isEmpty {
      lines.append("")
      lines.append("重复序号：" + series.repeatedOrdinals.map(String.init).joined(separator: "、"))
    }
    return c.make(lines, range: marker.range)
  }
}

/// On a byline: the authors, the province, and the author note.
enum BylineHover {
  static func hover(_ c: HoverContext, _ offset: TextOffset) -> Hover? {
    guard let byline = c.article.byline, ElementLocator.contains(byline.range, offset) else { return nil }
    var lines = ["**署名**", "", "作者：" + byline.authors.joined(separator: "、")]
    if let province = byline.province {
      let full = c.analysis.glossary.province(named: province)?.fullName
      lines.append("省份：\(province)" + (full.map { $0 == province ? "" : "（\($0)）" } ?? "（未知省级行政区）"))
    } else {
      lines.append("省份：未注明")
    }
    if let note = c.article.authorNote {
      lines.append("作者简介：\(note.text.normalized)（第 \(note.line + 1) 行）")
    }
    return c.make(lines, range: byline.range)
  }
}

/// On a section heading: its place in the article and its parallel siblings.
enum HeadingHover {
  static func hover(_ c: HoverContext, _ offset: TextOffset) -> Hover? {
    let headings = c.article.headings
    guard let n = headings.firstIndex(where: { ElementLocator.contains($0.text.range, offset) }) else { return nil }
    var lines = ["**第 \(n + 1) 部分（共 \(headings.count) 部分）**", ""]
    for (i, heading) in headings.enumerated() {
      let mark = i == n ? "→ " : "  "
      lines.append("\(mark)\(i + 1). \(heading.text.normalized)（第 \(heading.lines[0] + 1) 行）")
    }
    return c.make(lines, range: headings[n].text.range)
  }
}

/// On a title: the article's summary (authors, sections, length).
enum TitleHover {
  static func hover(_ c: HoverContext, _ offset: TextOffset) -> Hover? {
    guard let title = c.article.title, ElementLocator.contains(title.text.range, offset) else { return nil }
    var lines = ["**\(title.text.normalized)**", ""]
    if let byline = c.article.byline {
      lines.append("作者：" + byline.authors.joined(separator: "、") + (byline.province.map { "（\($0)）" } ?? ""))
    }
    let sections = c.article.headings.isEmpty ? c.article.runInHeads.map(\.text.normalized) : c.article.headings.map(\.text.normalized)
    if !sections.isEmpty {
      lines.append("结构：\(sections.count) 部分")
      for (i, section) in sections.enumerated() { lines.append("\(i + 1). \(section)") }
    }
    let characters = c.article.bodyBlocks.map { c.analysis.page.blocks[$0].normalizedRange.count }.reduce(0, +)
    lines.append("")
    lines.append("正文约 \(characters) 字")
    return c.make(lines, range: title.text.range)
  }
}

/// On a listed phrase (规范提法): its category and note, and its canonical form when an
/// accepted form is printed; on a misprinted phrase or an ill-formed meeting name, the
/// canonical (or likely intended) form.
enum PhraseHover {
  static func hover(_ c: HoverContext, _ offset: TextOffset) -> Hover? {
    let page = c.analysis.page
    guard let paragraph = page.paragraphs.first(where: { ElementLocator.contains($0.range, offset) }) else { return nil }
    let glossary = c.analysis.glossary
    let index = PhraseIndex.shared(phrases: glossary.phrases, confusables: glossary.confusables.map(\.wrong))
    let n = page.normalized
    let scan = index.scan(n.scalars, paragraphs: [paragraph.normalizedRange])
    if let defect = scan.defects.first(where: { ElementLocator.contains(n.sourceRange($0.range), offset) }) {
      var lines = ["**规范提法：\(defect.expected)**", "", "本文写作：\(n.string(defect.range))"]
      if let entry = defect.entry {
        let phrase = index.phrases[entry]
        lines += ["", "类别：\(phrase.category.chineseName)"]
        if !phrase.note.isEmpty { lines += ["", phrase.note] }
      }
      return c.make(lines, range: n.sourceRange(defect.range))
    }
    // The longest correct use under the pointer.
    let uses = scan.occurrences.filter { ElementLocator.contains(n.sourceRange($0.range), offset) }
    guard let use = uses.max(by: { $0.range.count < $1.range.count }) else { return nil }
    let phrase = index.phrases[use.entry]
    var lines = ["**\(phrase.canonical)**", "", "类别：\(phrase.category.chineseName)"]
    if !use.isCanonical { lines += ["", "本文写作“\(n.string(use.range))”，是认可的写法。"] }
    if let series = phrase.series {
      let members = series.members.joined(separator: series.separator)
      lines += ["", "固定系列：\(members)" + (series.isOrderFixed ? "（次序固定）" : "")]
    }
    if !phrase.note.isEmpty { lines += ["", phrase.note] }
    return c.make(lines, range: n.sourceRange(use.range))
  }
}
