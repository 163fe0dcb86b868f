#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RendaIDE

/// The JSON of `renda outline --format json`, described by `schemas/outline.schema.json`.
///
/// Codable mirrors of the editor-neutral outline values: the core types stay free of
/// JSON, and this file is the one place that decides the shape.
enum OutlineReport {
  struct File: Encodable {
    var path: String
    var articles: [ArticleJSON]
    var furniture: [FurnitureJSON]

    init(path: String, outline: DocumentOutline) {
      self.path = path
      articles = outline.articles.map(ArticleJSON.init)
      furniture = outline.furniture.map { FurnitureJSON(text: $0.text, lines: $0.lines, kind: $0.kind) }
    }
  }

  struct FurnitureJSON: Encodable {
    var text: String
    var lines: [Int]
    var kind: String
  }

  struct ArticleJSON: Encodable {
    var byline: BylineJSON?
    var title: TitleJSON?
    var headings: [HeadingJSON]
    var runInHeads: [RunInHeadJSON]
    var leadEnumerations: [EnumerationJSON]
    var slogans: [SloganJSON]
    var authorNote: AuthorNoteJSON?

    init(_ a: ArticleOutline) {
      byline = a.byline.map { BylineJSON(line: $0.line, text: $0.text, authors: $0.authors, province: $0.province) }
      title = a.title.map { TitleJSON(text: $0.text, lines: $0.lines, placement: $0.placement) }
      headings = a.headings.map {
        HeadingJSON(
          text: $0.text, lines: $0.lines, runIn: false, ordinal: $0.ordinal,
          enumerations: $0.enumerations.map(EnumerationJSON.init))
      }
      runInHeads = a.runInHeads.map {
        RunInHeadJSON(text: $0.text, line: $0.line, enumerations: $0.enumerations.map(EnumerationJSON.init))
      }
      leadEnumerations = a.leadEnumerations.map(EnumerationJSON.init)
      slogans = a.slogans.map {
        SloganJSON(text: $0.text, line: $0.line, count: $0.count, members: $0.members, membersSource: $0.membersSource)
      }
      authorNote = a.authorNote.map { AuthorNoteJSON(line: $0.line, text: $0.text) }
    }

    enum CodingKeys: String, CodingKey {
      case byline, title, headings, runInHeads, leadEnumerations, slogans, authorNote
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      // `byline`, `title` and `authorNote` are always present, null when absent.
      try c.encode(byline, forKey: .byline)
      try c.encode(title, forKey: .title)
      try c.encode(headings, forKey: .headings)
      try c.encode(runInHeads, forKey: .runInHeads)
      try c.encode(leadEnumerations, forKey: .leadEnumerations)
      try c.encode(slogans, forKey: .slogans)
      try c.encode(authorNote, forKey: .authorNote)
    }
  }

  struct BylineJSON: Encodable {
    var line: Int
    var text: String
    var authors: [String]
    var province: String?

    enum CodingKeys: String, CodingKey { case line, text, authors, province }
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(line, forKey: .line)
      try c.encode(text, forKey: .text)
      try c.encode(authors, forKey: .authors)
      try c.encode(province, forKey: .province)
    }
  }

  struct TitleJSON: Encodable {
    var text: String
    var lines: [Int]
    var placement: String
  }

  struct HeadingJSON: Encodable {
    var text: String
    var lines: [Int]
    var runIn: Bool
    var ordinal: String?
    var enumerations: [EnumerationJSON]

    enum CodingKeys: String, CodingKey { case text, lines, runIn, ordinal, enumerations }
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(text, forKey: .text)
      try c.encode(lines, forKey: .lines)
      try c.encode(runIn, forKey: .runIn)
      try c.encode(ordinal, forKey: .ordinal)
      try c.encode(enumerations, forKey: .enumerations)
    }
  }

  struct RunInHeadJSON: Encodable {
    var text: String
    var line: Int
    var enumerations: [EnumerationJSON]
  }

  struct EnumerationJSON: Encodable {
    var scheme: String
    var markers: [MarkerJSON]
    var missingOrdinals: [Int]
    var repeatedOrdinals: [Int]

    init(_ e: EnumerationOutline) {
      scheme = e.scheme
      markers = e.markers.map { MarkerJSON(marker: $0.marker, ordinal: $0.ordinal, line: $0.line, item: $0.item) }
      missingOrdinals = e.missingOrdinals
      repeatedOrdinals = e.repeatedOrdinals
    }
  }

  struct MarkerJSON: Encodable {
    var marker: String
    var ordinal: Int
    var line: Int
    var item: String
  }

  struct SloganJSON: Encodable {
    var text: String
    var line: Int
    var count: Int?
    var members: [String]
    var membersSource: String

    enum CodingKeys: String, CodingKey { case text, line, count, members, membersSource }
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(text, forKey: .text)
      try c.encode(line, forKey: .line)
      try c.encode(count, forKey: .count)
      try c.encode(members, forKey: .members)
      try c.encode(membersSource, forKey: .membersSource)
    }
  }

  struct AuthorNoteJSON: Encodable {
    var line: Int
    var text: String
  }

  static func json(_ files: [File]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(files) else { return "[]" }
    return String(decoding: data, as: UTF8.self)
  }
}
