import RendaChecks

/// `renda rules` lists every rule; `renda explain RULE` prints its documentation.
enum RulesCommand {
  static func list(_ arguments: [String], io: CommandIO) -> Int32 {
    guard let language = parseLanguage(arguments, command: "rules", io: io, allowsPaths: false) else { return 2 }
    let width = CheckRegistry.ids.map(\.count).max() ?? 10
    var out = ""
    for check in CheckRegistry.all {
      let id = padded(check.id, to: width)
      let severity = padded(check.defaultSeverity.rawValue, to: 7)
      out += "\(id)  \(severity)  \(check.summary.text(in: language))\n"
    }
    io.output(out)
    return 0
  }

  /// `text` cut or filled with spaces to `width` characters.
  private static func padded(_ text: String, to width: Int) -> String {
    text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
  }

  /// `--lang zh|en`; nil after reporting a usage error.
  private static func parseLanguage(_ arguments: [String], command: String, io: CommandIO, allowsPaths: Bool)
    -> Language?
  {
    switch Arguments.parse(arguments, valued: ["--lang"], flags: []) {
    case .failure(let error):
      io.error("renda \(command): \(error.message)")
      return nil
    case .success(let parsed):
      if !allowsPaths, let extra = parsed.paths.first {
        io.error("renda \(command): unexpected argument '\(extra)'")
        return nil
      }
      guard let language = Language(rawValue: parsed.values["--lang"] ?? "zh") else {
        io.error("renda \(command): --lang takes zh or en")
        return nil
      }
      return language
    }
  }

  static func explain(_ arguments: [String], io: CommandIO) -> Int32 {
    guard parseLanguage(arguments, command: "explain", io: io, allowsPaths: true) != nil,
      case .success(let parsed) = Arguments.parse(arguments, valued: ["--lang"], flags: [])
    else { return 2 }
    guard let id = parsed.paths.first else {
      io.error("renda explain: name a rule; `renda rules` lists them")
      return 2
    }
    if id == "suppression" || id == "config" {
      io.output(configurationHelp)
      return 0
    }
    guard let check = CheckRegistry.check(id: id) else {
      io.error("renda explain: unknown rule '\(id)'; `renda rules` lists them")
      return 2
    }
    io.output(check.documentation + "\n\n" + configurationHelp)
    return 0
  }

  static let configurationHelp = """
    Turning rules off

      In the text, on a line of its own (in .txt and .md alike; Renda reads these lines
      as blank, like any editor's mark):
        <!-- renda-disable RULE[,RULE] -->      off from here (every rule if none named)
        <!-- renda-enable [RULE] -->            on again
        <!-- renda-disable-next-line RULE -->   off for the next non-blank line

      In .renda.json (found by walking up from the checked file, or --config FILE):
        {
          "rules": { "ocr-spacing": "off", "heading-format": "warning" },
          "glossaries": ["my-glossary.json"],
          "ignore": ["drafts/**"]
        }
      A rule's setting is "off", "on", or a severity (error, warning, info, hint).
      Described by schemas/config.schema.json; glossary files by schemas/glossary.schema.json.

    """
}
