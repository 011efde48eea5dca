import SQLite

extension MetadataStore {
  /// Whether the database holds nothing an operator made: no account, project or run (its
  /// schema aside).
  ///
  /// Why: a command that created a new database file for a write that then failed removes
  /// the file again, but only when nothing else was stored in it meanwhile (another
  /// process may have created the same file and written to it).
  public func holdsNothing() throws -> Bool {
    try wrapping {
      try pool.read { db in
        try db.scalarInt(
          """
          SELECT NOT EXISTS (SELECT 1 FROM account) AND NOT EXISTS (SELECT 1 FROM project)
            AND NOT EXISTS (SELECT 1 FROM run)
          """) == 1
      }
    }
  }
}
