import Foundation
import RendaCLI
import Testing

/// Argument parsing, `help` and `version`, run in-process through `RendaCommand.main`.
@Suite("renda command line (in-process)")
struct CommandLineTests {
  @Test("no command: exit 2, usage on stderr, nothing on stdout")
  func noCommand() {
    let run = runInProcess([])
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.error.contains("usage: renda <command>"))
  }

  @Test("unknown command: exit 2, the command is named, usage follows")
  func unknownCommand() {
    let run = runInProcess(["frobnicate", "seeds"])
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.error.contains("renda: unknown command 'frobnicate'"))
    #expect(run.error.contains("usage: renda <command>"))
  }

  @Test("unknown option: exit 2, the option is named", arguments: ["--frob", "-x", "--formats=json"])
  func unknownOption(option: String) {
    let run = runInProcess(["outline", option, PackagePaths.seed001])
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.error.contains("renda outline: unknown option '\(option)'"))
  }

  @Test("--format without a value: exit 2, the problem and the choices are named")
  func formatWithoutValue() {
    let run = runInProcess(["outline", "--format"])
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.error.contains("--format needs a value"))
    #expect(run.error.contains("tree, markdown or json"))
  }

  @Test("unknown format: exit 2, the format is named", arguments: [["--format", "yaml"], ["--format=yaml"]])
  func unknownFormat(arguments: [String]) {
    let run = runInProcess(["outline"] + arguments + [PackagePaths.seed001])
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.error.contains("renda outline: unknown format 'yaml'"))
    #expect(run.error.contains("tree, markdown or json"))
  }

  @Test("outline without a path: exit 2, asks for input")
  func outlineWithoutInput() {
    let run = runInProcess(["outline", "--format", "json"])
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.error.contains("renda outline: no input"))
  }

  @Test("version prints the version on stdout", arguments: ["version", "--version"])
  func version(command: String) {
    let run = runInProcess([command])
    #expect(run.status == 0)
    #expect(run.output == "renda \(RendaCommand.version)\n")
    #expect(run.error.isEmpty)
  }

  @Test("help prints the usage on stdout", arguments: ["help", "--help", "-h"])
  func help(command: String) {
    let run = runInProcess([command])
    #expect(run.status == 0)
    #expect(run.output == RendaCommand.usage + "\n")
    #expect(run.output.contains("usage: renda <command>"))
    #expect(run.output.contains("outline [--format tree|markdown|json] PATH..."))
    #expect(run.error.isEmpty)
  }

  @Test("outline of standard input through CommandIO: the path is '-'")
  func outlineOfStandardInput() throws {
    let seed = try Data(contentsOf: PackagePaths.root.appendingPathComponent(PackagePaths.seed001))
    let run = runInProcess(["outline", "--format=json", "-"], standardInput: seed)
    #expect(run.status == 0)
    #expect(run.error.isEmpty)
    let files = try outlineFiles(Data(run.output.utf8))
    #expect(files.count == 1)
    #expect(files.first?["path"] as? String == "-")
    #expect(files.first.flatMap(articles)?.count == 5)
  }
}
