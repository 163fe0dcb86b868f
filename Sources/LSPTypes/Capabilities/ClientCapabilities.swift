/// The parts of the client's capabilities Renda reads. Every level decodes leniently: a
/// missing or oddly shaped field reads as "not supported", never as an error.
package struct ClientCapabilities: Codable, Sendable, Hashable {
  package var general: General?
  package var textDocument: TextDocument?
  package var workspace: Workspace?

  package init(general: General? = nil, textDocument: TextDocument? = nil, workspace: Workspace? = nil) {
    self.general = general
    self.textDocument = textDocument
    self.workspace = workspace
  }

  private enum CodingKeys: String, CodingKey { case general, textDocument, workspace }

  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    general = c.lenient(General.self, forKey: .general)
    textDocument = c.lenient(TextDocument.self, forKey: .textDocument)
    workspace = c.lenient(Workspace.self, forKey: .workspace)
  }

  package struct General: Codable, Sendable, Hashable {
    /// In the client's order of preference (LSP 3.17).
    package var positionEncodings: [PositionEncodingKind]?

    package init(positionEncodings: [PositionEncodingKind]? = nil) { self.positionEncodings = positionEncodings }

    private enum CodingKeys: String, CodingKey { case positionEncodings }

    package init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      positionEncodings = c.lenient([PositionEncodingKind].self, forKey: .positionEncodings)
    }
  }

  package struct TextDocument: Codable, Sendable, Hashable {
    package var hover: Hover?
    package var documentSymbol: DocumentSymbol?
    package var publishDiagnostics: PublishDiagnostics?
    package var codeAction: Flag?
    package var diagnostic: Flag?
    package var completion: Completion?

    package init(
      hover: Hover? = nil, documentSymbol: DocumentSymbol? = nil, publishDiagnostics: PublishDiagnostics? = nil,
      codeAction: Flag? = nil, diagnostic: Flag? = nil, completion: Completion? = nil
    ) {
      self.hover = hover
      self.documentSymbol = documentSymbol
      self.publishDiagnostics = publishDiagnostics
      self.codeAction = codeAction
      self.diagnostic = diagnostic
      self.completion = completion
    }

    private enum CodingKeys: String, CodingKey {
      case hover, documentSymbol, publishDiagnostics, codeAction, diagnostic, completion
    }

    package init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      hover = c.lenient(Hover.self, forKey: .hover)
      documentSymbol = c.lenient(DocumentSymbol.self, forKey: .documentSymbol)
      publishDiagnostics = c.lenient(PublishDiagnostics.self, forKey: .publishDiagnostics)
      codeAction = c.lenient(Flag.self, forKey: .codeAction)
      diagnostic = c.lenient(Flag.self, forKey: .diagnostic)
      completion = c.lenient(Completion.self, forKey: .completion)
    }
  }

  /// `textDocument.completion`: only the documentation formats are read.
  package struct Completion: Codable, Sendable, Hashable {
    package var completionItem: CompletionItem?

    package init(completionItem: CompletionItem? = nil) { self.completionItem = completionItem }

    private enum CodingKeys: String, CodingKey { case completionItem }

    package init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      completionItem = c.lenient(CompletionItem.self, forKey: .completionItem)
    }

    package struct CompletionItem: Codable, Sendable, Hashable {
      /// In the client's order of preference.
      package var documentationFormat: [MarkupKind]?

      package init(documentationFormat: [MarkupKind]? = nil) { self.documentationFormat = documentationFormat }

      private enum CodingKeys: String, CodingKey { case documentationFormat }

      package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documentationFormat = c.lenient([MarkupKind].self, forKey: .documentationFormat)
      }
    }
  }

  package struct Hover: Codable, Sendable, Hashable {
    /// In the client's order of preference.
    package var contentFormat: [MarkupKind]?

    package init(contentFormat: [MarkupKind]? = nil) { self.contentFormat = contentFormat }

    private enum CodingKeys: String, CodingKey { case contentFormat }

    package init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      contentFormat = c.lenient([MarkupKind].self, forKey: .contentFormat)
    }
  }

  package struct DocumentSymbol: Codable, Sendable, Hashable {
    package var hierarchicalDocumentSymbolSupport: Bool?

    package init(hierarchicalDocumentSymbolSupport: Bool? = nil) {
      self.hierarchicalDocumentSymbolSupport = hierarchicalDocumentSymbolSupport
    }

    private enum CodingKeys: String, CodingKey { case hierarchicalDocumentSymbolSupport }

    package init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      hierarchicalDocumentSymbolSupport = c.lenient(Bool.self, forKey: .hierarchicalDocumentSymbolSupport)
    }
  }

  package struct PublishDiagnostics: Codable, Sendable, Hashable {
    package var relatedInformation: Bool?
    package var versionSupport: Bool?
    package var codeDescriptionSupport: Bool?

    package init(relatedInformation: Bool? = nil, versionSupport: Bool? = nil, codeDescriptionSupport: Bool? = nil) {
      self.relatedInformation = relatedInformation
      self.versionSupport = versionSupport
      self.codeDescriptionSupport = codeDescriptionSupport
    }

    private enum CodingKeys: String, CodingKey { case relatedInformation, versionSupport, codeDescriptionSupport }

    package init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      relatedInformation = c.lenient(Bool.self, forKey: .relatedInformation)
      versionSupport = c.lenient(Bool.self, forKey: .versionSupport)
      codeDescriptionSupport = c.lenient(Bool.self, forKey: .codeDescriptionSupport)
    }
  }

  package struct Workspace: Codable, Sendable, Hashable {
    package var workspaceEdit: WorkspaceEdit?
    package var didChangeWatchedFiles: DynamicRegistration?
    /// The client answers `workspace/configuration`.
    package var configuration: Bool?

    package init(
      workspaceEdit: WorkspaceEdit? = nil, didChangeWatchedFiles: DynamicRegistration? = nil,
      configuration: Bool? = nil
    ) {
      self.workspaceEdit = workspaceEdit
      self.didChangeWatchedFiles = didChangeWatchedFiles
      self.configuration = configuration
    }

    private enum CodingKeys: String, CodingKey { case workspaceEdit, didChangeWatchedFiles, configuration }

    package init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      workspaceEdit = c.lenient(WorkspaceEdit.self, forKey: .workspaceEdit)
      didChangeWatchedFiles = c.lenient(DynamicRegistration.self, forKey: .didChangeWatchedFiles)
      configuration = c.lenient(Bool.self, forKey: .configuration)
    }
  }

  package struct WorkspaceEdit: Codable, Sendable, Hashable {
    package var documentChanges: Bool?

    package init(documentChanges: Bool? = nil) { self.documentChanges = documentChanges }

    private enum CodingKeys: String, CodingKey { case documentChanges }

    package init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      documentChanges = c.lenient(Bool.self, forKey: .documentChanges)
    }
  }

  package struct DynamicRegistration: Codable, Sendable, Hashable {
    package var dynamicRegistration: Bool?

    package init(dynamicRegistration: Bool? = nil) { self.dynamicRegistration = dynamicRegistration }

    private enum CodingKeys: String, CodingKey { case dynamicRegistration }

    package init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      dynamicRegistration = c.lenient(Bool.self, forKey: .dynamicRegistration)
    }
  }

  /// A capability whose presence is all Renda reads (`textDocument.diagnostic`).
  package struct Flag: Codable, Sendable, Hashable {
    package init() {}
    package init(from decoder: any Decoder) throws {}
    package func encode(to encoder: any Encoder) throws {
      _ = encoder.container(keyedBy: NoKeys.self)
    }
    private enum NoKeys: CodingKey {}
  }
}
