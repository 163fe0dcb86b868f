import RendaAnalysis
import RendaPage
import RendaText
import Synchronization

/// Flags a byline whose province is missing, is not a province-level division, or disagrees
/// with the place the article is about.
///
/// A byline (`■ 宋 军 郭磊（湖北）`) ends with the authors' province-level division in
/// parentheses. The rule reports:
///
/// - a byline with no province at all;
/// - a province that is none of the 34 (by short name, full name or alias: `湖北`, `内蒙古`,
///   `宁夏回族自治区`, `鄂` are all fine);
/// - a province that disagrees with the author note (`（作者系山东省滕州市人大常委会主任）`) or
///   with the article's lead, where the article names its own 人大: `湖北省襄阳市人大常委会`,
///   `山西省临汾市尧都区人大常委会`, `内蒙古自治区赤峰市宁城县人大常委会`, or just
///   `滕州市人大常委会`.
///
/// Only a chain of division names printed right before `人大` counts as the article's place,
/// and only the first such chain of the lead and of the author note. Its province is the
/// province name printed in it, or else the province of its place names looked up in the
/// glossary's places — but only when they all lie in one province: `鼓楼区` alone (in 江苏,
/// 福建 and 河南) decides nothing, nor does a generic two-character name like `城区`. Other
/// provinces mentioned in passing (`赴上海、杭州学习考察`) are not looked at.
///
/// Why: the province in the byline is how readers (and the paper's index) place the article;
/// a wrong one is an editing slip that the article itself contradicts.
///
/// Example: `■ 鲁立波（陕西）` over a lead that begins `山西省临汾市尧都区人大常委会…`: the
/// byline says 陕西, the lead says 山西.
///
/// Fix: none. Whether the byline or the text is wrong needs a human; the message names both
/// and where the other one is printed.
package struct BylineProvince: Check {
  package init() {}

  package let id = "byline"
  package let defaultSeverity = Severity.warning
  package let summary = LocalizedText(
    zh: "署名中的省份缺失、不是省级行政区，或与导语、作者简介中的地名不符",
    en: "Byline province missing, not a province-level division, or contradicting the lead or author note")
  package let documentation = """
    byline (warning)

    Checks the province in an article's byline (■ 宋 军 郭磊（湖北）) and reports:

    - a byline without a province;
    - a province that is none of the 34 province-level divisions (by short name, full name
      or alias: 湖北, 内蒙古, 宁夏回族自治区 and 鄂 are all fine);
    - a province that disagrees with the author note (（作者系山东省滕州市人大常委会主任）)
      or with the lead, where the article names its own 人大 (湖北省襄阳市人大常委会,
      山西省临汾市尧都区人大常委会, or just 滕州市人大常委会).

    Only a chain of division names printed right before 人大 counts as the article's place,
    and only the first one in the lead and in the author note. Its province is the province
    name printed in it, or else the one province its place names belong to (from the
    built-in list of prefecture- and county-level divisions). A name found in several
    provinces (鼓楼区) decides nothing; nor do other provinces mentioned in passing.

    Why: the byline's province places the article for readers and the paper's index; a
    wrong one is an editing slip that the article itself contradicts.

    Example:  ■ 鲁立波（陕西）  over  山西省临汾市尧都区人大常委会……
              → the byline says 陕西; line 3 names 山西省临汾市尧都区 (山西).

    Fix: none. Whether the byline or the text is wrong needs a human; the message names
    both and the line where the other one is printed.
    """

  package func prepare(for glossary: Glossary) {
    _ = PlaceIndex.of(glossary.places)
    _ = ProvinceNames.of(glossary.provinces)
  }

  package func findings(in context: CheckContext) -> [Finding] {
    let page = context.page
    guard page.articles.contains(where: { $0.byline != nil }) else { return [] }
    let places = PlaceIndex.of(context.glossary.places)
    let names = ProvinceNames.of(context.glossary.provinces)
    let reader = PlaceChainReader(normalized: page.normalized, places: places, provinces: names)
    var findings: [Finding] = []
    for article in page.articles {
      guard let byline = article.byline else { continue }
      var evidence: [PlaceEvidence] = []
      if let lead = reader.firstPlace(in: leadRegion(of: article, in: page), source: .lead) {
        evidence.append(lead)
      }
      if let note = article.authorNote,
        let place = reader.firstPlace(in: region(of: note.text.range, in: page.normalized), source: .authorNote)
      {
        evidence.append(place)
      }
      if let finding = finding(for: byline, evidence: evidence, names: names, context: context) {
        findings.append(finding)
      }
    }
    return findings
  }

  private func finding(
    for byline: Byline, evidence: [PlaceEvidence], names: ProvinceNames, context: CheckContext
  ) -> Finding? {
    guard let printed = byline.province, let printedRange = byline.provinceRange else {
      let hint = evidence.first.map { place in
        LocalizedText(
          zh: "；\(place.describe(in: context).zh)，应为“（\(place.province.shortName)）”",
          en: "; \(place.describe(in: context).en), so probably (\(place.province.shortName))")
      }
      return Finding(
        rule: id, severity: defaultSeverity,
        message: LocalizedText(
          zh: "署名缺少省份：姓名后应以括号注明作者所在的省级行政区，如“■ 张明（湖北）”\(hint?.zh ?? "")",
          en: "byline without a province: put the province-level division in parentheses after the names, "
            + "as in ■ 张明（湖北）\(hint?.en ?? "")"),
        range: byline.range, related: evidence.map { $0.related })
    }
    guard let province = names.province(named: printed) else {
      let hint = evidence.first.map { place in
        LocalizedText(zh: "；\(place.describe(in: context).zh)", en: "; \(place.describe(in: context).en)")
      }
      return Finding(
        rule: id, severity: defaultSeverity,
        message: LocalizedText(
          zh: "署名中的“\(printed)”不是省级行政区：应为34个省级行政区之一，如“湖北”“内蒙古”“宁夏”\(hint?.zh ?? "")",
          en: "\(printed) in the byline is not a province-level division: use one of the 34, "
            + "e.g. 湖北, 内蒙古, 宁夏\(hint?.en ?? "")"),
        range: printedRange, related: evidence.map { $0.related })
    }
    let disagreeing = evidence.filter { $0.province.shortName != province.shortName }
    guard !disagreeing.isEmpty else { return nil }
    let sources = disagreeing.map(\.source)
    let against = LocalizedText(
      zh: sources.map(\.zh).joined(separator: "、"), en: sources.map(\.en).joined(separator: " and "))
    let details = disagreeing.map { $0.describe(in: context) }
    return Finding(
      rule: id, severity: defaultSeverity,
      message: LocalizedText(
        zh: "署名省份“\(printed)”与\(against.zh)不符：\(details.map(\.zh).joined(separator: "；"))",
        en: "byline province \(printed) disagrees with the \(against.en): \(details.map(\.en).joined(separator: "; "))"),
      range: printedRange, related: disagreeing.map { $0.related })
  }

  /// The lead's scalars: the article's body blocks, clipped to the lead's range.
  private func leadRegion(of article: Article, in page: Page) -> [Int] {
    guard let lead = article.lead else { return [] }
    let n = page.normalized
    let low = lead.lowerBound.utf8
    let high = lead.upperBound.utf8
    var indices: [Int] = []
    for blockIndex in article.bodyBlocks {
      guard case .body = page.blocks[blockIndex].role else { continue }
      let block = page.blocks[blockIndex]
      guard block.range.overlaps(lead) else { continue }
      // The scalars that start at or after `low` and end at or before `high`: starts and
      // ends grow with the index, so they are one run of the block, found by two searches.
      let range = block.normalizedRange
      let first = Self.partition(range) { n.starts[$0] >= low }
      let end = Self.partition(first..<range.upperBound) { n.end(of: $0) > high }
      indices.append(contentsOf: first..<end)
    }
    return indices
  }

  /// The first index of `range` where `isAbove` holds, which holds from there on (or the end).
  private static func partition(_ range: Range<Int>, _ isAbove: (Int) -> Bool) -> Int {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high {
      let mid = (low + high) / 2
      if isAbove(mid) { high = mid } else { low = mid + 1 }
    }
    return low
  }

  /// The normalized scalars inside a source range.
  private func region(of range: TextRange, in n: NormalizedText) -> [Int] {
    var indices: [Int] = []
    var i = n.firstIndex(atOrAfter: range.lowerBound.utf8)
    while i < n.count, n.end(of: i) <= range.upperBound.utf8 {
      indices.append(i)
      i += 1
    }
    return indices
  }
}

// MARK: - The article's place

/// Where an article says where it is from.
private enum PlaceSource {
  case lead
  case authorNote

  var zh: String {
    switch self {
    case .lead: "导语"
    case .authorNote: "作者简介"
    }
  }

  var en: String {
    switch self {
    case .lead: "lead"
    case .authorNote: "author note"
    }
  }
}

/// A chain of division names printed before 人大 whose province is certain.
private struct PlaceEvidence {
  var source: PlaceSource
  /// The chain as printed, whitespace removed: `山西省临汾市尧都区`.
  var text: String
  var range: TextRange
  var province: Province

  func describe(in context: CheckContext) -> LocalizedText {
    let line = context.lineNumber(of: range.lowerBound)
    return LocalizedText(
      zh: "\(source.zh)第\(line)行写的是“\(text)”（\(province.shortName)）",
      en: "the \(source.en) names \(text) (\(province.shortName)) on line \(line)")
  }

  var related: RelatedLocation {
    RelatedLocation(
      range: range,
      message: LocalizedText(
        zh: "\(source.zh)中的地名：\(text)（\(province.shortName)）",
        en: "the place named in the \(source.en): \(text) (\(province.shortName))"))
  }
}

/// Province lookups by short name, full name and alias, built once per provinces array
/// and shared (like ``PlaceIndex``: a server re-runs the rule on every keystroke).
private final class ProvinceNames: Sendable {
  let byName: [String: Province]
  /// Full names (`湖北省`), and short names (`湖北`) as the outermost part of a chain.
  let fullNames: [String: Province]
  let shortNames: [String: Province]

  private init(_ provinces: [Province]) {
    var byName: [String: Province] = [:]
    var fullNames: [String: Province] = [:]
    var shortNames: [String: Province] = [:]
    for province in provinces {
      for name in [province.shortName, province.fullName] + province.aliases where byName[name] == nil {
        byName[name] = province
      }
      if fullNames[province.fullName] == nil { fullNames[province.fullName] = province }
      if shortNames[province.shortName] == nil { shortNames[province.shortName] = province }
    }
    self.byName = byName
    self.fullNames = fullNames
    self.shortNames = shortNames
    fullNameTable = InertNameTable(fullNames.map { ($0.key, $0.value) })
    shortNameTable = InertNameTable(shortNames.map { ($0.key, $0.value) })
  }

  /// `fullNames` and `shortNames` by scalars (see ``InertNameTable``); nil when a name is
  /// not canonically inert.
  let fullNameTable: InertNameTable<Province>?
  let shortNameTable: InertNameTable<Province>?

  func province(named name: String) -> Province? { byName[name] }

  private static let cache = LastBuiltCache<Province, ProvinceNames>()

  /// The lookups of `provinces`: the cached ones when `provinces` is the array they were built from.
  static func of(_ provinces: [Province]) -> ProvinceNames { cache.value(of: provinces, build: ProvinceNames.init) }
}

/// The glossary's places by name, built once per places array and shared.
///
/// When every name is canonically inert (the built-in glossary), names are keyed by their
/// scalars (``InertNameTable``): `String` keys would be normalized each time they are
/// hashed, which made this index a sixth of `renda check`'s start-up on one page.
private final class PlaceIndex: Sendable {
  /// Kept for the `String` index, which may be built on a later lookup.
  private let places: [Place]
  /// Name → the short names of the provinces that have a place of that name (each once),
  /// by scalars; nil when a name is not canonically inert.
  let table: InertNameTable<[String]>?
  /// The same keyed by `String`: built at once when a name is not inert, else on the first
  /// lookup of a name that is not (which may still equal an inert name canonically).
  private let byName = Mutex<[String: [String]]?>(nil)
  /// The longest name, in scalars.
  let longestName: Int

  private init(_ places: [Place]) {
    self.places = places
    longestName = places.reduce(0) { max($0, $1.name.unicodeScalars.count) }
    table = InertNameTable(places.map { ($0.name, [$0.province]) }) { provinces, more in
      provinces.appendOnce(more[0])
    }
    if table == nil { byName.withLock { $0 = Self.stringIndex(places) } }
  }

  private static func stringIndex(_ places: [Place]) -> [String: [String]] {
    var index: [String: [String]] = [:]
    for place in places { index[place.name, default: []].appendOnce(place.province) }
    return index
  }

  /// The short names of the provinces that have a place named `name` (each once); nil when
  /// no place has that name.
  func provinces(of name: String) -> [String]? {
    if let table, name.unicodeScalars.allSatisfy(\.isCanonicallyInert) {
      let scalars = Array(name.unicodeScalars)
      return table.value(ScalarFingerprint(reversed: scalars).value, scalars[...])
    }
    return byName.withLock { index in
      if index == nil { index = Self.stringIndex(places) }
      return index![name]
    }
  }

  private static let cache = LastBuiltCache<Place, PlaceIndex>()

  /// The index of `places`: the cached one when `places` is the array it was built from.
  static func of(_ places: [Place]) -> PlaceIndex { cache.value(of: places, build: PlaceIndex.init) }
}

extension Array where Element: Equatable {
  /// Appends `element` unless the array holds it already.
  fileprivate mutating func appendOnce(_ element: Element) {
    if !contains(element) { append(element) }
  }
}

/// Reads the chain of division names printed before `人大` (`湖北省襄阳市人大常委会`).
private struct PlaceChainReader {
  var normalized: NormalizedText
  var places: PlaceIndex
  var provinces: ProvinceNames

  /// Suffixes that end every division name: 省 市 区 县 旗 州 盟 (自治区, 地区, 林区 end in 区).
  private static func isSuffix(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x7701, 0x5E02, 0x533A, 0x53BF, 0x65D7, 0x5DDE, 0x76DF: true
    default: false
    }
  }
  /// Words that may stand between the place and 人大: 新一届, 本届.
  private static let fillers: [[Unicode.Scalar]] = ["新一届", "本届"].map { Array($0.unicodeScalars) }
  private static let longestProvinceName = 9

  /// The first chain before 人大 in `region` (normalized indices, in order) that names a
  /// known place; nil when there is none or when its province is not certain.
  func firstPlace(in region: [Int], source: PlaceSource) -> PlaceEvidence? {
    guard region.count >= 3 else { return nil }
    let scalars = region.map { normalized.scalars[$0] }
    var k = 1
    while k + 1 < scalars.count {
      defer { k += 1 }
      guard scalars[k] == "人", scalars[k + 1] == "大" else { continue }
      guard let chain = chain(endingAt: k, in: scalars) else { continue }
      let province: Province
      switch resolve(chain) {
      case .noPlace: continue
      case .uncertain: return nil
      case .certain(let certain): province = certain
      }
      let text = string(scalars, chain.range)
      let range = normalized.sourceRange(region[chain.range.lowerBound]..<(region[chain.range.upperBound - 1] + 1))
      return PlaceEvidence(source: source, text: text, range: range, province: province)
    }
    return nil
  }

  private enum Segment {
    case province(Province)
    /// A place's name and the short names of the provinces that have a place of that name.
    case place(String, provinces: [String])
    /// A name the glossary does not know (`某市`, a division newer than the data).
    case unknown
  }

  private struct Chain {
    var range: Range<Int>
    var segments: [Segment]
  }

  /// The chain of names that ends at `end` (just before 人大, after an optional filler).
  private func chain(endingAt end: Int, in scalars: [Unicode.Scalar]) -> Chain? {
    var j = end
    for filler in Self.fillers where j >= filler.count && scalars[(j - filler.count)..<j].elementsEqual(filler) {
      j -= filler.count
      break
    }
    let chainEnd = j
    var segments: [Segment] = []
    func readKnownNames() {
      while let match = known(endingAt: j, in: scalars) {
        segments.insert(match.segment, at: 0)
        j -= match.length
      }
    }
    readKnownNames()
    if segments.isEmpty {
      // One unknown name right before 人大 (`湖北省某市`), if a known name precedes it.
      guard let length = unknownName(endingAt: j, in: scalars) else { return nil }
      j -= length
      readKnownNames()
      segments.append(.unknown)
    }
    // A short province name before the first place: 湖北襄阳市.
    if case .place = segments.first {
      for length in stride(from: min(3, j), through: 2, by: -1) {
        if let province = shortName(scalars, (j - length)..<j) {
          segments.insert(.province(province), at: 0)
          j -= length
          break
        }
      }
    }
    return Chain(range: j..<chainEnd, segments: segments)
  }

  /// The longest province full name or place name that ends at `end`.
  private func known(endingAt end: Int, in scalars: [Unicode.Scalar]) -> (length: Int, segment: Segment)? {
    guard end >= 2, Self.isSuffix(scalars[end - 1]) else { return nil }
    let longest = min(end, max(places.longestName, Self.longestProvinceName))
    // Lengths whose scalars are all canonically inert are looked up by their scalars, with
    // the fingerprint read backwards from `end` as the key: exact when the names are inert
    // too (equal `String`s ⇔ equal scalars), and no `String` is made. Longer lengths, or
    // all when a name is not inert (then `inert` stays 0), take the `String` lookup.
    let fullNameTable = provinces.fullNameTable
    let placeTable = places.table
    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: longest + 1) { fingerprints in
      var inert = 0
      if fullNameTable != nil, placeTable != nil {
        var hash = ScalarFingerprint()
        fingerprints[0] = hash.value
        inert = 1
        for length in 1...longest {
          let scalar = scalars[end - length]
          guard scalar.isCanonicallyInert else { break }
          hash.append(scalar)
          fingerprints[length] = hash.value
          inert += 1
        }
      }
      for length in stride(from: longest, through: 2, by: -1) {
        let range = (end - length)..<end
        if length < inert, let fullNameTable, let placeTable {
          if let province = fullNameTable.value(fingerprints[length], scalars[range]) {
            return (length, .province(province))
          }
          if let theirs = placeTable.value(fingerprints[length], scalars[range]) {
            return (length, .place(string(scalars, range), provinces: theirs))
          }
          continue
        }
        let name = string(scalars, range)
        if let province = provinces.fullNames[name] { return (length, .province(province)) }
        if let theirs = places.provinces(of: name) { return (length, .place(name, provinces: theirs)) }
      }
      return nil
    }
  }

  /// The province whose short name is `scalars[range]`.
  private func shortName(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Province? {
    if let table = provinces.shortNameTable, scalars[range].allSatisfy(\.isCanonicallyInert) {
      return table.value(ScalarFingerprint(reversed: scalars[range]).value, scalars[range])
    }
    return provinces.shortNames[string(scalars, range)]
  }

  /// The shortest run of ideographs ending in a division suffix at `end` that a known name precedes.
  private func unknownName(endingAt end: Int, in scalars: [Unicode.Scalar]) -> Int? {
    guard end >= 3, Self.isSuffix(scalars[end - 1]) else { return nil }
    for length in 2...min(6, end - 1) {
      guard scalars[end - length].isCJKIdeograph else { return nil }
      if known(endingAt: end - length, in: scalars) != nil { return length }
    }
    return nil
  }

  private enum Resolution {
    /// The chain names no place that counts (a lone generic name such as 城区): read on.
    case noPlace
    /// The chain names a place, but its province is not certain: the lead says nothing.
    case uncertain
    case certain(Province)
  }

  /// The chain's province: the province printed in it, else the one province all its place
  /// names share.
  private func resolve(_ chain: Chain) -> Resolution {
    for case .province(let province) in chain.segments { return .certain(province) }
    let names = chain.segments.compactMap { segment -> (name: String, provinces: [String])? in
      if case .place(let name, let provinces) = segment { (name, provinces) } else { nil }
    }
    // A lone generic two-character name (城区, 郊区, 矿区) is no evidence of a place.
    guard let first = names.first, names.count > 1 || first.name.unicodeScalars.count > 2 else { return .noPlace }
    var shared = first.provinces
    for name in names.dropFirst() {
      let theirs = name.provinces
      shared.removeAll { !theirs.contains($0) }
    }
    guard shared.count == 1, let shortName = shared.first, let province = provinces.shortNames[shortName] else {
      return .uncertain
    }
    return .certain(province)
  }

  private func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
    String(scalars: scalars[range])
  }
}

/// Names of canonically inert scalars (``Unicode/Scalar/isCanonicallyInert``) looked up by
/// their scalars, with no `String` made: for such names, equal `String`s have equal scalars.
/// The key is the name's ``ScalarFingerprint`` read from its last scalar to its first, which
/// a reader going backwards from a suffix builds for every length at once; a hit is
/// confirmed by comparing the scalars, so a fingerprint shared by two names is harmless.
/// The fingerprints are an ``OpenAddressingTable`` (the probing heading-parallel's pieces use).
private struct InertNameTable<Value: Sendable>: Sendable {
  private struct Entry: Sendable {
    var scalars: [Unicode.Scalar]
    var value: Value
    /// The next entry with the same fingerprint, -1 for none.
    var next: Int
  }

  /// Each fingerprint's first entry.
  private let heads: OpenAddressingTable<UInt64, Int>
  private let entries: [Entry]

  /// Nil when a name is not canonically inert. The value of a name listed again is merged
  /// into the first one's by `merge` (by default the first value stays).
  init?(_ names: [(String, Value)], merging merge: (inout Value, Value) -> Void = { _, _ in }) {
    var heads = OpenAddressingTable<UInt64, Int>(capacity: names.count)
    var entries: [Entry] = []
    entries.reserveCapacity(names.count)
    for (name, value) in names {
      let scalars = Array(name.unicodeScalars)
      guard scalars.allSatisfy(\.isCanonicallyInert) else { return nil }
      heads.update(ScalarFingerprint(reversed: scalars).value, initial: -1) { head in
        var e = head
        while e >= 0 && entries[e].scalars != scalars { e = entries[e].next }
        guard e < 0 else { return merge(&entries[e].value, value) }
        entries.append(Entry(scalars: scalars, value: value, next: head))
        head = entries.count - 1
      }
    }
    self.heads = heads
    self.entries = entries
  }

  /// The value of the name `scalars`, whose backward fingerprint is `fingerprint`.
  func value(_ fingerprint: UInt64, _ scalars: ArraySlice<Unicode.Scalar>) -> Value? {
    var e = heads.value(of: fingerprint) ?? -1
    while e >= 0 {
      if entries[e].scalars.elementsEqual(scalars) { return entries[e].value }
      e = entries[e].next
    }
    return nil
  }
}
