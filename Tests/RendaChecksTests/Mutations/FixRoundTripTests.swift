import RendaAnalysis
import RendaChecks
import RendaPage
import RendaText
import Testing

// Fix round trip: every certain fix applied to each seed (round after round until none
// applies), then the page checked again. The fixed rules have nothing left to fix, the
// other rules see what they saw, the text stays valid UTF-8, the page keeps its structure,
// and fixing again changes nothing.

/// One seed's round trip, computed once.
struct FixRoundTrip: Sendable {
  /// The rules whose findings carry certain fixes.
  static let fixingRules: Set<String> = [
    "ocr-spacing", "halfwidth-punctuation", "ocr-confusable", "heading-format", "canonical-phrase",
  ]
  static let maximumRounds = 8

  var seed: String
  var original: SourceText
  var fixed: SourceText
  /// Fixes applied in each round, the last one 0 when the rounds converged.
  var appliedPerRound: [Int]
  /// Fixes skipped (overlapping) in each round.
  var skippedPerRound: [Int]
  /// The rules whose fixes were applied.
  var fixedRules: Set<String>
  var before: [Finding]
  var after: [Finding]

  var totalApplied: Int { appliedPerRound.reduce(0, +) }
  var converged: Bool { appliedPerRound.last == 0 }

  static func findings(_ text: SourceText) -> [Finding] {
    CheckRunner.findings(in: PageParser.parse(text), glossary: builtInGlossary)
  }

  init(seed: String, text: String) {
    self.seed = seed
    original = SourceText(text)
    before = Self.findings(original)
    var current = original
    var findings = before
    appliedPerRound = []
    skippedPerRound = []
    fixedRules = []
    for _ in 0..<Self.maximumRounds {
      let fixes = findings.flatMap(\.fixes)
      let result = FixApplier.apply(fixes, to: current)
      appliedPerRound.append(result.appliedFixes)
      skippedPerRound.append(result.skippedFixes)
      if result.appliedFixes == 0 { break }
      fixedRules.formUnion(findings.filter { !$0.fixes.isEmpty }.map(\.rule))
      current = result.text
      findings = Self.findings(current)
    }
    fixed = current
    after = findings
  }

  static let all: [String: FixRoundTrip] = {
    var result: [String: FixRoundTrip] = [:]
    for (name, text) in SeedCorpus.texts { result[name] = FixRoundTrip(seed: name, text: text) }
    return result
  }()

  /// A finding as `(rule, covered text)`, the text compared as `comparable` prints it.
  static func key(_ finding: Finding, in text: SourceText) -> String {
    "\(finding.rule) «\(comparable(text.string(in: finding.range)))»"
  }

  /// Text with what the certain fixes change taken out: whitespace, the width of
  /// punctuation and the direction of quotes, listed misreadings, stray underscores, a
  /// heading's final stop. Two texts that differ only by fixes compare equal.
  static func comparable(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !scalar.properties.isWhitespace && scalar != "_" {
      switch scalar {
      case ",": scalars.append("，")
      case ".": scalars.append("。")
      case ":": scalars.append("：")
      case ";": scalars.append("；")
      case "?": scalars.append("？")
      case "!": scalars.append("！")
      case "(": scalars.append("（")
      case ")": scalars.append("）")
      case "“", "”": scalars.append("\"")
      case "‘", "’": scalars.append("'")
      default: scalars.append(scalar)
      }
    }
    var result = String(scalars)
    for entry in builtInGlossary.confusables where entry.isCertain && !entry.wrong.isEmpty {
      result = result.replacing(entry.wrong, with: entry.right)
    }
    return result
  }

  /// Articles, titles, headings, run-in heads, bylines, author notes and furniture, one
  /// line each, with their lines and texts (made comparable).
  static func structure(of text: SourceText) -> [String] {
    let page = PageParser.parse(text)
    func lineOf(_ range: TextRange) -> Int { text.lineIndex.line(containing: range.lowerBound) + 1 }
    func heading(_ s: String) -> String {
      var c = comparable(s)
      while let last = c.unicodeScalars.last, "。！？；".unicodeScalars.contains(last) {
        c = String(String.UnicodeScalarView(c.unicodeScalars.dropLast()))
      }
      return c
    }
    var lines: [String] = ["articles: \(page.articles.count)"]
    for (k, article) in page.articles.enumerated() {
      let a = "article \(k + 1)"
      if let byline = article.byline {
        lines.append(
          "\(a) byline L\(lineOf(byline.range)): \(byline.authors.joined(separator: "、")) (\(byline.province ?? "-"))")
      }
      if let title = article.title {
        lines.append("\(a) title \(title.lines.map { $0 + 1 }): \(comparable(title.text.normalized))")
      }
      lines.append("\(a) lead: \(article.lead.map { "L\(lineOf($0))" } ?? "none")")
      for h in article.headings {
        lines.append("\(a) heading \(h.lines.map { $0 + 1 }): \(heading(h.text.normalized))")
      }
      for r in article.runInHeads {
        lines.append("\(a) run-in head L\(r.line + 1): \(comparable(r.text.normalized))")
      }
      if let note = article.authorNote {
        lines.append("\(a) author note L\(note.line + 1): \(comparable(note.text.normalized))")
      }
    }
    for f in page.furniture {
      lines.append("furniture \(f.kind.rawValue) \(f.lines.map { $0 + 1 }): \(comparable(f.text.normalized))")
    }
    return lines
  }
}

@Suite("fix round trip on the seed pages")
struct FixRoundTripTests {
  static func roundTrip(_ seed: String) throws -> FixRoundTrip {
    try #require(FixRoundTrip.all[seed], "no seed \(seed)")
  }

  @Test("the seeds are there")
  func seeds() {
    #expect(FixRoundTrip.all.count == 5)
  }

  @Test("fixing converges, and a second fix is a no-op", arguments: SeedCorpus.names)
  func converges(_ seed: String) throws {
    let trip = try Self.roundTrip(seed)
    #expect(trip.converged, "no convergence in \(FixRoundTrip.maximumRounds) rounds: \(trip.appliedPerRound)")
    #expect(trip.totalApplied > 0, "every seed has something to fix")
    // `renda fix` run twice: the second run finds nothing to apply.
    #expect(trip.appliedPerRound.count == 2, "fixes applied per round: \(trip.appliedPerRound)")
    #expect(trip.skippedPerRound.allSatisfy { $0 == 0 }, "overlapping fixes skipped: \(trip.skippedPerRound)")
    // And once more on the fixed text: the same bytes.
    let again = FixApplier.apply(trip.after.flatMap(\.fixes), to: trip.fixed)
    #expect(again.appliedFixes == 0)
    #expect(again.text.bytes == trip.fixed.bytes)
  }

  @Test("only the fixing rules have fixes, and none of their fixable findings remains", arguments: SeedCorpus.names)
  func fixedRulesQuiet(_ seed: String) throws {
    let trip = try Self.roundTrip(seed)
    #expect(trip.fixedRules.isSubset(of: FixRoundTrip.fixingRules), "rules with fixes: \(trip.fixedRules)")
    let remaining = trip.after.filter { trip.fixedRules.contains($0.rule) }
    #expect(remaining.allSatisfy { $0.fixes.isEmpty })
    // What remains of those rules is what had no fix to begin with (a quote without partner).
    let fixless = trip.before.filter { $0.fixes.isEmpty && trip.fixedRules.contains($0.rule) }
    let extra = multisetDifference(
      remaining.map { FixRoundTrip.key($0, in: trip.fixed) }, fixless.map { FixRoundTrip.key($0, in: trip.original) })
    #expect(extra.isEmpty, "findings of the fixed rules after the fixes: \(extra)")
  }

  @Test("the other rules find what they found before", arguments: SeedCorpus.names)
  func otherRulesUnchanged(_ seed: String) throws {
    let trip = try Self.roundTrip(seed)
    let before = trip.before.filter { !trip.fixedRules.contains($0.rule) }.map {
      FixRoundTrip.key($0, in: trip.original)
    }
    let after = trip.after.filter { !trip.fixedRules.contains($0.rule) }.map { FixRoundTrip.key($0, in: trip.fixed) }
    #expect(multisetDifference(after, before).isEmpty, "new findings after the fixes")
    #expect(multisetDifference(before, after).isEmpty, "findings lost by the fixes")
  }

  @Test("the fixed text is valid UTF-8 with the same lines", arguments: SeedCorpus.names)
  func validText(_ seed: String) throws {
    let trip = try Self.roundTrip(seed)
    let revalidated = try SourceText(validating: trip.fixed.bytes)
    #expect(revalidated.bytes == trip.fixed.bytes)
    #expect(Array(String(decoding: trip.fixed.bytes, as: UTF8.self).utf8) == trip.fixed.bytes)
    #expect(trip.fixed.lineCount == trip.original.lineCount)
  }

  /// The mutants whose one defect has a certain fix (a stop after a heading, a spaced
  /// line, an ASCII mark, a listed misreading).
  static let fixableMutants = Mutant.all.filter {
    $0.knownIssue == nil && FixRoundTrip.fixingRules.contains($0.rule) && $0.kind != .lengthenHeading
  }

  @Test("fixing a mutant whose defect has a certain fix gives back the fixed seed", arguments: fixableMutants)
  func fixableMutant(_ mutant: Mutant) throws {
    let name = try #require(SeedCorpus.name(mutant.seed))
    let original = try #require(SeedCorpus.texts[name])
    let edit = try #require(AppliedEdit(replacing: mutant.find, with: mutant.replace, in: original))
    let seedTrip = try Self.roundTrip(name)
    let trip = FixRoundTrip(seed: name, text: edit.mutant)
    #expect(trip.converged, "fixes applied per round: \(trip.appliedPerRound)")
    #expect(trip.totalApplied == seedTrip.totalApplied + 1, "one fix more than on the seed")
    #expect(trip.fixedRules.contains(mutant.rule))
    #expect(trip.fixed.bytes == seedTrip.fixed.bytes, "the fixed mutant differs from the fixed seed")
  }

  @Test("the fixes keep the page's structure", arguments: SeedCorpus.names)
  func structureUnchanged(_ seed: String) throws {
    let trip = try Self.roundTrip(seed)
    let before = FixRoundTrip.structure(of: trip.original)
    let after = FixRoundTrip.structure(of: trip.fixed)
    #expect(before.count == after.count)
    for (b, a) in zip(before, after) { #expect(a == b) }
  }
}
