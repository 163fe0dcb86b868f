import RendaText

/// The page as the parser matches on it: every scalar that is not whitespace, in order,
/// each with the source range it came from.
///
/// OCR pages break words with line wraps and stray spaces (`“五个\n一 ”`, `掌 握 各 类 别`,
/// `一\n是`). Removing all whitespace and line breaks joins them again, and the offset
/// table maps every normalized position back to the original bytes, so a match on the
/// normalized view yields an exact source range.
///
/// Memory: about 6 bytes per kept scalar: the scalar (4) and its start offset (about 2, see
/// ``SourceOffsets``); the end of a scalar is its start plus its UTF-8 length (the text is
/// valid UTF-8), so it is not stored. Beside them, 8 bytes per line and per in-line gap
/// (``inlineGaps``).
///
/// - Complexity: built in one forward pass over the UTF-8 bytes.
package struct NormalizedText: Sendable {
  /// Non-whitespace scalars of the whole page, in order.
  package private(set) var scalars: [Unicode.Scalar]
  /// `starts[i]` is the source byte offset of `scalars[i]`.
  package private(set) var starts: SourceOffsets
  /// `ends[i]` is the source byte offset just past `scalars[i]` (derived from `starts`).
  @inlinable package var ends: EndOffsets { EndOffsets(scalars: scalars, starts: starts) }
  /// For each source line, the index of its first normalized scalar (and, at
  /// `lineCount`, the total count): line `l` owns `scalars[lineStarts[l]..<lineStarts[l+1]]`.
  package private(set) var lineStarts: [Int]
  /// Every `k` after which the scan removed whitespace (a space, a tab, U+3000, NUL…) before
  /// a scalar of the same line, in order: the gaps that ``forEachGap(onLine:_:)`` reports,
  /// recorded where the scan skips a scalar (rare) instead of found again from the offsets.
  package private(set) var inlineGaps: [Int]
  /// For each line, the index in ``inlineGaps`` of its first gap (and, at `lineCount`, the
  /// number of gaps), as ``lineStarts`` is for the scalars.
  package private(set) var lineGapStarts: [Int]

  package init(_ text: SourceText) {
    let bytes = text.bytes
    let index = text.lineIndex
    var lineStarts: [Int] = []
    lineStarts.reserveCapacity(index.lineCount + 1)
    var starts = SourceOffsets(wide: bytes.count > Int(UInt32.max))
    var scalars: [Unicode.Scalar] = []
    var gaps = Gaps(lines: index.lineCount)
    bytes.withUnsafeBufferPointer { buffer in
      if starts.isWide {
        Self.scan(buffer, index, &lineStarts, &gaps) { scalar, offset in
          scalars.append(scalar)
          starts.append(offset)
        }
        return
      }
      // Written straight into storage of about the size needed: a scalar that is not a
      // space or a line break (see `keptBound`).
      let bound = Self.keptBound(buffer, lineBreaks: max(0, index.lineCount - 1))
      // First as 16-bit distances from a 32-bit anchor per group; a group that spans more
      // than 64 KiB (pages of whitespace) sends the whole text to 32-bit offsets.
      var kept = 0
      var fits = true
      // (At least one element of capacity, so that every buffer has a base address.)
      let capacity = max(bound, 1)
      let groups = (capacity + SourceOffsets.groupSize - 1) >> SourceOffsets.groupShift
      let anchors = [UInt32](unsafeUninitializedCapacity: groups) { anchorBuffer, anchorCount in
        let deltas = [UInt16](unsafeUninitializedCapacity: capacity) { deltaBuffer, deltaCount in
          scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { values, valueCount in
            let values = values.baseAddress!
            let deltas = deltaBuffer.baseAddress!
            let anchors = anchorBuffer.baseAddress!
            var anchor = 0
            var overflow = 0
            Self.scan(buffer, index, &lineStarts, &gaps) { scalar, offset in
              precondition(kept < bound, "NormalizedText: the text is not valid UTF-8")
              if kept & SourceOffsets.groupMask == 0 {
                anchor = offset
                (anchors + (kept >> SourceOffsets.groupShift)).initialize(to: UInt32(truncatingIfNeeded: offset))
              }
              let delta = offset &- anchor
              overflow |= delta
              (values + kept).initialize(to: scalar)
              (deltas + kept).initialize(to: UInt16(truncatingIfNeeded: delta))
              kept &+= 1  // below `bound`
            }
            fits = UInt(bitPattern: overflow) <= UInt(UInt16.max)
            valueCount = kept
          }
          deltaCount = kept
        }
        anchorCount = (kept + SourceOffsets.groupSize - 1) >> SourceOffsets.groupShift
        starts.deltas = deltas
      }
      if fits {
        starts.anchors = anchors
        return
      }
      starts = SourceOffsets(wide: false, compact: false)
      lineStarts.removeAll(keepingCapacity: true)
      gaps = Gaps(lines: index.lineCount)
      kept = 0
      let narrow = [UInt32](unsafeUninitializedCapacity: bound) { offsets, offsetCount in
        scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bound) { values, valueCount in
          Self.scan(buffer, index, &lineStarts, &gaps) { scalar, offset in
            precondition(kept < bound, "NormalizedText: the text is not valid UTF-8")
            (values.baseAddress! + kept).initialize(to: scalar)
            (offsets.baseAddress! + kept).initialize(to: UInt32(truncatingIfNeeded: offset))
            kept += 1
          }
          valueCount = kept
        }
        offsetCount = kept
      }
      starts.narrow = narrow
    }
    lineStarts.append(scalars.count)
    gaps.lineStarts.append(gaps.gaps.count)
    self.scalars = scalars
    self.starts = starts
    self.lineStarts = lineStarts
    self.inlineGaps = gaps.gaps
    self.lineGapStarts = gaps.lineStarts
  }

  /// The in-line gaps while the scan records them.
  private struct Gaps {
    var gaps: [Int] = []
    var lineStarts: [Int] = []

    init(lines: Int) { lineStarts.reserveCapacity(lines + 1) }

    /// The scan skipped whitespace with `count` scalars kept, `lineStart` of them before
    /// this line: a gap after the last one kept, if it is on this line (once however long
    /// the whitespace).
    @inline(__always) mutating func skipped(count: Int, lineStart: Int) {
      if count > lineStart && gaps.last != count &- 1 { gaps.append(count &- 1) }
    }

    /// The line ended with `count` scalars kept: a gap after its last scalar is trailing
    /// whitespace, not a gap between two of its scalars.
    @inline(__always) mutating func endLine(count: Int) {
      if gaps.count > lineStarts[lineStarts.count - 1], gaps.last == count &- 1 { gaps.removeLast() }
    }
  }

  /// At least the number of scalars the scan keeps: the scalars (the bytes that are not
  /// continuation bytes) less the ASCII spaces (OCR's letter-spacing among them) and one
  /// line break per line but the last (a tab, CR of CRLF, U+3000 or NUL, rare, is left as
  /// spare capacity). Eight bytes at a time without a branch: each byte's lane of `lanes`
  /// counts its continuation bytes and spaces, summed across lanes (by a multiply: no
  /// popcount instruction on baseline x86-64) every 255 words, before a lane can overflow.
  static func keptBound(_ buffer: UnsafeBufferPointer<UInt8>, lineBreaks: Int) -> Int {
    let highs: UInt64 = 0x8080_8080_8080_8080
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    var excluded = 0
    var i = 0
    if let base = buffer.baseAddress {
      let raw = UnsafeRawPointer(base)
      while i + 8 <= buffer.count {
        var lanes: UInt64 = 0
        let stop = min(buffer.count, i + 8 * 255)
        while i + 8 <= stop {
          let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
          // A continuation byte is 10xxxxxx: its high bit set, the next one clear. A space's
          // lane is zero after `^ 0x20` (the zero test's sum carries into no other lane; the
          // same test as `UTF8Bytes.lineBreakMask`, written here: the bound built on
          // `UTF8Bytes`' helpers, which were not inlined across the module boundary, cost
          // 24 → 30.6 M instructions on 1 MB when tried).
          let spaces = w ^ 0x2020_2020_2020_2020
          let isSpace = ~(((spaces & lows) &+ lows) | spaces) & highs
          lanes &+= (w & ~(w << 1) & highs | isSpace) >> 7
          i += 8
        }
        // Lanes of 16 bits (each at most 510), then their sum in the top 16 bits.
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ (lanes >> 8 & 0x00FF_00FF_00FF_00FF)
        excluded += Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
      }
    }
    while i < buffer.count {
      if buffer[i] & 0xC0 == 0x80 || buffer[i] == 0x20 { excluded += 1 }
      i += 1
    }
    return buffer.count - excluded - lineBreaks
  }

  /// The one pass: calls `keep(scalar, offset)` for every scalar of `buffer` that is not
  /// whitespace, a line break or NUL, records where each line's scalars start, and records
  /// the in-line gaps where it skips a scalar (rare).
  @inline(__always)
  private static func scan(
    _ buffer: UnsafeBufferPointer<UInt8>, _ index: LineIndex, _ lineStarts: inout [Int], _ gaps: inout Gaps,
    _ keep: (Unicode.Scalar, Int) -> Void
  ) {
    var count = 0
    guard let bytes = buffer.baseAddress else {
      for _ in 0..<index.lineCount {
        lineStarts.append(0)
        gaps.lineStarts.append(0)
      }
      return
    }
    for line in 0..<index.lineCount {
      if line > 0 { gaps.endLine(count: count) }
      lineStarts.append(count)
      gaps.lineStarts.append(gaps.gaps.count)
      let lineStart = count
      let range = index.contentRange(ofLine: line)
      var offset = range.lowerBound.utf8
      let end = range.upperBound.utf8
      while offset < end {
        let lead = bytes[offset]
        if lead & 0xF0 == 0xE0 {
          // Three bytes, nearly every scalar of a Chinese page: U+0800–FFFF without the
          // surrogates (valid UTF-8), so the value is a scalar as it stands.
          // (Offsets stay below the buffer's count: `&+` cannot overflow.)
          precondition(offset &+ 3 <= end, "NormalizedText: the text is not valid UTF-8")
          let value =
            UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset &+ 1] & 0x3F) << 6 | UInt32(bytes[offset &+ 2] & 0x3F)
          if Self.isKeptThreeByte(value) {
            keep(unsafeBitCast(value, to: Unicode.Scalar.self), offset)
            count &+= 1
          } else {
            gaps.skipped(count: count, lineStart: lineStart)
          }
          offset &+= 3
          continue
        }
        if lead < 0x80 {
          // ASCII: kept unless whitespace (space, tab), a line break or NUL.
          if lead != 0x20 && lead != 0x09 && lead != 0x0A && lead != 0x0D && lead != 0 {
            keep(Unicode.Scalar(lead), offset)
            count += 1
          } else {
            gaps.skipped(count: count, lineStart: lineStart)
          }
          offset += 1
          continue
        }
        // Two or four bytes (three took the path above). The text is valid UTF-8
        // (`SourceText`'s invariant) and the line ends on a scalar boundary: the lead byte
        // gives the length, and the bytes after it are continuation bytes inside the line.
        let length = lead < 0xE0 ? 2 : 4
        precondition(offset + length <= end, "NormalizedText: the text is not valid UTF-8")
        let value =
          length == 2
          ? UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
          : UInt32(lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
            | UInt32(bytes[offset + 3] & 0x3F)
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        // Never a line break or NUL; white space among them: U+00A0.
        if !scalar.isInlineWhitespace {
          keep(scalar, offset)
          count += 1
        } else {
          gaps.skipped(count: count, lineStart: lineStart)
        }
        offset += length
      }
    }
    if index.lineCount > 0 { gaps.endLine(count: count) }
  }

  /// Whether the three-byte scalar `value` (U+0800–FFFF) is kept: it is not white space
  /// (``Unicode/Scalar/isInlineWhitespace``: U+1680, U+2000–200A, U+202F, U+205F, U+3000,
  /// U+FEFF). One comparison for a Han character or CJK punctuation past U+3000.
  @inline(__always)
  private static func isKeptThreeByte(_ value: UInt32) -> Bool {
    if value > 0x3000 { return value != 0xFEFF }
    return value != 0x3000 && value != 0x1680 && value &- 0x2000 > 0x0A && value != 0x202F && value != 0x205F
  }

  /// A view assembled from its parts: `scalars` and `starts` parallel (ends are derived),
  /// `lineStarts` one longer than the lines. (A window is spliced in by `splicing`.)
  package init(scalars: [Unicode.Scalar], starts: [Int], lineStarts: [Int]) {
    let offsets = SourceOffsets(starts)
    self.scalars = scalars
    self.starts = offsets
    self.lineStarts = lineStarts
    // The gaps from the offsets, line by line.
    var gaps: [Int] = []
    var lineGapStarts: [Int] = []
    lineGapStarts.reserveCapacity(lineStarts.count)
    for line in lineStarts.indices {
      lineGapStarts.append(gaps.count)
      guard line + 1 < lineStarts.count else { break }
      let range = lineStarts[line]..<lineStarts[line + 1]
      if range.count > 1 { offsets.forEachGap(scalars: scalars, in: range) { gaps.append($0) } }
    }
    self.inlineGaps = gaps
    self.lineGapStarts = lineGapStarts
  }

  /// The view of an edited text made of this view and `window`, the view of the edited
  /// text's lines that replaced lines `lines` (normalized scalars `replaced`) parsed on their
  /// own: this view's scalars before `replaced`, the window's moved to source byte
  /// `windowStart`, and, unless the window runs to the end (`keepsLinesAfter` false), this
  /// view's scalars from `replaced.upperBound` on moved by `byteDelta` bytes. The window's
  /// first `windowLines` line starts are kept.
  ///
  /// Equal to the view of the edited text built afresh. Built in bulk: the prefix's scalars
  /// and compact offsets are copied, only the rest is re-anchored (see
  /// ``SourceOffsets/init(splicing:keeping:_:at:from:by:)``).
  package func splicing(
    _ replaced: Range<Int>, lines: Range<Int>, with window: NormalizedText, at windowStart: Int,
    windowLines: Int, keepsLinesAfter: Bool, byteDelta: Int
  ) -> NormalizedText {
    let lower = replaced.lowerBound
    let upper = replaced.upperBound
    let total = lower + window.count + (count - upper)
    let spliced = [Unicode.Scalar](unsafeUninitializedCapacity: total) { buffer, initialized in
      let base = buffer.baseAddress!
      scalars.withUnsafeBufferPointer { old in
        if lower > 0 { base.initialize(from: old.baseAddress!, count: lower) }
        if upper < old.count { (base + lower + window.count).initialize(from: old.baseAddress! + upper, count: old.count - upper) }
      }
      window.scalars.withUnsafeBufferPointer { new in
        if new.count > 0 { (base + lower).initialize(from: new.baseAddress!, count: new.count) }
      }
      initialized = total
    }
    let offsets = SourceOffsets(
      splicing: starts, keeping: lower, window.starts, at: windowStart, from: upper, by: byteDelta)
    // Line starts: the prefix's as they are, the window's and the suffix's moved by constants.
    let taken = min(windowLines, window.lineStarts.count)
    let suffixLines = keepsLinesAfter ? max(0, lineStarts.count - lines.upperBound) : 0
    let lineCount = lines.lowerBound + taken + suffixLines
    let newLineStarts = [Int](unsafeUninitializedCapacity: lineCount) { buffer, initialized in
      let base = buffer.baseAddress!
      lineStarts.withUnsafeBufferPointer { old in
        if lines.lowerBound > 0 { base.initialize(from: old.baseAddress!, count: lines.lowerBound) }
        let shift = lower + window.count - upper
        var k = lines.lowerBound + taken
        for i in old.count - suffixLines..<old.count {
          (base + k).initialize(to: old[i] &+ shift)
          k += 1
        }
      }
      window.lineStarts.withUnsafeBufferPointer { new in
        for i in 0..<taken { (base + lines.lowerBound + i).initialize(to: new[i] &+ lower) }
      }
      initialized = lineCount
    }
    // In-line gaps: they belong to their lines, and the window replaced whole lines, so the
    // prefix's below `lower`, the window's moved by `lower`, the suffix's (from `upper`) moved
    // by `shift`; each line's first gap as the line starts are (the window's whole list is
    // taken: it holds only the lines taken).
    let shift = lower + window.count - upper
    let gapsBelow = { (bound: Int) -> Int in
      var low = 0
      var high = self.inlineGaps.count
      while low < high {
        let mid = (low + high) >> 1
        if self.inlineGaps[mid] < bound { low = mid + 1 } else { high = mid }
      }
      return low
    }
    let prefixGaps = gapsBelow(lower)
    let suffixGapsFrom = keepsLinesAfter ? gapsBelow(upper) : inlineGaps.count
    var newGaps: [Int] = []
    newGaps.reserveCapacity(prefixGaps + window.inlineGaps.count + inlineGaps.count - suffixGapsFrom)
    newGaps += inlineGaps[..<prefixGaps]
    for k in window.inlineGaps { newGaps.append(k &+ lower) }
    for k in inlineGaps[suffixGapsFrom...] { newGaps.append(k &+ shift) }
    var newLineGapStarts: [Int] = []
    newLineGapStarts.reserveCapacity(lineCount)
    newLineGapStarts += lineGapStarts[..<lines.lowerBound]
    for i in 0..<taken { newLineGapStarts.append(window.lineGapStarts[i] &+ prefixGaps) }
    let gapShift = prefixGaps + window.inlineGaps.count - suffixGapsFrom
    for i in lineGapStarts.count - suffixLines..<lineGapStarts.count { newLineGapStarts.append(lineGapStarts[i] &+ gapShift) }
    var result = self
    result.scalars = spliced
    result.starts = offsets
    result.lineStarts = newLineStarts
    result.inlineGaps = newGaps
    result.lineGapStarts = newLineGapStarts
    return result
  }

  package var count: Int { scalars.count }

  /// Calls `body(k)`, in order, for each `k` of `range` but its last after which the source
  /// has bytes the view does not (whitespace or a line break removed): where
  /// `end(of: k) < starts[k + 1]`. One pass over the offsets in their own form, instead of a
  /// rule reading `starts` scalar by scalar.
  package func forEachGap(in range: Range<Int>, _ body: (Int) -> Void) {
    let range = range.clamped(to: 0..<count)
    guard range.count > 1 else { return }
    starts.forEachGap(scalars: scalars, in: range, body)
  }

  /// Calls `body(k)`, in order, for each `k` of line `line` after which the source has
  /// whitespace the view does not, before the line's next scalar: what
  /// ``forEachGap(in:_:)`` reports over ``range(ofLine:)``, read from ``inlineGaps``.
  package func forEachGap(onLine line: Int, _ body: (Int) -> Void) {
    guard line >= 0, line + 1 < lineGapStarts.count else { return }
    for g in lineGapStarts[line]..<lineGapStarts[line + 1] { body(inlineGaps[g]) }
  }

  /// Normalized scalars of one line.
  package func range(ofLine line: Int) -> Range<Int> {
    guard line >= 0, line + 1 < lineStarts.count else { return count..<count }
    return lineStarts[line]..<lineStarts[line + 1]
  }

  /// Normalized scalars of lines `first...last`.
  package func range(ofLines first: Int, _ last: Int) -> Range<Int> {
    let lower = range(ofLine: first).lowerBound
    let upper = range(ofLine: last).upperBound
    return lower..<max(lower, upper)
  }

  /// The string of normalized scalars `range`.
  package func string(_ range: Range<Int>) -> String {
    String(scalars: scalars[range.clamped(to: 0..<count)])
  }

  /// The source byte offset just past normalized scalar `i`.
  @inlinable @inline(__always) package func end(of i: Int) -> Int { starts[i] + EndOffsets.utf8Length(scalars[i]) }

  /// Source byte range covering normalized scalars `range` (empty ranges map to a point).
  package func sourceRange(_ range: Range<Int>) -> TextRange {
    let clamped = range.clamped(to: 0..<count)
    if clamped.isEmpty {
      let point = clamped.lowerBound < count ? starts[clamped.lowerBound] : (count > 0 ? end(of: count - 1) : 0)
      return TextOffset(utf8: point)..<TextOffset(utf8: point)
    }
    return TextOffset(utf8: starts[clamped.lowerBound])..<TextOffset(utf8: end(of: clamped.upperBound - 1))
  }

  /// The first normalized scalar that starts at or after source byte `offset`
  /// (binary search over the start offsets; see ``SourceOffsets/firstIndex(atOrAfter:)``).
  package func firstIndex(atOrAfter offset: Int) -> Int {
    starts.firstIndex(atOrAfter: offset)
  }

  /// The normalized scalars that lie inside source range `range`.
  package func normalizedRange(of range: TextRange) -> Range<Int> {
    let lower = firstIndex(atOrAfter: range.lowerBound.utf8)
    let upper = firstIndex(atOrAfter: range.upperBound.utf8)
    return lower..<max(lower, upper)
  }

  /// The 0-based source line of normalized scalar `i` (binary search over line starts).
  package func line(ofScalar i: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 2
    guard high >= 0 else { return 0 }
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= i { low = mid } else { high = mid - 1 }
    }
    // Skip lines that own no scalar (blank lines share their start with the next line).
    while low + 1 < lineStarts.count - 1, lineStarts[low + 1] <= i { low += 1 }
    return low
  }
}

/// The source byte offsets of the normalized scalars, in one of three forms:
/// - *compact* (the usual one, 2.06 bytes per scalar): for each group of 64 scalars the
///   32-bit offset of its first (`anchors`), and for each scalar its 16-bit distance from
///   that anchor (`deltas`); used when no group spans more than 64 KiB;
/// - *narrow*: a 32-bit offset per scalar (a text under 4 GiB with a group that does not fit);
/// - *wide*: a 64-bit offset per scalar (a text of 4 GiB or more).
package struct SourceOffsets: RandomAccessCollection, Sendable {
  @usableFromInline static let groupShift = 6
  @usableFromInline static let groupSize = 1 << groupShift
  @usableFromInline static let groupMask = groupSize - 1

  @usableFromInline enum Form: Sendable { case compact, narrow, wide }

  @usableFromInline var anchors: [UInt32] = []
  @usableFromInline var deltas: [UInt16] = []
  @usableFromInline var narrow: [UInt32] = []
  @usableFromInline var wide: [Int] = []
  @usableFromInline var form: Form

  /// Empty offsets: wide for a text of 4 GiB or more, else compact (or narrow).
  init(wide: Bool, compact: Bool = true) { form = wide ? .wide : compact ? .compact : .narrow }

  var isWide: Bool { form == .wide }
  /// Whether the offsets are held as 16-bit distances from anchors (the usual form).
  package var isCompact: Bool { form == .compact }

  /// The offsets `starts` (ascending), in the smallest form that holds them.
  init(_ starts: [Int]) {
    let count = starts.count
    guard (starts.last ?? 0) <= Int(UInt32.max) else {
      form = .wide
      wide = starts
      return
    }
    form = .compact
    var overflow = 0
    starts.withUnsafeBufferPointer { starts in
      anchors = [UInt32](unsafeUninitializedCapacity: (count + Self.groupMask) >> Self.groupShift) { a, n in
        var group = 0
        while group << Self.groupShift < count {
          a[group] = UInt32(truncatingIfNeeded: starts[group << Self.groupShift])
          group += 1
        }
        n = group
      }
      deltas = [UInt16](unsafeUninitializedCapacity: count) { d, n in
        for i in 0..<count {
          let delta = starts[i] &- Int(anchors[i >> Self.groupShift])
          overflow |= delta
          d[i] = UInt16(truncatingIfNeeded: delta)
        }
        n = count
      }
    }
    if UInt(bitPattern: overflow) > UInt(UInt16.max) {
      form = .narrow
      narrow = starts.map { UInt32(truncatingIfNeeded: $0) }
      anchors = []
      deltas = []
    }
  }

  /// The offsets `old[..<lower]`, then `new`'s moved by `windowStart`, then
  /// `old[upper...]` moved by `delta` (a window spliced into a page), in the form a fresh
  /// build of the same offsets takes. For compact `old`, the prefix's anchors and
  /// distances are copied as they are; the rest is re-anchored in one pass (the groups of
  /// 64 fall at other scalars once the window's length changed), falling back to 32-bit
  /// offsets when a group then spans more than 64 KiB.
  init(splicing old: SourceOffsets, keeping lower: Int, _ new: SourceOffsets, at windowStart: Int, from upper: Int, by delta: Int) {
    let count = lower + new.count + (old.count - upper)
    let last =
      upper < old.count ? old[old.count - 1] + delta : new.count > 0 ? new[new.count - 1] + windowStart : lower > 0 ? old[lower - 1] : 0
    if old.form == .wide || new.form == .wide || last > Int(UInt32.max) {
      self.init(Self.splicedValues(old, keeping: lower, new, at: windowStart, from: upper, by: delta))
      return
    }
    let mask = Self.groupMask
    let shift = Self.groupShift
    var overflow = 0
    var newAnchors: [UInt32] = []
    let newDeltas = [UInt16](unsafeUninitializedCapacity: Swift.max(count, 1)) { deltaBuffer, deltaCount in
      newAnchors = [UInt32](unsafeUninitializedCapacity: Swift.max((count + mask) >> shift, 1)) { anchorBuffer, anchorCount in
        let d = deltaBuffer.baseAddress!
        let a = anchorBuffer.baseAddress!
        var j = 0
        var anchor = 0
        if old.form == .compact, lower > 0 {
          // The prefix: distances and anchors as they are (its last group may be partial).
          old.deltas.withUnsafeBufferPointer { d.initialize(from: $0.baseAddress!, count: lower) }
          old.anchors.withUnsafeBufferPointer { a.initialize(from: $0.baseAddress!, count: (lower + mask) >> shift) }
          j = lower
          anchor = Int(a[(lower - 1) >> shift])
        }
        @inline(__always) func put(_ value: Int) {
          if j & mask == 0 {
            anchor = value
            (a + (j >> shift)).initialize(to: UInt32(truncatingIfNeeded: value))
          }
          let distance = value &- anchor
          overflow |= distance
          (d + j).initialize(to: UInt16(truncatingIfNeeded: distance))
          j += 1
        }
        @inline(__always) func fill(_ source: SourceOffsets, _ range: Range<Int>, plus: Int) {
          guard !range.isEmpty else { return }
          switch source.form {
          case .compact:
            // Span by span, where a span lies in one group of the source and one of the
            // result: its distances are the source's plus a constant, and the last is the largest.
            source.anchors.withUnsafeBufferPointer { sa in
              source.deltas.withUnsafeBufferPointer { sd in
                let sd = sd.baseAddress!
                var i = range.lowerBound
                while i < range.upperBound {
                  let n = Swift.min(range.upperBound - i, (j | mask) + 1 - j, (i | mask) + 1 - i)
                  let sourceAnchor = Int(sa[i &>> shift]) &+ plus
                  if j & mask == 0 {
                    anchor = sourceAnchor &+ Int(sd[i])
                    (a + (j >> shift)).initialize(to: UInt32(truncatingIfNeeded: anchor))
                  }
                  let offset = sourceAnchor &- anchor
                  overflow |= offset &+ Int(sd[i + n - 1])
                  let offset16 = UInt16(truncatingIfNeeded: offset)
                  for k in 0..<n { (d + j + k).initialize(to: sd[i + k] &+ offset16) }
                  i += n
                  j += n
                }
              }
            }
          case .narrow:
            source.narrow.withUnsafeBufferPointer { sn in
              for i in range { put(Int(sn[i]) &+ plus) }
            }
          case .wide:
            for i in range { put(source.wide[i] &+ plus) }
          }
        }
        if j < lower { fill(old, 0..<lower, plus: 0) }
        fill(new, 0..<new.count, plus: windowStart)
        fill(old, upper..<old.count, plus: delta)
        anchorCount = (count + mask) >> shift
      }
      deltaCount = count
    }
    if UInt(bitPattern: overflow) > UInt(UInt16.max) {
      // A group spans more than 64 KiB: the form a fresh build takes.
      self.init(Self.splicedValues(old, keeping: lower, new, at: windowStart, from: upper, by: delta))
      return
    }
    self.init(wide: false)
    anchors = newAnchors
    deltas = newDeltas
  }

  /// The offsets of ``init(splicing:keeping:_:at:from:by:)`` one by one.
  private static func splicedValues(
    _ old: SourceOffsets, keeping lower: Int, _ new: SourceOffsets, at windowStart: Int, from upper: Int, by delta: Int
  ) -> [Int] {
    var values: [Int] = []
    values.reserveCapacity(lower + new.count + (old.count - upper))
    for i in 0..<lower { values.append(old[i]) }
    for i in 0..<new.count { values.append(new[i] + windowStart) }
    for i in upper..<old.count { values.append(old[i] + delta) }
    return values
  }

  @inlinable package var startIndex: Int { 0 }
  @inlinable package var endIndex: Int {
    switch form {
    case .compact: deltas.count
    case .narrow: narrow.count
    case .wide: wide.count
    }
  }

  @inlinable @inline(__always) package subscript(i: Int) -> Int {
    switch form {
    case .compact:
      // `deltas[i]` checks the bound; its group's anchor then exists.
      let delta = Int(deltas[i])
      return anchors.withUnsafeBufferPointer { Int($0[i &>> Self.groupShift]) } &+ delta
    case .narrow: return Int(narrow[i])
    case .wide: return wide[i]
    }
  }

  /// The first index whose offset is `offset` or more (`count` if none). For the compact
  /// form, first over the anchors: from where the offset would be if the groups were evenly
  /// spread (a page's are nearly: three bytes a scalar), a bracket widened by doubling steps,
  /// then over the 64 distances of one group. The binary searches inside a bracket and a
  /// group have no branch on the data (a conditional move per step: the comparison of a
  /// random probe is mispredicted half the time). (A binary search over all the anchors, a
  /// dozen probes each waiting on the last, cost 2.7% of `check`'s samples on 1 MB for 0.7%
  /// of its instructions: Benchmarks/README.md, the sixteenth round.)
  func firstIndex(atOrAfter offset: Int) -> Int {
    guard form == .compact else { return Self.lowerBound(count) { self[$0] < offset } }
    return anchors.withUnsafeBufferPointer { a in
      deltas.withUnsafeBufferPointer { d in
        let groups = Self.anchorsBelow(offset, in: a)
        // The answer is in the last group whose anchor is below `offset`, or starts the next.
        guard groups > 0 else { return 0 }
        let first = (groups - 1) << Self.groupShift
        let target = offset - Int(a[groups - 1])
        return first + Self.lowerBound(Swift.min(Self.groupSize, d.count - first)) { Int(d[first &+ $0]) < target }
      }
    }
  }

  /// The number of anchors below `offset` (they ascend): from the interpolated guess, the
  /// bracket `a[low] < offset <= a[high]` widened by doubling steps, then a binary search
  /// inside it with `lowerBound`.
  @inline(__always)
  private static func anchorsBelow(_ offset: Int, in a: UnsafeBufferPointer<UInt32>) -> Int {
    let count = a.count
    guard count > 0, offset > Int(a[0]) else { return 0 }
    let first = Int(a[0])
    let last = Int(a[count - 1])
    guard offset <= last else { return count }
    // Here a[0] < offset <= a[count - 1], so the answer is in 1..<count (and count >= 2).
    // (The product is below 2^32 times the anchors: no overflow in a 64-bit `Int`.)
    let guess = Swift.min(count - 1, Swift.max(1, (offset - first) * (count - 1) / (last - first)))
    var low: Int
    var high: Int
    var step = 1
    if Int(a[guess]) >= offset {
      high = guess
      low = guess - 1
      while Int(a[low]) >= offset {
        high = low
        low = Swift.max(0, low - step)
        step <<= 1
      }
    } else {
      low = guess
      high = guess + 1
      while Int(a[high]) < offset {
        low = high
        high = Swift.min(count - 1, high + step)
        step <<= 1
      }
    }
    // a[low] < offset <= a[high]: the first at or above it is in low + 1 ... high.
    return low + 1 + lowerBound(high - low - 1) { Int(a[low + 1 + $0]) < offset }
  }

  /// The first of `0..<count` where `less` is false (`less` false from some index on),
  /// without a branch on the data.
  @inline(__always)
  private static func lowerBound(_ count: Int, _ less: (Int) -> Bool) -> Int {
    guard count > 0 else { return 0 }
    var base = 0
    var n = count
    while n > 1 {
      let half = n >> 1
      base = less(base &+ half) ? base &+ half : base
      n &-= half
    }
    return less(base) ? base &+ 1 : base
  }

  /// See ``NormalizedText/forEachGap(in:_:)``; `range` is within the offsets, two or more long.
  func forEachGap(scalars: [Unicode.Scalar], in range: Range<Int>, _ body: (Int) -> Void) {
    let last = range.upperBound - 1
    guard form == .compact else {
      var start = self[range.lowerBound]
      for k in range.lowerBound..<last {
        let next = self[k + 1]
        if start + EndOffsets.utf8Length(scalars[k]) < next { body(k) }
        start = next
      }
      return
    }
    scalars.withUnsafeBufferPointer { s in
      deltas.withUnsafeBufferPointer { d in
        anchors.withUnsafeBufferPointer { a in
          var start = Int(a[range.lowerBound &>> Self.groupShift]) &+ Int(d[range.lowerBound])
          // Most lines have no gap: then the bytes from the first scalar's start to the last
          // one's start are exactly the UTF-8 of the scalars before the last. That sum is a
          // tight loop without branches; only a line where it falls short is walked.
          let lastStart = Int(a[last &>> Self.groupShift]) &+ Int(d[last])
          // (Summed in 32 bits, which vectorizes; a line is far shorter than 4 GiB.)
          var bytes: UInt32 = 0
          for k in range.lowerBound..<last { bytes &+= UInt32(truncatingIfNeeded: EndOffsets.utf8Length(s[k])) }
          guard start &+ Int(bytes) != lastStart else { return }
          for k in range.lowerBound..<last {
            let next = Int(a[(k + 1) &>> Self.groupShift]) &+ Int(d[k + 1])
            if start &+ EndOffsets.utf8Length(s[k]) < next { body(k) }
            start = next
          }
        }
      }
    }
  }

  mutating func append(_ offset: Int) {
    switch form {
    case .compact:
      let count = deltas.count
      if count & Self.groupMask == 0 { anchors.append(UInt32(truncatingIfNeeded: offset)) }
      let delta = offset - Int(anchors[count >> Self.groupShift])
      if delta <= Int(UInt16.max) {
        deltas.append(UInt16(truncatingIfNeeded: delta))
        return
      }
      // This group spans more than 64 KiB: all offsets become 32-bit.
      narrow = map { UInt32(truncatingIfNeeded: $0) }
      anchors = []
      deltas = []
      form = .narrow
      narrow.append(UInt32(truncatingIfNeeded: offset))
    case .narrow: narrow.append(UInt32(truncatingIfNeeded: offset))
    case .wide: wide.append(offset)
    }
  }
}

/// The source byte offset just past each normalized scalar: its start plus its UTF-8
/// length, computed on access rather than stored.
package struct EndOffsets: RandomAccessCollection, Sendable {
  @usableFromInline let scalars: [Unicode.Scalar]
  @usableFromInline let starts: SourceOffsets

  @inlinable init(scalars: [Unicode.Scalar], starts: SourceOffsets) {
    self.scalars = scalars
    self.starts = starts
  }

  @inlinable package var startIndex: Int { 0 }
  @inlinable package var endIndex: Int { scalars.count }

  @inlinable @inline(__always) package subscript(i: Int) -> Int { starts[i] + Self.utf8Length(scalars[i]) }

  /// 1 to 4; each comparison taken as a borrow bit, without a branch (so that a loop summing
  /// lengths vectorizes).
  @inlinable @inline(__always) static func utf8Length(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    return Int(truncatingIfNeeded: 1 &+ ((0x7F &- v) >> 31) &+ ((0x7FF &- v) >> 31) &+ ((0xFFFF &- v) >> 31))
  }
}
