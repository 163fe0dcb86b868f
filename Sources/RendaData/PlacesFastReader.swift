import Foundation

/// A hand-written reader for glossary files that hold places and nothing else but `$schema`,
/// `about` and `version`, like the built-in `places.json` (thousands of entries).
///
/// `JSONDecoder` takes about 25 ms for the built-in file in a release build; this reader, with
/// the loader's checks, about 5. It accepts only what it fully understands: any other key, an
/// escape sequence in a string, a number, a repeated key, a syntax error or bytes that are not
/// UTF-8 make it return nil, and the caller decodes the file with `JSONDecoder` instead, which
/// words the error. So the loader accepts the same files, and yields the same values, either way.
enum PlacesFastReader {
  static func read(_ data: Data) -> GlossaryFileDTO? {
    data.withUnsafeBytes { raw -> GlossaryFileDTO? in
      var reader = Cursor(bytes: raw.bindMemory(to: UInt8.self))
      return reader.file()
    }
  }

  private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    mutating func file() -> GlossaryFileDTO? {
      // A UTF-8 byte order mark is allowed by JSONDecoder; leave such files to it.
      guard consume(UInt8(ascii: "{")) else { return nil }
      var about: String?
      var version: String?
      var places: [PlaceDTO]?
      var seen: Set<String> = []
      if !consume(UInt8(ascii: "}")) {
        repeat {
          guard let key = string(), seen.insert(key).inserted, consume(UInt8(ascii: ":")) else { return nil }
          switch key {
          case "$schema":
            guard string() != nil else { return nil }
          case "about":
            guard let value = string() else { return nil }
            about = value
          case "version":
            guard let value = string() else { return nil }
            version = value
          case "places":
            guard let value = placeList() else { return nil }
            places = value
          default:
            return nil
          }
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")) else { return nil }
      }
      skipWhitespace()
      guard index == bytes.count, places != nil else { return nil }
      return GlossaryFileDTO(about: about, version: version, places: places)
    }

    private mutating func placeList() -> [PlaceDTO]? {
      guard consume(UInt8(ascii: "[")) else { return nil }
      var places: [PlaceDTO] = []
      places.reserveCapacity(bytes.count / 64)
      if consume(UInt8(ascii: "]")) { return places }
      repeat {
        guard let place = place() else { return nil }
        places.append(place)
      } while consume(UInt8(ascii: ","))
      guard consume(UInt8(ascii: "]")) else { return nil }
      return places
    }

    private mutating func place() -> PlaceDTO? {
      guard consume(UInt8(ascii: "{")) else { return nil }
      var name: String?
      var level: String?
      var province: String?
      var prefecture: String??
      if !consume(UInt8(ascii: "}")) {
        repeat {
          guard let key = string(), consume(UInt8(ascii: ":")) else { return nil }
          switch key {
          case "name" where name == nil:
            guard let value = string() else { return nil }
            name = value
          case "level" where level == nil:
            guard let value = string() else { return nil }
            level = value
          case "province" where province == nil:
            guard let value = string() else { return nil }
            province = value
          case "prefecture" where prefecture == nil:
            if consumeNull() {
              prefecture = .some(nil)
            } else {
              guard let value = string() else { return nil }
              prefecture = value
            }
          default:
            return nil
          }
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")) else { return nil }
      }
      guard let name, let level, let province else { return nil }
      return PlaceDTO(name: name, level: level, province: province, prefecture: prefecture ?? nil)
    }

    /// A string without escapes, validated as UTF-8; nil for anything else.
    private mutating func string() -> String? {
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
      return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private mutating func consumeNull() -> Bool {
      skipWhitespace()
      let null: [UInt8] = Array("null".utf8)
      guard index + 4 <= bytes.count, bytes[index..<(index + 4)].elementsEqual(null) else { return false }
      index += 4
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
