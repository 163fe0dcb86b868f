import LSPTypes
import RendaText

/// One open document at one version: immutable, so a request can hold the snapshot it
/// resolved on the loop while the loop applies newer edits.
struct Document: Sendable {
  let uri: DocumentURI
  var languageId: String
  var version: Int
  var text: SourceText
  /// The rules and glossary that govern it, and the generation they were resolved in.
  var configuration: DocumentConfiguration
  /// The edits of its recent versions, for incremental re-analysis.
  var history = EditHistory()

  var key: AnalysisKey { AnalysisKey(uri: uri, version: version, generation: configuration.generation) }
}

/// Identifies one analysis: a document version under one configuration generation.
struct AnalysisKey: Hashable, Sendable, CustomStringConvertible {
  var uri: DocumentURI
  var version: Int
  var generation: Int

  var description: String { "\(uri)@\(version)/\(generation)" }

  /// The pull-diagnostics result id.
  var resultID: String { "\(version).\(generation)" }
}

/// The open documents, by URI. Every change is told to `gate`, which the analyser's thread
/// asks whether a result is still current.
struct DocumentStore: Sendable {
  private(set) var documents: [DocumentURI: Document] = [:]
  let gate = PublishGate()

  subscript(uri: DocumentURI) -> Document? {
    get { documents[uri] }
    set {
      documents[uri] = newValue
      gate.setCurrent(newValue?.key, of: uri)
    }
  }

  var all: [Document] { documents.values.sorted { $0.uri < $1.uri } }
}
