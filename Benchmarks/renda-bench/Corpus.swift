import Foundation
import RendaCLI

/// A body of text measured as one unit: the seeds (five documents) or one large file.
struct Corpus {
  var name: String
  var documents: [[UInt8]]
  var bytes: Int { documents.reduce(0) { $0 + $1.count } }
}

enum Corpora {
  /// The seed pages as they ship (sorted by name).
  static func seedFiles(in directory: String) throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".txt") }.sorted()
    guard !names.isEmpty else { throw BenchError("no .txt seeds in \(directory)") }
    return names.map { (directory as NSString).appendingPathComponent($0) }
  }

  /// The file's bytes, read as `renda check` reads them (straight into the array).
  static func read(_ path: String) throws -> [UInt8] {
    guard let bytes = InputFiles.readFile(path) else { throw BenchError("cannot read \(path)") }
    return bytes
  }

  /// The pages without their final line breaks (seed 003 has none; the others one).
  static func pages(_ seeds: [[UInt8]]) -> [[UInt8]] {
    seeds.map { page in
      var end = page.count
      while end > 0, page[end - 1] == 0x0A || page[end - 1] == 0x0D { end -= 1 }
      return Array(page[..<end])
    }
  }

  /// The pages repeated in order, joined by a blank line ("\n\n", so that every byline
  /// stays at the start of a line), until at least `target` bytes; ends with "\n".
  /// Returns the text and the pages it is made of (for the directory form).
  static func repeated(_ pages: [[UInt8]], toAtLeast target: Int) -> (text: [UInt8], pages: [[UInt8]]) {
    var text: [UInt8] = []
    text.reserveCapacity(target + 64 * 1024)
    var used: [[UInt8]] = []
    var i = 0
    while text.count < target {
      if !text.isEmpty { text.append(contentsOf: [0x0A, 0x0A]) }
      let page = pages[i % pages.count]
      text.append(contentsOf: page)
      used.append(page)
      i += 1
    }
    text.append(0x0A)
    return (text, used)
  }

  static func write(_ bytes: [UInt8], to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
  }

  /// The same pages as one file each (`page-00001.txt`, …), each ending with "\n".
  static func writeDirectory(_ pages: [[UInt8]], to directory: String) throws {
    let manager = FileManager.default
    if manager.fileExists(atPath: directory) { try manager.removeItem(atPath: directory) }
    try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (n, page) in pages.enumerated() {
      let name = String(format: "page-%05d.txt", n + 1)
      try Data(page + [0x0A]).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
    }
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
