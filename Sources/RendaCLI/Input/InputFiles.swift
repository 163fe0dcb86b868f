import Foundation
import RendaText

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
enum InputFiles {
  static let extensions: Set<String> = ["txt", "md"]

  static func expand(_ paths: [String]) -> [Result<String, InputError>] {
    var result: [Result<String, InputError>] = []
    let manager = FileManager.default
    for path in paths {
      if path == "-" {
        result.append(.success(path))
        continue
      }
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        result.append(.failure(InputError(path: path, message: "no such file or directory")))
        continue
      }
      if isDirectory.boolValue {
        guard let enumerator = manager.enumerator(atPath: path) else {
          result.append(.failure(InputError(path: path, message: "cannot read directory")))
          continue
        }
        var found: [String] = []
        while let entry = enumerator.nextObject() as? String {
          let ext = (entry as NSString).pathExtension.lowercased()
          guard extensions.contains(ext) else { continue }
          let full = (path as NSString).appendingPathComponent(entry)
          var entryIsDirectory: ObjCBool = false
          if manager.fileExists(atPath: full, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue {
            found.append(full)
          }
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
    let data: Data
    if path == "-" {
      data = io.readStandardInput()
    } else {
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        return .failure(InputError(path: path, message: "cannot read file (\(error.localizedDescription))"))
      }
    }
    do {
      let text = try SourceText(validating: [UInt8](data))
      return .success(InputDocument(path: path, text: text))
    } catch {
      let position = SourceText(String(decoding: data.prefix(error.byteOffset), as: UTF8.self))
      let line = position.lineCount
      return .failure(
        InputError(path: path, message: "invalid UTF-8 at byte offset \(error.byteOffset) (line \(line))"))
    }
  }
}
