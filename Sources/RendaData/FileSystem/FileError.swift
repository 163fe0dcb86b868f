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

/// What went wrong reading or writing a file, in a few words for an error message.
///
/// `localizedDescription` belongs to the full Foundation, which Renda does not link (see the
/// EmbedResources plugin); the file-system errors Foundation's essentials throw are
/// `CocoaError`s, whose codes say the same.
package enum FileError {
  package static func describe(_ error: any Error) -> String {
    if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
    guard let error = error as? CocoaError else { return "\(error)" }
    switch error.code {
    case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file"
    case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
    case .fileReadCorruptFile: return "the file is damaged"
    case .fileReadTooLarge: return "the file is too large"
    case .fileWriteOutOfSpace: return "no space left on the device"
    case .fileWriteVolumeReadOnly: return "the volume is read-only"
    case .fileWriteFileExists: return "the file exists"
    default:
      if let posix = error.userInfo["NSUnderlyingError"] as? POSIXError {
        return String(cString: strerror(posix.code.rawValue))
      }
      return "error \(error.code.rawValue)"
    }
  }
}
