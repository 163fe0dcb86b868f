import Synchronization

/// The value last built from an array, handed out again while the same array (the same
/// storage) is passed: for the lookups a rule builds from the glossary, which a server
/// passes unchanged on every keystroke. The array is kept, so that its storage, by which
/// the cache recognises it, stays alive and unchanged.
final class LastBuiltCache<Element: Sendable, Value: Sendable>: Sendable {
  private let last = Mutex<(source: [Element], value: Value)?>(nil)

  init() {}

  /// The value built from `source`: the cached one when `source` is the array it was
  /// built from, else `build(source)`, which replaces it.
  func value(of source: [Element], build: ([Element]) -> Value) -> Value {
    last.withLock { last in
      if let last, last.source.count == source.count, last.source.sharesStorage(with: source) { return last.value }
      let value = build(source)
      last = (source, value)
      return value
    }
  }
}

extension Array {
  /// True when both arrays use the same buffer (so they are the same value).
  fileprivate func sharesStorage(with other: [Element]) -> Bool {
    withUnsafeBufferPointer { mine in
      other.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress }
    }
  }
}
