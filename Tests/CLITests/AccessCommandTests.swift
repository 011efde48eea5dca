import Foundation
import Testing

@testable import CLI

/// `account`, `user`, `token` and `audit`: the bootstrap of an installation and the
/// roles on the command line, end to end through `CLI.run`.
@Suite struct AccessCommandTests {
  typealias Result = (code: Int32, out: String, err: String)

  /// Runs the CLI with `environment` as its environment variables.
  static func run(_ arguments: [String], environment: [String: String] = [:]) -> Result {
    let captured = CapturedOutput(environment: environment)
    let code = CLI.run(arguments, output: captured.output)
    return (code, captured.standardOutput, captured.standardError)
  }

  /// The value of `key` in a one-object JSON output.
  static func field(_ result: Result, _ key: String) throws -> Any? {
    let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
    return object?[key]
  }

  /// A database with a Team account set up; returns its path and the Owner's token.
  static func setUp(_ directory: ScratchDirectory, plan: String = "team") throws -> String {
    let created = run([
      "account", "create", "--db", directory.database, "--name", "Acme", "--plan", plan,
      "--email", "owner@acme.example", "--json",
    ])
    #expect(created.code == 0, "\(created.err)")
    return try #require(try field(created, "token") as? String)
  }

  @Test func accountCreatePrintsTheFirstUsersTokenOnce() throws {
    let directory = try ScratchDirectory()
    let result = Self.run([
      "account", "create", "--db", directory.database, "--name", "Acme", "--plan", "enterprise",
    ])
    #expect(result.code == 0, "\(result.err)")
    let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4)
    #expect(lines[0] == "account 1 created: Acme (Enterprise plan), metadata API off")
    #expect(
      lines[1] == "user 1 created with role account-admin; its API token, shown only this once:")
    #expect(lines[2].hasPrefix("dbtu_") && lines[2].count == 43)
    let token = String(lines[2])

    let listed = Self.run(["token", "list", "--db", directory.database, "--token", token])
    #expect(listed.code == 0, "\(listed.err)")
    #expect(listed.out.contains("1   user  user token  user 1"))
    #expect(!listed.out.contains(token))

    let again = Self.run([
      "account", "create", "--db", directory.database, "--name", "X", "--plan", "team", "--id", "1",
    ])
    #expect(again.code == 1)
    #expect(again.err == "error: account 1 is already set up\n")
  }

  @Test func anOwnerManagesTokensUsersAndSettings() throws {
    let directory = try ScratchDirectory()
    let owner = try Self.setUp(directory)
    let env = ["DBT_METADATA_TOKEN": owner]
    let db = directory.database

    let created = Self.run(
      ["token", "create", "--db", db, "--kind", "metadata-only", "--name", "bi", "--project", "7"],
      environment: env)
    #expect(created.code == 0, "\(created.err)")
    let createdLines = created.out.split(separator: "\n")
    #expect(
      createdLines.first
        == "service token 2 (bi) created: metadata-only on project 7; shown only this once:")
    let service = String(try #require(createdLines.last))
    #expect(service.hasPrefix("dbtm_"))

    let member = Self.run(
      ["user", "add", "--db", db, "--email", "m@acme.example", "--role", "member", "--json"],
      environment: env)
    #expect(member.code == 0, "\(member.err)")
    #expect(try Self.field(member, "role") as? String == "member")
    let memberToken = try #require(try Self.field(member, "token") as? String)

    let on = Self.run(["account", "set", "--db", db, "--metadata-api", "on"], environment: env)
    #expect(on.code == 0, "\(on.err)")
    #expect(on.out == "metadata API on for account 1\n")
    let again = Self.run(["account", "set", "--db", db, "--metadata-api", "on"], environment: env)
    #expect(again.out == "metadata API already on for account 1\n")

    let list = Self.run(["token", "list", "--db", db, "--json"], environment: env)
    #expect(list.code == 0)
    let tokens = try #require(
      try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]])
    #expect(tokens.map { $0["name"] as? String } == ["user token", "bi", "user token"])
    let sets = try #require(tokens[1]["permission_sets"] as? [[String: Any]])
    #expect(sets.first?["kind"] as? String == "metadata-only")
    #expect(sets.first?["projects"] as? [Int] == [7])
    #expect(tokens[0]["last_used_at"] is String)
    #expect(!list.out.contains(service) && !list.out.contains(memberToken))

    // Revoked by its text, then refused.
    let revoke = Self.run(["token", "revoke", "--db", db, service], environment: env)
    #expect(revoke.code == 0, "\(revoke.err)")
    #expect(revoke.out == "token 2 (bi) revoked\n")
    let byID = Self.run(["token", "revoke", "--db", db, "3"], environment: env)
    #expect(byID.out == "token 3 (user token) revoked\n")
    let refused = Self.run(["token", "list", "--db", db, "--token", memberToken])
    #expect(refused.code == 1)
    #expect(refused.err == "error: invalid token: token 3 was revoked\n")

    let audit = Self.run(["audit", "--db", db], environment: env)
    #expect(audit.code == 0, "\(audit.err)")
    let actions = audit.out.split(separator: "\n").dropFirst().map {
      $0.split(separator: " ", omittingEmptySubsequences: true)
    }
    #expect(
      actions.map { $0.first { $0.contains(".") && !$0.contains("@") && !$0.hasPrefix("20") } }
        == [
          "account.created", "user.added", "token.created", "token.created", "user.added",
          "token.created", "setting.changed", "token.revoked", "token.revoked",
        ])
    #expect(
      audit.out.contains("user 1 (owner@acme.example, Owner)  setting.changed  metadata API on"))
  }

  @Test func onlyTheAdministratorRoleManagesTheAccount() throws {
    let directory = try ScratchDirectory()
    let owner = try Self.setUp(directory)
    let db = directory.database
    let member = Self.run(
      ["user", "add", "--db", db, "--email", "m@acme.example", "--role", "member", "--json"],
      environment: ["DBT_METADATA_TOKEN": owner])
    let memberToken = try #require(try Self.field(member, "token") as? String)
    let service = Self.run(
      ["token", "create", "--db", db, "--kind", "account-admin", "--name", "ci", "--json"],
      environment: ["DBT_METADATA_TOKEN": owner])
    let serviceToken = try #require(try Self.field(service, "token") as? String)

    let byMember = Self.run(
      [
        "token", "create", "--db", db, "--kind", "metadata-only", "--name", "x", "--token",
        memberToken,
      ])
    #expect(byMember.code == 1)
    #expect(
      byMember.err
        == "error: user 2 (m@acme.example, Member) may not create service tokens: only a user with the Owner role can\n"
    )
    let byService = Self.run(
      ["account", "set", "--db", db, "--metadata-api", "on", "--token", serviceToken])
    #expect(byService.code == 1)
    #expect(
      byService.err
        == "error: service token 3 (ci) may not change account settings: service tokens cannot; only a user with the Owner role can\n"
    )
    let wrongRole = Self.run(
      [
        "user", "add", "--db", db, "--email", "x@acme.example", "--role", "account-admin",
        "--token", owner,
      ])
    #expect(wrongRole.code == 1)
    #expect(
      wrongRole.err
        == "error: role account-admin does not exist on the Team plan (roles: owner, member)\n")
    // Nothing of the refused requests was stored.
    let audit = Self.run(["audit", "--db", db, "--json", "--token", owner])
    let events = try #require(
      try JSONSerialization.jsonObject(with: Data(audit.out.utf8)) as? [[String: Any]])
    #expect(events.count == 6)
  }

  @Test func aMissingOrBadTokenIsRefusedBeforeAnythingChanges() throws {
    let directory = try ScratchDirectory()
    let owner = try Self.setUp(directory)
    let db = directory.database
    #expect(Self.run(["audit", "--db", db, "--token", owner]).code == 0)  // last use recorded
    let before = try directory.dump()
    let missing = Self.run(["audit", "--db", db])
    #expect(missing.code == 1)
    #expect(
      missing.err
        == "error: no token given: pass --token TOKEN or set DBT_METADATA_TOKEN (a user API token, printed by `account create` or `user add`)\n"
    )
    var typo = Array(owner)
    typo[10] = typo[10] == "x" ? "y" : "x"
    let mistyped = Self.run(["audit", "--db", db, "--token", String(typo)])
    #expect(mistyped.code == 1)
    #expect(
      mistyped.err
        == "error: invalid token: its checksum does not match (mistyped, truncated or altered)\n")
    let other = Self.run(["token", "revoke", "--db", db, "99", "--token", owner])
    #expect(other.code == 1)
    #expect(other.err == "error: token 99 not found in account 1\n")
    // The environment's token is used when --token is absent; --token wins over it.
    let fromEnvironment = Self.run(
      ["audit", "--db", db], environment: ["DBT_METADATA_TOKEN": owner + "\n"])
    #expect(fromEnvironment.code == 0, "\(fromEnvironment.err)")
    let overridden = Self.run(
      ["audit", "--db", db, "--token", "dbtm_bad"], environment: ["DBT_METADATA_TOKEN": owner])
    #expect(overridden.code == 1)
    // Nothing changed but, perhaps, a last-use time.
    #expect(
      try directory.dump().replacingOccurrences(
        of: #"text\("\d{4}-[^"]*"\)"#, with: "T", options: .regularExpression)
        == before.replacingOccurrences(
          of: #"text\("\d{4}-[^"]*"\)"#, with: "T", options: .regularExpression))
  }

  @Test(arguments: [
    ["account", "create", "--db", "x", "--name", "A", "--plan", "gold"],
    ["account", "create", "--db", "x", "--plan", "team"],
    ["account", "set", "--db", "x", "--metadata-api", "maybe"],
    ["account", "frobnicate"],
    ["user", "add", "--db", "x", "--email", "e@x.example", "--role", "admin"],
    ["token", "create", "--db", "x", "--kind", "admin", "--name", "n"],
    ["token", "create", "--db", "x", "--kind", "metadata-only", "--name", "n", "--project", "-1"],
    ["token", "revoke", "--db", "x", "not-a-token"],
    ["token", "revoke", "--db", "x"],
    ["token", "list"],
    ["audit", "--db", "x", "--limit", "0"],
  ])
  func usageErrorsExit64(arguments: [String]) {
    let result = Self.run(arguments, environment: ["DBT_METADATA_TOKEN": "unused"])
    #expect(result.code == 64, "\(result.err)")
    #expect(result.err.hasPrefix("error: "))
  }

  @Test func theCommandsWithoutATokenStillWorkOnAnAccountSetUp() throws {
    let directory = try ScratchDirectory()
    _ = try Self.setUp(directory)
    let ingest = IngestCommandTests.run(
      [
        "ingest", "--db", directory.database, "--account", "1", "--project", "1", "--environment",
        "1", "--job", "1", "--target", IngestCommandTests.publicArtifacts + "/diy9-dbt/target",
      ])
    #expect(ingest.code == 0, "\(ingest.err)")
    let runs = IngestCommandTests.run(["runs", "--db", directory.database])
    #expect(runs.code == 0)
    #expect(runs.out.split(separator: "\n").count == 2)
  }
}
