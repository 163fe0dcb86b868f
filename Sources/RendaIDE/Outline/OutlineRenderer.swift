/// Text renderings of an outline: an indented tree with line numbers (the default of
/// `renda outline`, and the golden-file format) and Markdown.
package enum OutlineRenderer {
  package static func tree(_ outline: DocumentOutline) -> String {
    var out = ""
    for (n, article) in outline.articles.enumerated() {
      out += "article \(n + 1): \(article.displayName)\n"
      if let byline = article.byline {
        let province = byline.province.map { "（\($0)）" } ?? "（no province）"
        out += "  byline L\(byline.line): \(byline.authors.joined(separator: "、"))\(province)\n"
      } else {
        out += "  byline: none\n"
      }
      if let title = article.title {
        out += "  title \(lines(title.lines)) [\(title.placement)]: \(title.text)\n"
      } else {
        out += "  title: none\n"
      }
      for e in article.leadEnumerations { out += "  " + enumeration(e) + "\n" }
      for heading in article.headings {
        out += "  heading \(lines(heading.lines)): \(heading.text)\n"
        for e in heading.enumerations { out += "    " + enumeration(e) + "\n" }
      }
      for head in article.runInHeads {
        out += "  run-in head L\(head.line): \(head.text)\n"
        for e in head.enumerations { out += "    " + enumeration(e) + "\n" }
      }
      for slogan in article.slogans {
        let count = slogan.count.map(String.init) ?? "?"
        let members = slogan.members.isEmpty ? "" : ": " + slogan.members.joined(separator: "、")
        out += "  slogan L\(slogan.line) “\(slogan.text)” count \(count) [\(slogan.membersSource)]\(members)\n"
      }
      if let note = article.authorNote { out += "  author note L\(note.line): \(note.text)\n" }
    }
    for item in outline.furniture {
      out += "furniture \(lines(item.lines)) [\(item.kind)]: \(item.text)\n"
    }
    return out
  }

  package static func markdown(_ outline: DocumentOutline) -> String {
    var out = ""
    for article in outline.articles {
      out += "## \(article.displayName)\n\n"
      if let byline = article.byline {
        let province = byline.province.map { "（\($0)）" } ?? ""
        out += "*\(byline.authors.joined(separator: "、"))\(province)*, line \(byline.line)\n\n"
      }
      for heading in article.headings {
        out += "- \(heading.text) (line \(heading.lines.first ?? 0))\n"
        for e in heading.enumerations {
          out += "  - " + e.markers.map { "\($0.marker)\($0.item)" }.joined(separator: "；") + "\n"
        }
      }
      for head in article.runInHeads {
        out += "- \(head.text) (line \(head.line))\n"
      }
      if !article.slogans.isEmpty {
        out += "\nSlogans: " + article.slogans.map { "“\($0.text)”" }.joined(separator: " ") + "\n"
      }
      out += "\n"
    }
    return out
  }

  private static func lines(_ lines: [Int]) -> String {
    guard let first = lines.first, let last = lines.last else { return "L?" }
    return first == last ? "L\(first)" : "L\(first)-\(last)"
  }

  private static func enumeration(_ e: EnumerationOutline) -> String {
    var text = "enumeration [\(e.scheme)]: " + e.markers.map { "\($0.marker) L\($0.line)" }.joined(separator: ", ")
    if !e.missingOrdinals.isEmpty { text += " (missing \(e.missingOrdinals.map(String.init).joined(separator: ",")))" }
    if !e.repeatedOrdinals.isEmpty {
      text += " (repeated \(e.repeatedOrdinals.map(String.init).joined(separator: ",")))"
    }
    return text
  }
}
