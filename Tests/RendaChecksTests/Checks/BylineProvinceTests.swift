import Foundation
import RendaAnalysis
import RendaChecks
import RendaPage
import RendaText
import Testing

@Suite("byline")
struct BylineProvinceTests {
  /// A one-article page with its own lead (and, optionally, an author note).
  private func article(byline: String, lead: String, note: String? = nil) -> String {
    var text = "\(byline)\n\n\(lead)\n\n扎实推进各项工作，不断提升履职水平。\n"
    if let note { text += "\n\(note)\n" }
    return text + "\n扎实做好新时代人大工作\n"
  }

  @Test("the byline's province agrees with the lead: quiet")
  func agrees() {
    let text = article(byline: "■ 鲁立波（山西）", lead: "近年来，山西省临汾市尧都区人大常委会坚持围绕中心、服务大局。")
    #expect(findings(of: "byline", in: text).isEmpty)
  }

  @Test("陕西 over a lead in 山西: flagged at the province, naming both and the line")
  func disagreesWithLead() throws {
    let text = article(byline: "■ 鲁立波（陕西）", lead: "近年来，山西省临汾市人大常委会坚持围绕中心、服务大局。")
    let seen = findings(of: "byline", in: text)
    #expect(seen.count == 1)
    let finding = try #require(seen.first)
    #expect(finding.covered == "陕西")
    #expect(finding.line == 1)
    #expect(finding.severity == .warning)
    #expect(finding.zh == "署名省份“陕西”与导语不符：导语第3行写的是“山西省临汾市”（山西）")
    #expect(finding.en == "byline province 陕西 disagrees with the lead: the lead names 山西省临汾市 (山西) on line 3")
    #expect(finding.fixedText == nil)
  }

  @Test("the related location points at the place in the lead")
  func relatedLocation() throws {
    let text = article(byline: "■ 鲁立波（陕西）", lead: "近年来，山西省临汾市人大常委会坚持围绕中心。")
    let source = SourceText(text)
    let page = PageParser.parse(source)
    let all = CheckRunner.findings(
      in: page, glossary: builtInGlossary, configuration: CheckConfiguration.default.limited(to: ["byline"]))
    let related = try #require(all.first?.related.first)
    #expect(source.string(in: related.range) == "山西省临汾市")
    #expect(related.message.zh == "导语中的地名：山西省临汾市（山西）")
  }

  @Test("a county or prefecture alone is looked up in the places: 滕州市 is in 山东")
  func countyLookup() {
    let text = article(byline: "■ 朱晏辰（山西）", lead: "近年来，滕州市人大常委会创新理念思路、强化担当作为。")
    let seen = findings(of: "byline", in: text)
    #expect(seen.map(\.covered) == ["山西"])
    #expect(seen.first?.zh.contains("“滕州市”（山东）") == true)
    let right = article(byline: "■ 朱晏辰（山东）", lead: "近年来，滕州市人大常委会创新理念思路、强化担当作为。")
    #expect(findings(of: "byline", in: right).isEmpty)
  }

  @Test("a name printed with a canonically equivalent compatibility ideograph is the same place (鹿泉区 with U+F940)")
  func canonicalEquivalence() {
    for lead in ["近年来，鹿泉区人大常委会创新理念思路。", "近年来，\u{F940}泉区人大常委会创新理念思路。"] {
      let seen = findings(of: "byline", in: article(byline: "■ 朱晏辰（山西）", lead: lead))
      #expect(seen.map(\.covered) == ["山西"])
      #expect(seen.first?.zh.contains("（河北）") == true)
      #expect(findings(of: "byline", in: article(byline: "■ 朱晏辰（河北）", lead: lead)).isEmpty)
    }
    // A glossary whose place name is not canonically inert: looked up by `String`.
    var glossary = builtInGlossary
    glossary.places = [Place(name: "\u{F940}泉区", level: .county, province: "河北")]
    let seen = findings(
      of: "byline", in: article(byline: "■ 朱晏辰（山西）", lead: "近年来，鹿泉区人大常委会创新理念思路。"), glossary: glossary)
    #expect(seen.first?.zh.contains("（河北）") == true)
  }

  @Test("a full chain with an autonomous region, and a newer division the data does not list")
  func chains() {
    let inner = article(byline: "■ 钱荣新（内蒙古）", lead: "2022年以来，内蒙古自治区赤峰市宁城县人大常委会深入贯彻落实会议精神。")
    #expect(findings(of: "byline", in: inner).isEmpty)
    let unknownCounty = article(byline: "■ 张明（湖北）", lead: "近年来，湖北省某市人大常委会坚持围绕中心。")
    #expect(findings(of: "byline", in: unknownCounty).isEmpty)
    let wrong = article(byline: "■ 张明（山西）", lead: "近年来，湖北省某市人大常委会坚持围绕中心。")
    #expect(findings(of: "byline", in: wrong).first?.zh.contains("“湖北省某市”（湖北）") == true)
  }

  @Test("a name in several provinces, or a generic one, decides nothing")
  func ambiguous() {
    // 鼓楼区 is in 江苏, 福建 and 河南; 城区 is generic.
    let gulou = article(byline: "■ 陆敏（湖北）", lead: "近年来，鼓楼区人大常委会坚持围绕中心、服务大局。")
    #expect(findings(of: "byline", in: gulou).isEmpty)
    let chengqu = article(byline: "■ 陆敏（湖北）", lead: "近年来，城区人大代表积极履职，服务大局。")
    #expect(findings(of: "byline", in: chengqu).isEmpty)
    // With its prefecture the name is certain again.
    let nanjing = article(byline: "■ 陆敏（湖北）", lead: "近年来，南京市鼓楼区人大常委会坚持围绕中心。")
    #expect(findings(of: "byline", in: nanjing).map(\.covered) == ["湖北"])
  }

  /// A province full name that is not canonically inert sends every name down the `String`
  /// lookup; inert place names are then answered by the places' scalar table.
  @Test("with a province named by a compatibility ideograph, places are still found, ambiguous ones still not")
  func placesThroughStringLookup() {
    var glossary = builtInGlossary
    glossary.provinces.append(Province(shortName: "\u{F900}", fullName: "\u{F900}省", kind: .province))
    let tengzhou = article(byline: "■ 朱晏辰（山西）", lead: "近年来，滕州市人大常委会创新理念思路、强化担当作为。")
    let seen = findings(of: "byline", in: tengzhou, glossary: glossary)
    #expect(seen.map(\.covered) == ["山西"])
    #expect(seen.first?.zh.contains("“滕州市”（山东）") == true)
    let gulou = article(byline: "■ 陆敏（湖北）", lead: "近年来，鼓楼区人大常委会坚持围绕中心、服务大局。")
    #expect(findings(of: "byline", in: gulou, glossary: glossary).isEmpty)
    let nanjing = article(byline: "■ 陆敏（湖北）", lead: "近年来，南京市鼓楼区人大常委会坚持围绕中心。")
    #expect(findings(of: "byline", in: nanjing, glossary: glossary).map(\.covered) == ["湖北"])
  }

  @Test("other provinces mentioned in passing are not the article's place")
  func inPassing() {
    let visits = article(
      byline: "■ 宋军（湖北）",
      lead: "近年来，湖北省襄阳市人大常委会组织代表赴上海、杭州等地学习考察，借鉴浙江省杭州市人大常委会的经验。")
    #expect(findings(of: "byline", in: visits).isEmpty)
    let national = article(byline: "■ 宋军（湖北）", lead: "全国人大常委会高度重视代表工作，各级人大常委会认真落实。")
    #expect(findings(of: "byline", in: national).isEmpty)
  }

  @Test("the author note disagrees with the byline")
  func authorNote() throws {
    let text = article(
      byline: "■ 朱晏辰（山西）", lead: "近年来，我们坚持围绕中心、服务大局。", note: "（作者系山东省滕州市人大常委会\n主任）")
    let seen = findings(of: "byline", in: text)
    #expect(seen.count == 1)
    let finding = try #require(seen.first)
    #expect(finding.covered == "山西")
    #expect(finding.zh == "署名省份“山西”与作者简介不符：作者简介第7行写的是“山东省滕州市”（山东）")
    let agreeing = article(
      byline: "■ 朱晏辰（山东）", lead: "近年来，我们坚持围绕中心、服务大局。", note: "（作者系山东省滕州市人大常委会主任）")
    #expect(findings(of: "byline", in: agreeing).isEmpty)
  }

  @Test("a byline without a province, with the lead's province as a hint")
  func missingProvince() throws {
    let seen = findings(of: "byline", in: article(byline: "■ 宋 军 郭磊", lead: "近年来，湖北省襄阳市人大常委会坚持围绕中心。"))
    #expect(seen.count == 1)
    let finding = try #require(seen.first)
    #expect(finding.covered == "■ 宋 军 郭磊")
    #expect(finding.zh.hasPrefix("署名缺少省份"))
    #expect(finding.zh.hasSuffix("应为“（湖北）”"))
    #expect(finding.en.hasPrefix("byline without a province"))
  }

  @Test("a province that is none of the 34")
  func unknownProvince() {
    let seen = findings(of: "byline", in: article(byline: "■ 张明（湖广）", lead: "近年来，我们坚持围绕中心。"))
    #expect(seen.map(\.covered) == ["湖广"])
    #expect(seen.first?.zh.hasPrefix("署名中的“湖广”不是省级行政区") == true)
    #expect(seen.first?.en.hasPrefix("湖广 in the byline is not a province-level division") == true)
  }

  @Test(
    "short names, full names and aliases are all provinces",
    arguments: ["内蒙古", "内蒙古自治区", "宁夏回族自治区", "鄂", "湖北省"])
  func knownProvinceForms(province: String) {
    let text = article(byline: "■ 张明（\(province)）", lead: "近年来，我们坚持围绕中心。")
    #expect(findings(of: "byline", in: text).isEmpty)
  }

  @Test("half-width parentheses and a spaced lead still read")
  func ocrForms() {
    let text = article(byline: "■ 覃 剑 (广东)", lead: "近 年 来 ，广 东 省 佛 山 市 人 大 常委会坚持围绕中心。")
    #expect(findings(of: "byline", in: text).isEmpty)
    let wrong = article(byline: "■ 覃 剑 (广西)", lead: "近 年 来 ，广 东 省 佛 山 市 人 大 常委会坚持围绕中心。")
    #expect(findings(of: "byline", in: wrong).first?.zh.contains("“广东省佛山市”（广东）") == true)
  }

  @Test("a suppression marker silences the byline")
  func suppressed() {
    let text = article(
      byline: "<!-- renda-disable-next-line byline -->\n■ 鲁立波（陕西）", lead: "近年来，山西省临汾市人大常委会坚持围绕中心。")
    #expect(findings(of: "byline", in: text).isEmpty)
  }

  private func seedPages() throws -> [(name: String, text: String)] {
    let directory = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("seeds")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }
    return try files.sorted().map {
      ($0, try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8))
    }
  }

  @Test("the five seed pages give no finding")
  func seeds() throws {
    let pages = try seedPages()
    #expect(pages.count == 5)
    for page in pages {
      #expect(findings(of: "byline", in: page.text).isEmpty, "\(page.name)")
    }
  }

  @Test("with every seed byline set to 西藏, each of the 25 articles is flagged by its own place")
  func seedsWithWrongProvince() throws {
    var total = 0
    for page in try seedPages() {
      let wrong = page.text.replacing(/(■[^\n（(]*[（(])\s*[^）)\n]+([）)])/) { "\($0.output.1)西藏\($0.output.2)" }
      let seen = findings(of: "byline", in: wrong)
      #expect(seen.count == 5, "\(page.name)")
      #expect(seen.allSatisfy { $0.covered == "西藏" && $0.zh.hasPrefix("署名省份“西藏”与") }, "\(page.name)")
      total += seen.count
    }
    #expect(total == 25)
  }

  /// The names are looked up as `String`s (canonical equivalence); the fingerprints that rule
  /// lengths out before the lookup must not lose a name whose scalars differ but whose text
  /// is the same: a compatibility ideograph (U+F900) equals its unified form (U+8C48).
  @Test("a place written with a compatibility ideograph is the same name, in the glossary or in the text")
  func canonicallyEquivalentNames() {
    var glossary = builtInGlossary
    glossary.places.append(Place(name: "\u{F900}州市", level: .prefecture, province: "山东"))
    let unified = article(byline: "■ 朱晏辰（山西）", lead: "近年来，\u{8C48}州市人大常委会创新理念思路。")
    #expect(findings(of: "byline", in: unified, glossary: glossary).map(\.covered) == ["山西"])
    var plain = builtInGlossary
    plain.places.append(Place(name: "\u{8C48}州市", level: .prefecture, province: "山东"))
    let compatibility = article(byline: "■ 朱晏辰（山西）", lead: "近年来，\u{F900}州市人大常委会创新理念思路。")
    #expect(findings(of: "byline", in: compatibility, glossary: plain).map(\.covered) == ["山西"])
    let right = article(byline: "■ 朱晏辰（山东）", lead: "近年来，\u{F900}州市人大常委会创新理念思路。")
    #expect(findings(of: "byline", in: right, glossary: plain).isEmpty)
  }
}
