import Foundation
import RendaAnalysis
import RendaChecks
import RendaPage
import RendaText
import Testing

// Mutation tests: each mutant takes a seed page, injects one defect by a textual edit (an
// exact, unique needle replaced), and checks that the checks report exactly one new
// finding — the expected rule, at the expected line — and that no other finding appears,
// changes or disappears.

// MARK: - The seed pages

/// The seed pages under `seeds/`, read once, and their findings on the unmutated text.
enum SeedCorpus {
  /// The package root, from this file: Tests/RendaChecksTests/Mutations/ → ../../..
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Seed file names, sorted (`000_8f505736c6d266e8.txt` …).
  static let names: [String] = {
    let directory = root.appendingPathComponent("seeds")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { $0.hasSuffix(".txt") }.sorted()
  }()

  /// Seed texts by file name.
  static let texts: [String: String] = {
    var texts: [String: String] = [:]
    for name in names {
      let url = root.appendingPathComponent("seeds").appendingPathComponent(name)
      texts[name] = try? String(contentsOf: url, encoding: .utf8)
    }
    return texts
  }()

  /// The seed whose name starts with `prefix` (`"000"`).
  static func name(_ prefix: String) -> String? {
    names.first { $0.hasPrefix(prefix + "_") }
  }

  static func text(_ prefix: String) -> String? {
    name(prefix).flatMap { texts[$0] }
  }

  /// The findings of every rule on each unmutated seed, computed once.
  static let originalFindings: [String: [SeenOnPage]] = {
    var result: [String: [SeenOnPage]] = [:]
    for (name, text) in texts { result[name] = SeenOnPage.all(in: text) }
    return result
  }()
}

// MARK: - Findings as the comparison sees them

/// A finding reduced to what the comparison looks at: rule, severity, 1-based line, the
/// exact covered text, and the Chinese message.
struct SeenOnPage: Hashable, CustomStringConvertible {
  var rule: String
  var severity: Severity
  var line: Int
  var covered: String
  var message: String

  var description: String {
    "\(rule) L\(line) «\(covered.replacingOccurrences(of: "\n", with: "⏎"))» \(message)"
  }

  /// Every rule's findings on `text`, through the real pipeline (parser, slogans, runner).
  static func all(in text: String) -> [SeenOnPage] {
    let source = SourceText(text)
    let page = PageParser.parse(source)
    return CheckRunner.findings(in: page, glossary: builtInGlossary).map { finding in
      SeenOnPage(
        rule: finding.rule, severity: finding.severity,
        line: source.lineIndex.line(containing: finding.range.lowerBound) + 1,
        covered: source.string(in: finding.range), message: finding.message.zh)
    }
  }

  /// This finding of the mutant in the original's coordinates: its line and the lines its
  /// message cites (`第70行`, `第15、70行`) mapped back across the edit.
  func inOriginal(_ edit: AppliedEdit) -> SeenOnPage {
    guard edit.changesLineCount else { return self }
    var copy = self
    copy.line = edit.originalLine(ofMutantLine: line - 1) + 1
    copy.message = message.replacing(/第([0-9]+(?:、[0-9]+)*)行/) { match in
      let lines = match.output.1.split(separator: "、").map { number in
        String(edit.originalLine(ofMutantLine: (Int(number) ?? 1) - 1) + 1)
      }
      return "第" + lines.joined(separator: "、") + "行"
    }
    return copy
  }
}

/// `a − b` as multisets.
func multisetDifference<T: Hashable>(_ a: [T], _ b: [T]) -> [T] {
  var remaining: [T: Int] = [:]
  for x in b { remaining[x, default: 0] += 1 }
  var result: [T] = []
  for x in a {
    if let count = remaining[x], count > 0 {
      remaining[x] = count - 1
    } else {
      result.append(x)
    }
  }
  return result
}

// MARK: - Edits

/// A needle found exactly once in a text and replaced, with what the line map needs.
struct AppliedEdit {
  var mutant: String
  /// 0-based line where the needle starts.
  var firstLine: Int
  /// Line breaks in the needle and in its replacement.
  var removedBreaks: Int
  var insertedBreaks: Int

  var changesLineCount: Bool { removedBreaks != insertedBreaks }

  /// The original's 0-based line of a mutant's 0-based line: lines before and on the
  /// edit's first line stay, lines after the edit move by the difference in line breaks,
  /// lines inside the replacement fall on the needle's lines.
  func originalLine(ofMutantLine line: Int) -> Int {
    if line <= firstLine { return line }
    if line > firstLine + insertedBreaks { return line - insertedBreaks + removedBreaks }
    return firstLine + min(line - firstLine, removedBreaks)
  }

  /// Byte offsets of every occurrence of `needle` in `text` (exact UTF-8 match).
  static func occurrences(of needle: String, in text: String) -> [Int] {
    let haystack = Array(text.utf8)
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty, haystack.count >= pattern.count else { return [] }
    var result: [Int] = []
    var i = 0
    while i <= haystack.count - pattern.count {
      if haystack[i] == pattern[0], haystack[i..<(i + pattern.count)].elementsEqual(pattern) {
        result.append(i)
      }
      i += 1
    }
    return result
  }

  /// Replaces the one occurrence of `needle`; nil unless it occurs exactly once.
  init?(replacing needle: String, with replacement: String, in text: String) {
    let hits = Self.occurrences(of: needle, in: text)
    guard hits.count == 1, let at = hits.first else { return nil }
    let bytes = Array(text.utf8)
    let newline = UInt8(ascii: "\n")
    firstLine = bytes[..<at].count(where: { $0 == newline })
    removedBreaks = needle.utf8.count(where: { $0 == newline })
    insertedBreaks = replacement.utf8.count(where: { $0 == newline })
    let mutated = Array(bytes[..<at]) + Array(replacement.utf8) + Array(bytes[(at + needle.utf8.count)...])
    mutant = String(decoding: mutated, as: UTF8.self)
  }
}

// MARK: - The mutants

/// What kind of defect a mutant injects.
enum MutationKind: String, Sendable, CaseIterable {
  case removeOrganHeading, renameOrganHeading, doubleOrganHeading
  case deleteOrdinal, duplicateOrdinal, mixOrdinalScheme, loneOrdinal
  case dropClosingMark, dropOpeningMark
  case removeSloganItem, changeSloganCount, changeSloganDigit
  case removeFormulaMember, reorderFormulaMembers
  case fullWidthCommaToASCII, otherPunctuationToASCII
  case spaceOutLine, straySpace
  case misreadCharacter, strayUnderscore
  case changeBylineProvince, bylineNotAProvince, changeAuthorNoteProvince
  case breakHeadingPattern, headingFinalStop, lengthenHeading
}

/// One mutant: a seed, a textual edit, and the one finding it must add.
struct Mutant: Sendable, CustomTestStringConvertible {
  var id: String
  var kind: MutationKind
  /// The seed's number: `"000"` … `"004"`.
  var seed: String
  /// An exact string that occurs once in the seed, and what replaces it.
  var find: String
  var replace: String
  /// The expected new finding: rule, 1-based line in the mutant, and a part of the text it covers.
  var rule: String
  var line: Int
  var covers: String?
  /// Set when the rules do not (yet) catch this mutant: the test records a known issue.
  var knownIssue: String?

  var testDescription: String { "\(seed) \(id)" }

  init(
    _ id: String, _ kind: MutationKind, seed: String, find: String, replace: String, rule: String, line: Int,
    covers: String? = nil, knownIssue: String? = nil
  ) {
    self.id = id
    self.kind = kind
    self.seed = seed
    self.find = find
    self.replace = replace
    self.rule = rule
    self.line = line
    self.covers = covers
    self.knownIssue = knownIssue
  }
}

extension Mutant {
  static let all: [Mutant] = [
    // four-organs. A missing organ is reported at the article's “四个机关” (line 9 of 001).
    Mutant(
      "organ heading renamed: 权力机关 → 人大机关", .renameOrganHeading, seed: "001",
      find: "夯实党建基础 维护权力机关形象", replace: "夯实党建基础 维护人大机关形象",
      rule: "four-organs", line: 9, covers: "四个机关"),
    Mutant(
      "organ heading removed: the 权力机关 heading", .removeOrganHeading, seed: "001",
      find: "\n夯实党建基础 维护权力机关形象\n\n", replace: "\n",
      rule: "four-organs", line: 9, covers: "四个机关"),
    Mutant(
      "organ heading doubled: 工作机关 → 政治机关", .doubleOrganHeading, seed: "001",
      find: "贯彻党委意图 做好工作机关表率", replace: "贯彻党委意图 做好政治机关表率",
      rule: "four-organs", line: 70, covers: "政治机关"),

    // enumeration
    Mutant(
      "三是 deleted before 建立一张清单", .deleteOrdinal, seed: "000",
      find: "明确分工。三是\n建立一张清单", replace: "明确分工。\n建立一张清单",
      rule: "enumeration", line: 36, covers: "四是"),
    Mutant(
      "二是 deleted before 抓好“三个培训”", .deleteOrdinal, seed: "000",
      find: "肩上有责。二是抓好", replace: "肩上有责。抓好",
      rule: "enumeration", line: 80, covers: "三是"),
    Mutant(
      "三是 printed as a second 二是 (000)", .duplicateOrdinal, seed: "000",
      find: "三是坚持“三个结合”强效果", replace: "二是坚持“三个结合”强效果",
      rule: "enumeration", line: 80, covers: "二是"),
    Mutant(
      "四是 printed as a second 三是 (002)", .duplicateOrdinal, seed: "002",
      find: "四是科学组织人员列席", replace: "三是科学组织人员列席",
      rule: "enumeration", line: 107, covers: "三是"),
    Mutant(
      "三是 printed as a second 二是 (003)", .duplicateOrdinal, seed: "003",
      find: "。三是严格规范人事任免", replace: "。二是严格规范人事任免",
      rule: "enumeration", line: 147, covers: "二是"),
    Mutant(
      "三是 printed as 三要", .mixOrdinalScheme, seed: "004",
      find: "三是提升党员实践能力", replace: "三要提升党员实践能力",
      rule: "enumeration", line: 77, covers: "三要"),
    Mutant(
      "二是 printed as 二要 in the middle of a series", .mixOrdinalScheme, seed: "000",
      find: "度。二是训中施", replace: "度。二要训中施",
      rule: "enumeration", line: 147, covers: "二要"),
    Mutant(
      "二是 deleted: 一是 stands alone", .loneOrdinal, seed: "002",
      find: "确保正确舆论导向。二是\n", replace: "确保正确舆论导向。\n",
      rule: "enumeration", line: 450, covers: "一是"),

    // paired-punctuation
    Mutant(
      "closing ” dropped after “需", .dropClosingMark, seed: "000",
      find: "训前问“需”明定向", replace: "训前问“需明定向",
      rule: "paired-punctuation", line: 140, covers: "“"),
    Mutant(
      "closing 》 dropped after 《关于…通知", .dropClosingMark, seed: "001",
      find: "活动的通\n知》，", replace: "活动的通\n知，",
      rule: "paired-punctuation", line: 127, covers: "《"),
    Mutant(
      "opening “ dropped before 纸面”", .dropOpeningMark, seed: "004",
      find: "推进代表建议从“纸\n", replace: "推进代表建议从纸\n",
      rule: "paired-punctuation", line: 161, covers: "”"),

    // slogan-count
    Mutant(
      "“六个一” loses its third item", .removeSloganItem, seed: "000",
      find: "组织 1 次\n代表视察调研或执法检查，", replace: "\n",
      rule: "slogan-count", line: 420, covers: "六个一"),
    Mutant(
      "“五个站” loses 五是", .removeSloganItem, seed: "002",
      find: "五是宣传站", replace: "宣传站",
      rule: "slogan-count", line: 508, covers: "五个站"),
    Mutant(
      "“12345” lists 两大抓手 for 三大抓手", .changeSloganDigit, seed: "002",
      find: "强化三大抓手", replace: "强化两大抓手",
      rule: "slogan-count", line: 619, covers: "12345"),
    Mutant(
      "“五个一” → “六个一” over five items", .changeSloganCount, seed: "000",
      find: "围绕“五个\n一 ”", replace: "围绕“六个\n一 ”",
      rule: "slogan-count", line: 16, covers: "六个"),
    Mutant(
      "“三学三比” loses its third item", .removeSloganItem, seed: "001",
      find: "、学代表知识比履职）", replace: "）",
      rule: "slogan-count", line: 368, covers: "三学三"),

    // formula-members
    Mutant(
      "“四个机关” list loses 工作机关", .removeFormulaMember, seed: "001",
      find: "（政治机关、权力机关、工作机关、代表机关）", replace: "（政治机关、权力机关、代表机关）",
      rule: "formula-members", line: 9, covers: "四个机关"),
    Mutant(
      "“四个机关” list in the order 政治、权力、代表、工作", .reorderFormulaMembers, seed: "001",
      find: "（政治机关、权力机关、工作机关、代表机关）", replace: "（政治机关、权力机关、代表机关、工作机关）",
      rule: "formula-members", line: 9, covers: "四个机关"),

    // halfwidth-punctuation
    Mutant(
      "， → , between 新要求 and 注重", .fullWidthCommaToASCII, seed: "000",
      find: "新要求，注重大处", replace: "新要求,注重大处",
      rule: "halfwidth-punctuation", line: 15, covers: ","),
    Mutant(
      "。 → . after 正能量", .otherPunctuationToASCII, seed: "004",
      find: "凝聚干事创\n业正能量。", replace: "凝聚干事创\n业正能量.",
      rule: "halfwidth-punctuation", line: 488, covers: "."),
    Mutant(
      "； → ; after 接待中心", .otherPunctuationToASCII, seed: "002",
      find: "民的接待中心；二是工作站", replace: "民的接待中心;二是工作站",
      rule: "halfwidth-punctuation", line: 509, covers: ";"),

    // ocr-spacing
    Mutant(
      "line 14 of 000 spaced out", .spaceOutLine, seed: "000",
      find: "\n襄阳市人大常委会坚持着眼新时\n", replace: "\n襄 阳 市 人 大 常 委 会 坚 持 着 眼 新 时\n",
      rule: "ocr-spacing", line: 14, covers: "襄 阳"),
    Mutant(
      "line 236 of 004 spaced out", .spaceOutLine, seed: "004",
      find: "\n持邀请代表列席常委会会议、专门委员\n", replace: "\n持 邀 请 代 表 列 席 常 委 会 会 议 、专 门 委 员\n",
      rule: "ocr-spacing", line: 236, covers: "持 邀"),
    Mutant(
      "part of line 454 of 002 spaced out", .spaceOutLine, seed: "002",
      find: "发布的审核，严格落实", replace: "发 布 的 审 核 ，严 格 落 实",
      rule: "ocr-spacing", line: 454, covers: "发 布"),
    Mutant(
      "one stray space in 培训主题", .straySpace, seed: "000",
      find: "培训主题、方式", replace: "培训 主题、方式",
      rule: "ocr-spacing", line: 26, covers: "训 主"),

    // ocr-confusable
    Mutant(
      "通过 misread as 通讨", .misreadCharacter, seed: "000",
      find: "集中学习，通过\n", replace: "集中学习，通讨\n",
      rule: "ocr-confusable", line: 78, covers: "通讨"),
    Mutant(
      "营造 misread as 营告 (002)", .misreadCharacter, seed: "002",
      find: "在全社会营造关注", replace: "在全社会营告关注",
      rule: "ocr-confusable", line: 584, covers: "营告"),
    Mutant(
      "营造 misread as 营告 (003)", .misreadCharacter, seed: "003",
      find: "营造比学赶超", replace: "营告比学赶超",
      rule: "ocr-confusable", line: 107, covers: "营告"),
    Mutant(
      "a speck read as _ in 主题", .strayUnderscore, seed: "000",
      find: "培训主题、方式", replace: "培训主_题、方式",
      rule: "ocr-confusable", line: 26, covers: "_"),

    // byline
    Mutant(
      "byline （湖北） → （陕西） over 湖北省襄阳市", .changeBylineProvince, seed: "000",
      find: "■ 宋 军 郭磊（湖北）", replace: "■ 宋 军 郭磊（陕西）",
      rule: "byline", line: 1, covers: "陕西"),
    Mutant(
      "byline （山东） → （江苏） over 山东省滕州市", .changeBylineProvince, seed: "000",
      find: "■ 朱晏辰（山东）", replace: "■ 朱晏辰（江苏）",
      rule: "byline", line: 169, covers: "江苏"),
    Mutant(
      "byline （山西） → （陕西） over the author note", .changeBylineProvince, seed: "001",
      find: "■ 鲁立波（山西）", replace: "■ 鲁立波（陕西）",
      rule: "byline", line: 1, covers: "陕西"),
    Mutant(
      "byline (河北) → (山东) on the ASCII page", .changeBylineProvince, seed: "003",
      find: "■ 李更顺(河北)", replace: "■ 李更顺(山东)",
      rule: "byline", line: 101, covers: "山东"),
    Mutant(
      "byline （宁夏） → （甘肃） over 宁夏回族自治区", .changeBylineProvince, seed: "004",
      find: "■ 鲁鹏飞（宁夏）", replace: "■ 鲁鹏飞（甘肃）",
      rule: "byline", line: 165, covers: "甘肃"),
    Mutant(
      "byline （安徽） → （江淮）, no province", .bylineNotAProvince, seed: "002",
      find: "（安徽）", replace: "（江淮）",
      rule: "byline", line: 1, covers: "江淮"),
    Mutant(
      "author note 江苏省 → 浙江省 under （江苏）", .changeAuthorNoteProvince, seed: "004",
      find: "（作者系江苏省南京市鼓楼区人\n", replace: "（作者系浙江省南京市鼓楼区人\n",
      rule: "byline", line: 308, covers: "江苏"),

    // heading-parallel
    Mutant(
      "在X上更加Y ×5: the last loses 在…上更加", .breakHeadingPattern, seed: "000",
      find: "在加强自身建设上更加有章\n有法", replace: "全面加强自身建设有章\n有法",
      rule: "heading-parallel", line: 267, covers: "全面加强"),
    Mutant(
      "聚焦X ×4: the last begins with 围绕", .breakHeadingPattern, seed: "000",
      find: "\n聚焦服务中心大局\n", replace: "\n围绕服务中心大局\n",
      rule: "heading-parallel", line: 416, covers: "围绕"),
    Mutant(
      "以学X ×4: 以学正风 → 锤炼作风", .breakHeadingPattern, seed: "004",
      find: "以学正风", replace: "锤炼作风",
      rule: "heading-parallel", line: 86, covers: "锤炼作风"),
    Mutant(
      "强化X ×5: 强化正风肃纪 → 狠抓正风肃纪", .breakHeadingPattern, seed: "004",
      find: "强化正风肃纪 营造良好氛围", replace: "狠抓正风肃纪 营造良好氛围",
      rule: "heading-parallel", line: 283, covers: "狠抓"),
    Mutant(
      "坚持X ×5 on page 003: one heading loses 坚持", .breakHeadingPattern, seed: "003",
      find: "坚持不断改进方式 创新学习方法", replace: "不断改进方式 创新学习方法",
      rule: "heading-parallel", line: 119, covers: "不断改进"),

    // heading-format
    Mutant(
      "。 after the one-line heading 强化政治意识 扛牢政治责任", .headingFinalStop, seed: "004",
      find: "强化政治意识 扛牢政治责任", replace: "强化政治意识 扛牢政治责任。",
      rule: "heading-format", line: 176, covers: "。"),
    Mutant(
      "。 after the two-line heading 科学布局 构建学习培训新机制", .headingFinalStop, seed: "000",
      find: "科学布局\n构建学习培训新机制", replace: "科学布局\n构建学习培训新机制。",
      rule: "heading-format", line: 12, covers: "。"),
    Mutant(
      "。 after the two-line heading 聚焦服务中心大局 全方位推进…", .headingFinalStop, seed: "000",
      find: "全方位推进为民履职常态化\n", replace: "全方位推进为民履职常态化。\n",
      rule: "heading-format", line: 417, covers: "。"),
    Mutant(
      "。 after the heading 统全盘 让工作合力“聚”起来", .headingFinalStop, seed: "001",
      find: "统全盘 让工作合力“聚”起来", replace: "统全盘 让工作合力“聚”起来。",
      rule: "heading-format", line: 524, covers: "。"),
    Mutant(
      "one 强化 heading grows to 28 characters", .lengthenHeading, seed: "004",
      find: "强化融合共建 切实服务基层\n", replace: "强化融合共建 切实服务基层并推动机关党建与业务工作深度融合\n",
      rule: "heading-format", line: 240, covers: "强化融合共建"),
  ]
}

// MARK: - Tests

@Suite("mutation tests on the seed pages")
struct MutationTests {
  /// The defects the issue asks for, each injected at least once.
  static let requiredKinds: Set<MutationKind> = [
    .removeOrganHeading, .deleteOrdinal, .duplicateOrdinal, .dropClosingMark, .removeSloganItem,
    .fullWidthCommaToASCII, .spaceOutLine, .changeBylineProvince,
  ]

  @Test("the table has at least 24 mutants and covers every rule and every required kind of defect")
  func coverage() {
    #expect(Mutant.all.count >= 24)
    // canonical-phrase has its own mutation suite (Tests/RendaChecksTests/CanonicalPhrase/).
    let covered = Set(CheckRegistry.ids).subtracting(["canonical-phrase"])
    #expect(Set(Mutant.all.map(\.rule)) == covered)
    // Every rule is caught by at least one mutant that is not a known issue.
    #expect(Set(Mutant.all.filter { $0.knownIssue == nil }.map(\.rule)) == covered)
    #expect(Self.requiredKinds.isSubset(of: Set(Mutant.all.map(\.kind))))
    #expect(Set(Mutant.all.map(\.id)).count == Mutant.all.count, "mutant ids must be unique")
    #expect(SeedCorpus.names.count == 5)
  }

  @Test("a mutant adds exactly its one finding and changes nothing else", arguments: Mutant.all)
  func mutant(_ mutant: Mutant) throws {
    if let knownIssue = mutant.knownIssue {
      withKnownIssue(Comment(rawValue: knownIssue)) { try Self.check(mutant) }
    } else {
      try Self.check(mutant)
    }
  }

  static func check(_ mutant: Mutant) throws {
    let name = try #require(SeedCorpus.name(mutant.seed), "no seed \(mutant.seed)")
    let original = try #require(SeedCorpus.texts[name])
    let hits = AppliedEdit.occurrences(of: mutant.find, in: original).count
    try #require(hits == 1, "the needle must occur exactly once in \(name), found \(hits)")
    let edit = try #require(AppliedEdit(replacing: mutant.find, with: mutant.replace, in: original))
    let before = try #require(SeedCorpus.originalFindings[name])
    let after = SeenOnPage.all(in: edit.mutant)

    // Compare in the original's coordinates: line and cited lines mapped across the edit.
    var unmatched: [SeenOnPage: Int] = [:]
    for finding in before { unmatched[finding, default: 0] += 1 }
    var added: [(inMutant: SeenOnPage, inOriginal: SeenOnPage)] = []
    for finding in after {
      let mapped = finding.inOriginal(edit)
      if let count = unmatched[mapped], count > 0 {
        unmatched[mapped] = count - 1
      } else {
        added.append((finding, mapped))
      }
    }
    let lost = multisetDifference(before, after.map { $0.inOriginal(edit) })

    #expect(lost.isEmpty, "findings of the unmutated seed that changed or disappeared: \(lost)")
    #expect(added.count == 1, "expected exactly one new finding, got \(added.count): \(added.map(\.inMutant))")
    guard added.count == 1, let new = added.first?.inMutant else { return }
    #expect(new.rule == mutant.rule, "new finding: \(new)")
    #expect(new.line == mutant.line, "new finding: \(new)")
    if let covers = mutant.covers {
      #expect(new.covered.contains(covers), "new finding: \(new)")
    }
  }

  @Test("the line map moves findings after an edit that removes or inserts lines")
  func lineMap() throws {
    let edit = try #require(AppliedEdit(replacing: "b\nc\n", with: "X", in: "a\nb\nc\nd\ne\n"))
    #expect(edit.mutant == "a\nXd\ne\n")
    #expect(edit.firstLine == 1)
    #expect(edit.originalLine(ofMutantLine: 0) == 0)
    #expect(edit.originalLine(ofMutantLine: 1) == 1)
    #expect(edit.originalLine(ofMutantLine: 2) == 4)
    let seen = SeenOnPage(rule: "r", severity: .info, line: 3, covered: "e", message: "见第2行、第1、3行")
    #expect(seen.inOriginal(edit).line == 5)
    #expect(seen.inOriginal(edit).message == "见第2行、第1、5行")
    #expect(AppliedEdit(replacing: "a", with: "b", in: "a a") == nil)
  }
}
