import SQLite

/// The SQL of one ``EnvironmentNodeQuery``: the page statement (filters, keyset position,
/// order, limit) and the count statement (the same filters), with their arguments.
///
/// Tags are the node's `tags`, else its `config.tags` (where unit tests keep theirs).
///
/// Every filter is written once as `(?N IS NULL OR ...)` with numbered parameters, so the
/// statement text depends only on the sort, the direction, whether unique ids are given
/// and whether the page reads only its nodes' summary (a few dozen texts in all, each
/// prepared once per reader connection) and SQLite skips the unused filters. With unique ids the statement starts from them (node by
/// project and unique id, its definitions, their membership), not from the manifest's
/// members: one model out of 10,000 costs index lookups, not a walk over every model.
struct EnvironmentNodeSQL {
  let query: EnvironmentNodeQuery

  /// The modeling layer of a model (dbt Explorer's "model layer"), in SQL over
  /// `definition d`: `staging` for names starting `stg_` or files under a `staging/`
  /// folder, `intermediate` for `int_` or `intermediate/`, `marts` for `fct_`, `dim_` or
  /// `marts/`; null otherwise and for other resources. The reference names the field but
  /// not its rule; this is the dbt project structure convention dbt Labs publishes
  /// (https://docs.getdbt.com/best-practices/how-we-structure/1-guide-overview).
  static let modelingLayerSQL = """
    CASE WHEN d.resource_type <> 'model' THEN NULL
      WHEN d.name LIKE 'stg\\_%' ESCAPE '\\' OR d.original_file_path LIKE '%staging/%' THEN 'staging'
      WHEN d.name LIKE 'int\\_%' ESCAPE '\\' OR d.original_file_path LIKE '%intermediate/%'
        THEN 'intermediate'
      WHEN d.name LIKE 'fct\\_%' ESCAPE '\\' OR d.name LIKE 'dim\\_%' ESCAPE '\\'
        OR d.original_file_path LIKE '%marts/%' THEN 'marts'
      ELSE NULL END
    """

  /// Parameters ?1-?19 are the environment (?1), the account (?2) and the filters; ?20-?23
  /// the position and the limit.
  static let filterCount = 19

  /// The manifest version of environment ?1's current state when the environment is in
  /// account ?2, else NULL (and the statements match nothing): the account check and the
  /// version read inside each statement (an uncorrelated subquery, evaluated once per
  /// execution), where a statement before the page read them.
  static let version = """
    (SELECT cr.manifest_version_id FROM environment ce
      JOIN project cp ON cp.id = ce.project_id JOIN run cr ON cr.id = ce.latest_run_id
      WHERE ce.id = ?1 AND cp.account_id = ?2)
    """

  /// The members of the current manifest version (``version``): all of them, or (``byUniqueIDs``) those of
  /// the unique ids ?8, found from the ids (`CROSS JOIN` fixes that order).
  static let allMembers = """
    FROM manifest_member m
    JOIN definition d ON d.id = m.definition_id
    JOIN node n ON n.id = d.node_id
    """
  static let membersOfUniqueIDs = """
    FROM (SELECT DISTINCT value FROM json_each(?8)) wanted
    CROSS JOIN node n ON n.unique_id = wanted.value
      AND n.project_id = (SELECT project_id FROM manifest_version WHERE id = \(version))
    CROSS JOIN definition d ON d.node_id = n.id
    CROSS JOIN manifest_member m ON m.manifest_version_id = \(version)
      AND m.resource_type = d.resource_type AND m.definition_id = d.id
    """

  /// `FROM ... WHERE <filters>` over the manifest version's members with their applied
  /// state, and the latest execution, freshness result or catalog entry only where a filter
  /// or the sort reads it: each of those is a lookup in a table of a million rows per
  /// member (3,500 of them for the models of a 10,000-node project), paid by the count and
  /// the page statements alike when joined for nothing (`benchmarks/README.md`, Metadata
  /// API).
  var fromAndFilters: String {
    (query.uniqueIDs == nil ? Self.allMembers : Self.membersOfUniqueIDs) + "\n"
      + joinsAndFilters
  }

  /// Whether the statement reads the latest execution `x`: its status filter or sort.
  var joinsExecution: Bool { query.lastRunStatus != nil || query.sort == .executeCompletedAt }
  /// Whether it reads the latest freshness result `f`: its status filter.
  var joinsFreshness: Bool { query.freshnessStatus != nil }
  /// Whether it reads the latest catalog entry `c`: the row count sort.
  var joinsCatalog: Bool { query.sort == .rowCount }

  var joinsAndFilters: String {
    var text = "LEFT JOIN applied_state s ON s.environment_id = ?1 AND s.node_id = n.id\n"
    if joinsExecution { text += "LEFT JOIN execution x ON x.id = s.last_execution_id\n" }
    if joinsFreshness { text += "LEFT JOIN freshness_result f ON f.id = s.last_freshness_id\n" }
    if joinsCatalog { text += "LEFT JOIN catalog_entry c ON c.id = s.last_catalog_id\n" }
    text += Self.filters
    if joinsExecution { text += "\n  AND (?14 IS NULL OR lower(x.status) = lower(?14))" }
    if joinsFreshness {
      text += """

          AND (?16 IS NULL OR (CASE f.status WHEN 'runtime error' THEN 'error' ELSE f.status END) = ?16)
        """
    }
    return text
  }

  /// The filters on the member, its definition and its applied state (?14 and ?16, on
  /// `x` and `f`, are added by ``joinsAndFilters`` with their joins). ?19 stays last and
  /// always present: the count statement binds ?1-?19.
  static let filters = """
    WHERE m.manifest_version_id = \(version)
      AND m.resource_type IN (SELECT value FROM json_each(?3))
      AND (?4 IS NULL OR d.database_name = ?4 COLLATE NOCASE)
      AND (?5 IS NULL OR d.schema_name = ?5 COLLATE NOCASE)
      AND (?6 IS NULL OR coalesce(d.identifier, d.alias) = ?6 COLLATE NOCASE)
      AND (?7 IS NULL OR EXISTS (SELECT 1 FROM json_each(CASE WHEN coalesce(d.tags, '[]') = '[]'
          THEN json_extract(d.json, '$.config.tags') ELSE d.tags END) t
        WHERE t.value IN (SELECT value FROM json_each(?7))))
      AND (?8 IS NULL OR n.unique_id IN (SELECT value FROM json_each(?8)))
      AND (?9 IS NULL OR d.name IN (SELECT value FROM json_each(?9)))
      AND (?10 IS NULL OR d.package_name = ?10)
      AND (?11 IS NULL OR d.access = ?11)
      AND (?12 IS NULL OR d.group_name = ?12)
      AND (?13 IS NULL OR (\(EnvironmentNodeSQL.modelingLayerSQL)) = ?13)
      AND (?15 IS NULL OR (s.last_freshness_id IS NOT NULL) = ?15)
      AND (?17 IS NULL OR d.source_name IN (SELECT value FROM json_each(?17)))
      AND (?18 IS NULL OR (CASE WHEN d.resource_type = 'unit_test' THEN 'UNIT_TEST'
        WHEN d.test_name IS NOT NULL THEN 'GENERIC_DATA_TEST' ELSE 'SINGULAR_DATA_TEST' END)
        IN (SELECT value FROM json_each(?18)))
      AND (?19 IS NULL OR json_extract(d.json, '$.type') = ?19)
    """

  /// The sort key expression, or nil for the unique-id order.
  var keyExpression: String? {
    switch query.sort {
    case .uniqueID: return nil
    case .executeCompletedAt: return "x.execute_completed_at"
    case .rowCount: return "c.row_count"
    }
  }

  var countText: String {
    filtersOnlyByType ? Self.membersCountText : "SELECT count(*) " + fromAndFilters
  }

  /// Whether no filter is given but the resource types: the matching set is then the
  /// version's members of those types, and its count needs no other row.
  var filtersOnlyByType: Bool {
    let q = query
    let texts: [String?] = [
      q.database, q.schema, q.identifier, q.packageName, q.access, q.group, q.modelingLayer,
      q.lastRunStatus, q.freshnessStatus, q.exposureType,
    ]
    let lists: [[String]?] = [q.tags, q.uniqueIDs, q.names, q.sourceNames, q.testTypes]
    return texts.allSatisfy { $0 == nil } && lists.allSatisfy { $0 == nil }
      && q.freshnessChecked == nil
  }

  /// The count when only the resource types filter (``filtersOnlyByType``): the members of
  /// current version of the types ?3, counted in `manifest_member`'s primary key alone. The
  /// filtered count joins each member's definition and node first (3,500 lookups for the
  /// models of a 10,000-node project: 1.8 ms where this takes 0.1). ?4-?19 are read so
  /// that the statement binds the same parameters as the filtered count; the condition on
  /// them holds exactly when no filter is given.
  static let membersCountText = """
    SELECT count(*) FROM manifest_member m
    WHERE m.manifest_version_id = \(version)
      AND m.resource_type IN (SELECT value FROM json_each(?3))
      AND coalesce(?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) IS NULL
    """

  /// The page: the members are filtered, ordered and cut to the page on narrow rows (node,
  /// definition, sort key, position), then only the page's rows are read whole. Sorting
  /// the whole rows instead (each with its manifest JSON, 3 KB on average) made SQLite's
  /// sorter spill every member of the version to a temporary file. Rows come back in any
  /// order with their position (column ``positionColumn``); the caller orders them.
  var pageText: String {
    let direction = query.descending ? "DESC" : "ASC"
    let after = query.descending ? "<" : ">"
    let order: String
    let position: String
    if let key = keyExpression {
      // Nulls last in either direction; ties by unique id in the key's direction. A
      // position with a value is followed by larger (smaller) values, its ties by unique
      // id, then every null; a position without one only by nulls with a later unique id.
      order = "(\(key) IS NULL), \(key) \(direction), n.unique_id \(direction)"
      position = """
          AND (?20 IS NULL OR (CASE WHEN ?22 = 1
            THEN (\(key) IS NULL OR \(key) \(after) ?21 OR (\(key) = ?21 AND n.unique_id \(after) ?20))
            ELSE (\(key) IS NULL AND n.unique_id \(after) ?20) END))
        """
    } else {
      order = "n.unique_id \(direction)"
      position = "  AND (?20 IS NULL OR n.unique_id \(after) ?20)"
    }
    return """
      WITH page AS (
        SELECT n.id AS node_id, d.id AS definition_id, \(keyExpression ?? "NULL") AS sort_key,
          row_number() OVER (ORDER BY \(order)) AS position
        \(fromAndFilters)
        \(position)
        ORDER BY \(order) LIMIT ?23
      )
      SELECT \(query.summaryOnly ? MetadataStore.summaryNodeColumns : MetadataStore.nodeColumns),
        page.sort_key, page.position
      FROM page
      CROSS JOIN node n ON n.id = page.node_id
      CROSS JOIN definition d ON d.id = page.definition_id
      LEFT JOIN applied_state s ON s.environment_id = ?1 AND s.node_id = n.id
      """
  }

  /// The column of a page row's position (1-based, in the page's order).
  static let positionColumn: Int32 = MetadataStore.nodeColumnCount + 1

  /// ?1-?19.
  func filterArguments(environmentID: Int, accountID: Int) -> [SQLiteValue] {
    func list(_ values: [String]?) -> SQLiteValue {
      values.map { .text(JSONText.array($0)) } ?? .null
    }
    func text(_ value: String?) -> SQLiteValue { value.map { .text($0) } ?? .null }
    return [
      .integer(Int64(environmentID)), .integer(Int64(accountID)),
      .text(JSONText.array(query.resourceTypes)),
      text(query.database), text(query.schema), text(query.identifier), list(query.tags),
      list(query.uniqueIDs), list(query.names), text(query.packageName), text(query.access),
      text(query.group), text(query.modelingLayer), text(query.lastRunStatus),
      query.freshnessChecked.map { .integer($0 ? 1 : 0) } ?? .null,
      text(query.freshnessStatus), list(query.sourceNames), list(query.testTypes),
      text(query.exposureType),
    ]
  }

  /// ?20-?23: the position (unique id, key value, whether the value is not null), limit.
  var pageArguments: [SQLiteValue] {
    let limit: SQLiteValue = .integer(query.limit.map { Int64($0) + 1 } ?? -1)
    guard let after = query.after else { return [.null, .null, .integer(0), limit] }
    let value: SQLiteValue
    switch after.value {
    case .null: value = .null
    case .text(let text): value = .text(text)
    case .integer(let number): value = .integer(Int64(number))
    }
    return [.text(after.uniqueID), value, .integer(value == .null ? 0 : 1), limit]
  }

  /// The sort key of a page row.
  func sortValue(_ row: Statement, at index: Int32) -> NodeSortValue {
    if row.isNull(at: index) { return .null }
    switch query.sort {
    case .uniqueID: return .null
    case .executeCompletedAt: return row.string(at: index).map { .text($0) } ?? .null
    case .rowCount: return .integer(row.int(at: index))
    }
  }
}
