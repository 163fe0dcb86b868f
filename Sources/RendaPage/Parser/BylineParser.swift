import RendaText

/// Reads a byline: `■ 宋 军 郭磊（湖北）`, `■ 方宗泽 （安徽）`, `■ 钱玉珍(云南)`, `■ 李科许坤(山西)`.
///
/// Two-character names are padded with a space to the width of three (`宋 军` is 宋军),
/// and names follow each other with a space or with none (`李科许坤` is 李科 and 许坤).
/// Runs of single characters are joined into names; a run of characters with no space
/// between names is split at surname boundaries (two or three characters a name).
enum BylineParser {
  struct Result {
    var authors: [String]
    var province: String?
    /// Byte range of the province text within the line (absolute).
    var provinceRange: TextRange?
    var usesHalfwidthParentheses: Bool
  }

  /// - Parameter scalars: the byline's scalars with their absolute byte offsets.
  static func parse(_ scalars: [(scalar: Unicode.Scalar, offset: Int, length: Int)]) -> Result {
    var items = scalars[...]
    // Drop the marker and anything before it.
    if let marker = items.firstIndex(where: { $0.scalar.isBylineMarker }) {
      items = items[(marker + 1)...]
    }
    // The province is in the last pair of parentheses.
    var province: String?
    var provinceRange: TextRange?
    var halfwidth = false
    var namesEnd = items.endIndex
    if let open = items.lastIndex(where: { $0.scalar.isOpeningParenthesis }) {
      let close = items[open...].firstIndex(where: { $0.scalar.isClosingParenthesis }) ?? items.endIndex
      let inside = items[(open + 1)..<close].filter { $0.scalar.isCJKIdeograph || $0.scalar.properties.isAlphabetic }
      if !inside.isEmpty {
        province = String(scalars: inside.map(\.scalar))
        let first = inside.first!
        let last = inside.last!
        provinceRange = TextOffset(utf8: first.offset)..<TextOffset(utf8: last.offset + last.length)
      }
      halfwidth = items[open].scalar.value == 0x28
      namesEnd = open
    }
    // Tokens of the names region, split at spaces and list separators.
    var tokens: [[Unicode.Scalar]] = []
    var token: [Unicode.Scalar] = []
    for item in items[..<namesEnd] {
      let s = item.scalar
      if s.value == 0xB7 || s.value == 0x30FB || s.value == 0x2022 {  // · ・ • join a transliterated name
        if !token.isEmpty { token.append(s) }
      } else if s.isInlineWhitespace || s.isComma {
        if !token.isEmpty { tokens.append(token) }
        token = []
      } else if s.isCJKIdeograph || s.properties.isAlphabetic {
        token.append(s)
      }
    }
    if !token.isEmpty { tokens.append(token) }
    return Result(
      authors: names(from: tokens), province: province, provinceRange: provinceRange,
      usesHalfwidthParentheses: halfwidth)
  }

  /// Joins padded single characters and splits names written together.
  static func names(from tokens: [[Unicode.Scalar]]) -> [String] {
    var names: [[Unicode.Scalar]] = []
    var i = 0
    while i < tokens.count {
      if tokens[i].count == 1 {
        var run: [Unicode.Scalar] = []
        while i < tokens.count, tokens[i].count == 1 {
          run.append(tokens[i][0])
          i += 1
        }
        if run.count == 1, i < tokens.count {
          // `宋 军郭磊`: a padded surname whose given name is glued to the next name.
          names.append(contentsOf: split(run + tokens[i]))
          i += 1
        } else {
          names.append(contentsOf: split(run))
        }
      } else {
        names.append(contentsOf: split(tokens[i]))
        i += 1
      }
    }
    return names.map { String(scalars: $0) }
  }

  /// Splits a run of characters with no spaces into names of two or three characters.
  static func split(_ run: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
    let n = run.count
    if n <= 3 || run.contains(where: { $0.value == 0xB7 || $0.value == 0x30FB || $0.value == 0x2022 }) {
      return n == 0 ? [] : [run]
    }
    if n == 4 {
      if isCompoundSurname(run[0], run[1]) { return [run] }
      return [Array(run[0..<2]), Array(run[2..<4])]
    }
    // Longer runs: cut into names of two or three characters, preferring cuts where each
    // name starts with a common surname. Dynamic programming over positions: O(n).
    // best[i] is the best (score, cut lengths) for run[i...].
    var best: [(score: Int, lengths: [Int])?] = Array(repeating: nil, count: n + 1)
    best[n] = (0, [])
    for start in stride(from: n - 1, through: 0, by: -1) {
      for length in [2, 3] where start + length <= n {
        guard let rest = best[start + length] else { continue }
        let score = rest.score + surnameScore(run[start]) - (length == 3 ? 1 : 0)
        if best[start] == nil || score > best[start]!.score {
          best[start] = (score, [length] + rest.lengths)
        }
      }
    }
    guard let cut = best[0] else { return [run] }
    var parts: [[Unicode.Scalar]] = []
    var position = 0
    for length in cut.lengths {
      parts.append(Array(run[position..<(position + length)]))
      position += length
    }
    return parts
  }

  /// How strongly a character suggests the start of a name.
  private static func surnameScore(_ s: Unicode.Scalar) -> Int {
    if veryCommonSurnames.contains(s) { return 3 }
    return commonSurnames.contains(s) ? 1 : 0
  }

  private static func isCompoundSurname(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
    compoundSurnames.contains(String(scalars: [a, b]))
  }

  private static let compoundSurnames: Set<String> = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
    "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "万俟", "闻人",
  ]

  /// The hundred most frequent surnames.
  private static let veryCommonSurnames: Set<Unicode.Scalar> = Set(
    ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
      .unicodeScalars)

  /// Common single-character surnames (the most frequent few hundred).
  private static let commonSurnames: Set<Unicode.Scalar> = Set(
    ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
      .unicodeScalars)
}
