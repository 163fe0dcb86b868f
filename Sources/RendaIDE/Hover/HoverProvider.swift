import RendaAnalysis
import RendaChecks
import RendaPage
import RendaText

/// What an editor shows when the pointer rests on something: Markdown, with a plain-text
/// twin for clients that do not render Markdown, and the range it is about.
package struct Hover: Sendable, Equatable {
  package var markdown: String
  package var plaintext: String
  package var range: TextRange
}

/// Finds the element under a position and describes it: a slogan's members and where
/// the article gives them, an enumeration marker's series, a byline, a listed phrase (or a
/// misprinted one), a heading's place among its siblings, a title's article summary.
package enum HoverProvider {
  package static func hover(at offset: TextOffset, in analysis: DocumentAnalysis) -> Hover? {
    let page = analysis.page
    guard let k = ElementLocator.articleIndex(at: offset, in: page) else { return nil }
    let article = page.articles[k]
    let context = HoverContext(analysis: analysis, article: article, index: k)
    for provider in providers {
      if let hover = provider(context, offset) { return hover }
    }
    return nil
  }

  /// Tried in order; the first that knows the element under the offset answers.
  static let providers: [@Sendable (HoverContext, TextOffset) -> Hover?] = [
    SloganHover.hover, EnumerationHover.hover, BylineHover.hover, PhraseHover.hover, HeadingHover.hover,
    TitleHover.hover,
  ]
}

/// What a hover provider reads.
struct HoverContext: Sendable {
  var analysis: DocumentAnalysis
  var article: Article
  var index: Int

  func line(_ offset: TextOffset) -> Int { analysis.text.lineIndex.line(containing: offset) + 1 }

  func make(_ lines: [String], range: TextRange) -> Hover {
    let markdown = lines.joined(separator: "\n")
    let plaintext =
      markdown
      .replacingAll("**", with: "")
      .replacingAll("`", with: "")
    return Hover(markdown: markdown, plaintext: plaintext, range: range)
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let found = rest.range(of: target) {
      result += rest[..<found.lowerBound] + replacement
      rest = rest[found.upperBound...]
    }
    return result + rest
  }
}

extension Substring {
  fileprivate func range(of target: String) -> Range<Substring.Index>? {
    var index = startIndex
    while index < endIndex {
      if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
      index = self.index(after: index)
    }
    return nil
  }
}
