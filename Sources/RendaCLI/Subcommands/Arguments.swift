/// A subcommand's command line: options with values, flags, and paths.
struct Arguments {
  var values: [String: String] = [:]
  var repeated: [String: [String]] = [:]
  var flags: Set<String> = []
  var paths: [String] = []

  /// A usage error, reported as `renda <command>: <message>`, exit 2.
  struct UsageError: Error {
    var message: String
  }

  /// Parses `arguments`: `--name value` or `--name=value` for `valued` options (kept in
  /// `repeated` too, for options that may repeat), bare `--flag` for `flags`, `-` and
  /// anything not starting with `-` as a path; `--` ends the options.
  static func parse(_ arguments: [String], valued: Set<String>, flags: Set<String>) -> Result<Arguments, UsageError> {
    var result = Arguments()
    var i = 0
    var optionsEnded = false
    while i < arguments.count {
      let argument = arguments[i]
      i += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        result.paths.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      var name = argument
      var inlineValue: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      if valued.contains(name) {
        let value: String
        if let inlineValue {
          value = inlineValue
        } else {
          guard i < arguments.count else { return .failure(UsageError(message: "\(name) needs a value")) }
          value = arguments[i]
          i += 1
        }
        result.values[name] = value
        result.repeated[name, default: []].append(value)
      } else if flags.contains(name), inlineValue == nil {
        result.flags.insert(name)
      } else {
        return .failure(UsageError(message: "unknown option '\(argument)'"))
      }
    }
    return .success(result)
  }
}
