import Artifacts

/// One run's artifacts and where they belong: what ``MetadataStore/ingest(_:)`` stores.
///
/// The hierarchy records are created when missing; a name given here replaces the stored
/// one, a nil name keeps it. Artifacts are already read (``Artifacts/ArtifactReader``), so
/// every file error surfaces before the database is touched.
public struct IngestRequest: Sendable {
  /// dbt Cloud-style ids of the hierarchy account > project > environment > job.
  public var accountID: Int
  public var projectID: Int
  public var environmentID: Int
  public var jobID: Int
  /// Names to store (nil keeps the stored name).
  public var accountName: String?
  public var projectName: String?
  public var environmentName: String?
  public var jobName: String?
  /// The run id to use; nil picks the run of this job with the same manifest, else the
  /// next free id.
  public var runID: Int?
  /// The run's manifest: its definitions. A run without one (a folder holding only
  /// results or a catalog) is stored with an empty definition set, and its results are
  /// reported as naming nodes missing from the manifest.
  public var manifest: NamedArtifact<Manifest>? {
    didSet { pendingFingerprint = nil }
  }
  /// The run's manifest while it is still being read, in place of ``manifest`` (which is
  /// then nil): a project's first manifest is stored as its definitions are mapped
  /// (``Artifacts/ManifestStream``); a project that already has a manifest version waits
  /// for the whole manifest and stores it as ``manifest``.
  public var manifestStream: ManifestStream?
  /// The fingerprint of ``manifest``, computed on another thread since
  /// ``prepareFingerprint()`` (cleared when the manifest is replaced).
  var pendingFingerprint: PendingFingerprint?
  /// run_results files, one per step (source freshness, build, test, docs generate...).
  public var runResults: [NamedArtifact<RunResults>]
  /// sources.json (freshness), at most one.
  public var sources: NamedArtifact<SourceFreshness>?
  /// catalog.json, at most one.
  public var catalog: NamedArtifact<Catalog>?
  /// What was read of the project while the files were
  /// (``MetadataStore/ingestSnapshot(projectID:)``): the ingest then need not read it again
  /// inside its transaction. Nil: it reads it there.
  public var snapshot: IngestSnapshot?

  /// A request for the given hierarchy ids and artifacts; names are set afterwards.
  public init(
    accountID: Int, projectID: Int, environmentID: Int, jobID: Int,
    manifest: NamedArtifact<Manifest>?, runResults: [NamedArtifact<RunResults>] = [],
    sources: NamedArtifact<SourceFreshness>? = nil, catalog: NamedArtifact<Catalog>? = nil,
    runID: Int? = nil
  ) {
    self.accountID = accountID
    self.projectID = projectID
    self.environmentID = environmentID
    self.jobID = jobID
    self.manifest = manifest
    self.runResults = runResults
    self.sources = sources
    self.catalog = catalog
    self.runID = runID
  }

  /// Starts computing the manifest's fingerprint (the key of its definition set) on
  /// another thread, so that the ingest finds it ready.
  ///
  /// Why: the ingest needs it first thing in its transaction; a caller that still has
  /// work to do (the command reading its other files, opening the database) calls this as
  /// soon as the manifest is read.
  public mutating func prepareFingerprint() {
    pendingFingerprint = PendingFingerprint(manifest?.value)
  }
}

/// An artifact with the file name it was read from (kept for messages and provenance).
extension IngestRequest {
  /// The headers of every artifact with its file name, manifest first.
  var headers: [(file: String, header: ArtifactHeader)] {
    var files: [(file: String, header: ArtifactHeader)] = []
    if let manifest {
      files.append((manifest.file, manifest.value.header))
    } else if let manifestStream {
      files.append((manifestStream.file, manifestStream.header))
    }
    files += runResults.map { ($0.file, $0.value.header) }
    if let sources { files.append((sources.file, sources.value.header)) }
    if let catalog { files.append((catalog.file, catalog.value.header)) }
    return files
  }

  /// What the readers skipped in each file (``Artifacts/ArtifactWarning``), with its file
  /// name, in the order of ``headers``.
  var artifactWarnings: [(file: String, warning: ArtifactWarning)] {
    var list: [(file: String, warning: ArtifactWarning)] = []
    if let manifest { list += manifest.value.warnings.map { (manifest.file, $0) } }
    for results in runResults { list += results.value.warnings.map { (results.file, $0) } }
    if let sources { list += sources.value.warnings.map { (sources.file, $0) } }
    if let catalog { list += catalog.value.warnings.map { (catalog.file, $0) } }
    return list
  }

  /// The artifact that identifies the run: the manifest, else the first other file.
  var primary: (file: String, header: ArtifactHeader)? { headers.first }
}

public struct NamedArtifact<Value: Sendable>: Sendable {
  /// The path it was read from (for messages and the stored provenance).
  public var file: String
  /// The parsed artifact.
  public var value: Value

  /// Pairs a parsed artifact with its file name.
  public init(file: String, value: Value) {
    self.file = file
    self.value = value
  }
}
