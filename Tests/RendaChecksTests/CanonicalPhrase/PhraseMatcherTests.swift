import RendaAnalysis
import Testing

/// The matcher's parts on tiny inputs: the automaton, the bounded edit distance, the index's
/// near-miss policy, series chains and the meeting-name grammar.
@Suite("canonical-phrase matcher")
struct PhraseMatcherTests {
  static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

  /// What a scan of `range` alone finds: `[pattern, end]` in the automaton's order.
  static func found(_ automaton: ScalarAutomaton, _ text: [Unicode.Scalar], _ range: Range<Int>) -> [[Int]] {
    automaton.matches(in: text, ranges: [range]).matches.map { [Int($0.pattern), $0.end] }
  }

  // MARK: ScalarAutomaton

  @Test("the automaton finds every occurrence of every pattern, overlapping ones too")
  func automaton() {
    let patterns = ["he", "she", "his", "hers", "人民", "人民代表", "代表大会"].map(Self.scalars)
    let automaton = ScalarAutomaton(patterns: patterns)
    let text = Self.scalars("ushers，人民代表大会")
    var found: [String] = []
    for match in Self.found(automaton, text, 0..<text.count) {
      let (pattern, end) = (match[0], match[1])
      let start = end - automaton.patternLengths[pattern]
      found.append("\(String(String.UnicodeScalarView(text[start..<end])))@\(start)")
    }
    #expect(found.sorted() == ["he@2", "hers@2", "she@1", "人民@7", "人民代表@7", "代表大会@9"].sorted())
  }

  @Test("a range limits the scan, and an empty pattern is never reported")
  func automatonRange() {
    let automaton = ScalarAutomaton(patterns: [[], Self.scalars("制度")])
    let text = Self.scalars("制度制度制度")
    #expect(Self.found(automaton, text, 1..<6).map { $0[1] } == [4, 6])
  }

  @Test("the automaton agrees with a naive search on random texts")
  func automatonAgreesWithNaive() {
    var random = PhraseTestRandom(seed: 7)
    let alphabet = Self.scalars("人民代表大会制度")
    for _ in 0..<50 {
      let patterns = (0..<6).map { _ in (0..<random.int(1...4)).map { _ in alphabet[random.int(0...7)] } }
      let text = (0..<40).map { _ in alphabet[random.int(0...7)] }
      let automaton = ScalarAutomaton(patterns: patterns)
      let found = Set(Self.found(automaton, text, 0..<text.count))
      var naive: Set<[Int]> = []
      for (k, pattern) in patterns.enumerated() {
        for start in 0...(text.count - pattern.count) where Array(text[start..<(start + pattern.count)]) == pattern {
          naive.insert([k, start + pattern.count])
        }
      }
      #expect(found == naive)
    }
  }

  @Test("the automaton agrees with a naive search with a wide alphabet, astral scalars and shared prefixes")
  func automatonAgreesWithNaiveWide() {
    var random = PhraseTestRandom(seed: 11)
    let alphabet = Self.scalars("人民代表大会制度全过程民主𠀀𠀁ab，、")
    for _ in 0..<40 {
      let patterns = (0..<30).map { _ in (0..<random.int(1...6)).map { _ in alphabet[random.int(0...(alphabet.count - 1))] } }
      let text = (0..<120).map { _ in alphabet[random.int(0...(alphabet.count - 1))] }
      let automaton = ScalarAutomaton(patterns: patterns)
      let found = Self.found(automaton, text, 0..<text.count)
      var naive: [[Int]] = []
      for (k, pattern) in patterns.enumerated() where pattern.count <= text.count {
        for start in 0...(text.count - pattern.count) where Array(text[start..<(start + pattern.count)]) == pattern {
          naive.append([k, start + pattern.count])
        }
      }
      #expect(Set(found) == Set(naive))
      #expect(found.count == naive.count)
      // In order of end; at one end, longest first.
      #expect(
        zip(found, found.dropFirst()).allSatisfy { a, b in
          a[1] < b[1] || a[1] == b[1] && automaton.patternLengths[a[0]] >= automaton.patternLengths[b[0]]
        })
    }
  }


  @Test("ranges scanned in two streams find, range by range, what a scan of each range alone finds")
  func automatonRangesInTwoStreams() {
    var random = PhraseTestRandom(seed: 23)
    let alphabet = Self.scalars("人民代表大会制度全过程民主𠀀ab")
    for _ in 0..<40 {
      let patterns = (0..<25).map { _ in (0..<random.int(1...5)).map { _ in alphabet[random.int(0...(alphabet.count - 1))] } }
      let text = (0..<200).map { _ in alphabet[random.int(0...(alphabet.count - 1))] }
      let automaton = ScalarAutomaton(patterns: patterns)
      // Ranges of every kind: empty, one scalar, long, overlapping, repeated, out of order.
      let ranges: [Range<Int>] = (0..<random.int(0...9)).map { _ in
        let start = random.int(0...199)
        return start..<min(200, start + random.int(0...60))
      }
      let found = automaton.matches(in: text, ranges: ranges)
      #expect(found.starts.count == ranges.count + 1)
      for (r, range) in ranges.enumerated() {
        let alone = Self.found(automaton, text, range)
        #expect(found[range: r].map { [Int($0.pattern), $0.end] } == alone)
        var naive = 0
        for pattern in patterns where pattern.count <= range.count {
          for start in range.lowerBound...(range.upperBound - pattern.count)
          where Array(text[start..<(start + pattern.count)]) == pattern {
            naive += 1
          }
        }
        #expect(alone.count == naive)
      }
    }
  }
  // MARK: BoundedEditDistance

  @Test("one edit is classified: substitution, deletion, insertion, transposition")
  func singleEdit() {
    let p = Self.scalars("不忘初心牢记使命")
    #expect(BoundedEditDistance.singleEdit(from: p, to: Self.scalars("不忘初心牢计使命")[...]) == .substitution(5))
    #expect(BoundedEditDistance.singleEdit(from: p, to: Self.scalars("不忘初心记使命")[...]) == .deletion(4))
    #expect(BoundedEditDistance.singleEdit(from: p, to: Self.scalars("不忘初心的牢记使命")[...]) == .insertion(4))
    #expect(BoundedEditDistance.singleEdit(from: p, to: Self.scalars("不忘心初牢记使命")[...]) == .transposition(2))
    #expect(BoundedEditDistance.singleEdit(from: p, to: p[...]) == nil)
    #expect(BoundedEditDistance.singleEdit(from: p, to: Self.scalars("不忘本心牢计使命")[...]) == nil)
    #expect(BoundedEditDistance.singleEdit(from: p, to: Self.scalars("不忘初心")[...]) == nil)
    // A pattern that is a slice not starting at 0 (the near-miss scan passes a buffer of
    // every target's scalars, rebased): positions are counted from the slice's start.
    let padded = Self.scalars("一二不忘初心牢记使命三")
    let slice = padded[2..<10]
    #expect(BoundedEditDistance.singleEdit(from: slice, to: Self.scalars("不忘初心牢计使命")[...]) == .substitution(5))
    #expect(BoundedEditDistance.singleEdit(from: slice, to: Self.scalars("不忘心初牢记使命")[...]) == .transposition(2))
    #expect(BoundedEditDistance.singleEdit(from: slice, to: Self.scalars("不忘初心的牢记使命")[...]) == .insertion(4))
    #expect(BoundedEditDistance.singleEdit(from: slice, to: p[...]) == nil)
  }

  @Test("a doubled scalar lost is placed away from the ends")
  func interiorDeletion() {
    let p = Self.scalars("全过程人民民主")
    #expect(BoundedEditDistance.singleEdit(from: p, to: Self.scalars("全过程人民主")[...]) == .deletion(4))
    let q = Self.scalars("人人代表")
    #expect(BoundedEditDistance.singleEdit(from: q, to: Self.scalars("人代表")[...]) == .deletion(1))
  }

  @Test("the banded distance is the optimal string alignment distance, within its limit")
  func distance() {
    func d(_ a: String, _ b: String, _ limit: Int) -> Int? {
      BoundedEditDistance.distance(Self.scalars(a), Self.scalars(b), limit: limit)
    }
    #expect(d("科学立法", "科学立法", 1) == 0)
    #expect(d("民主立法", "民主决策", 2) == 2)
    #expect(d("民主立法", "民主决策", 1) == nil)
    #expect(d("正确监督", "正确督监", 1) == 1)
    #expect(d("依法", "依法治国", 2) == 2)
    #expect(d("依法", "依法治国", 1) == nil)
    #expect(d("", "甲", 1) == 1)
  }

  @Test("the banded distance agrees with the full dynamic programme on random pairs")
  func distanceAgreesWithFullTable() {
    var random = PhraseTestRandom(seed: 11)
    let alphabet = Self.scalars("甲乙丙丁")
    for _ in 0..<300 {
      let a = (0..<random.int(0...6)).map { _ in alphabet[random.int(0...3)] }
      let b = (0..<random.int(0...6)).map { _ in alphabet[random.int(0...3)] }
      let full = Self.fullDistance(a, b)
      for limit in 0...3 {
        #expect(BoundedEditDistance.distance(a, b, limit: limit) == (full <= limit ? full : nil), "\(a) \(b) \(limit)")
      }
    }
  }

  static func fullDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
      for j in stride(from: 1, through: b.count, by: 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }

  // MARK: PhraseIndex

  static let phrases: [RendaAnalysis.CanonicalPhrase] = [
    RendaAnalysis.CanonicalPhrase(
      id: "xi-npc-thought", canonical: "习近平总书记关于坚持和完善人民代表大会制度的重要思想", category: .theory,
      wrong: ["习近平关于坚持和完善人民代表大会制度的重要思想"], note: "人大工作的根本遵循。"),
    RendaAnalysis.CanonicalPhrase(
      id: "never-forget", canonical: "不忘初心、牢记使命", category: .slogans,
      series: PhraseSeries(members: ["不忘初心", "牢记使命"], separator: "、"), accepted: ["不忘初心，牢记使命"],
      note: "主题教育的主题。"),
    RendaAnalysis.CanonicalPhrase(
      id: "proper-effective-lawful-oversight", canonical: "正确监督、有效监督、依法监督", category: .npcTerms,
      series: PhraseSeries(members: ["正确监督", "有效监督", "依法监督"], separator: "、"), note: "监督工作的要求。"),
    RendaAnalysis.CanonicalPhrase(id: "audit-report", canonical: "审计工作报告", category: .npcTerms, note: "审计。"),
    RendaAnalysis.CanonicalPhrase(id: "short", canonical: "人代会", category: .npcTerms, wrong: ["人大会"], note: "短。"),
    RendaAnalysis.CanonicalPhrase(id: "npc-work", canonical: "中央人大工作会议", category: .meetings, note: "2021年。"),
    RendaAnalysis.CanonicalPhrase(id: "congress", canonical: "党的十九大", category: .meetings, note: "2017年。"),
    RendaAnalysis.CanonicalPhrase(
      id: "wpd-remarks", canonical: "习近平总书记关于全过程人民民主的重要论述", category: .theory, note: "论述。"),
  ]
  static let index = PhraseIndex(phrases: phrases, confusables: ["通讨"])

  /// The defects of `text` (one paragraph) as (printed text, kind, expected, has a fix).
  static func defects(_ text: String) -> [(printed: String, kind: PhraseDefectKind, expected: String, fixed: Bool)] {
    let s = scalars(text)
    return index.scan(s, paragraphs: [0..<s.count]).defects.map {
      (String(String.UnicodeScalarView(s[$0.range])), $0.kind, $0.expected, $0.correction != nil)
    }
  }

  @Test("a listed wrong form is reported with the canonical form and a fix")
  func listedWrong() throws {
    let found = Self.defects("深入学习习近平关于坚持和完善人民代表大会制度的重要思想。")
    let first = try #require(found.first)
    #expect(found.count == 1)
    #expect(first.printed == "习近平关于坚持和完善人民代表大会制度的重要思想")
    #expect(first.kind == .droppedTitle("总书记"), "a listed form that drops the title says so")
    #expect(first.expected == "习近平总书记关于坚持和完善人民代表大会制度的重要思想")
    #expect(first.fixed)
  }

  @Test("the fix of a listed wrong form inserts only what is missing")
  func listedWrongFix() throws {
    let s = Self.scalars("学习习近平关于坚持和完善人民代表大会制度的重要思想")
    let defect = try #require(Self.index.scan(s, paragraphs: [0..<s.count]).defects.first)
    #expect(defect.correction == [PhraseEdit(range: 5..<5, replacement: "总书记")])
  }

  @Test("one edit of a phrase of eight or more: found, fixed; the phrase itself is quiet")
  func nearMiss() throws {
    #expect(Self.defects("要不忘初心、牢记使命。").isEmpty)
    let found = Self.defects("要不忘初心、牢记使明。")
    #expect(found.isEmpty, "an edit at the last character of a phrase shorter than twelve is not a near-miss")
    let inner = try #require(Self.defects("要正确监督、有郊监督、依法监督。").first)
    #expect(inner.kind == .substitution(printed: "郊", expected: "效"))
    #expect(inner.printed == "正确监督、有郊监督、依法监督")
    #expect(inner.fixed)
    let swapped = try #require(Self.defects("要正确监督、有效督监、依法监督。").first)
    #expect(swapped.kind == .transposition(printed: "督监", expected: "监督"))
    let missing = try #require(Self.defects("要正确监督、有监督、依法监督。").first)
    #expect(missing.kind == .missing("效"))
    let extra = try #require(Self.defects("要正确监督、有效效监督、依法监督。").first)
    #expect(extra.kind == .extra("效"))
    let composed = Self.defects("要正确监督、有效力监督、依法监督。")
    #expect(composed.map(\.kind) == [.alteredMember(printed: "有效力监督", expected: "有效监督")])
  }

  @Test("a near-miss of a phrase of six or seven characters is reported without a fix")
  func shortNearMiss() throws {
    let found = try #require(Self.defects("听取审计工做报告。").first)
    #expect(found.kind == .substitution(printed: "做", expected: "作"))
    #expect(!found.fixed)
  }

  @Test("phrases shorter than six characters: listed wrong forms only")
  func shortPhrases() {
    #expect(Self.defects("召开人代汇。").isEmpty)
    #expect(Self.defects("召开人大会。").map(\.kind) == [.listedWrong])
  }

  @Test("a wrong separator in a fixed series; an accepted separator and a dropped one are quiet")
  func separators() throws {
    let found = try #require(Self.defects("要正确监督，有效监督、依法监督。").first)
    #expect(found.kind == .separator(printed: "，", expected: "、"))
    #expect(found.fixed)
    #expect(Self.defects("要不忘初心，牢记使命。").isEmpty)
    #expect(Self.defects("要不忘初心牢记使命。").isEmpty)
    #expect(Self.defects("要正确监督,有效监督、依法监督。").isEmpty, "an ASCII comma is halfwidth-punctuation's")
  }

  @Test("a reordered series is reported, and this one is unconfirmed (a warning)")
  func reordered() throws {
    let s = Self.scalars("准确把握依法监督、正确监督、有效监督的规律")
    let defect = try #require(Self.index.scan(s, paragraphs: [0..<s.count]).defects.first)
    #expect(defect.kind == .reordered)
    #expect(String(String.UnicodeScalarView(s[defect.range])) == "依法监督、正确监督、有效监督")
    #expect(defect.isConfirmed == false)
    #expect(defect.correction == nil)
    #expect(Self.defects("要牢记使命、不忘初心。").map(\.kind) == [.reordered])
  }

  @Test("an altered member of a series of three")
  func alteredMember() throws {
    let found = try #require(Self.defects("要正确监督、高效监管、依法监督。").first)
    #expect(found.kind == .alteredMember(printed: "高效监管", expected: "有效监督"))
    #expect(found.printed == "高效监管")
    #expect(Self.defects("要正确监督、有力督促、依法监督。").isEmpty, "three characters of four changed: another item")
    #expect(Self.defects("要正确监督、有效监督。").isEmpty, "two members of three, nothing in the third place")
  }

  @Test("a dropped title: derived for a listed 重要论述, and any 习近平关于…重要思想")
  func droppedTitles() throws {
    let derived = try #require(Self.defects("学习习近平关于全过程人民民主的重要论述。").first)
    #expect(derived.kind == .droppedTitle("总书记"))
    #expect(!derived.fixed)
    let generic = try #require(Self.defects("学习习近平关于党的建设的重要思想。").first)
    #expect(generic.kind == .droppedTitle("总书记"))
    #expect(generic.expected == "习近平总书记关于党的建设的重要思想")
    #expect(Self.defects("学习习近平总书记关于党的建设的重要思想。").isEmpty)
  }

  @Test("real words, another conference, quotes and misreadings are quiet")
  func quiet() {
    #expect(Self.defects("如何审议工作报告。").isEmpty, "审议 is a word")
    #expect(Self.defects("召开中央人才工作会议。").isEmpty, "another conference")
    #expect(Self.defects("学习“不忘初心”、牢记使命。").isEmpty, "a quotation mark")
    #expect(Self.defects("要正确监督、有效监督、依法监督、正确监督。").isEmpty)
  }

  @Test("a phrase wrapped over two paragraphs is not one phrase")
  func paragraphs() {
    let s = Self.scalars("习近平关于坚持和完善人民代表大会制度的重要思想")
    #expect(Self.index.scan(s, paragraphs: [0..<10, 10..<s.count]).defects.isEmpty)
  }

  @Test("correct uses are reported as occurrences, canonical or accepted")
  func occurrences() {
    let s = Self.scalars("不忘初心、牢记使命，不忘初心，牢记使命")
    let occurrences = Self.index.scan(s, paragraphs: [0..<s.count]).occurrences
    #expect(occurrences.map(\.isCanonical) == [true, false])
    #expect(occurrences.map(\.range) == [0..<9, 10..<19])
  }

  // MARK: MeetingNameGrammar

  static func grammar(_ text: String) -> [MeetingNameGrammar.Defect] {
    let s = scalars(text)
    return MeetingNameGrammar.scan(s, range: 0..<s.count).defects
  }

  @Test("well-formed meeting names pass the grammar")
  func wellFormed() {
    for text in [
      "党的十九大", "党的十九届六中全会", "党的二十届三中全会", "党的二十大和二十届二中、三中全会精神", "党的十九大和十九届历次全会精神",
      "中共十九届中央委员会", "山丹县十九届人大三次会议", "十四届全国人大常委会第三次会议", "新一届人大代表", "本届以来", "第25届山西人大新闻奖",
      "党的十八大以来", "二十届中央纪委三次全会",
    ] {
      #expect(Self.grammar(text).isEmpty, "\(text)")
    }
  }

  @Test("党的十九届人大 is ill formed: 届 takes a plenum")
  func seedCase() throws {
    let found = Self.grammar("深入学习贯彻落实党的十九届人大及历次全会精神")
    let defect = try #require(found.first)
    #expect(found.count == 1)
    #expect(defect.problem == .termWithoutPlenum)
    #expect(defect.suggestion == "党的十九大和十九届历次全会")
    #expect(defect.number == "十九")
    #expect(defect.range == 8..<20)
  }

  @Test("other ill-formed names: congress with plenum, truncated plenum, 第 in a short form")
  func illFormed() {
    #expect(Self.grammar("党的十九大三中全会").map(\.problem) == [.congressWithPlenum])
    #expect(Self.grammar("党的二十届三全会").map(\.problem) == [.truncatedPlenum])
    #expect(Self.grammar("党的二十届三中会").map(\.problem) == [.truncatedPlenum])
    #expect(Self.grammar("党的十九届第六中全会").map(\.problem) == [.ordinalInShortForm])
    #expect(Self.grammar("十四届全国人大第一次会议").map(\.problem) == [.ordinalInShortForm])
    #expect(Self.grammar("党的十八届以来").map(\.suggestion) == ["党的十八大"])
  }

  @Test("mentions: the well-formed names with their numbers")
  func mentions() {
    let s = Self.scalars("党的十九大和十九届历次全会精神")
    let mentions = MeetingNameGrammar.scan(s, range: 0..<s.count).mentions
    #expect(mentions.map(\.number) == ["十九", "十九"])
    #expect(mentions.map(\.range) == [0..<5, 6..<13])
  }

  @Test("the variable parts of listed meeting names")
  func slots() {
    #expect(MeetingNameGrammar.variableSlots(of: Self.scalars("中央人大工作会议")) == [2..<4])
    #expect(MeetingNameGrammar.variableSlots(of: Self.scalars("党的二十届三中全会")) == [2..<4, 5..<6])
    #expect(MeetingNameGrammar.variableSlots(of: Self.scalars("全国人民代表大会")) == [])
    #expect(MeetingNameGrammar.variableSlots(of: Self.scalars("中央和国家机关党的建设工作会议")) == [])
  }
}

/// A small deterministic generator (PhraseTestRandom), so that random tests repeat.
struct PhraseTestRandom: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}
