/// Expand selection: word → clause → sentence → paragraph → section → article → document,
/// each strictly inside the next.
import RendaIDE
import RendaText
import Testing

@Suite("Selection ranges")
struct SelectionRangesTests {
  static func texts(_ chain: [TextRange], _ analysis: DocumentAnalysis) -> [String] {
    NavTest.texts(chain, in: analysis)
  }

  @Test("a word wrapped by the column: the word on its line, then the clause across the wrap, then the sentence")
  func wrappedClause() throws {
    let analysis = try NavTest.analysis(blocks: [["人大代表要依法履职，着力构建全", "覆盖格局。代表 2022 年提出建议。"]])
    let chain = SelectionRanges.chain(at: try NavTest.offset(of: "构建", in: analysis), in: analysis.page)
    let texts = Self.texts(chain, analysis)
    #expect(Array(texts.prefix(3)) == ["着力构建全", "着力构建全覆盖格局", "人大代表要依法履职，着力构建全覆盖格局。"])
    #expect(texts[3] == "人大代表要依法履职，着力构建全覆盖格局。代表2022年提出建议。")  // the paragraph
    #expect(chain.last == TextOffset.zero..<analysis.text.endOffset)
  }

  @Test("at the very end of a paragraph the chain still starts at the word, clause and sentence")
  func endOfParagraph() throws {
    let analysis = try NavTest.analysis(blocks: [["人大代表要依法履职，着力构建全", "覆盖格局。代表 2022 年提出建议。"]])
    let end = try NavTest.offset(of: "建议。", in: analysis, by: 3)
    let texts = Self.texts(SelectionRanges.chain(at: end, in: analysis.page), analysis)
    #expect(texts.contains("代表2022年提出建议。"), "\(texts)")
    #expect(texts.contains("人大代表要依法履职，着力构建全覆盖格局。代表2022年提出建议。"), "\(texts)")
  }

  @Test("digits are a word of their own inside an ideographic clause")
  func digitsWord() throws {
    let analysis = try NavTest.analysis(blocks: [["人大代表要依法履职，着力构建全", "覆盖格局。代表 2022 年提出建议。"]])
    let chain = SelectionRanges.chain(at: try NavTest.offset(of: "2022", in: analysis, by: 2), in: analysis.page)
    #expect(Array(Self.texts(chain, analysis).prefix(2)) == ["2022", "代表2022年提出建议"])
    #expect(Self.texts(chain, analysis)[2] == "代表2022年提出建议。")
  }

  @Test("seed 000: a marker's item up to the section, the article and the page")
  func seedLevels() throws {
    let analysis = try NavTest.seed(NavTest.seed000)
    let at = try NavTest.offset(of: "实施一个工程", in: analysis, by: 1)
    let chain = SelectionRanges.chain(at: at, in: analysis.page)
    let texts = Self.texts(chain, analysis)
    #expect(texts.first == "一是实施一个工程")
    #expect(texts.dropFirst().first == "一是实施一个工程。")
    let article = try #require(analysis.page.articles.first)
    let heading = article.headings[0]
    let section = heading.text.range.lowerBound..<heading.sectionRange.upperBound
    #expect(chain.contains(section))
    #expect(
      chain.contains {
        $0.contains(article.byline!.range.lowerBound) && $0.contains(article.title!.text.range.lowerBound)
      })
    #expect(chain.last == TextOffset.zero..<analysis.text.endOffset)
  }

  @Test("on every seed, at many offsets, each range strictly contains the one before and holds the offset")
  func strictlyNestedEverywhere() throws {
    for name in ["000_8f505736c6d266e8.txt", "001_7cb29f78ffdd70e4.txt", "003_4a68d483772d6c0e.txt"] {
      let analysis = try NavTest.seed(name)
      let end = analysis.text.endOffset.utf8
      var checked = 0
      for utf8 in stride(from: 0, through: end, by: 53) {
        let offset = analysis.text.scalarBoundary(atOrBefore: TextOffset(utf8: utf8))
        let chain = SelectionRanges.chain(at: offset, in: analysis.page)
        try #require(!chain.isEmpty)
        #expect(chain.last == TextOffset.zero..<analysis.text.endOffset)
        #expect(chain[0].lowerBound <= offset && offset <= chain[0].upperBound, "\(name) \(offset)")
        for (child, parent) in zip(chain, chain.dropFirst()) {
          #expect(parent != child && parent.lowerBound <= child.lowerBound && child.upperBound <= parent.upperBound)
        }
        checked += 1
      }
      #expect(checked > 100)
    }
  }

  @Test("an empty document answers the empty document range")
  func emptyDocument() throws {
    let analysis = try NavTest.analysis("")
    #expect(SelectionRanges.chain(at: .zero, in: analysis.page) == [TextOffset.zero..<TextOffset.zero])
  }
}
