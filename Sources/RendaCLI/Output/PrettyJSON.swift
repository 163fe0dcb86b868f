/// A JSON writer whose output is byte for byte what `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two spaces per level, `"key" : value`,
/// an empty array or object as its bracket, an empty line and the closing bracket, strings
/// escaped as the encoder escapes them.
///
/// The reports' per-finding values are written through it (`PrettyJSONWritable`): the encoder
/// spent most of `renda check --format json` in the `Codable` machinery (boxed containers,
/// generic metadata, a tree of values, then `FindingsReport.indented` moving its lines to
/// their depth), about 70 µs per finding. The frames around the findings, written once, still go through `JSONEncoder`, and
/// the tests compare every writer with the encoder's output (`PrettyJSONTests`).
///
/// Keys are written in the order given, which must be the sorted (byte-wise) order the encoder
/// uses; a debug build checks it.
struct PrettyJSON {
  private(set) var bytes: [UInt8] = []
  /// The depth of the elements this writer writes.
  private let base: Int
  /// Per open container, the array of the elements first: how many members it has so far.
  private var counts: [Int] = [0]
  /// A key was written: the next value follows it on the same line.
  private var afterKey = false
  #if DEBUG
    private var lastKeys: [[UInt8]] = [[]]
  #endif

  /// A writer of the elements of an array whose `[` and line feed are written elsewhere, at
  /// `depth` (2 spaces each): elements are separated by `,` and a line feed, nothing is written
  /// before the first or after the last.
  init(elementsAtDepth depth: Int) {
    base = depth
    bytes.reserveCapacity(1024)
  }

  /// The elements of `values` as `init(elementsAtDepth:)` writes them.
  static func elements<Value: PrettyJSONWritable>(_ values: some Sequence<Value>, depth: Int) -> String {
    var json = PrettyJSON(elementsAtDepth: depth)
    for value in values { value.write(to: &json) }
    return String(decoding: json.bytes, as: UTF8.self)
  }

  // MARK: Containers

  mutating func beginObject() { open(UInt8(ascii: "{")) }
  mutating func endObject() { close(UInt8(ascii: "}")) }
  mutating func beginArray() { open(UInt8(ascii: "[")) }
  mutating func endArray() { close(UInt8(ascii: "]")) }

  /// A member's key; its value comes next. Keys must come in byte-wise order.
  mutating func key(_ key: StaticString) {
    let level = counts.count - 1
    #if DEBUG
      let keyBytes = key.withUTF8Buffer { Array($0) }
      assert(lastKeys[level].lexicographicallyPrecedes(keyBytes) || counts[level] == 0, "PrettyJSON: keys out of order")
      lastKeys[level] = keyBytes
    #endif
    separate(level)
    bytes.append(UInt8(ascii: "\""))
    key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: " "))
    bytes.append(UInt8(ascii: ":"))
    bytes.append(UInt8(ascii: " "))
    afterKey = true
  }

  // MARK: Values

  mutating func value(_ string: String) {
    startValue()
    bytes.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      var runStart = 0
      for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
        runStart = i + 1
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
          bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  mutating func value(_ number: Int) {
    startValue()
    bytes.append(contentsOf: String(number).utf8)
  }

  /// A member whose value is a string.
  mutating func member(_ key: StaticString, _ string: String) {
    self.key(key)
    value(string)
  }

  /// A member whose value is a number.
  mutating func member(_ key: StaticString, _ number: Int) {
    self.key(key)
    value(number)
  }

  /// A member whose value is an object or array that `value` writes.
  mutating func member(_ key: StaticString, _ value: some PrettyJSONWritable) {
    self.key(key)
    value.write(to: &self)
  }

  /// A member whose value is an array of `values`.
  mutating func member<Value: PrettyJSONWritable>(_ key: StaticString, array values: [Value]) {
    self.key(key)
    beginArray()
    for value in values { value.write(to: &self) }
    endArray()
  }

  // MARK: Layout

  private mutating func startValue() {
    if afterKey {
      afterKey = false
    } else {
      separate(counts.count - 1)
    }
  }

  /// Before a member of open container `level` (0: the elements' array): `,` after the
  /// previous member, a line feed (none before the first element), the indentation.
  private mutating func separate(_ level: Int) {
    if counts[level] > 0 {
      bytes.append(UInt8(ascii: ","))
      bytes.append(UInt8(ascii: "\n"))
    } else if level > 0 {
      bytes.append(UInt8(ascii: "\n"))
    }
    counts[level] += 1
    indent(base + level)
  }

  private mutating func indent(_ depth: Int) {
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
  }

  private mutating func open(_ bracket: UInt8) {
    startValue()
    bytes.append(bracket)
    counts.append(0)
    #if DEBUG
      lastKeys.append([])
    #endif
  }

  private mutating func close(_ bracket: UInt8) {
    precondition(counts.count > 1, "PrettyJSON: closing the elements' array")
    let members = counts.removeLast()
    #if DEBUG
      lastKeys.removeLast()
    #endif
    bytes.append(UInt8(ascii: "\n"))
    if members == 0 { bytes.append(UInt8(ascii: "\n")) }
    indent(base + counts.count - 1)
    bytes.append(bracket)
  }
}

/// A value the reports write through ``PrettyJSON``; `write(to:)` writes what its `Encodable`
/// conformance encodes, keys sorted.
protocol PrettyJSONWritable: Encodable {
  func write(to json: inout PrettyJSON)
}
