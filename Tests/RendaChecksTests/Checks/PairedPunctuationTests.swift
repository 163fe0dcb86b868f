import RendaChecks
import Testing

@Suite("paired-punctuation")
struct PairedPunctuationTests {
  @Test("an ASCII quote with no partner in its paragraph is flagged at the opener")
  func unclosedASCIIQuote() {
    let seen = findings(of: "paired-punctuation", in: page(body: "坚持上接天线,\"下接地气,推动工作落实。"))
    #expect(seen.count == 1)
    #expect(seen.first?.covered == "\"")
    #expect(seen.first?.line == 5)
    #expect(seen.first?.severity == .error)
  }

  @Test("quotes and brackets that pair up across a line break and a column break are quiet")
  func pairedAcrossBreaks() {
    let text = page(body: "围绕“五个\n一 ”着力构建（全覆盖）格局，推进“四个机关\n\n”建设。")
    #expect(findings(of: "paired-punctuation", in: text).isEmpty)
  }

  @Test("an unclosed full-width quote, and a closing bracket without opener")
  func unclosedAndStray() {
    let seen = findings(of: "paired-punctuation", in: page(body: "做到“两个维护，坚持到底。\n\n落实各项）要求。"))
    #expect(seen.map(\.covered) == ["“", "）"])
  }

  @Test(
    "every pair closes, and its unclosed opener and stray closer name the partner",
    arguments: ["“”", "‘’", "（）", "()", "《》", "【】", "「」", "『』"])
  func everyPair(pair: String) throws {
    let marks = Array(pair.unicodeScalars)
    let (opener, closer) = (String(marks[0]), String(marks[1]))
    #expect(findings(of: "paired-punctuation", in: page(body: "坚持\(opener)学习\(closer)贯彻落实。")).isEmpty)
    let unclosed = findings(of: "paired-punctuation", in: page(body: "坚持\(opener)学习贯彻落实。"))
    #expect(unclosed.map(\.covered) == [opener])
    #expect(try #require(unclosed.first).zh.contains("没有与之配对的“\(closer)”"))
    let stray = findings(of: "paired-punctuation", in: page(body: "坚持学习\(closer)贯彻落实。"))
    #expect(stray.map(\.covered) == [closer])
    #expect(try #require(stray.first).zh.contains("没有对应的“\(opener)”"))
    // Another pair's closer does not close it.
    let other = pair == "“”" ? "》" : "”"
    let crossed = findings(of: "paired-punctuation", in: page(body: "坚持\(opener)学习\(other)贯彻落实。"))
    #expect(crossed.map(\.covered) == [opener, other])
  }

  @Test("the partner in another paragraph does not count")
  func paragraphBoundary() {
    let seen = findings(of: "paired-punctuation", in: page(body: "坚持“学习。\n\n贯彻”落实。"))
    #expect(seen.map(\.covered) == ["“", "”"])
  }

  @Test("a suppression marker silences the next line")
  func suppressed() {
    let text = page(body: "<!-- renda-disable-next-line paired-punctuation -->\n坚持“学习，贯彻落实。")
    #expect(findings(of: "paired-punctuation", in: text).isEmpty)
  }
}
