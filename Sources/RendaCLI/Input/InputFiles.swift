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
import RendaText
import RendaData

/// One input the user named, read and validated.
struct InputDocument {
  /// The path as the user gave it (or `-` for stdin), or the file found in a directory.
  var path: String
  var text: SourceText
}

/// A clear, per-input error: the command reports it, exits 2 at the end, and goes on
/// with the other inputs.
struct InputError: Error, CustomStringConvertible {
  var path: String
  var message: String
  var description: String { "renda: \(path): \(message)" }
}

/// Expands the paths of the command line into documents: files as given, directories
/// recursively (files ending in `.txt` or `.md`, sorted), `-` as standard input.
package enum InputFiles {
  static let extensions: Set<String> = ["txt", "md"]

  static func expand(_ paths: [String]) -> [Result<String, InputError>] {
    var result: [Result<String, InputError>] = []
    for path in paths {
      if path == "-" {
        result.append(.success(path))
        continue
      }
      guard let status = FileStatus(path: path) else {
        result.append(.failure(InputError(path: path, message: "no such file or directory")))
        continue
      }
      if status.kind == .directory {
        // Hidden files too, and past subdirectories that cannot be read.
        var found: [String] = []
        let readable = DirectoryWalk.walk(path, includingHidden: true) { file in
          if extensions.contains(PathString.pathExtension(file).lowercased()),
            let status = FileStatus(path: file), status.kind != .directory
          {
            found.append(file)
          }
          return true
        }
        guard readable else {
          result.append(.failure(InputError(path: path, message: "cannot read directory")))
          continue
        }
        if found.isEmpty {
          result.append(.failure(InputError(path: path, message: "directory holds no .txt or .md file")))
        }
        result.append(contentsOf: found.sorted().map { .success($0) })
      } else {
        result.append(.success(path))
      }
    }
    return result
  }

  /// Reads and validates one input.
  static func read(_ path: String, io: CommandIO) -> Result<InputDocument, InputError> {
    let bytes: [UInt8]
    if path == "-" {
      bytes = [UInt8](io.readStandardInput())
    } else if let read = readFile(path) {
      bytes = read
    } else {
      // Failed: `Data` says why (or reads what the plain read could not).
      do {
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
      } catch {
        return .failure(InputError(path: path, message: "cannot read file (\(FileError.describe(error)))"))
      }
    }
    do {
      let text = try SourceText(validating: bytes)
      return .success(InputDocument(path: path, text: text))
    } catch {
      let position = SourceText(String(decoding: bytes.prefix(error.byteOffset), as: UTF8.self))
      let line = position.lineCount
      return .failure(
        InputError(path: path, message: "invalid UTF-8 at byte offset \(error.byteOffset) (line \(line))"))
    }
  }

  /// The bytes of a file, read straight into the array the text keeps (reading into `Data`
  /// and copying would hold the file twice: 200 MB at the peak for a 100 MB file): a regular
  /// file at its size, anything else that opens (a named pipe, `/dev/stdin`, a shell's
  /// `<(…)`) in pieces until its end; nil when it cannot be opened or read that way.
  /// (The benchmark reads its corpora so too.)
  package static func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
    return FileDescriptorIO.readToEnd(fd, expectedSize: info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0)
  }
}
