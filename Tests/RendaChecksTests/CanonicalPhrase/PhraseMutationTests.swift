import Foundation
import RendaAnalysis
import RendaChecks
import RendaPage
import RendaText
import Testing

// Mutation tests for canonical-phrase: each mutant injects one near-miss of a listed phrase
// into a seed page (an exact, unique needle replaced, line breaks kept), and the checks must
// report exactly one new finding — canonical-phrase, at the phrase's line, covering the
// printed text — while every other finding stays as it was. Each variant injects a correct
// use or an accepted variant, and canonical-phrase must report nothing new.

/// The seed pages and every rule's findings on them, read once.
enum PhraseSeedPages {
  static let directory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds")

  /// Seed texts by their number (`"000"` …).
  static let texts: [String: String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    var texts: [String: String] = [:]
    for name in names where name.hasSuffix(".txt") {
      texts[String(name.prefix(3))] = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
    return texts
  }()

  static let original: [String: [PhraseSeen]] = texts.mapValues(PhraseSeen.all)
}

/// A finding as the comparison sees it.
struct PhraseSeen: Hashable, CustomStringConvertible {
  var rule: String
  var severity: Severity
  var line: Int
  var covered: String
  var message: String

  var description: String { "\(rule) L\(line) «\(covered.replacingOccurrences(of: "\n", with: "⏎"))» \(message)" }

  static func all(in text: String) -> [PhraseSeen] {
    let source = SourceText(text)
    return CheckRunner.findings(in: PageParser.parse(source), glossary: builtInGlossary).map {
      PhraseSeen(
        rule: $0.rule, severity: $0.severity, line: source.lineIndex.line(containing: $0.range.lowerBound) + 1,
        covered: source.string(in: $0.range), message: $0.message.zh)
    }
  }

  /// `a − b` as multisets.
  static func difference(_ a: [PhraseSeen], _ b: [PhraseSeen]) -> [PhraseSeen] {
    var remaining: [PhraseSeen: Int] = [:]
    for x in b { remaining[x, default: 0] += 1 }
    var result: [PhraseSeen] = []
    for x in a {
      if let count = remaining[x], count > 0 { remaining[x] = count - 1 } else { result.append(x) }
    }
    return result
  }
}

/// `text` with its one occurrence of `find` replaced; nil unless `find` occurs exactly once.
func replacingOnce(_ find: String, with replacement: String, in text: String) -> String? {
  let parts = text.components(separatedBy: find)
  guard parts.count == 2 else { return nil }
  return parts[0] + replacement + parts[1]
}

enum PhraseMutationKind: String, Sendable, CaseIterable {
  case substitution, deletion, insertion, transposition, separator, droppedTitle, reordered, alteredMember
  case meetingName, wrapped, spaced
}

struct PhraseMutant: Sendable, CustomTestStringConvertible {
  var id: String
  var kind: PhraseMutationKind
  var seed: String
  var find: String
  var replace: String
  /// The new finding's 1-based line and a part of the text it covers.
  var line: Int
  var covers: String

  init(
    _ id: String, _ kind: PhraseMutationKind, seed: String, find: String, replace: String, line: Int, covers: String
  ) {
    self.id = id
    self.kind = kind
    self.seed = seed
    self.find = find
    self.replace = replace
    self.line = line
    self.covers = covers
  }

  var testDescription: String { "\(seed) \(id)" }

  static let all: [PhraseMutant] = [
    PhraseMutant(
      "substitution in 习近平新时代中国特色社会主义思想", .substitution, seed: "000",
      find: "习近平新时代中国特色社会主义思想", replace: "习近平新时代中国特色社会注义思想",
      line: 447, covers: "社会注义"),
    PhraseMutant(
      "substitution in 以习近平同志为核心的党中央", .substitution, seed: "002",
      find: "以习近平同志为核心的党中央", replace: "以习近平同志为核新的党中央",
      line: 434, covers: "核新"),
    PhraseMutant(
      "substitution in 全心全意为人民服务", .substitution, seed: "001",
      find: "全心全意为人民服务", replace: "全心全意为人名服务",
      line: 407, covers: "人名"),
    PhraseMutant(
      "substitution in 国有资产管理情况, wrapped", .wrapped, seed: "004",
      find: "国\n有资产管理情况", replace: "国\n有资产管里情况",
      line: 364, covers: "管里"),
    PhraseMutant(
      "substitution in 国家治理体系和治理能力现代化, OCR-spaced", .spaced, seed: "003",
      find: "国家治理体系和治理能 力现代化", replace: "国家治理体系和治里能 力现代化",
      line: 145, covers: "治里"),
    PhraseMutant(
      "deletion in 习近平总书记关于党的建设的重要思想", .deletion, seed: "000",
      find: "习近平总书记关\n于党的建设的重要思想", replace: "习近平总书记关\n于党的建设的重思想",
      line: 450, covers: "重思想"),
    PhraseMutant(
      "deletion in 习近平总书记关于坚持和完善…重要思想, wrapped", .deletion, seed: "001",
      find: "习近平总书记关于坚\n持和完善人民代表大会制度的重要思想", replace: "习近平总书记关于坚\n持和善人民代表大会制度的重要思想",
      line: 292, covers: "和善"),
    PhraseMutant(
      "deletion in 学习贯彻…主题教育", .deletion, seed: "004",
      find: "彻习近平新时代中国特色社会主义思想\n主题教育", replace: "彻习近平新时代中国特色社会主义思想\n主教育",
      line: 658, covers: "主教育"),
    PhraseMutant(
      "insertion in 习近平总书记关于全过程人民民主的重要论述", .insertion, seed: "000",
      find: "习近平\n总书记关于全过程人民民主的重要论\n述", replace: "习近平\n总书记关于全过程人民民主的重要性论\n述",
      line: 482, covers: "重要性"),
    PhraseMutant(
      "insertion in 以人民为中心的发展思想", .insertion, seed: "002",
      find: "以人民为中心的\n发展思想", replace: "以人民为中心的\n新发展思想",
      line: 189, covers: "新发展"),
    PhraseMutant(
      "a doubled character in the name 庆祝中国共产党成立100周年大会", .insertion, seed: "002",
      find: "庆祝中国共产党成立 100 周年大\n会", replace: "庆祝中国共产党成立 100 周年大大\n会",
      line: 187, covers: "大大"),
    PhraseMutant(
      "transposition in 科学立法、民主立法、依法立法", .transposition, seed: "004",
      find: "科学立法、民主立法、依法立法", replace: "科学立法、民主法立、依法立法",
      line: 129, covers: "法立"),
    PhraseMutant(
      "transposition in 审计查出问题整改情况, OCR-spaced", .transposition, seed: "003",
      find: "审计 查出问题整改情况", replace: "审计 查出题问整改情况",
      line: 181, covers: "题问"),
    PhraseMutant(
      "separator in 正确监督、有效监督、依法监督, wrapped", .separator, seed: "001",
      find: "正\n确监督、有效监督、依法监督", replace: "正\n确监督，有效监督、依法监督",
      line: 349, covers: "，"),
    PhraseMutant(
      "separator in 民有所呼、我有所应", .separator, seed: "000",
      find: "民有所呼、我有\n所应", replace: "民有所呼，我有\n所应",
      line: 248, covers: "，"),
    PhraseMutant(
      "separator in 学思用贯通、知信行统一", .separator, seed: "004",
      find: "学思用贯通、知信行统一", replace: "学思用贯通；知信行统一",
      line: 18, covers: "；"),
    PhraseMutant(
      "dropped 同志 in 以习近平同志为核心的党中央 (listed)", .droppedTitle, seed: "002",
      find: "以习近平同志为核心的党中央", replace: "以习近平为核心的党中央",
      line: 434, covers: "以习近平为核心的党中央"),
    PhraseMutant(
      "dropped 总书记 in 习近平总书记关于党的建设的重要思想 (listed)", .droppedTitle, seed: "000",
      find: "深入学习贯彻习近平总书记关\n于党的建设的重要思想", replace: "深入学习贯彻习近平关\n于党的建设的重要思想",
      line: 450, covers: "习近平关\n于党的建设的重要思想"),
    PhraseMutant(
      "dropped 总书记 in a 重要论述 (derived)", .droppedTitle, seed: "000",
      find: "习近平\n总书记关于全过程人民民主的重要论\n述", replace: "习近平\n关于全过程人民民主的重要论\n述",
      line: 482, covers: "习近平"),
    PhraseMutant(
      "reordered 学党史、悟思想、办实事、开新局", .reordered, seed: "002",
      find: "学党史、悟思想、办实事、开新局", replace: "学党史、办实事、悟思想、开新局",
      line: 421, covers: "办实事、悟思想"),
    PhraseMutant(
      "reordered 围绕中心、服务大局, wrapped", .reordered, seed: "001",
      find: "围\n绕中心、服务大局", replace: "服\n务大局、围绕中心",
      line: 324, covers: "务大局、围绕中心"),
    PhraseMutant(
      "reordered embedded series 党的领导、人民当家作主、依法治国", .reordered, seed: "001",
      find: "坚持党的领导、人民当家作主、依法治国有\n机统一", replace: "坚持人民当家作主、党的领导、依法治国有\n机统一",
      line: 152, covers: "党的领导"),
    PhraseMutant(
      "altered member of 科学立法、民主立法、依法立法", .alteredMember, seed: "004",
      find: "科学立法、民主立法、依法立法", replace: "科学立法、民主决策、依法立法",
      line: 129, covers: "民主决策"),
    PhraseMutant(
      "altered member of 正确监督、有效监督、依法监督", .alteredMember, seed: "004",
      find: "实行正确\n监督、有效监督、依法监督", replace: "实行正确\n监督、高效监管、依法监督",
      line: 615, covers: "高效监管"),
    PhraseMutant(
      "meeting: 党的十九届六中全会 loses 中", .meetingName, seed: "002",
      find: "党的十九届六中全会", replace: "党的十九届六全会",
      line: 3, covers: "六全会"),
    PhraseMutant(
      "meeting: 党的二十届三中全会 as 党的二十大三中全会", .meetingName, seed: "000",
      find: "党的二十届三中全\n会", replace: "党的二十大三中全\n会",
      line: 273, covers: "二十大三中"),
    PhraseMutant(
      "meeting: 党的十九届六中全会 with 第", .meetingName, seed: "002",
      find: "党的十九届六中全会把", replace: "党的十九届第六中全会把",
      line: 3, covers: "第六中全会"),
    PhraseMutant(
      "substitution in 中央人大工作会议, wrapped", .wrapped, seed: "000",
      find: "中央人大工作\n会议", replace: "中央人大工做\n会议",
      line: 449, covers: "工做"),
    PhraseMutant(
      "substitution in 县人民代表大会常务委员会, wrapped", .substitution, seed: "000",
      find: "县人民代表大会\n常务委员会", replace: "县人民代表大会\n常务委原会",
      line: 427, covers: "委原会"),
    PhraseMutant(
      "substitution in an accepted full form, 人民代表大会制度是…根本政治制度安排, over three lines", .wrapped,
      seed: "002",
      find: "依法治国有机统一的根本\n政", replace: "依法治国有机统一的跟本\n政",
      line: 196, covers: "跟本"),
  ]
}

struct PhraseVariant: Sendable, CustomTestStringConvertible {
  var id: String
  var seed: String
  var find: String
  var replace: String

  init(_ id: String, seed: String, find: String, replace: String) {
    self.id = id
    self.seed = seed
    self.find = find
    self.replace = replace
  }

  var testDescription: String { "\(seed) \(id)" }

  static let all: [PhraseVariant] = [
    PhraseVariant("quoted part of 以人民为中心的发展思想", seed: "002", find: "以人民为中心的\n发展思想", replace: "“以人民为中心”的\n发展思想"),
    PhraseVariant("separator dropped in 围绕中心、服务大局", seed: "001", find: "围\n绕中心、服务大局", replace: "围\n绕中心服务大局"),
    PhraseVariant("another plenum: 党的二十届四中全会", seed: "002", find: "党的十九届六中全会", replace: "党的二十届四中全会"),
    PhraseVariant("accepted short form 十九届六中全会", seed: "002", find: "党的十九届六中全会把", replace: "十九届六中全会把"),
    PhraseVariant("two plenums of one term", seed: "000", find: "党的二十届三中全\n会", replace: "党的二十届二中、三中全\n会"),
    PhraseVariant("another conference: 中央人才工作会议", seed: "000", find: "中央人大工作\n会议", replace: "中央人才工作\n会议"),
    PhraseVariant("accepted 新时代中国特色社会主义思想", seed: "000", find: "习近平新时代中国特色社会主义思想", replace: "新时代中国特色社会主义思想"),
    PhraseVariant(
      "canonical for accepted: 我国全过程人民民主", seed: "001", find: "人民代表大会制度是实现全过程人民民主\n的重要制度载体",
      replace: "人民代表大会制度是实现我国全过程人民民主\n的重要制度载体"),
    PhraseVariant("accepted 不忘初心，牢记使命", seed: "001", find: "全心全意为人民服务", replace: "不忘初心，牢记使命"),
    PhraseVariant("accepted 为中国人民谋幸福、为中华民族谋复兴", seed: "001", find: "全心全意为人民服务", replace: "为中国人民谋幸福、为中华民族谋复兴"),
    PhraseVariant("accepted 对人民负责，受人民监督", seed: "004", find: "科学立法、民主立法、依法立法", replace: "对人民负责，受人民监督"),
    PhraseVariant("a real word: 审议工作报告", seed: "003", find: "审计 查出问题整改情况", replace: "审议工作报告"),
    PhraseVariant("a real word: 人民代表大会审议", seed: "004", find: "国\n有资产管理情况", replace: "人民代表大会审\n议"),
    PhraseVariant("boundary: 我国人民代表大会制度", seed: "000", find: "人民代表大会制度", replace: "我国人民代表大会制度"),
    PhraseVariant("numeral: 第一个百年奋斗目标", seed: "001", find: "全心全意为人民服务", replace: "第一个百年奋斗目标"),
    PhraseVariant(
      "the newer five-member list 民主选举、民主协商、民主决策、民主管理、民主监督", seed: "004", find: "科学立法、民主立法、依法立法",
      replace: "民主选举、民主协商、民主决策、民主管理、民主监督"),
    PhraseVariant(
      "canonical 正确监督、有效监督、依法监督 spaced by OCR", seed: "004", find: "实行正确\n监督、有效监督、依法监督",
      replace: "实行正 确\n监 督 、有 效 监 督 、依 法 监 督"),
    PhraseVariant("accepted 把人民代表大会制度坚持好完善好运行好", seed: "001", find: "全心全意为人民服务", replace: "把人民代表大会制度坚持好完善好运行好"),
    PhraseVariant("accepted 全国人大常委会法工委", seed: "002", find: "以习近平同志为核心的党中央", replace: "全国人大常委会法工委"),
    PhraseVariant("NPC session with its number changed", seed: "002", find: "以习近平同志为核心的党中央", replace: "十四届全国人大二次会议"),
    PhraseVariant("local congress session", seed: "000", find: "人民代表大会制度", replace: "十八届人大三次会议"),
    PhraseVariant("accepted 马列主义", seed: "002", find: "以习近平同志为核心的党中央", replace: "马列主义"),
    PhraseVariant("党的十九大和十九届历次全会", seed: "002", find: "党的十九届六中全会把", replace: "党的十九大和十九届历次全会把"),
    PhraseVariant(
      "accepted 习近平关于调查研究重要论述", seed: "000", find: "习近平\n总书记关于全过程人民民主的重要论\n述", replace: "习近平\n关于调查研究重要论\n述"),
    PhraseVariant("ten committees: 全国人大宪法和法律委员会", seed: "002", find: "以习近平同志为核心的党中央", replace: "全国人大宪法和法律委员会"),
    PhraseVariant(
      "quotation marks around a member: “不忘初心”、“牢记使命”", seed: "001", find: "全心全意为人民服务", replace: "“不忘初心”、“牢记使命”"),
  ]
}

@Suite("canonical-phrase mutation tests on the seed pages")
struct PhraseMutationTests {
  @Test("at least 25 mutants of every kind and 25 variants, on distinct phrases")
  func coverage() {
    #expect(PhraseMutant.all.count >= 25)
    #expect(Set(PhraseMutant.all.map(\.kind)) == Set(PhraseMutationKind.allCases))
    #expect(Set(PhraseMutant.all.map(\.id)).count == PhraseMutant.all.count)
    #expect(PhraseVariant.all.count >= 25)
    #expect(Set(PhraseVariant.all.map(\.id)).count == PhraseVariant.all.count)
    #expect(PhraseSeedPages.texts.count == 5)
  }

  @Test("a near-miss is found at its line, and nothing else changes", arguments: PhraseMutant.all)
  func mutant(_ mutant: PhraseMutant) throws {
    let text = try #require(PhraseSeedPages.texts[mutant.seed])
    let mutated = try #require(replacingOnce(mutant.find, with: mutant.replace, in: text), "needle not unique")
    #expect(mutant.find.filter { $0 == "\n" }.count == mutant.replace.filter { $0 == "\n" }.count)
    let before = PhraseSeedPages.original[mutant.seed] ?? []
    let after = PhraseSeen.all(in: mutated)
    let added = PhraseSeen.difference(after, before)
    let removed = PhraseSeen.difference(before, after)
    #expect(removed.isEmpty, "findings lost or changed: \(removed)")
    try #require(added.count == 1, "added: \(added)")
    let new = added[0]
    #expect(new.rule == "canonical-phrase")
    #expect(new.line == mutant.line)
    #expect(new.covered.contains(mutant.covers), "\(new)")
    #expect(new.severity == .error)
  }

  @Test("a correct use or an accepted variant is not flagged", arguments: PhraseVariant.all)
  func variant(_ variant: PhraseVariant) throws {
    let text = try #require(PhraseSeedPages.texts[variant.seed])
    let mutated = try #require(replacingOnce(variant.find, with: variant.replace, in: text), "needle not unique")
    #expect(variant.find.filter { $0 == "\n" }.count == variant.replace.filter { $0 == "\n" }.count)
    let before = (PhraseSeedPages.original[variant.seed] ?? []).filter { $0.rule == "canonical-phrase" }
    let after = PhraseSeen.all(in: mutated).filter { $0.rule == "canonical-phrase" }
    #expect(after == before, "canonical-phrase changed: \(PhraseSeen.difference(after, before))")
  }
}
