/// The database schema, as a list of migrations applied in order; the SQL of the whole
/// store lives here, in one readable place (the Python baseline in `benchmarks/peers/`
/// mirrors it).
///
/// The file is marked as ours with `PRAGMA application_id` and versioned with
/// `PRAGMA user_version` (the number of migrations applied), so another application's
/// SQLite file and a file written by a newer binary are both refused with a clear error.
/// <https://www.sqlite.org/pragma.html#pragma_application_id>
///
/// ## Model
///
/// - Hierarchy `account > project > environment > job > run`, integer ids as in dbt Cloud.
/// - `node`: one row per `unique_id` per project: the stable identity that executions,
///   lineage and applied state point at.
/// - `definition`: one row per distinct content of a node (``Artifacts/ManifestNode/contentHash``,
///   SHA-256 of the canonical JSON). An unchanged node costs nothing per run.
/// - `manifest_version`: one row per distinct *set* of definitions in a project, keyed by
///   a fingerprint of the sorted `(unique_id, content_hash)` pairs; `manifest_member` lists
///   its definitions. A run points at its manifest version, so 100 runs of an unchanged
///   project share one version and its member rows; a changed manifest adds one version
///   (its member rows) plus only the changed definitions. Chosen over validity intervals
///   because runs of several jobs (a full nightly and a CI job) interleave in one project,
///   and "the nodes of run R" stays one indexed range scan.
/// - `lineage_edge`: parent edges of a definition (from `parent_map`), stored with the
///   definition, so they too grow only with changes.
/// - `artifact`: every file ingested for a run (one manifest, run_results per step,
///   at most one sources and one catalog); `identity` makes ingest idempotent.
/// - `execution`, `freshness_result`, `catalog_entry` (+ `catalog_stat`): append-only
///   history per run. Catalog columns are stored once per distinct column list
///   (`catalog_column_set`, `catalog_column`).
/// - `applied_state`: per environment and node, the latest execution, latest success,
///   latest freshness and latest catalog entry, kept current at ingest (by the artifact's
///   `generated_at`, so an older run ingested late does not win).
enum Schema {
  /// `PRAGMA application_id` of a dbt-metadata database: "dbtm" in ASCII.
  static let applicationID: Int32 = 0x6462_746D

  /// The page size of a new database: 16 KiB rather than SQLite's default 4 KiB.
  ///
  /// Why: a `definition` row carries the node's JSON, typically 1-8 KB. With 4 KiB pages
  /// most rows spill into overflow pages that are partly empty, so a quarter of the file
  /// is slack and every row costs extra page writes (twice: WAL, then checkpoint). With
  /// 16 KiB pages the rows stay on their leaf pages: on the 50k-node benchmark project the
  /// file shrinks and ingest CPU time fell by about a quarter (benchmarks/README.md).
  /// Existing databases keep the page size they were created with.
  static let pageSize = 16384

  /// The schema version this binary writes: the number of migrations.
  static var currentVersion: Int { migrations.count }

  /// Migration N (1-based) brings the schema from version N-1 to N. Never edit a shipped
  /// migration; append a new one.
  static let migrations: [String] = [version1, version2, version3]

  static let version1 = """
    CREATE TABLE account (
      id INTEGER PRIMARY KEY,
      name TEXT
    );

    CREATE TABLE project (
      id INTEGER PRIMARY KEY,
      account_id INTEGER NOT NULL REFERENCES account(id),
      name TEXT
    );
    CREATE INDEX project_by_account ON project(account_id);

    CREATE TABLE environment (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES project(id),
      name TEXT,
      -- The run whose manifest is the environment's definition state (newest generated_at).
      latest_run_id INTEGER,
      latest_generated_at TEXT
    );
    CREATE INDEX environment_by_project ON environment(project_id);

    CREATE TABLE job (
      id INTEGER PRIMARY KEY,
      environment_id INTEGER NOT NULL REFERENCES environment(id),
      name TEXT
    );
    CREATE INDEX job_by_environment ON job(environment_id);

    CREATE TABLE node (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES project(id),
      unique_id TEXT NOT NULL,
      resource_type TEXT NOT NULL,
      UNIQUE (project_id, unique_id)
    );

    CREATE TABLE definition (
      id INTEGER PRIMARY KEY,
      node_id INTEGER NOT NULL REFERENCES node(id),
      content_hash TEXT NOT NULL,
      resource_type TEXT NOT NULL,
      name TEXT NOT NULL,
      package_name TEXT,
      path TEXT,
      original_file_path TEXT,
      database_name TEXT,
      schema_name TEXT,
      alias TEXT,
      relation_name TEXT,
      description TEXT,
      materialized TEXT,
      language TEXT,
      access TEXT,
      group_name TEXT,
      version TEXT,
      fqn TEXT,                 -- JSON array
      tags TEXT,                -- JSON array
      meta TEXT,                -- JSON object as written
      test_name TEXT,           -- test_metadata.name (generic tests)
      test_namespace TEXT,
      test_column_name TEXT,
      tested_unique_id TEXT,    -- attached_node, else the first depends_on node
      severity TEXT,
      source_name TEXT,
      identifier TEXT,
      loader TEXT,
      loaded_at_field TEXT,
      freshness_warn_count INTEGER,
      freshness_warn_period TEXT,
      freshness_error_count INTEGER,
      freshness_error_period TEXT,
      freshness_filter TEXT,
      json TEXT NOT NULL,       -- the node's complete JSON, as written in the manifest
      UNIQUE (node_id, content_hash)
    );

    CREATE TABLE manifest_version (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES project(id),
      fingerprint TEXT NOT NULL,
      node_count INTEGER NOT NULL,
      UNIQUE (project_id, fingerprint)
    );

    CREATE TABLE manifest_member (
      manifest_version_id INTEGER NOT NULL REFERENCES manifest_version(id),
      resource_type TEXT NOT NULL,
      definition_id INTEGER NOT NULL REFERENCES definition(id),
      PRIMARY KEY (manifest_version_id, resource_type, definition_id)
    ) WITHOUT ROWID;

    CREATE TABLE lineage_edge (
      definition_id INTEGER NOT NULL REFERENCES definition(id),
      parent_node_id INTEGER NOT NULL REFERENCES node(id),
      PRIMARY KEY (definition_id, parent_node_id)
    ) WITHOUT ROWID;
    CREATE INDEX lineage_edge_by_parent ON lineage_edge(parent_node_id, definition_id);

    CREATE TABLE run (
      id INTEGER PRIMARY KEY,
      job_id INTEGER NOT NULL REFERENCES job(id),
      environment_id INTEGER NOT NULL REFERENCES environment(id),
      manifest_version_id INTEGER NOT NULL REFERENCES manifest_version(id),
      generated_at TEXT,        -- the manifest's, canonical UTC
      dbt_version TEXT,
      invocation_id TEXT,
      adapter_type TEXT,
      project_name TEXT,
      ingested_at TEXT NOT NULL
    );
    CREATE INDEX run_by_job ON run(job_id, id);
    CREATE INDEX run_by_environment ON run(environment_id, id);

    CREATE TABLE artifact (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES run(id),
      kind TEXT NOT NULL,       -- manifest, run-results, sources, catalog
      schema_version INTEGER NOT NULL,
      dbt_version TEXT,
      invocation_id TEXT,
      generated_at TEXT,
      identity TEXT NOT NULL,   -- kind, invocation id and generated_at: same file, same identity
      step TEXT,                -- run-results: args.which (build, test, generate...)
      executes_nodes INTEGER NOT NULL DEFAULT 1,
      invocation_command TEXT,
      elapsed_time REAL,
      args TEXT,                -- JSON
      file_name TEXT,
      UNIQUE (run_id, identity)
    );
    CREATE INDEX artifact_by_identity ON artifact(identity, kind);

    CREATE TABLE execution (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES run(id),
      artifact_id INTEGER NOT NULL REFERENCES artifact(id),
      environment_id INTEGER NOT NULL,
      node_id INTEGER NOT NULL REFERENCES node(id),
      executes_node INTEGER NOT NULL,  -- 0 for docs generate / compile steps
      status TEXT,
      message TEXT,
      failures INTEGER,
      thread_id TEXT,
      execution_time REAL,
      compile_started_at TEXT,
      compile_completed_at TEXT,
      execute_started_at TEXT,
      execute_completed_at TEXT,
      adapter_response TEXT,    -- JSON object
      generated_at TEXT         -- the run_results' generated_at: orders the history
    );
    CREATE INDEX execution_by_node ON execution(environment_id, node_id, executes_node, run_id);
    CREATE INDEX execution_by_run ON execution(run_id, node_id);

    CREATE TABLE freshness_result (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES run(id),
      artifact_id INTEGER NOT NULL REFERENCES artifact(id),
      environment_id INTEGER NOT NULL,
      node_id INTEGER NOT NULL REFERENCES node(id),
      status TEXT NOT NULL,     -- pass, warn, error, runtime error
      max_loaded_at TEXT,
      snapshotted_at TEXT,
      max_loaded_at_time_ago_in_s REAL,
      error TEXT,
      warn_after_count INTEGER,
      warn_after_period TEXT,
      error_after_count INTEGER,
      error_after_period TEXT,
      filter TEXT,
      thread_id TEXT,
      execution_time REAL,
      execute_started_at TEXT,
      execute_completed_at TEXT,
      generated_at TEXT
    );
    CREATE INDEX freshness_by_node ON freshness_result(environment_id, node_id, run_id);
    CREATE INDEX freshness_by_run ON freshness_result(run_id);

    CREATE TABLE catalog_column_set (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES project(id),
      fingerprint TEXT NOT NULL,
      column_count INTEGER NOT NULL,
      UNIQUE (project_id, fingerprint)
    );

    CREATE TABLE catalog_column (
      column_set_id INTEGER NOT NULL REFERENCES catalog_column_set(id),
      position INTEGER NOT NULL,  -- 0-based order in the catalog
      name TEXT NOT NULL,
      type TEXT,
      column_index INTEGER,       -- the catalog's 1-based `index`
      comment TEXT,
      PRIMARY KEY (column_set_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE catalog_entry (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES run(id),
      artifact_id INTEGER NOT NULL REFERENCES artifact(id),
      environment_id INTEGER NOT NULL,
      node_id INTEGER NOT NULL REFERENCES node(id),
      column_set_id INTEGER NOT NULL REFERENCES catalog_column_set(id),
      table_type TEXT,
      database_name TEXT,
      schema_name TEXT,
      table_name TEXT,
      comment TEXT,
      owner TEXT,
      row_count INTEGER,        -- from the row_count / num_rows stat, when numeric
      bytes INTEGER,            -- from the bytes / num_bytes stat, when numeric
      generated_at TEXT
    );
    CREATE INDEX catalog_entry_by_node ON catalog_entry(environment_id, node_id, run_id);
    CREATE INDEX catalog_entry_by_run ON catalog_entry(run_id, node_id);

    CREATE TABLE catalog_stat (
      catalog_entry_id INTEGER NOT NULL REFERENCES catalog_entry(id),
      stat_id TEXT NOT NULL,
      label TEXT,
      value TEXT,               -- JSON scalar as written
      include INTEGER NOT NULL,
      description TEXT,
      PRIMARY KEY (catalog_entry_id, stat_id)
    ) WITHOUT ROWID;

    CREATE TABLE applied_state (
      environment_id INTEGER NOT NULL REFERENCES environment(id),
      node_id INTEGER NOT NULL REFERENCES node(id),
      last_execution_id INTEGER REFERENCES execution(id),
      last_execution_at TEXT,
      last_success_id INTEGER REFERENCES execution(id),
      last_success_at TEXT,
      last_freshness_id INTEGER REFERENCES freshness_result(id),
      last_freshness_at TEXT,
      last_catalog_id INTEGER REFERENCES catalog_entry(id),
      last_catalog_at TEXT,
      PRIMARY KEY (environment_id, node_id)
    ) WITHOUT ROWID;
    """

  /// Accounts, users, tokens and the audit trail (issue 9; DESIGN.md, Authorization).
  ///
  /// - `account_setting`: the plan and the metadata API switch (off by default) of an
  ///   account that has been set up with `account create`; an account known only from
  ///   ingest has no row, hence no users, no tokens and no access.
  /// - `account_user`: users with a role (`owner`, `account-admin`, `member`).
  /// - `token`: user and service tokens. Only the SHA-256 `digest` of a token is kept,
  ///   never its text; `last_used_at` is written at most once a minute; a revoked token
  ///   keeps its row (`revoked_at`) for the listing and the audit trail.
  /// - `token_permission`: a service token's permission sets, one row per set and project
  ///   (`project_id` NULL: all projects).
  /// - `audit_event`: who did what, when: append-only.
  static let version2 = """
    CREATE TABLE account_setting (
      account_id INTEGER PRIMARY KEY REFERENCES account(id),
      plan TEXT NOT NULL,                           -- team, enterprise
      metadata_api_enabled INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    );

    CREATE TABLE account_user (
      id INTEGER PRIMARY KEY,
      account_id INTEGER NOT NULL REFERENCES account(id),
      email TEXT,
      role TEXT NOT NULL,                           -- owner, account-admin, member
      created_at TEXT NOT NULL,
      UNIQUE (account_id, email)
    );

    CREATE TABLE token (
      id INTEGER PRIMARY KEY,
      account_id INTEGER NOT NULL REFERENCES account(id),
      kind TEXT NOT NULL,                           -- service, user
      name TEXT NOT NULL,
      user_id INTEGER REFERENCES account_user(id),  -- a user token's user
      created_by_user_id INTEGER REFERENCES account_user(id),
      created_at TEXT NOT NULL,
      last_used_at TEXT,
      revoked_at TEXT,
      revoked_by_user_id INTEGER REFERENCES account_user(id),
      digest BLOB NOT NULL UNIQUE                   -- SHA-256 of the token's text
    );
    CREATE INDEX token_by_account ON token(account_id, id);

    CREATE TABLE token_permission (
      token_id INTEGER NOT NULL REFERENCES token(id),
      set_index INTEGER NOT NULL,                   -- the set's position on the token
      permission_set TEXT NOT NULL,                 -- account-admin, metadata-only
      project_id INTEGER,                           -- NULL: all projects
      UNIQUE (token_id, set_index, project_id)
    );
    CREATE INDEX token_permission_by_token ON token_permission(token_id, set_index);

    CREATE TABLE audit_event (
      id INTEGER PRIMARY KEY,
      account_id INTEGER NOT NULL REFERENCES account(id),
      at TEXT NOT NULL,
      actor_token_id INTEGER,                       -- the token the actor used, if any
      actor TEXT NOT NULL,                          -- "user 1 (a@example.com, Owner)"
      action TEXT NOT NULL,                         -- account.created, token.created...
      subject TEXT NOT NULL                         -- what it acted on
    );
    CREATE INDEX audit_event_by_account ON audit_event(account_id, id);
    """

  /// The raw digest of a definition (issue 12, "The run after each job").
  ///
  /// - `definition.raw_digest`: ``Artifacts/RawDigest`` (32 bytes) of the bytes the
  ///   definition was last read from, recorded only when mapping those bytes gave this
  ///   row's node, resource type and content hash without a warning. A next run reads the
  ///   digests of the project's latest manifest version (``MetadataStore/knownDefinitions(projectID:)``)
  ///   and maps only definitions whose digest is not among them. NULL for definitions
  ///   stored before this migration: the first next run after it maps everything, as
  ///   before, and records their digests.
  /// - `definition_digest`: a covering index of what a next run reads of every definition of
  ///   the latest manifest version (id, node, content hash, type, raw digest). Without it each
  ///   of those reads went through the table's leaf pages, which hold the definitions' JSON
  ///   (about 40 MB for 10,000 nodes). The queries name it (`INDEXED BY`): SQLite prefers the
  ///   rowid for `id = ?` when it has no statistics.
  static let version3 = """
    ALTER TABLE definition ADD COLUMN raw_digest BLOB;
    CREATE INDEX definition_digest
      ON definition(id, node_id, content_hash, resource_type, raw_digest);
    """
}
