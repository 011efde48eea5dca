import Artifacts
import Foundation
import SQLite

/// Stores one run's artifacts inside the caller's write transaction.
///
/// The caller (``MetadataStore/ingest(_:)``) runs ``ingest()`` in one `IMMEDIATE`
/// transaction, so a failure anywhere leaves the database as it was. Every insert goes
/// through a cached prepared statement; lookups are loaded once per ingest (node ids,
/// the previous manifest version's definitions) rather than queried per row.
struct Ingester {
  let db: Connection
  /// The request; a streamed manifest (``IngestRequest/manifestStream``) becomes its
  /// ``IngestRequest/manifest`` once read.
  var request: IngestRequest
  /// The per-row statements, prepared once.
  let statements: IngestStatements
  /// The manifest's fingerprint, computed on another thread meanwhile.
  var fingerprint: PendingFingerprint
  /// Unique ids in this run's manifest (for dangling-id warnings).
  var manifestIDs: Set<String> = []
  /// The member rows of a streamed first manifest, whose definitions were inserted while
  /// it was read (``storeStreamedDefinitions(_:)``).
  var streamedMembers: [(resourceType: String, definitionID: Int64)]?
  /// `parent_map` of a streamed manifest, once taken from the stream.
  var streamedParentMap: [String: [String]]??
  /// The fingerprint of a streamed manifest, started as soon as the reader finished it.
  var streamedFingerprint: PendingFingerprint?
  /// unique_id -> node id for the project, filled on demand.
  var nodeIDs: [String: Int64] = [:]
  var summary: IngestSummary
  /// Ids in results, freshness and catalog that the manifest does not define, by file kind.
  var danglingResults: [String] = []
  var danglingFreshness: [String] = []
  var danglingCatalog: [String] = []

  init(db: Connection, request: IngestRequest, fingerprint: PendingFingerprint) throws {
    self.db = db
    self.request = request
    self.fingerprint = fingerprint
    self.statements = try IngestStatements(db)
    self.summary = IngestSummary(
      runID: 0, outcome: .created, nodesByType: [:], newDefinitions: 0,
      reusedManifestVersion: true, executionsByStatus: [:], nonExecutingResults: 0,
      freshnessByStatus: [:], catalogTables: 0, catalogColumns: 0,
      recognisedDefinitions: 0, warnings: [])
    noteManifest()
  }

  /// Notes the manifest's unique ids and its definitions by type (a streamed manifest:
  /// once it is read).
  private mutating func noteManifest() {
    var ids = Set<String>()
    let nodes = request.manifest?.value.nodes ?? []
    let reused = request.manifest?.value.reused ?? []
    ids.reserveCapacity(nodes.count + reused.count)
    var counts: [ResourceType: Int] = [:]
    // By index: `for node in nodes` would copy (retain and release) every field of each node.
    for index in nodes.indices {
      ids.insert(nodes[index].uniqueID)
      counts[nodes[index].resourceType, default: 0] += 1
    }
    for definition in reused {
      ids.insert(definition.uniqueID)
      counts[definition.resourceType, default: 0] += 1
    }
    manifestIDs = ids
    summary.nodesByType = Dictionary(
      uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
    summary.recognisedDefinitions = reused.count
  }

  /// Takes a streamed manifest (``IngestRequest/manifestStream``): a project's first one
  /// has its definitions inserted as they are mapped (``storeStreamedDefinitions(_:)``);
  /// then, or at once for a project that already has a manifest version, the whole
  /// manifest becomes the request's ``IngestRequest/manifest``, stored as usual from there.
  private mutating func takeStreamedManifest(_ stream: ManifestStream) throws {
    if try Ingester.latestVersionID(db, projectID: projectID) == nil {
      try storeStreamedDefinitions(stream)
    }
    let manifest = try stream.manifest()
    request.manifest = NamedArtifact(file: stream.file, value: manifest)
    request.manifestStream = nil
    fingerprint = streamedFingerprint ?? PendingFingerprint(manifest)
    noteManifest()
  }

  var projectID: Int64 { Int64(request.projectID) }
  var environmentID: Int64 { Int64(request.environmentID) }

  /// Stores the run and returns what was stored.
  mutating func ingest() throws -> IngestSummary {
    try storeHierarchy()
    try loadNodeIDs()
    if let stream = request.manifestStream, request.manifest == nil {
      try takeStreamedManifest(stream)
    }
    let prepared = PreparedExecutions(
      results: request.runResults.map(\.value), nodeIDs: nodeIDs, manifestIDs: manifestIDs)
    defer { prepared.wait() }
    guard let primary = request.primary else {
      throw StoreError(.invalidInput("no artifacts to ingest"))
    }
    var runID: Int64
    var stored: [String: String] = [:]  // identity -> kind, of artifacts already in the run
    if let existing = try existingRun(primary: primary) {
      runID = existing
      try requireSameManifestContent(runID: runID)
      stored = try storedArtifacts(runID: runID)
      summary.outcome = .extended
    } else {
      let versionID = try storeManifestVersion()
      runID = try insertRun(manifestVersionID: versionID, header: primary.header)
      if let manifest = request.manifest {
        _ = try insertArtifact(
          runID: runID, header: manifest.value.header, file: manifest.file, step: nil,
          executesNodes: true, invocationCommand: nil, elapsedTime: nil, args: nil)
        try updateEnvironmentLatestRun(runID: runID, header: manifest.value.header)
      }
    }
    summary.runID = Int(runID)

    var addedAny = summary.outcome == .created
    for (index, results) in request.runResults.enumerated()
    where stored[Ingester.identity(results.value.header)] == nil {
      try storeRunResults(results, prepared: prepared.file(index), runID: runID)
      stored[Ingester.identity(results.value.header)] = ArtifactKind.runResults.rawValue
      addedAny = true
    }
    if let sources = request.sources, stored[Ingester.identity(sources.value.header)] == nil {
      try requireNone(of: .sources, in: stored, runID: runID, file: sources.file)
      try storeFreshness(sources, runID: runID)
      addedAny = true
    }
    if let catalog = request.catalog, stored[Ingester.identity(catalog.value.header)] == nil {
      try requireNone(of: .catalog, in: stored, runID: runID, file: catalog.file)
      try storeCatalog(catalog, runID: runID)
      addedAny = true
    }
    if !addedAny { summary.outcome = .unchanged }
    summary.warnings = warnings()
    return summary
  }

  // MARK: - Hierarchy

  /// Creates missing account, project, environment and job records, updates names that
  /// were given, and refuses ids that already belong to another parent.
  private func storeHierarchy() throws {
    try upsert(
      table: "account", id: request.accountID, name: request.accountName, parentColumn: nil,
      parentID: nil)
    try upsert(
      table: "project", id: request.projectID,
      name: request.projectName, parentColumn: "account_id", parentID: request.accountID,
      defaultName: (request.manifest?.value.header ?? request.manifestStream?.header)?.projectName)
    try upsert(
      table: "environment", id: request.environmentID, name: request.environmentName,
      parentColumn: "project_id", parentID: request.projectID)
    try upsert(
      table: "job", id: request.jobID, name: request.jobName, parentColumn: "environment_id",
      parentID: request.environmentID)
  }

  private func upsert(
    table: String, id: Int, name: String?, parentColumn: String?, parentID: Int?,
    defaultName: String? = nil
  ) throws {
    if let parentColumn, let parentID {
      let existingParent = try db.scalarInt(
        "SELECT \(parentColumn) FROM \(table) WHERE id = ?", [.integer(Int64(id))])
      if let existingParent, existingParent != Int64(parentID) {
        let parentName = String(parentColumn.dropLast(3))
        throw StoreError(
          .hierarchyConflict(
            "\(table) \(id) belongs to \(parentName) \(existingParent), not \(parentName) \(parentID)"
          ))
      }
      try db.run(
        "INSERT INTO \(table)(id, \(parentColumn), name) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING",
        [.integer(Int64(id)), .integer(Int64(parentID)), (name ?? defaultName).sqliteValue])
    } else {
      try db.run(
        "INSERT INTO \(table)(id, name) VALUES (?, ?) ON CONFLICT(id) DO NOTHING",
        [.integer(Int64(id)), name.sqliteValue])
    }
    if let name {
      try db.run(
        "UPDATE \(table) SET name = ? WHERE id = ? AND name IS NOT ?",
        [.text(name), .integer(Int64(id)), .text(name)])
    }
  }

  // MARK: - Runs and artifacts

  /// The identity of an artifact file: its kind, invocation id and generation time. The
  /// same file ingested twice has the same identity.
  static func identity(_ header: ArtifactHeader) -> String {
    "\(header.kind.rawValue)|\(header.invocationID ?? "")|\(header.generatedAt?.canonical ?? "")"
  }

  /// The run these artifacts belong to, if it exists: the given run id, or else the run
  /// of this job that already holds the primary artifact (the manifest, normally).
  private func existingRun(primary: (file: String, header: ArtifactHeader)) throws -> Int64? {
    let identity = Ingester.identity(primary.header)
    let kind = primary.header.kind.rawValue
    if let runID = request.runID {
      let rows = try db.query(
        """
        SELECT job_id, (SELECT identity FROM artifact WHERE run_id = run.id AND kind = ?
          ORDER BY id LIMIT 1)
        FROM run WHERE id = ?
        """, [.text(kind), .integer(Int64(runID))]
      ) { ($0.int64(at: 0), $0.string(at: 1)) }
      guard let (jobID, storedIdentity) = rows.first else { return nil }
      guard jobID == Int64(request.jobID) else {
        throw StoreError(
          .runConflict("run \(runID) belongs to job \(jobID), not job \(request.jobID)"))
      }
      guard storedIdentity == identity else {
        throw StoreError(
          .runConflict(
            "run \(runID) already holds another \(primary.header.kind.displayName) "
              + "(\(ArtifactError.quoted(storedIdentity ?? "none", quote: false))); "
              + "\(primary.file) is \(ArtifactError.quoted(identity, quote: false))"))
      }
      return Int64(runID)
    }
    return try db.scalarInt(
      """
      SELECT artifact.run_id FROM artifact JOIN run ON run.id = artifact.run_id
      WHERE artifact.identity = ? AND artifact.kind = ? AND run.job_id = ?
      ORDER BY artifact.run_id DESC LIMIT 1
      """, [.text(identity), .text(kind), .integer(Int64(request.jobID))])
  }

  /// A run is found by its manifest's `invocation_id` and `generated_at`; a manifest
  /// that carries the same pair but other definitions (edited after dbt wrote it, or
  /// written by hand) is refused, never merged into the run with its definitions lost.
  private func requireSameManifestContent(runID: Int64) throws {
    guard let manifest = request.manifest else { return }
    let rows = try db.query(
      """
      SELECT manifest_version.fingerprint, manifest_version.node_count
      FROM run JOIN manifest_version ON manifest_version.id = run.manifest_version_id
      WHERE run.id = ?
      """, [.integer(runID)]
    ) { ($0.string(at: 0) ?? "", $0.int(at: 1)) }
    guard let (storedFingerprint, storedCount) = rows.first else { return }
    let count = manifest.value.definitionCount
    let fingerprint = self.fingerprint.value
    guard fingerprint != storedFingerprint || count != storedCount else { return }
    let header = manifest.value.header
    throw StoreError(
      .runConflict(
        "run \(runID) already holds a manifest with invocation_id "
          + "\(ArtifactError.quoted(header.invocationID ?? "none")) and generated_at "
          + "\(header.generatedAt?.canonical ?? "none"), but \(manifest.file) has other content "
          + "(\(count) definitions, fingerprint \(fingerprint.prefix(12)); stored: "
          + "\(storedCount) definitions, fingerprint \(storedFingerprint.prefix(12))); "
          + "refused: was the manifest edited after dbt wrote it?"))
  }

  private func storedArtifacts(runID: Int64) throws -> [String: String] {
    let rows = try db.query(
      "SELECT identity, kind FROM artifact WHERE run_id = ?", [.integer(runID)]
    ) { ($0.string(at: 0) ?? "", $0.string(at: 1) ?? "") }
    return Dictionary(rows, uniquingKeysWith: { first, _ in first })
  }

  /// A run holds at most one sources.json and one catalog.
  private func requireNone(
    of kind: ArtifactKind, in stored: [String: String], runID: Int64, file: String
  ) throws {
    if stored.values.contains(kind.rawValue) {
      throw StoreError(
        .runConflict("run \(runID) already has a \(kind.displayName); \(file) is another one"))
    }
  }

  private func insertRun(manifestVersionID: Int64, header: ArtifactHeader) throws -> Int64 {
    let statement = try db.cachedStatement(
      """
      INSERT INTO run(id, job_id, environment_id, manifest_version_id, generated_at,
        dbt_version, invocation_id, adapter_type, project_name, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    try statement.bind(request.runID.map(Int64.init), at: 1)
    try statement.bind(Int64(request.jobID), at: 2)
    try statement.bind(environmentID, at: 3)
    try statement.bind(manifestVersionID, at: 4)
    try statement.bind(header.generatedAt?.canonical, at: 5)
    try statement.bind(header.dbtVersion, at: 6)
    try statement.bind(header.invocationID, at: 7)
    try statement.bind(header.adapterType, at: 8)
    try statement.bind(header.projectName, at: 9)
    try statement.bind(Timestamp(epochMicroseconds: Ingester.nowMicroseconds()).canonical, at: 10)
    try statement.execute()
    return db.lastInsertedRowID
  }

  static func nowMicroseconds() -> Int64 {
    Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
  }

  func insertArtifact(
    runID: Int64, header: ArtifactHeader, file: String, step: String?, executesNodes: Bool,
    invocationCommand: String?, elapsedTime: Double?, args: RawJSON?
  ) throws -> Int64 {
    let statement = try db.cachedStatement(
      """
      INSERT INTO artifact(run_id, kind, schema_version, dbt_version, invocation_id,
        generated_at, identity, step, executes_nodes, invocation_command, elapsed_time, args,
        file_name)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    try statement.bind(runID, at: 1)
    try statement.bind(header.kind.rawValue, at: 2)
    try statement.bind(header.schemaVersion, at: 3)
    try statement.bind(header.dbtVersion, at: 4)
    try statement.bind(header.invocationID, at: 5)
    try statement.bind(header.generatedAt?.canonical, at: 6)
    try statement.bind(Ingester.identity(header), at: 7)
    try statement.bind(step, at: 8)
    try statement.bind(executesNodes, at: 9)
    try statement.bind(invocationCommand, at: 10)
    try statement.bind(elapsedTime, at: 11)
    try statement.bind(JSONText.compact(args), at: 12)
    try statement.bind(file, at: 13)
    try statement.execute()
    return db.lastInsertedRowID
  }

  /// Makes this run the environment's definition state if its manifest is the newest.
  private func updateEnvironmentLatestRun(runID: Int64, header: ArtifactHeader) throws {
    let generatedAt = header.generatedAt?.canonical ?? ""
    try db.run(
      """
      UPDATE environment SET latest_run_id = ?, latest_generated_at = ?
      WHERE id = ? AND (latest_generated_at IS NULL OR latest_generated_at <= ?)
      """, [.integer(runID), .text(generatedAt), .integer(environmentID), .text(generatedAt)])
  }

  /// When an artifact was generated, for ordering history: its own `generated_at`, else
  /// the manifest's, else now.
  func orderingTime(_ header: ArtifactHeader) -> String {
    (header.generatedAt ?? request.primary?.header.generatedAt
      ?? Timestamp(epochMicroseconds: Ingester.nowMicroseconds())).canonical
  }

  // MARK: - Nodes

  /// Loads the project's node ids once: from the request's snapshot when no node was added
  /// since it was read (nodes are never changed or deleted), else from the database.
  private mutating func loadNodeIDs() throws {
    if let snapshot = request.snapshot, snapshot.projectID == projectID,
      try db.scalarInt("SELECT max(id) FROM node") ?? 0 == snapshot.lastNodeID
    {
      nodeIDs = snapshot.nodeIDs
      return
    }
    nodeIDs = try Ingester.nodeIDs(db, projectID: projectID)
  }

  /// unique_id -> node id, for every node of the project.
  static func nodeIDs(_ db: Connection, projectID: Int64) throws -> [String: Int64] {
    let rows = try db.query(
      "SELECT unique_id, id FROM node WHERE project_id = ?", [.integer(projectID)]
    ) { ($0.string(at: 0) ?? "", $0.int64(at: 1)) }
    return Dictionary(rows, uniquingKeysWith: { first, _ in first })
  }

  /// The node id of `uniqueID`, creating the node (typed by the id's prefix when the
  /// manifest does not define it).
  mutating func nodeID(_ uniqueID: String, resourceType: String? = nil) throws -> Int64 {
    if let id = nodeIDs[uniqueID] { return id }
    let statement = statements.insertNode
    statement.reset()
    try statement.bind(projectID, at: 1)
    try statement.bind(uniqueID, at: 2)
    try statement.bind(resourceType ?? String(uniqueID.prefix { $0 != "." }), at: 3)
    try statement.execute()
    let id = db.lastInsertedRowID
    nodeIDs[uniqueID] = id
    return id
  }

  // MARK: - Warnings

  private func warnings() -> [String] {
    var lines = request.artifactWarnings.map { "\($0.file): \($0.warning)" }
    var invocations: [String] = []
    let files = request.headers
    for (_, header) in files {
      if let id = header.invocationID, !invocations.contains(id) { invocations.append(id) }
    }
    if invocations.count > 1 {
      let described = files.map {
        "\($0.file): \($0.header.invocationID.map { ArtifactError.quoted($0, quote: false) } ?? "none")"
      }
      lines.append(
        "the artifacts come from \(invocations.count) different dbt invocations ("
          + described.joined(separator: ", ") + ")")
    }
    func dangling(_ ids: [String], _ what: String) {
      guard let first = ids.first else { return }
      lines.append(
        "\(what) \(ids.count) node\(ids.count == 1 ? "" : "s") missing from the manifest "
          + "(first: \(ArtifactError.quoted(first, quote: false))); stored without a definition")
    }
    dangling(danglingResults, "run_results name")
    dangling(danglingFreshness, "sources.json names")
    dangling(danglingCatalog, "the catalog names")
    return lines
  }
}
