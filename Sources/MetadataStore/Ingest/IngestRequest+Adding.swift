import Artifacts

extension IngestRequest {
  /// Puts a read artifact in the slot of its kind: what a caller holding files of unknown
  /// kinds (an upload's parts) does before ingesting them as one run.
  ///
  /// - Throws: ``StoreError`` `invalidInput` naming both files when a run would get a
  ///   second manifest, sources or catalog (a run has one of each at most).
  public mutating func add(_ artifact: Artifact, file: String) throws {
    func vacant(_ taken: String?) throws {
      if let taken {
        throw StoreError(
          .invalidInput(
            "a second \(artifact.kind.displayName) for one run: \(file) after \(taken)"))
      }
    }
    switch artifact {
    case .manifest(let value):
      try vacant(manifest?.file)
      manifest = NamedArtifact(file: file, value: value)
    case .runResults(let value):
      runResults.append(NamedArtifact(file: file, value: value))
    case .sources(let value):
      try vacant(sources?.file)
      sources = NamedArtifact(file: file, value: value)
    case .catalog(let value):
      try vacant(catalog?.file)
      catalog = NamedArtifact(file: file, value: value)
    }
  }
}
