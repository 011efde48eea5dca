import Auth
import CSQLite
import Foundation
import SQLite
import Testing

@testable import MetadataStore

/// A changed token is refused before the database runs a single statement: every
/// connection of the store is traced (`sqlite3_trace_v2`, SQLITE_TRACE_STMT) and its
/// statements counted.
@Suite struct TokenCheckStatementTests {
  /// Statements started on the traced connections.
  final class StatementCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func increment() { lock.withLock { value += 1 } }
  }

  /// Traces the writer and every reader the pool may open (all four borrowed at once).
  static func trace(_ store: MetadataStore, into counter: StatementCounter) throws {
    let context = Unmanaged.passUnretained(counter).toOpaque()
    func install(_ db: Connection) {
      sqlite3_trace_v2(
        db.sqliteConnection, UInt32(SQLITE_TRACE_STMT),
        { _, context, _, _ in
          if let context {
            Unmanaged<StatementCounter>.fromOpaque(context).takeUnretainedValue().increment()
          }
          return 0
        }, context)
    }
    try store.pool.writeWithoutTransaction { install($0) }
    #expect(store.pool.maximumReaderCount == 4)
    try store.pool.read { first in
      try store.pool.read { second in
        try store.pool.read { third in
          try store.pool.read { fourth in
            for reader in [first, second, third, fourth] { install(reader) }
          }
        }
      }
    }
  }

  @Test func everySingleCharacterChangeOfATokenRunsNoStatement() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let created = try store.createAccount(name: "A", plan: .team)
    let owner = try store.authenticate(created.token.plaintext)
    let service = try store.createServiceToken(
      accountID: 1, name: "ci", permissionSets: [PermissionSet(.metadataOnly)], actor: owner)
    let counter = StatementCounter()
    try Self.trace(store, into: counter)
    let baseline = counter.count

    for token in [created.token.plaintext, service.plaintext] {
      let characters = Array(token)
      for index in characters.indices {
        for replacement in "0aZ_-é " as String where replacement != characters[index] {
          var changed = characters
          changed[index] = replacement
          #expect(throws: AuthError.self) { try store.authenticate(String(changed)) }
        }
        var shorter = characters
        shorter.remove(at: index)
        #expect(throws: AuthError.self) { try store.authenticate(String(shorter)) }
      }
    }
    #expect(counter.count == baseline)

    // The counter does count: a valid token runs statements (the lookup, in a read
    // transaction).
    _ = try store.authenticate(service.plaintext)
    #expect(counter.count > baseline)
  }
}
