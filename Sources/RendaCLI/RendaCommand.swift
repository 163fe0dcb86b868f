#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import RendaData
import Synchronization

/// The `renda` command line: hand-written argument parsing and exit codes.
///
/// Exit codes: 0 success, 1 findings at or above the failure threshold (`check`), 2 a
/// usage or input error (the other inputs are still processed).
package enum RendaCommand {
  package static let version = "0.1.0"

  package static let usage = """
    usage: renda <command> [options] [PATH...]

    commands:
      check [--format text|json|sarif|rdjson] [--fail-on error|warning|info|hint|never]
            [--lang zh|en] [--config FILE] [--rule ID]... [--jobs N] PATH...
                                                      report findings; exit 1 when any is at or above --fail-on
      fix [--dry-run] [--rule ID]... [--config FILE] PATH...
                                                      apply every certain fix (atomically); --dry-run prints a diff
      rules                                           list the rules
      explain RULE                                    print a rule's documentation
      outline [--format tree|markdown|json] PATH...   print the outline of each page
                                                      (PATH: a file, a directory of *.txt/*.md, or - for stdin)
      lsp [--stdio]                                   run the language server on stdin/stdout
      help                                            print this help
      version                                         print the version
    """

  /// Runs the command line and returns the process exit code.
  package static func main(_ arguments: [String], io: CommandIO = .standard) -> Int32 {
    let code = run(arguments, io: io)
    // A report cut short (a full disk) or standard input that failed is an error, whatever
    // the command found.
    if let failure = CommandIO.standardStreamFailure.withLock({ $0 }) {
      FileDescriptorIO.write("renda: \(failure)\n", to: 2)
      return 2
    }
    return code
  }

  private static func run(_ arguments: [String], io: CommandIO) -> Int32 {
    var args = Array(arguments.dropFirst())
    guard let command = args.first else {
      io.error("renda: no command given\n\n" + usage)
      return 2
    }
    args.removeFirst()
    switch command {
    case "outline": return OutlineCommand.run(args, io: io)
    case "check": return CheckCommand.run(args, io: io)
    case "fix": return FixCommand.run(args, io: io)
    case "rules": return RulesCommand.list(args, io: io)
    case "explain": return RulesCommand.explain(args, io: io)
    case "lsp": return LSPCommand.run(args, io: io)
    case "help", "--help", "-h":
      io.output(usage + "\n")
      return 0
    case "version", "--version":
      io.output("renda \(version)\n")
      return 0
    default:
      io.error("renda: unknown command '\(command)'\n\n" + usage)
      return 2
    }
  }
}

/// Where a command writes; tests capture it.
package struct CommandIO: Sendable {
  package var output: @Sendable (String) -> Void
  package var error: @Sendable (String) -> Void
  package var readStandardInput: @Sendable () -> Data

  package init(
    output: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void,
    readStandardInput: @escaping @Sendable () -> Data
  ) {
    self.output = output
    self.error = error
    self.readStandardInput = readStandardInput
  }

  /// The process's standard streams. A failed write or read is kept (the first one) in
  /// `standardStreamFailure`, which `RendaCommand.main` turns into exit code 2.
  package static let standard = CommandIO(
    output: { text in
      if !FileDescriptorIO.write(text, to: 1) { noteFailure("cannot write the output") }
    },
    error: { message in
      let text = message.hasSuffix("\n") ? message : message + "\n"
      FileDescriptorIO.write(text, to: 2)
    },
    readStandardInput: {
      guard let bytes = FileDescriptorIO.readToEnd(0) else {
        noteFailure("cannot read standard input")
        return Data()
      }
      return Data(bytes)
    })

  /// The first failure of a standard stream, in words; nil while there is none.
  package static let standardStreamFailure = Mutex<String?>(nil)

  private static func noteFailure(_ what: String) {
    let reason = String(cString: strerror(errno))
    standardStreamFailure.withLock { failure in
      if failure == nil { failure = "\(what): \(reason)" }
    }
  }
}
