import Foundation
import Testing

@testable import Auth

/// Every action x every kind of caller, through the whole path a request takes:
/// ``Authenticator`` (token text to principal) then ``Authorization`` (principal, action,
/// account, project) -> allowed, or the exact error.
@Suite struct PermissionMatrixTests {
  /// The outcome a cell expects.
  enum Expected: Equatable, CustomStringConvertible {
    case allowed
    case refused(AuthError)
    var description: String {
      switch self {
      case .allowed: "allowed"
      case .refused(let error): "refused: \(error)"
      }
    }
  }

  /// One row: a caller (its token text, as presented) asking about an account's project 1.
  struct Row: CustomStringConvertible {
    var name: String
    var token: String?
    var account: AccountPolicy
    var expected: (Action) -> Expected
    var description: String { name }
  }

  static let team = AccountPolicy(id: 1, plan: .team, metadataAPIEnabled: true)
  static let enterprise = AccountPolicy(id: 2, plan: .enterprise, metadataAPIEnabled: true)
  static let apiOff = AccountPolicy(id: 3, plan: .enterprise, metadataAPIEnabled: false)

  static let administration: [Action] = [
    .createToken, .listTokens, .revokeToken, .addUser, .changeSettings, .readAudit,
  ]
  static let queries: [Action] = MetadataQueryKind.allCases.map { .metadataQuery($0) }

  static func forbidden(_ message: String) -> Expected { .refused(AuthError(.forbidden(message))) }

  /// What each action is called in refusals.
  static func phrase(_ action: Action) -> String {
    switch action {
    case .ingest: "ingest runs"
    case .metadataQuery(.job): "query the metadata API (job-scoped)"
    case .metadataQuery(.environment): "query the metadata API (environment-scoped)"
    case .metadataQuery(.history): "query the metadata API (history)"
    case .createToken: "create service tokens"
    case .listTokens: "list tokens"
    case .revokeToken: "revoke tokens"
    case .addUser: "add users"
    case .changeSettings: "change account settings"
    case .readAudit: "read the audit trail"
    }
  }

  /// Service tokens are refused account administration.
  static func serviceAdministration(_ who: String, _ action: Action, role: String) -> Expected {
    forbidden(
      "\(who) may not \(phrase(action)): service tokens cannot; only a user with the \(role) role can"
    )
  }

  static func rows() throws -> (MemoryDirectory, [Row]) {
    let directory = MemoryDirectory()
    func issue(
      _ account: Int, _ id: Int, _ name: String, _ identity: Principal.Identity,
      revoked: Bool = false
    ) throws -> String {
      try directory.issue(
        accountID: account, tokenID: id, name: name, identity: identity, revoked: revoked)
    }
    let owner = try issue(1, 1, "user token", .user(id: 1, email: "o@team.example", role: .owner))
    let admin = try issue(
      2, 2, "user token", .user(id: 2, email: "a@enterprise.example", role: .accountAdmin))
    let member = try issue(1, 3, "user token", .user(id: 3, email: "m@team.example", role: .member))
    let accountAdminToken = try issue(
      1, 4, "ci", .service(permissionSets: [PermissionSet(.accountAdmin)]))
    let metadataOnly = try issue(
      1, 5, "bi", .service(permissionSets: [PermissionSet(.metadataOnly)]))
    let otherProject = try issue(
      1, 6, "p2",
      .service(permissionSets: [
        PermissionSet(.accountAdmin, scope: .projects([2])),
        PermissionSet(.metadataOnly, scope: .projects([2, 3])),
      ]))
    let revoked = try issue(
      1, 7, "old", .service(permissionSets: [PermissionSet(.accountAdmin)]), revoked: true)
    let otherAccount = try issue(
      2, 8, "theirs", .service(permissionSets: [PermissionSet(.accountAdmin)]))
    let apiOffToken = try issue(
      3, 9, "off", .service(permissionSets: [PermissionSet(.accountAdmin)]))
    var wrongChecksum = Array(accountAdminToken)
    wrongChecksum[20] = wrongChecksum[20] == "a" ? "b" : "a"

    let rows: [Row] = [
      Row(name: "Team Owner", token: owner, account: team) { action in
        Self.queries.contains(action) ? .refused(AuthError(.userTokenNotAccepted)) : .allowed
      },
      Row(name: "Enterprise Account Admin", token: admin, account: enterprise) { action in
        Self.queries.contains(action) ? .refused(AuthError(.userTokenNotAccepted)) : .allowed
      },
      Row(name: "Member", token: member, account: team) { action in
        let who = "user 3 (m@team.example, Member)"
        switch action {
        case .ingest:
          return forbidden(
            "\(who) may not ingest runs: needs the Owner role or a service token with the "
              + "Account Admin permission set")
        case .metadataQuery: return .refused(AuthError(.userTokenNotAccepted))
        default:
          return forbidden("\(who) may not \(phrase(action)): only a user with the Owner role can")
        }
      },
      Row(name: "Account Admin service token", token: accountAdminToken, account: team) { action in
        action.isAccountAdministration
          ? serviceAdministration("service token 4 (ci)", action, role: "Owner") : .allowed
      },
      Row(name: "Metadata Only service token", token: metadataOnly, account: team) { action in
        switch action {
        case .ingest:
          return forbidden(
            "service token 5 (bi) may not ingest runs: it has no Account Admin permission set "
              + "for project 1")
        case .metadataQuery: return .allowed
        default: return serviceAdministration("service token 5 (bi)", action, role: "Owner")
        }
      },
      Row(name: "token scoped to another project", token: otherProject, account: team) { action in
        let who = "service token 6 (p2)"
        switch action {
        case .ingest:
          return forbidden(
            "\(who) may not ingest runs: it has no Account Admin permission set for project 1")
        case .metadataQuery:
          return forbidden(
            "\(who) may not \(phrase(action)): it has no Account Admin or Metadata Only "
              + "permission set for project 1")
        default: return serviceAdministration(who, action, role: "Owner")
        }
      },
      Row(name: "revoked token", token: revoked, account: team) { _ in
        .refused(AuthError(.revokedToken(id: 7)))
      },
      Row(name: "malformed token", token: "dbtm_not-a-token", account: team) { _ in
        .refused(
          AuthError(
            .malformedToken("expected 43 characters (dbtm_ and 38 base62 digits), found 16")))
      },
      Row(name: "token with a wrong checksum", token: String(wrongChecksum), account: team) { _ in
        .refused(AuthError(.badChecksum))
      },
      Row(name: "token of another account", token: otherAccount, account: team) { _ in
        .refused(AuthError(.notFound("account 1 not found")))
      },
      Row(name: "account with the metadata API off", token: apiOffToken, account: apiOff) {
        action in
        switch action {
        case .ingest: return .allowed
        case .metadataQuery: return .refused(AuthError(.metadataAPIDisabled(accountID: 3)))
        default:
          return serviceAdministration("service token 9 (off)", action, role: "Account Admin")
        }
      },
      Row(name: "no token", token: nil, account: team) { _ in .refused(AuthError(.missingToken)) },
    ]
    return (directory, rows)
  }

  /// The outcome of the whole path for one cell.
  static func outcome(_ row: Row, _ action: Action, in directory: MemoryDirectory) throws
    -> Expected
  {
    do {
      let principal = try Authenticator.authenticate(row.token, in: directory)
      try Authorization.authorize(principal, action, account: row.account, projectID: 1)
      return .allowed
    } catch let error as AuthError {
      return .refused(error)
    }
  }

  @Test func everyActionForEveryCaller() throws {
    let (directory, rows) = try Self.rows()
    #expect(rows.count == 12)
    #expect(Action.all.count == 10)
    var allowed = 0
    for row in rows {
      for action in Action.all {
        let got = try Self.outcome(row, action, in: directory)
        #expect(got == row.expected(action), "\(row.name), \(action)")
        if got == .allowed { allowed += 1 }
      }
    }
    // Owner 10-3, Account Admin 10-3, AA token 4, Metadata Only 3, API off 1.
    #expect(allowed == 7 + 7 + 4 + 3 + 1)
  }

  @Test func theMetadataAPIDisabledMessageNamesTheSettingAndWhoCanSwitchIt() {
    #expect(
      AuthError(.metadataAPIDisabled(accountID: 3)).description
        == "metadata API disabled for account 3; an Owner/Account Admin can switch it on with "
        + "`dbt-metadata account set --metadata-api on`")
  }

  @Test func errorsSayHowATransportAnswers() {
    #expect(AuthError(.missingToken).category == .unauthenticated)
    #expect(AuthError(.revokedToken(id: 1)).category == .unauthenticated)
    #expect(AuthError(.badChecksum).category == .unauthenticated)
    #expect(AuthError(.userTokenNotAccepted).category == .forbidden)
    #expect(AuthError(.metadataAPIDisabled(accountID: 1)).category == .forbidden)
    #expect(AuthError(.notFound("account 1 not found")).category == .notFound)
  }

  @Test func anAccountWideRequestNeedsASetOverAllProjects() {
    let listed = Principal(
      accountID: 1, tokenID: 1, tokenName: "p",
      identity: .service(permissionSets: [PermissionSet(.metadataOnly, scope: .projects([1]))]))
    let all = Principal(
      accountID: 1, tokenID: 2, tokenName: "a",
      identity: .service(permissionSets: [PermissionSet(.metadataOnly)]))
    let query = Action.metadataQuery(.environment)
    #expect(Authorization.allows(listed, query, account: Self.team, projectID: 1))
    #expect(!Authorization.allows(listed, query, account: Self.team, projectID: nil))
    #expect(!Authorization.allows(listed, query, account: Self.team, projectID: 2))
    #expect(Authorization.allows(all, query, account: Self.team, projectID: nil))
  }

  @Test func rolesOfEachPlan() {
    #expect(Plan.team.roles == [.owner, .member])
    #expect(Plan.enterprise.roles == [.accountAdmin, .member])
    #expect(ProjectScope(projects: [3, 1, 3]) == .projects([1, 3]))
    #expect(ProjectScope(projects: []) == .allProjects)
  }
}
