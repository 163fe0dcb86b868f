/// An Aho–Corasick automaton over Unicode scalars: finds every occurrence of every pattern
/// in one left-to-right pass, whatever the number of patterns.
///
/// Scalars are first mapped to a small alphabet (the scalars the patterns use; every other
/// scalar is symbol 0, which no pattern contains, so the automaton falls back to its root).
/// The root's transitions are a dense row; every other state keeps its first child and its
/// failure link in one 16-byte record, and any further children sorted by symbol apart (most
/// states of a phrase trie have one child, so a step reads one record and compares once); a
/// miss follows the failure links. Outputs are chained through dictionary
/// suffix links, so reporting costs only the matches found.
///
/// - Complexity: building is linear in the patterns' total length (times the number of a
///   state's children, few but at the root, whose row is dense); a scan is linear in the text
///   plus the matches.
package struct ScalarAutomaton: Sendable {
  /// Symbol of each BMP scalar (0: not in any pattern).
  private let bmpSymbols: [UInt16]
  /// Symbols of scalars beyond the BMP.
  private let astralSymbols: [UInt32: UInt16]
  /// Transition of the root on each symbol (0 stays at the root); targets here and in
  /// `childTargets` are `state << 1 | reportsSomething`.
  private let rootNext: [Int32]
  /// What a step from each state reads, in one 16-byte record: its first child (most states
  /// have one), where the others are, and its failure link.
  private let states: [StateRecord]
  /// The second and later children of each state, sorted by symbol, with their targets.
  private let childSymbols: [UInt16]
  private let childTargets: [Int32]

  private struct StateRecord: Sendable {
    /// The first child's symbol (0: no child) and target.
    var firstSymbol: UInt16 = 0
    /// The number of further children, at `restStart` in `childSymbols`.
    var restCount: UInt16 = 0
    var firstTarget: Int32 = 0
    var restStart: Int32 = 0
    var fail: Int32 = 0
  }
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
    precondition(alphabet < 0xFFFF, "ScalarAutomaton: more than 65534 distinct scalars")
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

    // Transition targets carry, in their lowest bit, whether the target reports anything
    // (its own patterns or, through its output link, shorter ones): most steps then skip the
    // output tables.
    func packed(_ state: Int32) -> Int32 {
      state << 1 | (own[Int(state)].isEmpty && outputLink[Int(state)] < 0 ? 0 : 1)
    }
    let rootNext = trie.rootChild.map { $0 == 0 ? 0 : packed($0) }
    var states = [StateRecord](repeating: StateRecord(), count: stateCount)
    var childSymbols: [UInt16] = []
    var childTargets: [Int32] = []
    var sorted: [(sym: Int, child: Int)] = []
    for state in 1..<max(stateCount, 1) {
      sorted.removeAll(keepingCapacity: true)
      var c = trie.firstChild[state]
      while c >= 0 {
        sorted.append((Int(trie.symbolInto[Int(c)]), Int(c)))
        c = trie.nextSibling[Int(c)]
      }
      sorted.sort(by: { $0.sym < $1.sym })
      var record = StateRecord(fail: fail[state])
      if let first = sorted.first {
        record.firstSymbol = UInt16(first.sym)
        record.firstTarget = packed(Int32(first.child))
        record.restStart = Int32(childSymbols.count)
        record.restCount = UInt16(sorted.count - 1)
        for (sym, child) in sorted.dropFirst() {
          childSymbols.append(UInt16(sym))
          childTargets.append(packed(Int32(child)))
        }
      }
      states[state] = record
    }
    var outputStart = [Int32](repeating: -1, count: stateCount)
    var outputCount = [Int32](repeating: 0, count: stateCount)
    var outputPatterns: [Int32] = []
    for state in 0..<stateCount where !own[state].isEmpty {
      outputStart[state] = Int32(outputPatterns.count)
      outputCount[state] = Int32(own[state].count)
      outputPatterns += own[state]
    }

    self.bmpSymbols = trie.bmp
    self.astralSymbols = trie.astral
    self.rootNext = rootNext
    self.states = states
    self.childSymbols = childSymbols
    self.childTargets = childTargets
    self.outputStart = outputStart
    self.outputCount = outputCount
    self.outputPatterns = outputPatterns
    self.outputLink = outputLink
    self.patternLengths = patterns.map { $0.count }
  }

  /// Calls `body(pattern, end)` for every occurrence of a pattern in `scalars[range]`, in
  /// order of `end` (exclusive); occurrences ending at the same place come longest first.
  package func forEachMatch(
    in scalars: [Unicode.Scalar], range: Range<Int>, _ body: (_ pattern: Int, _ end: Int) -> Void
  ) {
    scalars.withUnsafeBufferPointer { text in
      bmpSymbols.withUnsafeBufferPointer { bmp in
        rootNext.withUnsafeBufferPointer { root in
          states.withUnsafeBufferPointer { states in
            childSymbols.withUnsafeBufferPointer { childSymbols in
              childTargets.withUnsafeBufferPointer { childTargets in
                outputStart.withUnsafeBufferPointer { outputStart in
                  outputLink.withUnsafeBufferPointer { outputLink in
                    var state = 0
                    for i in range {
                      let v = text[i].value
                      let sym = v < 0x10000 ? UInt16(bmp[Int(v)]) : astralSymbols[v] ?? 0
                      if sym == 0 {
                        state = 0
                        continue
                      }
                      var target: Int32 = 0
                      while true {
                        if state == 0 {
                          target = root[Int(sym)]
                          break
                        }
                        let record = states[state]
                        if record.firstSymbol == sym {
                          target = record.firstTarget
                          break
                        }
                        if record.restCount > 0 && record.firstSymbol < sym {
                          var k = Int(record.restStart)
                          let end = k + Int(record.restCount)
                          while k < end && childSymbols[k] < sym { k += 1 }
                          if k < end && childSymbols[k] == sym {
                            target = childTargets[k]
                            break
                          }
                        }
                        state = Int(record.fail)
                      }
                      state = Int(target >> 1)
                      if target & 1 == 0 { continue }
                      var s = outputStart[state] >= 0 ? state : Int(outputLink[state])
                      while s > 0 {
                        let start = Int(outputStart[s])
                        for k in start..<(start + Int(outputCount[s])) {
                          body(Int(outputPatterns[k]), i + 1)
                        }
                        s = Int(outputLink[s])
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
}
