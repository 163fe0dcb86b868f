import Foundation

/// A child process started with `posix_spawn`, optionally with pipes to its stdin and
/// from its stdout; what it does not pipe goes to /dev/null (stderr too, unless kept).
struct Child {
  let pid: pid_t
  /// Write end of the child's stdin, when piped.
  let input: Int32?
  /// Read end of the child's stdout, when piped.
  let output: Int32?

  static func start(_ argv: [String], pipes: Bool = false, keepStderr: Bool = false) throws -> Child {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var toChild: [Int32] = [-1, -1]
    var fromChild: [Int32] = [-1, -1]
    if pipes {
      guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw BenchError("pipe failed") }
      posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
      posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
      for fd in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, fd) }
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    if !keepStderr { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
    let cArguments = argv.map { strdup($0) } + [nil]
    defer { for argument in cArguments { free(argument) } }
    var pid: pid_t = 0
    let status = posix_spawnp(&pid, argv[0], &actions, nil, cArguments, environ)
    guard status == 0 else { throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(status)))") }
    if pipes {
      close(toChild[0])
      close(fromChild[1])
      return Child(pid: pid, input: toChild[1], output: fromChild[0])
    }
    return Child(pid: pid, input: nil, output: nil)
  }

  /// Waits for the child; its exit code (or 128 + signal) and peak RSS in bytes.
  func wait() -> (status: Int32, peakRSS: Int) {
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (code, usage.ru_maxrss * 1024)
  }

  /// Waits up to `timeout` seconds, then kills the child (SIGKILL) and reaps it.
  func wait(timeout: Double) -> (status: Int32, peakRSS: Int) {
    let deadline = now() + UInt64(timeout * 1e9)
    var status: Int32 = 0
    var usage = rusage()
    while now() < deadline {
      let reaped = wait4(pid, &status, WNOHANG, &usage)
      if reaped == pid {
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (code, usage.ru_maxrss * 1024)
      }
      if reaped < 0 && errno != EINTR { return (-1, 0) }
      usleep(10_000)
    }
    kill(pid, SIGKILL)
    return wait()
  }

  /// Runs `argv` to the end with no input and output to /dev/null: wall seconds, exit
  /// code, peak RSS (bytes, from `wait4`, as `/usr/bin/time -v` reports it).
  static func run(_ argv: [String], keepStderr: Bool = false) throws -> (seconds: Double, status: Int32, peakRSS: Int) {
    let start = now()
    let child = try Child.start(argv, keepStderr: keepStderr)
    let (status, peak) = child.wait()
    return (seconds(since: start), status, peak)
  }
}

/// Peak RSS of a command, measured from a small process.
///
/// `wait4`'s `ru_maxrss` is not the child's own peak when the parent is large: Linux keeps
/// the high-water mark of the memory the child had before `execve`, and `posix_spawn`
/// (`CLONE_VM`) runs the child in the parent's memory until then. After the throughput runs
/// renda-bench holds hundreds of megabytes, which every child it spawns would then report
/// as its own. So the command is spawned by a fresh `renda-bench --peak-rss`, whose memory
/// before `execve` of the command is only its own start-up, and which prints the figure.
enum PeakRSS {
  /// In the fresh process: runs `command` (stdout and stderr to /dev/null) and prints its
  /// exit code, seconds and peak RSS in bytes on one line.
  static func report(_ command: [String]) throws {
    let result = try Child.run(command)
    print("\(result.status) \(result.seconds) \(result.peakRSS)")
  }

  /// Runs `command` through `bench --peak-rss` and reads back what it printed.
  static func measure(_ command: [String], through bench: String) throws -> (seconds: Double, status: Int32, peakRSS: Int) {
    let child = try Child.start([bench, "--peak-rss"] + command, pipes: true)
    close(child.input!)
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = read(child.output!, &buffer, buffer.count)
      if count > 0 {
        output.append(contentsOf: buffer[..<count])
      } else if count == 0 || errno != EINTR {
        break
      }
    }
    close(child.output!)
    _ = child.wait()
    let fields = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace)
    guard fields.count == 3, let status = Int32(fields[0]), let seconds = Double(fields[1]), let peak = Int(fields[2])
    else { throw BenchError("--peak-rss \(command.joined(separator: " ")): unexpected output '\(String(decoding: output, as: UTF8.self))'") }
    return (seconds, status, peak)
  }
}
