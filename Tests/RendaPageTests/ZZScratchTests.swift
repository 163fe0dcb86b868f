import Foundation
import RendaPage
import RendaText
import Testing

@Test func zzScratchTiming() throws {
  let clock = ContinuousClock()
  for name in try FileManager.default.contentsOfDirectory(atPath: "/work/main/seeds").sorted() {
    let s = try String(contentsOfFile: "/work/main/seeds/" + name, encoding: .utf8)
    let d = clock.measure { _ = PageTest.parse(s) }
    print(name, d)
  }
  var rng = PageTestRandom(seed: 1)
  let alphabet = Array("人大代表工作机关常委会，。、")
  var line = ""
  while line.utf8.count < 1_000_000 { line.append(alphabet.randomElement(using: &rng)!) }
  let d = clock.measure { _ = PageTest.parse(line) }
  print("1MB", d)
  var line2 = "■ " + line
  let d2 = clock.measure { _ = PageTest.parse(String(line2.prefix(2000))) }
  print("byline 2000", d2)
  line2 = ""
}
