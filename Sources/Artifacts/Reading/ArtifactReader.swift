/// Reads dbt artifacts of every kind and schema version into version-independent values.
///
/// The kind and version come from `metadata.dbt_schema_version`
/// (`https://schemas.getdbt.com/dbt/<kind>/v<N>.json`), never from the file name; files
/// without it are the pre-0.19 format ("v0"), recognised by their shape. Unknown keys are
/// ignored; known oddities of real files are read, not rejected (`reference/dbt-artifacts.md` §8).
///
/// For example:
/// ```swift
/// let manifest = try ArtifactReader.readManifest(file: "target/manifest.json")
/// let artifact = try ArtifactReader.read(file: "target/run_results.json", expecting: .runResults)
/// ```
///
/// Memory: the whole file is read into one byte array, and parsed values keep slices of it
/// (node JSON, SQL text decoded on access). The file is validated in one pass that indexes
/// only the top two levels (collections and their entries); each entry is then indexed on
/// its own while it is mapped, so no index of the whole file ever exists.
public enum ArtifactReader {
  /// Reads the artifact at `path`, whatever its kind.
  ///
  /// - Throws: ``ArtifactError`` (unreadable file, invalid JSON, wrong types, unknown kind
  ///   or unsupported version).
  public static func read(file path: String) throws -> Artifact {
    try read(bytes: ArtifactFile.readBytes(path: path), name: path)
  }

  /// Reads the artifact at `path` and checks that it is of `kind`.
  ///
  /// - Throws: ``ArtifactError/Reason/unexpectedKind(expected:found:version:)`` when the file
  ///   is another kind ("expected a manifest, found run-results v6"), and the errors of
  ///   ``read(file:)``.
  public static func read(file path: String, expecting kind: ArtifactKind) throws -> Artifact {
    try read(bytes: ArtifactFile.readBytes(path: path), name: path, expecting: kind)
  }

  /// Reads the artifact at `path`, checks its kind, and (for a manifest) does not map the
  /// definitions found in `known`: they are listed in ``Manifest/reused`` instead of
  /// ``Manifest/nodes``. What a store's next run uses (``KnownDefinitions``); the file is
  /// still validated in full, and a definition not in `known` is read as by
  /// ``read(file:expecting:)``.
  public static func read(file path: String, expecting kind: ArtifactKind, known: KnownDefinitions)
    throws -> Artifact
  {
    try read(bytes: ArtifactFile.readBytes(path: path), name: path, expecting: kind, known: known)
  }

  /// Reads the artifact at `path` as ``read(file:expecting:known:)`` does, but asks for the
  /// known definitions only once the file is read and validated (and only for a manifest).
  ///
  /// Why: a caller that fetches them from a database (the ingest of a next run) can do so
  /// on another thread while this one reads and scans the file, instead of before it; the
  /// closure then waits for that fetch. Nothing is asked for a file that fails to read.
  public static func read(
    file path: String, expecting kind: ArtifactKind, known: () throws -> KnownDefinitions
  ) throws -> Artifact {
    try read(bytes: ArtifactFile.readBytes(path: path), name: path, expecting: kind, known: known)
  }

  /// Reads the artifact at `path` as ``read(file:expecting:known:)-(_,_,()->KnownDefinitions)``
  /// does and, for a large manifest read without known definitions (a project's first
  /// load), calls `streaming` with a ``ManifestStream`` of it once the file is validated
  /// and before its definitions are mapped; this call still returns the whole artifact.
  ///
  /// Why: a store can insert the definitions on another thread while they are mapped (see
  /// ``ManifestStream``). `streaming` runs on this thread and must return promptly; the
  /// stream yields this call's definitions, or its error when it throws.
  public static func read(
    file path: String, expecting kind: ArtifactKind, known: () throws -> KnownDefinitions,
    streaming: @escaping (ManifestStream) -> Void
  ) throws -> Artifact {
    try read(
      bytes: ArtifactFile.readBytes(path: path), name: path, expecting: kind, known: known,
      streaming: streaming)
  }

  /// Reads an artifact of any kind from memory; `name` stands for the file in error
  /// messages. A manifest does not map the definitions found in `known` (see
  /// ``read(file:expecting:known:)``).
  public static func read(
    bytes: [UInt8], name: String, known: KnownDefinitions = KnownDefinitions()
  ) throws -> Artifact {
    let document = try JSONDocument(bytes: bytes, name: name, recordDepth: 2)
    let header = try ArtifactHeaderReader.read(document.root)
    return try read(document: document, header: header, known: known)
  }

  /// Reads an artifact from memory and checks its kind before mapping it.
  public static func read(
    bytes: [UInt8], name: String, expecting kind: ArtifactKind,
    known: KnownDefinitions = KnownDefinitions()
  ) throws -> Artifact {
    try read(bytes: bytes, name: name, expecting: kind, known: { known })
  }

  /// Reads an artifact from memory and checks its kind; `known` is called once the bytes
  /// are validated, for a manifest only.
  private static func read(
    bytes: [UInt8], name: String, expecting kind: ArtifactKind,
    known: () throws -> KnownDefinitions, streaming: ((ManifestStream) -> Void)? = nil
  ) throws -> Artifact {
    let document = try JSONDocument(bytes: bytes, name: name, recordDepth: 2)
    let header = try ArtifactHeaderReader.read(document.root)
    guard header.kind == kind else {
      throw ArtifactError(
        file: name,
        reason: .unexpectedKind(expected: kind, found: header.kind, version: header.schemaVersion))
    }
    return try read(
      document: document, header: header,
      known: kind == .manifest ? try known() : KnownDefinitions(), streaming: streaming)
  }

  /// Reads only the header (kind, version, invocation); the file is still parsed in full
  /// to validate it.
  public static func readHeader(file path: String) throws -> ArtifactHeader {
    let document = try JSONDocument(
      bytes: ArtifactFile.readBytes(path: path), name: path, recordDepth: 2)
    return try ArtifactHeaderReader.read(document.root)
  }

  /// Reads a manifest (any version).
  public static func readManifest(file path: String) throws -> Manifest {
    guard case .manifest(let value) = try read(file: path, expecting: .manifest) else {
      throw ArtifactError(file: path, reason: .unknownKind(found: "not a manifest"))
    }
    return value
  }

  /// Reads a run_results file (any version).
  public static func readRunResults(file path: String) throws -> RunResults {
    guard case .runResults(let value) = try read(file: path, expecting: .runResults) else {
      throw ArtifactError(file: path, reason: .unknownKind(found: "not a run results file"))
    }
    return value
  }

  /// Reads a sources.json freshness file (any version).
  public static func readSources(file path: String) throws -> SourceFreshness {
    guard case .sources(let value) = try read(file: path, expecting: .sources) else {
      throw ArtifactError(file: path, reason: .unknownKind(found: "not a sources file"))
    }
    return value
  }

  /// Reads a catalog (any version).
  public static func readCatalog(file path: String) throws -> Catalog {
    guard case .catalog(let value) = try read(file: path, expecting: .catalog) else {
      throw ArtifactError(file: path, reason: .unknownKind(found: "not a catalog"))
    }
    return value
  }

  static func read(
    document: JSONDocument, header: ArtifactHeader, known: KnownDefinitions = KnownDefinitions(),
    streaming: ((ManifestStream) -> Void)? = nil
  ) throws -> Artifact {
    // Unversioned files are read as the pre-0.19 format; say so, as a wrong guess would
    // otherwise go unnoticed.
    let unversioned: [ArtifactWarning] =
      header.schemaVersion == 0
      ? [
        ArtifactWarning(
          kind: .unversioned, count: 1, path: "$",
          detail: "no metadata.dbt_schema_version: read as a pre-0.19 (v0) "
            + "\(header.kind.displayName), the format of dbt 0.18 and earlier")
      ] : []
    switch header.kind {
    case .manifest:
      // A published stream gets this read's outcome, whatever it is.
      var stream: ManifestStream?
      do {
        var value = try ManifestReader(header: header).read(
          document.root, known: known, file: document.name,
          publish: streaming.map { publish in
            { published in
              stream = published
              publish(published)
            }
          })
        value.warnings = unversioned + value.warnings
        stream?.finish(.success(value))
        return .manifest(value)
      } catch {
        stream?.finish(.failure(error))
        throw error
      }
    case .runResults:
      var value = try RunResultsReader(header: header).read(document.root)
      value.warnings = unversioned + value.warnings
      return .runResults(value)
    case .sources:
      var value = try SourceFreshnessReader(header: header).read(document.root)
      value.warnings = unversioned + value.warnings
      return .sources(value)
    case .catalog:
      var value = try CatalogReader(header: header).read(document.root)
      value.warnings = unversioned + value.warnings
      return .catalog(value)
    }
  }
}
