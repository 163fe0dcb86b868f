import Foundation
import RendaCLI
import Synchronization

/// What one in-process run of `RendaCommand.main` wrote, captured thread-safely.
final class CapturedIO: Sendable {
  private struct State {
    var output = ""
    var error = ""
  }

  private let state = Mutex(State())
  private let standardInput: Data

  init(standardInput: Data = Data()) {
    self.standardInput = standardInput
  }

  var output: String { state.withLock { $0.output } }
  var error: String { state.withLock { $0.error } }

  var io: CommandIO {
    CommandIO(
      output: { text in self.state.withLock { $0.output += text } },
      error: { text in self.state.withLock { $0.error += text.hasSuffix("\n") ? text : text + "\n" } },
      readStandardInput: { self.standardInput })
  }
}

/// Runs `renda ARGUMENTS...` in-process.
func runInProcess(_ arguments: [String], standardInput: Data = Data()) -> (
  status: Int32, output: String, error: String
) {
  let capture = CapturedIO(standardInput: standardInput)
  let status = RendaCommand.main(["renda"] + arguments, io: capture.io)
  return (status, capture.output, capture.error)
}

/// Paths of the package that the CLI tests use, found relative to this source file.
enum PackagePaths {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // RendaCLITests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  static let seeds = root.appendingPathComponent("seeds")

  /// The seed page with five articles that most subprocess tests read.
  static let seed001 = "seeds/001_7cb29f78ffdd70e4.txt"
}

/// The built `renda` executable: `$RENDA_BINARY`, else the `renda` next to the test bundle
/// (same build configuration), else `<package root>/.build/debug/renda`.
enum RendaBinary {
  static let candidates: [URL] = {
    var list: [URL] = []
    if let override = ProcessInfo.processInfo.environment["RENDA_BINARY"], !override.isEmpty {
      return [URL(fileURLWithPath: override)]
    }
    // The test runner is `.build/<triple>/<config>/RendaPackageTests.xctest` (a file on Linux,
    // a bundle directory on macOS); `renda` is built beside it.
    let bundle = Bundle.main.bundleURL
    list.append(bundle.appendingPathComponent("renda"))
    list.append(bundle.deletingLastPathComponent().appendingPathComponent("renda"))
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
      list.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("renda"))
    }
    list.append(PackagePaths.root.appendingPathComponent(".build/debug/renda"))
    return list
  }()

  static let url: URL? = candidates.first { candidate in
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory)
      && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: candidate.path)
  }
}

/// Collects the bytes one reader thread reads from a pipe.
private final class DataBox: Sendable {
  private let data = Mutex(Data())
  func set(_ value: Data) { data.withLock { $0 = value } }
  var value: Data { data.withLock { $0 } }
}

struct ProcessResult {
  var status: Int32
  var output: String
  var error: String
  var outputData: Data
}

struct MissingBinary: Error, CustomStringConvertible {
  var description: String {
    "renda binary not found; tried: " + RendaBinary.candidates.map(\.path).joined(separator: ", ")
  }
}

/// Runs the built `renda` with ARGUMENTS in the package root, feeding STANDARDINPUT (or
/// /dev/null) and reading its standard output and error on their own threads, so large
/// outputs cannot fill a pipe and deadlock.
func runBinary(_ arguments: [String], standardInput: Data? = nil) throws -> ProcessResult {
  guard let binary = RendaBinary.url else { throw MissingBinary() }
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  process.currentDirectoryURL = PackagePaths.root
  let outputPipe = Pipe()
  let errorPipe = Pipe()
  process.standardOutput = outputPipe
  process.standardError = errorPipe
  let inputPipe = standardInput.map { _ in Pipe() }
  process.standardInput = inputPipe ?? FileHandle.nullDevice

  try process.run()

  let group = DispatchGroup()
  let output = DataBox()
  let error = DataBox()
  let outputHandle = outputPipe.fileHandleForReading
  let errorHandle = errorPipe.fileHandleForReading
  DispatchQueue.global().async(group: group) { output.set(outputHandle.readDataToEndOfFile()) }
  DispatchQueue.global().async(group: group) { error.set(errorHandle.readDataToEndOfFile()) }
  if let inputPipe, let standardInput {
    // A write to a command that has exited fails with EPIPE instead of killing the test
    // process (as `LSPProcess` does; which suite ran first decided it before).
    signal(SIGPIPE, SIG_IGN)
    let writer = inputPipe.fileHandleForWriting
    do {
      try writer.write(contentsOf: standardInput)
    } catch let error as NSError where isBrokenPipe(error) {
      // The command exited without reading its input (`fix -` refuses before it reads):
      // its status and output say what happened, not this write.
    }
    try? writer.close()
  }
  group.wait()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus,
    output: String(decoding: output.value, as: UTF8.self),
    error: String(decoding: error.value, as: UTF8.self),
    outputData: output.value)
}

/// Whether `error` (from writing to a pipe) is EPIPE: the reader had closed its end.
private func isBrokenPipe(_ error: NSError) -> Bool {
  let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError ?? error
  return underlying.domain == NSPOSIXErrorDomain && underlying.code == Int(EPIPE)
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("renda-cli-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let file = url.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    return file
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}

/// The lines of TEXT that start with PREFIX.
func lines(of text: String, startingWith prefix: String) -> [Substring] {
  text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix(prefix) }
}

/// The top-level array of `renda outline --format json`, as Foundation objects.
func outlineFiles(_ data: Data) throws -> [[String: Any]] {
  let object = try JSONSerialization.jsonObject(with: data)
  guard let files = object as? [[String: Any]] else { throw NotAnArrayOfFiles() }
  return files
}

struct NotAnArrayOfFiles: Error {}

func articles(_ file: [String: Any]) -> [[String: Any]]? {
  file["articles"] as? [[String: Any]]
}
