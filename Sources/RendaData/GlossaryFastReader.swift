#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RendaText

/// A hand-written reader of glossary files (all five sections: formulas, provinces,
/// confusables, places, phrases) straight from the bytes into the loader's DTOs.
///
/// `JSONDecoder` took about 20 ms of the ~45 ms start-up of `renda check` on one page for the
/// built-in files; this reader takes a fraction of a millisecond per file. It accepts only what
/// it fully understands: a key the schema does not allow, a repeated key, a missing required key,
/// a value of another type, an escape sequence in a string, a number, a syntax error, a byte
/// order mark or bytes that are not UTF-8 make it return nil, and the caller decodes the file
/// with `JSONDecoder` instead, which words the error with its JSON path. So the loader accepts
/// the same files, and yields the same values, either way (`GlossaryDecodeTests` compares them).
enum GlossaryFastReader {
  static func read(_ data: Data) -> GlossaryFileDTO? {
    data.withUnsafeBytes { raw -> GlossaryFileDTO? in
      let bytes = raw.bindMemory(to: UInt8.self)
      // Validated once here, so each string is made without validating it again
      // (`String(validating:)` is not specialised: a runtime metadata lookup per string made
      // it most of the places file's 5 ms).
      guard UTF8Bytes.firstInvalidOffset(bytes) == nil else { return nil }
      var reader = Cursor(bytes: bytes)
      return reader.file()
    }
  }

  /// The reading position in the bytes; every method returns nil (or false) at the first thing
  /// it does not accept, and the whole read is abandoned.
  private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    mutating func file() -> GlossaryFileDTO? {
      var schema: String??
      var about: String??
      var version: String??
      var formulas: [FormulaDTO]??
      var provinces: [ProvinceDTO]??
      var confusables: [ConfusableDTO]??
      var places: [PlaceDTO]??
      var phrases: [PhraseDTO]??
      let read = object { cursor, key in
        switch key {
        case "$schema": return cursor.optional(&schema) { $0.string() }
        case "about": return cursor.optional(&about) { $0.string() }
        case "version": return cursor.optional(&version) { $0.string() }
        case "formulas": return cursor.optional(&formulas) { $0.array { $0.formula() } }
        case "provinces": return cursor.optional(&provinces) { $0.array { $0.province() } }
        case "confusables": return cursor.optional(&confusables) { $0.array { $0.confusable() } }
        case "places": return cursor.optional(&places) { $0.array { $0.place() } }
        case "phrases": return cursor.optional(&phrases) { $0.array { $0.phrase() } }
        default: return false
        }
      }
      skipWhitespace()
      guard read, index == bytes.count else { return nil }
      return GlossaryFileDTO(
        about: about ?? nil, version: version ?? nil, formulas: formulas ?? nil, provinces: provinces ?? nil,
        confusables: confusables ?? nil, places: places ?? nil, phrases: phrases ?? nil)
    }

    // MARK: Entries

    private mutating func formula() -> FormulaDTO? {
      var name: String?
      var aliases: [String]??
      var members: [MemberDTO]?
      var isOrderFixed: Bool??
      var gloss: String?
      var sources: [String]??
      let read = object { cursor, key in
        switch key {
        case "name": return cursor.required(&name) { $0.string() }
        case "aliases": return cursor.optional(&aliases) { $0.strings() }
        case "members": return cursor.required(&members) { $0.array { $0.member() } }
        case "isOrderFixed": return cursor.optional(&isOrderFixed) { $0.bool() }
        case "gloss": return cursor.required(&gloss) { $0.string() }
        case "sources": return cursor.optional(&sources) { $0.strings() }
        default: return false
        }
      }
      guard read, let name, let members, let gloss else { return nil }
      return FormulaDTO(
        name: name, aliases: aliases ?? nil, members: members, isOrderFixed: isOrderFixed ?? nil, gloss: gloss,
        sources: sources ?? nil)
    }

    private mutating func member() -> MemberDTO? {
      var text: String?
      var variants: [String]??
      let read = object { cursor, key in
        switch key {
        case "text": return cursor.required(&text) { $0.string() }
        case "variants": return cursor.optional(&variants) { $0.strings() }
        default: return false
        }
      }
      guard read, let text else { return nil }
      return MemberDTO(text: text, variants: variants ?? nil)
    }

    private mutating func province() -> ProvinceDTO? {
      var shortName: String?
      var fullName: String?
      var kind: String?
      var aliases: [String]??
      let read = object { cursor, key in
        switch key {
        case "shortName": return cursor.required(&shortName) { $0.string() }
        case "fullName": return cursor.required(&fullName) { $0.string() }
        case "kind": return cursor.required(&kind) { $0.string() }
        case "aliases": return cursor.optional(&aliases) { $0.strings() }
        default: return false
        }
      }
      guard read, let shortName, let fullName, let kind else { return nil }
      return ProvinceDTO(shortName: shortName, fullName: fullName, kind: kind, aliases: aliases ?? nil)
    }

    private mutating func confusable() -> ConfusableDTO? {
      var wrong: String?
      var right: String?
      var certain: Bool?
      var note: String??
      let read = object { cursor, key in
        switch key {
        case "wrong": return cursor.required(&wrong) { $0.string() }
        case "right": return cursor.required(&right) { $0.string() }
        case "certain": return cursor.required(&certain) { $0.bool() }
        case "note": return cursor.optional(&note) { $0.string() }
        default: return false
        }
      }
      guard read, let wrong, let right, let certain else { return nil }
      return ConfusableDTO(wrong: wrong, right: right, certain: certain, note: note ?? nil)
    }

    private mutating func place() -> PlaceDTO? {
      var name: String?
      var level: String?
      var province: String?
      var prefecture: String??
      let read = object { cursor, key in
        switch key {
        case "name": return cursor.required(&name) { $0.string() }
        case "level": return cursor.required(&level) { $0.string() }
        case "province": return cursor.required(&province) { $0.string() }
        case "prefecture": return cursor.optional(&prefecture) { $0.string() }
        default: return false
        }
      }
      guard read, let name, let level, let province else { return nil }
      return PlaceDTO(name: name, level: level, province: province, prefecture: prefecture ?? nil)
    }

    private mutating func phrase() -> PhraseDTO? {
      var id: String?
      var canonical: String?
      var category: String?
      var series: SeriesDTO??
      var accepted: [String]??
      var wrong: [String]??
      var note: String?
      var source: String??
      let read = object { cursor, key in
        switch key {
        case "id": return cursor.required(&id) { $0.string() }
        case "canonical": return cursor.required(&canonical) { $0.string() }
        case "category": return cursor.required(&category) { $0.string() }
        case "series": return cursor.optional(&series) { $0.series() }
        case "accepted": return cursor.optional(&accepted) { $0.strings() }
        case "wrong": return cursor.optional(&wrong) { $0.strings() }
        case "note": return cursor.required(&note) { $0.string() }
        case "source": return cursor.optional(&source) { $0.string() }
        default: return false
        }
      }
      guard read, let id, let canonical, let category, let note else { return nil }
      return PhraseDTO(
        id: id, canonical: canonical, category: category, series: series ?? nil, accepted: accepted ?? nil,
        wrong: wrong ?? nil,
        note: note, source: source ?? nil)
    }

    private mutating func series() -> SeriesDTO? {
      var members: [String]?
      var separator: String?
      var orderFixed: Bool??
      let read = object { cursor, key in
        switch key {
        case "members": return cursor.required(&members) { $0.strings() }
        case "separator": return cursor.required(&separator) { $0.string() }
        case "orderFixed": return cursor.optional(&orderFixed) { $0.bool() }
        default: return false
        }
      }
      guard read, let members, let separator else { return nil }
      return SeriesDTO(members: members, separator: separator, orderFixed: orderFixed ?? nil)
    }

    // MARK: Values

    /// A value that must not be null (JSONDecoder's `decode`) into `slot`, which must still be
    /// empty (a key met twice is not accepted).
    private mutating func required<Value>(
      _ slot: inout Value?, _ value: (inout Cursor) -> Value?
    ) -> Bool {
      guard slot == nil, let read = value(&self) else { return false }
      slot = read
      return true
    }

    /// A value or null (JSONDecoder's `decodeIfPresent`) into `slot`: `.some(nil)` for null;
    /// `slot` must still be nil (absent).
    private mutating func optional<Value>(
      _ slot: inout Value??, _ value: (inout Cursor) -> Value?
    ) -> Bool {
      guard slot == nil else { return false }
      if consumeNull() {
        slot = .some(nil)
        return true
      }
      guard let read = value(&self) else { return false }
      slot = .some(read)
      return true
    }

    /// An object whose every key `member` reads the value of (false: not accepted, which
    /// includes a key met twice: the slots refuse a second value).
    private mutating func object(_ member: (inout Cursor, String) -> Bool) -> Bool {
      guard consume(UInt8(ascii: "{")) else { return false }
      if consume(UInt8(ascii: "}")) { return true }
      repeat {
        guard let key = string(), consume(UInt8(ascii: ":")), member(&self, key) else { return false }
      } while consume(UInt8(ascii: ","))
      return consume(UInt8(ascii: "}"))
    }

    private mutating func array<Element>(_ element: (inout Cursor) -> Element?) -> [Element]? {
      guard consume(UInt8(ascii: "[")) else { return nil }
      var elements: [Element] = []
      if consume(UInt8(ascii: "]")) { return elements }
      repeat {
        guard let value = element(&self) else { return nil }
        elements.append(value)
      } while consume(UInt8(ascii: ","))
      guard consume(UInt8(ascii: "]")) else { return nil }
      return elements
    }

    private mutating func strings() -> [String]? { array { $0.string() } }

    private mutating func bool() -> Bool? {
      if consumeWord("true") { return true }
      if consumeWord("false") { return false }
      return nil
    }

    /// A string without escapes (the bytes are valid UTF-8: `read` checked); nil for anything else.
    mutating func string() -> String? {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
      let start = index + 1
      var end = start
      while end < bytes.count {
        let byte = bytes[end]
        if byte == UInt8(ascii: "\"") { break }
        // Escapes and control characters (which JSON forbids unescaped) go to JSONDecoder.
        if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
        end += 1
      }
      guard end < bytes.count else { return nil }
      index = end + 1
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private mutating func consumeNull() -> Bool { consumeWord("null") }

    /// `word` (ASCII) followed by a byte that cannot continue a literal.
    private mutating func consumeWord(_ word: StaticString) -> Bool {
      skipWhitespace()
      let count = word.utf8CodeUnitCount
      guard index + count <= bytes.count else { return false }
      let literal = UnsafeBufferPointer(start: word.utf8Start, count: count)
      for offset in 0..<count where bytes[index + offset] != literal[offset] { return false }
      if index + count < bytes.count {
        switch bytes[index + count] {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return false
        default: break
        }
      }
      index += count
      return true
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    private mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }
  }
}

// MARK: - Memberwise initialisers of the DTOs (their `init(from:)` hides the synthesised ones)

extension FormulaDTO {
  init(
    name: String, aliases: [String]?, members: [MemberDTO], isOrderFixed: Bool?, gloss: String, sources: [String]?
  ) {
    self.name = name
    self.aliases = aliases
    self.members = members
    self.isOrderFixed = isOrderFixed
    self.gloss = gloss
    self.sources = sources
  }
}

extension MemberDTO {
  init(text: String, variants: [String]?) {
    self.text = text
    self.variants = variants
  }
}

extension ProvinceDTO {
  init(shortName: String, fullName: String, kind: String, aliases: [String]?) {
    self.shortName = shortName
    self.fullName = fullName
    self.kind = kind
    self.aliases = aliases
  }
}

extension ConfusableDTO {
  init(wrong: String, right: String, certain: Bool, note: String?) {
    self.wrong = wrong
    self.right = right
    self.certain = certain
    self.note = note
  }
}

extension PhraseDTO {
  init(
    id: String, canonical: String, category: String, series: SeriesDTO?, accepted: [String]?, wrong: [String]?,
    note: String, source: String?
  ) {
    self.id = id
    self.canonical = canonical
    self.category = category
    self.series = series
    self.accepted = accepted
    self.wrong = wrong
    self.note = note
    self.source = source
  }
}

extension SeriesDTO {
  init(members: [String], separator: String, orderFixed: Bool?) {
    self.members = members
    self.separator = separator
    self.orderFixed = orderFixed
  }
}
