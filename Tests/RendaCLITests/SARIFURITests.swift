import Foundation
import Testing

@testable import RendaCLI

/// SARIF artifact URIs of relative paths: percent-encoded as Foundation's `urlPathAllowed` does.
@Suite struct SARIFURITests {
  @Test("percentEncodingPath is addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)")
  func percentEncodingIsFoundations() {
    let paths = [
      "page.txt", "人大 页/a%b[1].txt", "a?b#c.md", "~user/x;y=z&w", "tab\there", "é/ü/ß", "emoji😀.txt", "a\\b",
      "'quoted'(1)!*+,$@:", "a:b/c:d", "./a:b", ":", "",
    ]
    for path in paths {
      #expect(
        SARIFReport.percentEncodingPath(path) == path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed),
        "\(path)")
    }
  }

  @Test("relative paths lose a leading ./ and are encoded; absolute ones become file URLs; - is stdin")
  func uris() {
    #expect(SARIFReport.uri("./人大/页.txt") == "%E4%BA%BA%E5%A4%A7/%E9%A1%B5.txt")
    #expect(SARIFReport.uri("/tmp/a b.txt") == "file:///tmp/a%20b.txt")
    #expect(SARIFReport.uri("-") == "stdin")
  }
}
