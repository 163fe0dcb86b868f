import Foundation
import RendaPage
import RendaText
import Testing

@Test func zzScratchDump() throws {
  let dir = "/tmp/rscratch"
  let names = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.sorted() ?? []
  for name in names where name.hasSuffix(".txt") {
    let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
    let page = PageTest.parse(String(decoding: data, as: UTF8.self))
    print("===== \(name)\n\(pageTestDump(page))")
  }
}
