import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LSPTypes
import RendaIDE
import RendaPage
import RendaText
import Synchronization
import RendaData

/// A page symbol with its range already in LSP positions.
struct LocatedSymbol: Sendable {
  var symbol: NavigationSymbol
  var range: LSPRange
}

/// The symbols of the `*.txt` and `*.md` files under the workspace folders, for
/// `workspace/symbol`. Files are read only when a query comes (never at start-up), and
/// each file's symbols are kept by path with its size and modification time, so a later
/// query re-reads only what changed; the directory listing itself is reused for ten
/// seconds. Pages without a byline (READMEs, licences) give no symbols. Files over 10 MB, files that are not valid UTF-8 and
/// hidden directories are skipped; at most `maximumFiles` files (and `maximumEntries`
/// directory entries per root) are looked at per query.
final class WorkspaceSymbolIndex: Sendable {
  static let maximumFileSize = 10 * 1024 * 1024
  static let maximumFiles = 5000
  /// Directory entries walked per root at most (a root at `/` or `$HOME` must not hang a query).
  static let maximumEntries = 200_000
  static let extensions: Set<String> = ["txt", "md"]

  private struct Entry {
    var size: Int
    var modified: Duration
    var encoding: PositionEncoding
    var symbols: [LocatedSymbol]
  }

  private struct Listing {
    var roots: [String]
    var files: [String]
    var taken: ContinuousClock.Instant
  }

  /// How long a directory listing is reused before the next query walks the roots again.
  static let listingLifetime: Duration = .seconds(10)

  private let cache = Mutex<[String: Entry]>([:])
  private let listing = Mutex<Listing?>(nil)
  /// The walks and reads run here, never on the tasks' shared threads: a query over a
  /// large tree must not hold up the requests that wait on analyses.
  private let queue = DispatchQueue(label: "renda.workspace-symbols", qos: .utility)

  /// `symbols(under:skipping:encoding:isCancelled:)` on the index's own queue; a cancelled
  /// task stops the walk at the next file.
  func symbols(under roots: [String], skipping: Set<String>, encoding: PositionEncoding) async -> [(
    uri: DocumentURI, symbols: [LocatedSymbol]
  )] {
    let cancelled = Atomic<Bool>(false)
    return await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        queue.async {
          continuation.resume(
            returning: self.symbols(
              under: roots, skipping: skipping, encoding: encoding,
              isCancelled: { cancelled.load(ordering: .relaxed) }))
        }
      }
    } onCancel: {
      cancelled.store(true, ordering: .relaxed)
    }
  }

  /// The symbols of every matching file under `roots` (file-system paths), except those
  /// whose path is in `skipping` (the open documents, which the caller reads from memory).
  /// In path order; each file's symbols in page order.
  func symbols(
    under roots: [String], skipping: Set<String>, encoding: PositionEncoding, isCancelled: () -> Bool = { false }
  ) -> [(uri: DocumentURI, symbols: [LocatedSymbol])] {
    var result: [(uri: DocumentURI, symbols: [LocatedSymbol])] = []
    for path in listedFiles(under: roots) where !skipping.contains(path) {
      if isCancelled() { break }  // `$/cancelRequest` has answered already
      guard let symbols = symbols(ofFile: path, encoding: encoding), !symbols.isEmpty else { continue }
      result.append((URL(fileURLWithPath: path).absoluteString, symbols))
    }
    return result
  }

  /// The candidate files, from a listing of the same roots younger than `listingLifetime`.
  private func listedFiles(under roots: [String]) -> [String] {
    let now = ContinuousClock.now
    if let kept = listing.withLock({ $0 }), kept.roots == roots, now - kept.taken < Self.listingLifetime {
      return kept.files
    }
    let files = Self.files(under: roots)
    listing.withLock { $0 = Listing(roots: roots, files: files, taken: now) }
    return files
  }

  /// Forgets the directory listing (files were created or deleted).
  func invalidateListing() {
    listing.withLock { $0 = nil }
  }

  /// Paths of the candidate files, sorted, without repeats (roots may nest).
  static func files(under roots: [String]) -> [String] {
    var found: Set<String> = []
    for root in roots {
      var visited = 0
      DirectoryWalk.walk(PathString.standardized(root), includingHidden: false) { path in
        visited += 1
        guard found.count < maximumFiles, visited <= maximumEntries else { return false }
        if extensions.contains(PathString.pathExtension(path).lowercased()), FileStatus(path: path)?.kind == .regular {
          found.insert(path)
        }
        return true
      }
    }
    return found.sorted()
  }

  /// One file's symbols: from the cache when its size and date are unchanged, else read
  /// and parsed. Nil for a file too large, unreadable or not UTF-8.
  private func symbols(ofFile path: String, encoding: PositionEncoding) -> [LocatedSymbol]? {
    guard let status = FileStatus(path: path), status.size <= Self.maximumFileSize else { return nil }
    let size = status.size
    let modified = status.modified
    if let entry = cache.withLock({ $0[path] }), entry.size == size, entry.modified == modified,
      entry.encoding == encoding
    {
      return entry.symbols
    }
    guard let data = FileManager.default.contents(atPath: path), data.count <= Self.maximumFileSize,
      let text = try? SourceText(validating: [UInt8](data))
    else {
      cache.withLock { _ = $0.removeValue(forKey: path) }
      return nil
    }
    let page = PageParser.parse(text)
    // A README or a licence is not an article: only pages with a byline give symbols.
    let symbols =
      page.articles.contains { $0.byline != nil }
      ? Self.locate(WorkspaceSymbols.symbols(of: page), in: text, encoding: encoding) : []
    let entry = Entry(size: size, modified: modified, encoding: encoding, symbols: symbols)
    cache.withLock { $0[path] = entry }
    return symbols
  }

  static func locate(_ symbols: [NavigationSymbol], in text: SourceText, encoding: PositionEncoding)
    -> [LocatedSymbol]
  {
    let converter = PositionConverter(text: text, encoding: encoding)
    return symbols.map { LocatedSymbol(symbol: $0, range: converter.range(of: $0.range)) }
  }
}
