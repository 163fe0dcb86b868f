/// A key of ``OpenAddressingTable``: equal keys have equal ``slotHash``es.
protocol OpenAddressingKey: Equatable {
  /// The key mixed into one word whose high bits are well spread: the table takes its top
  /// bits as the slot (multiply-shift hashing), so the mixing should end in a multiply.
  var slotHash: UInt64 { get }
}

extension UInt64: OpenAddressingKey {
  /// The word times the 64-bit golden ratio (Fibonacci hashing), for keys that are already
  /// hashes, such as a ``ScalarFingerprint``'s value.
  var slotHash: UInt64 { self &* 0x9E37_79B9_7F4A_7C15 }
}

/// Keys with a value each, in one open-addressing table (linear probing, at most half full,
/// one array): for the lookups a rule makes tens of thousands of times per page, where a
/// `Dictionary` would hash every key with SipHash and here a key costs its
/// ``OpenAddressingKey/slotHash``. Shared by heading-parallel's pieces (packed scalars → a
/// holder mask or a count) and byline's names (a scalar fingerprint → its first entry).
///
/// A value is updated in place with one probe (``update(_:initial:_:)``, which a closure
/// makes as cheap as a hand-written table once specialized). Iteration order is the table's.
struct OpenAddressingTable<Key: OpenAddressingKey, Value> {
  fileprivate struct Entry {
    var key: Key
    var value: Value
  }
  /// Nil for an empty slot.
  private var slots: [Entry?]
  private let shift: UInt64
  private var count = 0

  /// A table for up to `capacity` keys before it grows.
  init(capacity: Int) {
    var size = 16
    var bits: UInt64 = 4
    while size < 2 * capacity {
      size <<= 1
      bits += 1
    }
    slots = Array(repeating: nil, count: size)
    shift = 64 - bits
  }

  /// The slot of `key`, or the empty slot where it belongs.
  private func probe(_ key: Key) -> Int {
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: key.slotHash >> shift)
    while let entry = slots[i], entry.key != key { i = (i + 1) & mask }
    return i
  }

  /// The value of `key`; nil when the table does not hold it.
  func value(of key: Key) -> Value? {
    slots[probe(key)]?.value
  }

  /// Calls `body` on the value of `key`, which is added with the value `initial` first if it is new.
  mutating func update(_ key: Key, initial: Value, _ body: (inout Value) -> Void) {
    var i = probe(key)
    if slots[i] != nil {
      body(&slots[i]!.value)
      return
    }
    if 2 * (count + 1) > slots.count {
      grow()
      i = probe(key)
    }
    var entry = Entry(key: key, value: initial)
    body(&entry.value)
    slots[i] = entry
    count += 1
  }

  /// Calls `body` on the value of `key` if the table holds it; whether it does.
  mutating func updateIfPresent(_ key: Key, _ body: (inout Value) -> Void) -> Bool {
    let i = probe(key)
    guard slots[i] != nil else { return false }
    body(&slots[i]!.value)
    return true
  }

  private mutating func grow() {
    var bigger = OpenAddressingTable(capacity: slots.count)
    for case let entry? in slots { bigger.slots[bigger.probe(entry.key)] = entry }
    bigger.count = count
    self = bigger
  }

  func forEach(_ body: (Key, Value) -> Void) {
    for case let entry? in slots { body(entry.key, entry.value) }
  }
}

extension OpenAddressingTable: Sendable where Key: Sendable, Value: Sendable {}
extension OpenAddressingTable.Entry: Sendable where Key: Sendable, Value: Sendable {}
