import RendaText

/// Page furniture that a publication prints by name: mastheads and column labels.
///
/// These are a publication's own closed vocabulary (the paper's name, its regular
/// columns), so a short list recognizes them; a banner nobody listed is found
/// structurally instead (a standalone block no article claims).
enum KnownFurniture {
  /// The kind of `block` when it is a short text block the lists know (page furniture is
  /// at most 12 normalized scalars).
  static func kind(of block: RawBlock, in normalized: NormalizedText) -> PageFurniture.Kind? {
    guard block.kind == .text, block.scalars.count <= 12 else { return nil }
    return kind(of: normalized.string(block.scalars))
  }

  static func kind(of normalized: String) -> PageFurniture.Kind? { names[normalized].map { kinds[$0] } }

  /// Both lists in one table (a masthead first), looked up by bytes (asked of every short
  /// block), each name with the index of its kind in `kinds`.
  private static let kinds: [PageFurniture.Kind] = mastheads.map { _ in .masthead } + columnLabels.map { _ in .columnLabel }
  private static let names = StringTable((mastheads + columnLabels).enumerated().map { ($1, $0) })

  static let mastheads: [String] = [
    "人民代表报", "人民代表報", "人民日报", "人民日報", "中国人大", "中國人大", "法治日报", "检察日报",
    "人民政协报", "民主与法制", "人大研究", "人民之声", "楚天主人", "山东人大工作", "浙江人大",
  ]

  static let columnLabels: [String] = [
    "主任笔谈", "主任論壇", "主任论坛", "人大论坛", "代表风采", "履职风采", "基层人大", "工作研究", "调查研究",
    "理论研究", "人大视点", "人大时评", "经验交流", "工作交流", "本版编辑", "责任编辑", "要闻", "综合新闻",
  ]
}
