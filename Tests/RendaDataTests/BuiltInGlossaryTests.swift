import RendaAnalysis
import RendaData
import Testing

@Suite("Built-in glossary")
struct BuiltInGlossaryTests {
  let glossary: Glossary

  init() throws {
    glossary = try GlossaryLoader.builtIn()
  }

  @Test("loads 21 formulas and 34 provinces")
  func counts() {
    #expect(glossary.formulas.count == 21)
    #expect(glossary.provinces.count == 34)
  }

  @Test("formulas are A1–A21 of the reference table, in order")
  func formulaOrder() {
    #expect(
      glossary.formulas.map(\.name) == [
        "四个机关", "四个意识", "四个自信", "两个维护", "两个确立", "一府一委两院", "两院", "三会一课", "四下基层",
        "四个全面", "五位一体", "两个结合", "三个代表", "四个善于", "三个表率", "两个责任", "三重一大", "一岗双责",
        "三农", "双碳", "中央八项规定",
      ])
  }

  @Test("repeated calls return the same cached value")
  func cached() throws {
    #expect(try GlossaryLoader.builtIn() == glossary)
  }

  @Test("四个机关: 政治机关、权力机关、工作机关、代表机关, in that order")
  func fourOrgans() throws {
    let formula = try #require(glossary.formula(named: "四个机关"))
    #expect(formula.members.map(\.text) == ["政治机关", "权力机关", "工作机关", "代表机关"])
    #expect(formula.isOrderFixed)
    #expect(formula.members[1].variants.contains("国家权力机关"))
  }

  @Test("一府一委两院 has 4 members")
  func oneGovernmentOneCommissionTwoCourts() throws {
    let formula = try #require(glossary.formula(named: "一府一委两院"))
    #expect(formula.members.count == 4)
    #expect(formula.members.map(\.text) == ["人民政府", "监察委员会", "人民法院", "人民检察院"])
  }

  @Test("member counts match the number each formula announces")
  func memberCounts() throws {
    let expected: [String: Int] = [
      "四个机关": 4, "四个意识": 4, "四个自信": 4, "两个维护": 2, "两个确立": 2, "两院": 2, "三会一课": 4,
      "四下基层": 4, "四个全面": 4, "五位一体": 5, "两个结合": 2, "三个代表": 3, "四个善于": 4, "三个表率": 3,
      "两个责任": 2, "三重一大": 4, "一岗双责": 2, "三农": 3, "双碳": 2, "中央八项规定": 8,
    ]
    for (name, count) in expected {
      let formula = try #require(glossary.formula(named: name))
      #expect(formula.members.count == count, "\(name)")
    }
  }

  @Test("short member forms of 四个意识 and 四个自信")
  func shortForms() throws {
    #expect(
      try #require(glossary.formula(named: "四个意识")).members.map(\.text) == [
        "政治意识", "大局意识", "核心意识", "看齐意识",
      ])
    #expect(
      try #require(glossary.formula(named: "四个自信")).members.map(\.text) == [
        "道路自信", "理论自信", "制度自信", "文化自信",
      ])
  }

  @Test("四个全面 uses the current first member; the earlier one is a variant")
  func fourComprehensives() throws {
    let formula = try #require(glossary.formula(named: "四个全面"))
    #expect(formula.members.first?.text == "全面建设社会主义现代化国家")
    #expect(formula.members.first?.variants == ["全面建成小康社会"])
  }

  @Test("三会一课: 支部委员会 has the variant 支部委员会会议; the order is not fixed")
  func threeMeetingsOneLesson() throws {
    let formula = try #require(glossary.formula(named: "三会一课"))
    #expect(formula.members.map(\.text) == ["支部党员大会", "支部委员会", "党小组会", "党课"])
    #expect(formula.members[1].variants.contains("支部委员会会议"))
    #expect(!formula.isOrderFixed)
  }

  @Test("only 三会一课 and 三农 have a conventional order")
  func orderNotFixed() {
    #expect(glossary.formulas.filter { !$0.isOrderFixed }.map(\.name) == ["三会一课", "三农"])
  }

  @Test("every formula has a one-sentence Chinese gloss and at least one source")
  func glossesAndSources() {
    for formula in glossary.formulas {
      #expect(formula.gloss.hasSuffix("。"), "\(formula.name)")
      #expect(formula.gloss.count(where: { $0 == "。" }) == 1, "\(formula.name)")
      #expect(!formula.sources.isEmpty, "\(formula.name)")
      #expect(formula.sources.allSatisfy { $0.hasPrefix("http://") || $0.hasPrefix("https://") }, "\(formula.name)")
    }
  }

  @Test("aliases resolve")
  func formulaAliases() {
    #expect(glossary.formula(named: "八项规定")?.name == "中央八项规定")
    #expect(glossary.formula(named: "三农问题")?.name == "三农")
  }

  @Test(
    "unconfirmed candidates are not included",
    arguments: ["双控", "五个基本", "两微一端", "一网两微一端", "三审", "四校"])
  func unconfirmedCandidates(name: String) {
    #expect(glossary.formula(named: name) == nil)
  }

  @Test("23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs")
  func provinceKinds() {
    let kinds = glossary.provinces.map(\.kind)
    #expect(kinds.count(where: { $0 == .province }) == 23)
    #expect(kinds.count(where: { $0 == .autonomousRegion }) == 5)
    #expect(kinds.count(where: { $0 == .municipality }) == 4)
    #expect(kinds.count(where: { $0 == .specialAdministrativeRegion }) == 2)
  }

  @Test(
    "province lookups",
    arguments: [
      ("湖北", "湖北", "湖北省", ProvinceKind.province),
      ("鄂", "湖北", "湖北省", .province),
      ("内蒙古", "内蒙古", "内蒙古自治区", .autonomousRegion),
      ("蒙", "内蒙古", "内蒙古自治区", .autonomousRegion),
      ("内蒙古自治区", "内蒙古", "内蒙古自治区", .autonomousRegion),
      ("宁夏", "宁夏", "宁夏回族自治区", .autonomousRegion),
      ("宁", "宁夏", "宁夏回族自治区", .autonomousRegion),
      ("香港", "香港", "香港特别行政区", .specialAdministrativeRegion),
      ("港", "香港", "香港特别行政区", .specialAdministrativeRegion),
      ("京", "北京", "北京市", .municipality),
      ("广西", "广西", "广西壮族自治区", .autonomousRegion),
      ("新疆", "新疆", "新疆维吾尔自治区", .autonomousRegion),
      ("台湾", "台湾", "台湾省", .province),
    ])
  func provinceLookup(name: String, shortName: String, fullName: String, kind: ProvinceKind) throws {
    let province = try #require(glossary.province(named: name))
    #expect(province.shortName == shortName)
    #expect(province.fullName == fullName)
    #expect(province.kind == kind)
  }

  @Test("the 15 byline provinces of the seed pages resolve by short name")
  func bylineProvinces() {
    for name in [
      "湖北", "山东", "甘肃", "福建", "云南", "山西", "江苏", "内蒙古", "天津", "安徽", "广东", "浙江", "河北", "江西", "宁夏",
    ] {
      #expect(glossary.province(named: name)?.shortName == name)
    }
  }

  @Test("every province has a one-character 简称 except where it is its short name")
  func provinceAbbreviations() {
    for province in glossary.provinces {
      #expect(
        province.aliases.contains { $0.count == 1 } || province.shortName == "内蒙古",
        "\(province.shortName)")
      #expect(province.fullName.hasPrefix(province.shortName), "\(province.shortName)")
    }
  }

  @Test("no spelling names two entries")
  func uniqueLookupNames() {
    let formulaNames = glossary.formulas.flatMap { [$0.name] + $0.aliases }
    #expect(Set(formulaNames).count == formulaNames.count)
    let provinceNames = glossary.provinces.flatMap { [$0.shortName, $0.fullName] + $0.aliases }
    #expect(Set(provinceNames).count == provinceNames.count)
  }

  @Test("places: thousands of prefecture- and county-level divisions, each in a built-in province")
  func placeCounts() {
    #expect(glossary.places.count > 3000)
    let prefectures = glossary.places.filter { $0.level == .prefecture }
    #expect((300...400).contains(prefectures.count))
    #expect(glossary.places.count - prefectures.count > 2500)
    let shortNames = Set(glossary.provinces.map(\.shortName))
    #expect(glossary.places.allSatisfy { shortNames.contains($0.province) })
    #expect(prefectures.allSatisfy { $0.prefecture == nil })
    let prefectureNames = Set(prefectures.map(\.name))
    #expect(glossary.places.compactMap(\.prefecture).allSatisfy { prefectureNames.contains($0) })
    #expect(!glossary.places.contains { ["市辖区", "县", "省直辖县级行政区划"].contains($0.name) })
  }

  @Test("襄阳市 is a prefecture of 湖北; 尧都区 a county of 临汾市, 山西")
  func placeLookups() throws {
    #expect(glossary.places.filter { $0.name == "襄阳市" } == [Place(name: "襄阳市", level: .prefecture, province: "湖北")])
    #expect(
      glossary.places.filter { $0.name == "尧都区" } == [
        Place(name: "尧都区", level: .county, province: "山西", prefecture: "临汾市")
      ])
    #expect(glossary.places.first { $0.name == "宁城县" }?.prefecture == "赤峰市")
    #expect(glossary.places.first { $0.name == "宝坻区" } == Place(name: "宝坻区", level: .county, province: "天津"))
    #expect(glossary.places.first { $0.name == "仙桃市" } == Place(name: "仙桃市", level: .county, province: "湖北"))
    #expect(Set(glossary.places.filter { $0.name == "鼓楼区" }.map(\.province)) == ["江苏", "福建", "河南"])
  }

  @Test(
    "the seed articles' places are listed in their byline's province",
    arguments: [
      ("襄阳市", "湖北"), ("滕州市", "山东"), ("山丹县", "甘肃"), ("龙岩市", "福建"), ("楚雄彝族自治州", "云南"),
      ("临汾市", "山西"), ("尧都区", "山西"), ("邳州市", "江苏"), ("赤峰市", "内蒙古"), ("宁城县", "内蒙古"),
      ("十堰市", "湖北"), ("郧阳区", "湖北"), ("宝坻区", "天津"), ("淮北市", "安徽"), ("沁水县", "山西"),
      ("佛山市", "广东"), ("绍兴市", "浙江"), ("柯桥区", "浙江"), ("苏州市", "江苏"), ("吴江区", "江苏"),
      ("庆元县", "浙江"), ("石家庄市", "河北"), ("藁城区", "河北"), ("晋城市", "山西"), ("高平市", "山西"),
      ("抚州市", "江西"), ("黄石市", "湖北"), ("石嘴山市", "宁夏"), ("南京市", "江苏"), ("历下区", "山东"),
    ])
  func seedPlaces(name: String, province: String) {
    #expect(glossary.places.contains { $0.name == name && $0.province == province })
  }

  @Test("the confusables load: 通讨 → 通过 is a certain fix")
  func confusables() throws {
    #expect(!glossary.confusables.isEmpty)
    let tongtao = try #require(glossary.confusables.first { $0.wrong == "通讨" })
    #expect(tongtao.right == "通过")
    #expect(tongtao.isCertain)
    let wrongForms = glossary.confusables.map(\.wrong)
    #expect(Set(wrongForms).count == wrongForms.count)
  }
}
