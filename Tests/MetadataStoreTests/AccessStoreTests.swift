import Auth
import Foundation
import SQLite
import Testing

@testable import MetadataStore

/// Accounts, users, tokens and the audit trail in the store, and authentication over it.
@Suite struct AccessStoreTests {
  /// A store with a Team account (1) and an Enterprise account (2), each with its first
  /// administrator.
  struct Setup {
    let database: TemporaryDatabase
    let store: MetadataStore
    let team: AccountCreation
    let enterprise: AccountCreation
    var owner: Principal { get throws { try store.authenticate(team.token.plaintext) } }
    var admin: Principal { get throws { try store.authenticate(enterprise.token.plaintext) } }

    init() throws {
      database = try TemporaryDatabase()
      store = try database.open()
      team = try store.createAccount(name: "Team Co", plan: .team, email: "o@team.example")
      enterprise = try store.createAccount(
        name: "Big Co", plan: .enterprise, email: "a@big.example")
    }
  }

  @Test func creatingAnAccountMakesItsAdministratorAndAToken() throws {
    let setup = try Setup()
    #expect(setup.team.account.id == 1)
    #expect(setup.enterprise.account.id == 2)
    #expect(setup.team.user.role == .owner)
    #expect(setup.enterprise.user.role == .accountAdmin)
    #expect(setup.team.token.plaintext.hasPrefix("dbtu_"))
    #expect(try setup.store.account(id: 1) == setup.team.account)
    #expect(try setup.store.account(id: 1)?.metadataAPIEnabled == false)
    #expect(try setup.store.account(id: 3) == nil)

    let owner = try setup.owner
    #expect(owner.identity == .user(id: 1, email: "o@team.example", role: .owner))
    #expect(owner.accountID == 1)
    let events = try setup.store.auditEvents(accountID: 1)
    #expect(events.map(\.action) == ["account.created", "user.added", "token.created"])
    #expect(events.allSatisfy { $0.actor == "operator" })
    #expect(events[0].subject == "account 1 (Team Co), team plan")
    #expect(events[1].subject == "user 1 (o@team.example, Owner)")
    #expect(events[2].subject == "user token 1 of user 1")
  }

  @Test func anAccountIsSetUpOnceAndNeedsAName() throws {
    let setup = try Setup()
    let before = try setup.database.dump()
    #expect(throws: StoreError.self) {
      try setup.store.createAccount(name: "Again", plan: .team, id: 1)
    }
    #expect(throws: StoreError.self) { try setup.store.createAccount(name: "  ", plan: .team) }
    #expect(throws: StoreError.self) {
      try setup.store.createAccount(name: "Z", plan: .team, id: 0)
    }
    #expect(throws: StoreError.self) {
      try setup.store.createAccount(name: "X", plan: .team, email: "not an email")
    }
    #expect(try setup.database.dump() == before)
  }

  @Test func usersGetTheirPlansRolesOnly() throws {
    let setup = try Setup()
    let owner = try setup.owner
    let member = try setup.store.addUser(
      accountID: 1, email: "m@team.example", role: .member, actor: owner)
    #expect(member.user.role == .member)
    let memberPrincipal = try setup.store.authenticate(member.token.plaintext)
    #expect(
      memberPrincipal.identity == .user(id: member.user.id, email: "m@team.example", role: .member))

    let admin = try setup.admin
    let before = try setup.database.dump()
    #expect(throws: AuthError(.roleNotOnPlan(role: .accountAdmin, plan: .team))) {
      try setup.store.addUser(
        accountID: 1, email: "x@team.example", role: .accountAdmin, actor: owner)
    }
    #expect(throws: AuthError(.roleNotOnPlan(role: .owner, plan: .enterprise))) {
      try setup.store.addUser(
        accountID: 2, email: "x@big.example", role: .owner, actor: admin)
    }
    let duplicate = try #require(throws: StoreError.self) {
      try setup.store.addUser(accountID: 1, email: "m@team.example", role: .member, actor: owner)
    }
    #expect(duplicate.description == "m@team.example is already a user of account 1")
    #expect(try setup.database.dump() == before)
    #expect(
      try setup.store.users(accountID: 1).map(\.email) == ["o@team.example", "m@team.example"])
    #expect(
      try setup.store.auditEvents(accountID: 1).last?.actor == "user 1 (o@team.example, Owner)")
  }

  @Test func serviceTokensKeepTheirPermissionSets() throws {
    let setup = try Setup()
    let owner = try setup.owner
    let sets = [
      PermissionSet(.metadataOnly, scope: .projects([3, 7])),
      PermissionSet(.accountAdmin, scope: .projects([7])),
    ]
    let created = try setup.store.createServiceToken(
      accountID: 1, name: "ci", permissionSets: sets, actor: owner)
    #expect(created.plaintext.hasPrefix("dbtm_"))
    #expect(created.record.createdByUserID == 1)
    let listed = try #require(try setup.store.tokens(accountID: 1).last)
    #expect(listed == created.record)
    #expect(listed.permissionSets == sets)

    let principal = try setup.store.authenticate(created.plaintext)
    #expect(principal.identity == .service(permissionSets: sets))
    #expect(
      try setup.store.auditEvents(accountID: 1).last?.subject
        == "service token 3 (ci): metadata-only on projects 3, 7; account-admin on project 7")
  }

  @Test func aTokenCannotNameAnotherAccountsProject() throws {
    let setup = try Setup()
    try setup.store.ingest(SyntheticProject(run: 1).request(job: 1))  // project 1 of account 1
    let (owner, admin) = (try setup.owner, try setup.admin)
    let before = try setup.database.dump()
    #expect(throws: AuthError(.notFound("project 1 not found in account 2"))) {
      try setup.store.createServiceToken(
        accountID: 2, name: "x",
        permissionSets: [PermissionSet(.metadataOnly, scope: .projects([1]))],
        actor: admin)
    }
    #expect(throws: StoreError.self) {
      try setup.store.createServiceToken(accountID: 1, name: "x", permissionSets: [], actor: owner)
    }
    #expect(throws: StoreError.self) {
      try setup.store.createServiceToken(
        accountID: 1, name: " \n", permissionSets: [PermissionSet(.metadataOnly)], actor: owner)
    }
    #expect(throws: AuthError(.notFound("account 5 not found"))) {
      try setup.store.createServiceToken(
        accountID: 5, name: "x", permissionSets: [PermissionSet(.metadataOnly)], actor: owner)
    }
    #expect(throws: StoreError.self) {
      try setup.store.createServiceToken(
        accountID: 1, name: "x",
        permissionSets: [PermissionSet(.metadataOnly, scope: .projects([]))],
        actor: owner)
    }
    #expect(try setup.database.dump() == before)
  }

  @Test func revokedTokensAreRefusedFromTheNextRequestOn() throws {
    let setup = try Setup()
    let owner = try setup.owner
    let first = try setup.store.createServiceToken(
      accountID: 1, name: "a", permissionSets: [PermissionSet(.metadataOnly)], actor: owner)
    let second = try setup.store.createServiceToken(
      accountID: 1, name: "b", permissionSets: [PermissionSet(.metadataOnly)], actor: owner)
    _ = try setup.store.authenticate(first.plaintext)

    let revoked = try setup.store.revokeToken(accountID: 1, id: first.record.id, actor: owner)
    #expect(revoked.revokedAt != nil)
    #expect(throws: AuthError(.revokedToken(id: first.record.id))) {
      try setup.store.authenticate(first.plaintext)
    }
    // By its text, as for a leaked token.
    _ = try setup.store.revokeToken(accountID: 1, plaintext: second.plaintext, actor: owner)
    #expect(throws: AuthError(.revokedToken(id: second.record.id))) {
      try setup.store.authenticate(second.plaintext)
    }
    // Again: unchanged, recorded once.
    let again = try setup.store.revokeToken(accountID: 1, id: first.record.id, actor: owner)
    #expect(again.revokedAt == revoked.revokedAt)
    #expect(
      try setup.store.auditEvents(accountID: 1).filter { $0.action == "token.revoked" }.count == 2)
    // Another account's token is not found, by id or by text.
    #expect(throws: AuthError(.notFound("token 2 not found in account 1"))) {
      try setup.store.revokeToken(accountID: 1, id: setup.enterprise.token.record.id, actor: owner)
    }
    #expect(throws: AuthError(.notFound("that token not found in account 1"))) {
      try setup.store.revokeToken(
        accountID: 1, plaintext: setup.enterprise.token.plaintext, actor: owner)
    }
    _ = try setup.admin  // still valid
  }

  @Test func authorizationReadsTheAccountAsStoredNow() throws {
    let setup = try Setup()
    let owner = try setup.owner
    let token = try setup.store.createServiceToken(
      accountID: 1, name: "bi", permissionSets: [PermissionSet(.metadataOnly)], actor: owner)
    let bi = try setup.store.authenticate(token.plaintext)
    let query = Action.metadataQuery(.environment)
    #expect(throws: AuthError(.metadataAPIDisabled(accountID: 1))) {
      try setup.store.authorize(bi, query, accountID: 1, projectID: 1)
    }
    #expect(try setup.store.setMetadataAPI(accountID: 1, enabled: true, actor: owner))
    #expect(try !setup.store.setMetadataAPI(accountID: 1, enabled: true, actor: owner))
    try setup.store.authorize(bi, query, accountID: 1, projectID: 1)
    // Tenant isolation: account 2 is not found for account 1's token, set up or not.
    #expect(throws: AuthError(.notFound("account 2 not found"))) {
      try setup.store.authorize(bi, query, accountID: 2, projectID: 1)
    }
    #expect(throws: AuthError(.notFound("account 9 not found"))) {
      try setup.store.authorize(bi, query, accountID: 9, projectID: 1)
    }
    #expect(try setup.store.tokens(accountID: 2).map(\.accountID) == [2])
    let settings = try setup.store.auditEvents(accountID: 1).filter {
      $0.action == "setting.changed"
    }
    #expect(settings.map(\.subject) == ["metadata API on"])
  }

  @Test func lastUseIsWrittenAtMostOnceAMinute() throws {
    let setup = try Setup()
    let token = setup.team.token
    let start = Date(timeIntervalSince1970: 1_900_000_000)
    func lastUsed() throws -> String? {
      try setup.store.tokens(accountID: 1).first { $0.id == token.record.id }?.lastUsedAt
    }
    _ = try setup.store.authenticate(token.plaintext, now: start)
    #expect(try lastUsed() == "2030-03-17T17:46:40.000000Z")
    _ = try setup.store.authenticate(token.plaintext, now: start + 59)
    #expect(try lastUsed() == "2030-03-17T17:46:40.000000Z")
    // A write that lost the race (another request touched it meanwhile) changes nothing.
    try setup.store.recordUse(tokenID: token.record.id, at: start + 30, unlessUsedAfter: start - 30)
    #expect(try lastUsed() == "2030-03-17T17:46:40.000000Z")
    _ = try setup.store.authenticate(token.plaintext, now: start + 60)
    #expect(try lastUsed() == "2030-03-17T17:47:40.000000Z")
  }

  @Test func theDatabaseNeverHoldsATokensText() throws {
    let setup = try Setup()
    let owner = try setup.owner
    var tokens = [setup.team.token, setup.enterprise.token]
    for index in 0..<5 {
      tokens.append(
        try setup.store.createServiceToken(
          accountID: 1, name: "t\(index)", permissionSets: [PermissionSet(.accountAdmin)],
          actor: owner))
    }
    tokens.append(
      try setup.store.addUser(accountID: 1, email: "m@team.example", role: .member, actor: owner)
        .token)
    for token in tokens { _ = try setup.store.authenticate(token.plaintext) }
    _ = try setup.store.revokeToken(accountID: 1, plaintext: tokens[3].plaintext, actor: owner)

    func files() throws -> [Data] {
      try ["", "-wal"].compactMap { suffix in
        let path = setup.database.path + suffix
        return FileManager.default.fileExists(atPath: path)
          ? try Data(contentsOf: URL(fileURLWithPath: path)) : nil
      }
    }
    let contents = try files()
    #expect(contents.count == 2)  // the store is open: the WAL holds the recent writes
    for token in tokens {
      let secret = Data(token.plaintext.dropFirst(5).prefix(32).utf8)
      for bytes in contents {
        #expect(bytes.range(of: Data(token.plaintext.utf8)) == nil)
        #expect(bytes.range(of: secret) == nil)
      }
      // The search does find what is stored: each digest is there.
      let digest = Data(TokenDigest(of: token.plaintext).bytes)
      #expect(contents.contains { $0.range(of: digest) != nil })
    }
  }

  /// Requests run on several threads while the token is revoked: every request that
  /// starts after the revocation committed is refused; some before it succeeded.
  @Test func aTokenRevokedWhileRequestsRunIsRefusedByEveryLaterRequest() throws {
    let setup = try Setup()
    let owner = try setup.owner
    let token = try setup.store.createServiceToken(
      accountID: 1, name: "busy", permissionSets: [PermissionSet(.metadataOnly)], actor: owner)
    let store = setup.store
    let state = RevocationRace()
    let workers = 4
    let requestsAfter = 25
    let group = DispatchGroup()
    for _ in 0..<workers {
      group.enter()
      Thread.detachNewThread {
        defer { group.leave() }
        var after = 0
        while after < requestsAfter {
          let startedAfter = state.revocationCommitted
          let outcome: Result<Principal, Error> = Result { try store.authenticate(token.plaintext) }
          state.record(startedAfter: startedAfter, outcome: outcome)
          if startedAfter { after += 1 }
        }
      }
    }
    state.waitForSuccesses(20)
    _ = try store.revokeToken(accountID: 1, id: token.record.id, actor: owner)
    state.markRevoked()
    group.wait()

    let results = state.results
    let late = results.filter(\.startedAfter)
    #expect(late.count == workers * requestsAfter)
    for result in late {
      guard case .failure(let error as AuthError) = result.outcome,
        error == AuthError(.revokedToken(id: token.record.id))
      else {
        Issue.record("a request after the revocation got \(result.outcome)")
        continue
      }
    }
    #expect(results.filter { !$0.startedAfter }.contains { (try? $0.outcome.get()) != nil })
  }
}

/// Shared state of the revocation race: the flag set once the revocation committed, and
/// each request's outcome with whether it started after that.
final class RevocationRace: @unchecked Sendable {
  private let condition = NSCondition()
  private var committed = false
  private var successes = 0
  private(set) var results: [(startedAfter: Bool, outcome: Result<Principal, Error>)] = []

  var revocationCommitted: Bool { condition.withLock { committed } }

  func markRevoked() { condition.withLock { committed = true } }

  func record(startedAfter: Bool, outcome: Result<Principal, Error>) {
    condition.withLock {
      results.append((startedAfter, outcome))
      if case .success = outcome { successes += 1 }
      condition.broadcast()
    }
  }

  /// Blocks until `count` requests succeeded (no clock involved).
  func waitForSuccesses(_ count: Int) {
    condition.lock()
    while successes < count { condition.wait() }
    condition.unlock()
  }
}
