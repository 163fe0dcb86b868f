/// An Aho–Corasick automaton over Unicode scalars: finds every occurrence of every pattern
/// in one left-to-right pass, whatever the number of patterns.
///
/// Scalars are first mapped to a small alphabet (the scalars the patterns use; every other
/// scalar is symbol 0, which no pattern contains, so the automaton falls back to its root).
/// States are numbered breadth first, so the shallow ones come first. The shallow states
/// (the root and depths one and two, where a scan spends nine steps in ten on these pages)
/// have dense rows: every symbol's next state, failure links resolved, so that a step from
/// them is one load (branches on the scalar and the state were mispredicted, and a step
/// waited on each). Every deeper state keeps its first child and its failure link in one 16-byte
/// record, and any further children sorted by symbol apart (most states of a phrase trie have
/// one child, so a step reads one record and compares once); a miss follows the failure links
/// to a shallower state. Outputs are chained through dictionary suffix links, so reporting
/// costs only the matches found. A page's paragraphs are scanned in two streams at once
/// (``matches(in:ranges:)``), so that two steps' loads are in flight, not one.
///
/// - Complexity: building is linear in the patterns' total length (times the number of a
///   state's children, few but near the root), plus the dense rows (their states times the
///   alphabet); a scan is linear in the text plus the matches.
package struct ScalarAutomaton: Sendable {
  /// The most distinct scalars the patterns may use: a dense row's targets are 16-bit
  /// (`state << 1 | reportsSomething`), and the root's reach a state per scalar. (Callers
  /// that take patterns from a user check it first: `PhraseIndex.distinctScalars`.)
  package static let maximumAlphabet = 0x7FFE

  /// Symbol of each BMP scalar (0: not in any pattern).
  private let bmpSymbols: [UInt16]
  /// Symbols of scalars beyond the BMP.
  private let astralSymbols: [UInt32: UInt16]
  /// The number of states with dense rows: the first ones, breadth first (the root and, for
  /// the built-in phrases, depths one and two).
  private let denseCount: Int
  /// The length of a dense row: the alphabet and symbol 0.
  private let rowWidth: Int
  /// The next state of each dense state on each symbol, row by row; targets here, in
  /// `StateRecord` and in `childTargets` are `state << 1 | reportsSomething`.
  private let denseNext: [UInt16]
  /// What a step from each state beyond the dense ones reads, in one 16-byte record (at
  /// `state - denseCount`): its first child (most states have one), where the others are, and
  /// its failure link.
  private let states: [StateRecord]
  /// The second and later children of each state, sorted by symbol, with their targets.
  private let childSymbols: [UInt16]
  private let childTargets: [UInt32]

  private struct StateRecord: Sendable {
    /// The first child's symbol (0: no child) and target.
    var firstSymbol: UInt16 = 0
    /// The number of further children, at `restStart` in `childSymbols`.
    var restCount: UInt16 = 0
    var firstTarget: UInt32 = 0
    var restStart: Int32 = 0
    var fail: Int32 = 0
  }
  /// States up to this depth have dense rows: for the built-in phrases, 600 rows of 500 symbols
  /// (600 KB), where a scan spends nine steps in ten. Rows for depth three, or for every state,
  /// cost more in cache misses than the steps they serve save (measured: the scan's share of
  /// `check` 14% with records only, 9.2% with rows to depth one, 8.4% to depth two, 9.0% to
  /// depth three, 9.3% for every state).
  private static let denseDepth = 2
  /// First own output of each state in `outputPatterns` (-1: none) and the number of them.
  private let outputStart: [Int32]
  private let outputCount: [Int32]
  private let outputPatterns: [Int32]
  /// Nearest state on the failure chain that has own outputs (-1: none).
  private let outputLink: [Int32]
  /// Length (in scalars) of each pattern.
  package let patternLengths: [Int]

  /// The trie while it is built, with plain arrays (no hashing, no captured boxes): each
  /// state's children are a list (first child, next sibling, the symbol into each state);
  /// the root's are also a dense row by symbol.
  private struct Trie {
    var bmp = [UInt16](repeating: 0, count: 0x10000)
    var astral: [UInt32: UInt16] = [:]
    var alphabet = 0
    var firstChild: [Int32] = [-1]
    var nextSibling: [Int32] = [-1]
    var symbolInto: [Int32] = [0]
    var rootChild: [Int32] = [0]  // by symbol; 0: none (the root is nobody's child)
    var own: [[Int32]] = [[]]

    mutating func symbol(_ s: Unicode.Scalar) -> Int {
      if s.value < 0x10000 {
        if bmp[Int(s.value)] == 0 {
          alphabet += 1
          bmp[Int(s.value)] = UInt16(alphabet)
          rootChild.append(0)
        }
        return Int(bmp[Int(s.value)])
      }
      if let known = astral[s.value] { return Int(known) }
      alphabet += 1
      astral[s.value] = UInt16(alphabet)
      rootChild.append(0)
      return alphabet
    }

    func child(_ state: Int, _ sym: Int) -> Int? {
      if state == 0 { return rootChild[sym] != 0 ? Int(rootChild[sym]) : nil }
      var c = firstChild[state]
      while c >= 0 {
        if symbolInto[Int(c)] == sym { return Int(c) }
        c = nextSibling[Int(c)]
      }
      return nil
    }

    mutating func addChild(of state: Int, _ sym: Int) -> Int {
      let new = Int32(firstChild.count)
      firstChild.append(-1)
      nextSibling.append(firstChild[state])
      symbolInto.append(Int32(sym))
      own.append([])
      firstChild[state] = new
      if state == 0 { rootChild[sym] = new }
      return Int(new)
    }
  }

  /// Builds the automaton of `patterns`; an empty pattern is never reported.
  package init(patterns: [[Unicode.Scalar]]) {
    var trie = Trie()
    for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
      var state = 0
      for scalar in pattern {
        let sym = trie.symbol(scalar)
        state = trie.child(state, sym) ?? trie.addChild(of: state, sym)
      }
      trie.own[state].append(Int32(index))
    }
    let alphabet = trie.alphabet
    precondition(alphabet <= Self.maximumAlphabet, "ScalarAutomaton: more than 32766 distinct scalars")
    let stateCount = trie.firstChild.count
    let own = trie.own

    // Failure and output links, breadth first.
    var fail = [Int32](repeating: 0, count: stateCount)
    var outputLink = [Int32](repeating: -1, count: stateCount)
    var queue: [Int] = []
    queue.reserveCapacity(stateCount)
    var c = trie.firstChild[0]
    while c >= 0 {
      queue.append(Int(c))
      c = trie.nextSibling[Int(c)]
    }
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      var c = trie.firstChild[state]
      while c >= 0 {
        let child = Int(c)
        let sym = Int(trie.symbolInto[child])
        var f = Int(fail[state])
        while f != 0 && trie.child(f, sym) == nil { f = Int(fail[f]) }
        let target: Int32 = (trie.child(f, sym).map { $0 != child ? Int32($0) : 0 }) ?? 0
        fail[child] = target
        outputLink[child] = own[Int(target)].isEmpty ? outputLink[Int(target)] : target
        queue.append(child)
        c = trie.nextSibling[child]
      }
    }

    // Number the states breadth first: `order[new] = old`.
    let order = [0] + queue
    var renumbered = [Int32](repeating: 0, count: stateCount)
    for (new, old) in order.enumerated() { renumbered[old] = Int32(new) }
    var depth = [Int](repeating: 0, count: stateCount)
    for old in order {
      var c = trie.firstChild[old]
      while c >= 0 {
        depth[Int(c)] = depth[old] + 1
        c = trie.nextSibling[Int(c)]
      }
    }
    // The rows of the states up to depth d reach states up to depth d + 1, whose numbers
    // must fit their 16-bit targets (they do for any glossary of phrases; a d below
    // `denseDepth` is for a glossary of tens of thousands).
    func statesUpTo(_ d: Int) -> Int { order.firstIndex { depth[$0] > d } ?? stateCount }
    let denseDepth = (0...Self.denseDepth).last { statesUpTo($0 + 1) < 1 << 15 } ?? 0
    let denseCount = statesUpTo(denseDepth)
    precondition(stateCount < 1 << 31, "ScalarAutomaton: too many states")

    // Transition targets carry, in their lowest bit, whether the target reports anything
    // (its own patterns or, through its output link, shorter ones): most steps then skip the
    // output tables.
    func packed(_ old: Int32) -> UInt32 {
      UInt32(renumbered[Int(old)]) << 1 | (own[Int(old)].isEmpty && outputLink[Int(old)] < 0 ? 0 : 1)
    }
    let rowWidth = alphabet + 1
    var denseNext = [UInt16](repeating: 0, count: denseCount * rowWidth)
    for sym in 1..<rowWidth where trie.rootChild[sym] != 0 { denseNext[sym] = UInt16(packed(trie.rootChild[sym])) }
    // A dense row is its failure state's (shallower, so already filled) with its own children over it.
    for new in 1..<denseCount {
      let old = order[new]
      let row = new * rowWidth
      let failRow = Int(renumbered[Int(fail[old])]) * rowWidth
      denseNext.withUnsafeMutableBufferPointer { rows in
        let base = rows.baseAddress.unsafelyUnwrapped
        (base + row).update(from: base + failRow, count: rowWidth)  // rows apart: failRow < row
      }
      var c = trie.firstChild[old]
      while c >= 0 {
        denseNext[row + Int(trie.symbolInto[Int(c)])] = UInt16(packed(c))
        c = trie.nextSibling[Int(c)]
      }
    }
    var states = [StateRecord](repeating: StateRecord(), count: stateCount - denseCount)
    var childSymbols: [UInt16] = []
    var childTargets: [UInt32] = []
    var sorted: [(sym: Int, child: Int32)] = []
    for new in denseCount..<stateCount {
      let old = order[new]
      sorted.removeAll(keepingCapacity: true)
      var c = trie.firstChild[old]
      while c >= 0 {
        sorted.append((Int(trie.symbolInto[Int(c)]), c))
        c = trie.nextSibling[Int(c)]
      }
      sorted.sort(by: { $0.sym < $1.sym })
      var record = StateRecord(fail: renumbered[Int(fail[old])])
      if let first = sorted.first {
        record.firstSymbol = UInt16(first.sym)
        record.firstTarget = packed(first.child)
        record.restStart = Int32(childSymbols.count)
        record.restCount = UInt16(sorted.count - 1)
        for (sym, child) in sorted.dropFirst() {
          childSymbols.append(UInt16(sym))
          childTargets.append(packed(child))
        }
      }
      states[new - denseCount] = record
    }
    var outputStart = [Int32](repeating: -1, count: stateCount)
    var outputCount = [Int32](repeating: 0, count: stateCount)
    var outputPatterns: [Int32] = []
    var outputLinks = [Int32](repeating: -1, count: stateCount)
    for (new, old) in order.enumerated() {
      if outputLink[old] >= 0 { outputLinks[new] = renumbered[Int(outputLink[old])] }
      guard !own[old].isEmpty else { continue }
      outputStart[new] = Int32(outputPatterns.count)
      outputCount[new] = Int32(own[old].count)
      outputPatterns += own[old]
    }

    self.bmpSymbols = trie.bmp
    self.astralSymbols = trie.astral
    self.denseCount = denseCount
    self.rowWidth = rowWidth
    self.denseNext = denseNext
    self.states = states
    self.childSymbols = childSymbols
    self.childTargets = childTargets
    self.outputStart = outputStart
    self.outputCount = outputCount
    self.outputPatterns = outputPatterns
    self.outputLink = outputLinks
    self.patternLengths = patterns.map { $0.count }
  }

  /// One occurrence: the pattern and where it ends (exclusive).
  package struct Match: Sendable {
    package var pattern: Int32
    package var end: Int
  }

  /// The occurrences in each of a list of ranges, each range's in order of `end`
  /// (exclusive); occurrences ending at the same place come longest first.
  package struct Matches: Sendable {
    /// Every range's occurrences, range by range.
    package var matches: [Match] = []
    /// Range `r`'s are `matches[starts[r]..<starts[r + 1]]`.
    package var starts: [Int] = [0]

    package subscript(range r: Int) -> ArraySlice<Match> { matches[starts[r]..<starts[r + 1]] }
  }

  /// The occurrences of the patterns in each of `ranges` (none spans two of them; they may
  /// overlap or repeat: each is scanned on its own).
  ///
  /// The ranges are scanned in two streams at once, the first half of their scalars and the
  /// second, one step of each in turn: a step waits on the load of the previous step's state,
  /// and two independent chains keep two loads in flight.
  package func matches(in scalars: [Unicode.Scalar], ranges: [Range<Int>]) -> Matches {
    // The second stream starts at the range where the first half of the scalars ends.
    let total = ranges.reduce(0) { $0 + $1.count }
    var split = ranges.count
    var seen = 0
    for (r, range) in ranges.enumerated() {
      if seen >= total / 2 {
        split = r
        break
      }
      seen += range.count
    }
    // Room for the matches of a page of prose (about one every fourteen scalars on the
    // seeds, so one in twelve; a page with more grows the arrays), the second stream's
    // to be appended to the first's: no array regrown and copied on the way.
    var first = Stream(ranges: 0..<split, capacity: total / 12 + 16)
    var second = Stream(ranges: split..<ranges.count, capacity: (total - seen) / 12 + 16)
    scalars.withUnsafeBufferPointer { text in
      bmpSymbols.withUnsafeBufferPointer { bmp in
        denseNext.withUnsafeBufferPointer { dense in
          states.withUnsafeBufferPointer { states in
            childSymbols.withUnsafeBufferPointer { childSymbols in
              childTargets.withUnsafeBufferPointer { childTargets in
                outputStart.withUnsafeBufferPointer { outputStart in
                  outputCount.withUnsafeBufferPointer { outputCount in
                    outputPatterns.withUnsafeBufferPointer { outputPatterns in
                      outputLink.withUnsafeBufferPointer { outputLink in
                        let denseCount = denseCount
                        let rowWidth = rowWidth
                        /// The target of a step from `state` on the scalar at `i`.
                        @inline(__always) func next(_ state: Int, _ i: Int) -> UInt32 {
                          let v = text[i].value
                          let sym = v < 0x10000 ? Int(bmp[Int(v)]) : Int(astralSymbols[v] ?? 0)
                          var state = state
                          while true {
                            if state < denseCount { return UInt32(dense[state &* rowWidth &+ sym]) }
                            let record = states[state &- denseCount]
                            if Int(record.firstSymbol) == sym { return record.firstTarget }
                            if record.restCount > 0 && Int(record.firstSymbol) < sym {
                              var k = Int(record.restStart)
                              let end = k + Int(record.restCount)
                              while k < end && Int(childSymbols[k]) < sym { k += 1 }
                              if k < end && Int(childSymbols[k]) == sym { return childTargets[k] }
                            }
                            state = Int(record.fail)
                          }
                        }
                        /// Records what `state` reports, ending at `end`.
                        func report(_ state: Int, _ end: Int, into found: inout [Match]) {
                          var s = outputStart[state] >= 0 ? state : Int(outputLink[state])
                          while s > 0 {
                            let start = Int(outputStart[s])
                            for k in start..<(start + Int(outputCount[s])) {
                              found.append(Match(pattern: outputPatterns[k], end: end))
                            }
                            s = Int(outputLink[s])
                          }
                        }
                        @inline(__always) func step(_ stream: inout Stream) {
                          let target = next(stream.state, stream.position)
                          stream.state = Int(target >> 1)
                          stream.position &+= 1
                          if target & 1 != 0 { report(stream.state, stream.position, into: &stream.found) }
                        }
                        while first.settle(ranges) && second.settle(ranges) {
                          for _ in 0..<min(first.end - first.position, second.end - second.position) {
                            step(&first)
                            step(&second)
                          }
                        }
                        while first.settle(ranges) {
                          while first.position < first.end { step(&first) }
                        }
                        while second.settle(ranges) {
                          while second.position < second.end { step(&second) }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    var result = Matches()
    let firstCount = first.found.count
    first.starts.reserveCapacity(first.starts.count + second.starts.count - 1)
    for start in second.starts.dropFirst() { first.starts.append(start + firstCount) }
    first.found += second.found
    result.matches = first.found
    result.starts = first.starts
    return result
  }

  /// One of the two streams of ``matches(in:ranges:)``: a run of the ranges, where it is in
  /// them, and what it found.
  private struct Stream {
    var ranges: Range<Int>
    /// The range being scanned (`ranges.lowerBound - 1` before the first).
    var current: Int
    var position = 0
    var end = 0
    var state = 0
    var found: [Match] = []
    /// Where each of its ranges' occurrences start in `found`, and the end.
    var starts: [Int] = [0]

    init(ranges: Range<Int>, capacity: Int) {
      self.ranges = ranges
      current = ranges.lowerBound - 1
      starts.reserveCapacity(ranges.count + 1)
      found.reserveCapacity(capacity)
    }

    /// Moves to the next range with scalars left, from the root, closing the ranges passed;
    /// false when none is left.
    mutating func settle(_ all: [Range<Int>]) -> Bool {
      guard current < ranges.upperBound else { return false }
      while position >= end {
        if current >= ranges.lowerBound { starts.append(found.count) }
        current += 1
        guard current < ranges.upperBound else {
          current = ranges.upperBound
          return false
        }
        position = all[current].lowerBound
        end = all[current].upperBound
        state = 0
      }
      return true
    }
  }
}
