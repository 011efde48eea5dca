import Auth
import CLI
import Foundation
import GraphQL
import MetadataStore
import Testing

@testable import MetadataAPI

/// Requests under tokens: the metadata API answers service tokens of accounts that switched
/// it on, each root field checks the project of the job or environment it names, and
/// another account's ids are not found.
@Suite struct AccessTests {
  private func setup() throws -> AccessFixture { try AccessFixture.shared.get() }

  private let modelsQuery = "{ models(jobId: 101) { uniqueId } }"

  @Test func aMetadataTokenForAllProjectsReads() throws {
    let setup = try setup()
    let result = setup.api.execute(query: modelsQuery, principal: setup.allProjects)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect((result.data?["models"]?.listValue?.count ?? 0) > 0)
    let scoped = setup.api.execute(query: modelsQuery, principal: setup.projectOne)
    #expect(scoped.errors.isEmpty && scoped.data == result.data)
  }

  @Test func aTokenScopedToAnotherProjectIsRefusedAtTheRootField() throws {
    let setup = try setup()
    try setup.api.authorize(setup.otherProject)  // it may query the API in project 2
    let result = setup.api.execute(query: modelsQuery, principal: setup.otherProject)
    #expect(result.data == .null)
    #expect(result.errors.count == 1)
    #expect(result.errors.first?.message.contains("project 1") == true)
    #expect(result.errors.first?.extensions?["code"] == .string("FORBIDDEN"))
    #expect(result.errors.first?.path.map(\.description) == ["models"])
  }

  @Test(arguments: [
    "{ environment(id: 1) { dbtProjectName } }",
    "{ job(id: 101) { id } }",
    #"{ modelByEnvironment(environmentId: 1, uniqueId: "model.shop.fct_orders") { runId } }"#,
  ])
  func everyRootFieldNamingAJobOrEnvironmentChecksItsProject(query: String) throws {
    let setup = try setup()
    let refused = setup.api.execute(query: query, principal: setup.otherProject)
    #expect(refused.errors.first?.extensions?["code"] == .string("FORBIDDEN"), "\(refused.errors)")
    let allowed = setup.api.execute(query: query, principal: setup.projectOne)
    #expect(allowed.errors.isEmpty, "\(allowed.errors)")
  }

  @Test func userTokensAreNotAccepted() throws {
    let setup = try setup()
    #expect(throws: AuthError.self) { try setup.api.authorize(setup.owner) }
    let result = setup.api.execute(query: modelsQuery, principal: setup.owner)
    #expect(result.data == nil)
    #expect(result.errors.first?.extensions?["code"] == .string("FORBIDDEN"))
  }

  @Test func anotherAccountsIdsAreNotFound() throws {
    let setup = try setup()
    let models = setup.api.execute(query: modelsQuery, principal: setup.otherAccount)
    #expect(models.data == .null)
    #expect(models.errors.first?.message.hasPrefix("Job 101 not found") == true)
    #expect(models.errors.first?.extensions?["code"] == .string("NOT_FOUND"))
    let environment = setup.api.execute(
      query: "{ environment(id: 1) { dbtProjectName } }", principal: setup.otherAccount)
    #expect(environment.errors.first?.message.hasPrefix("Environment 1 not found") == true)
  }

  @Test func theMetadataAPISwitchedOffAnswersWithTheSetting() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("metadata-api-off-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let store = try MetadataStore(path: directory.appendingPathComponent("db.sqlite").path)
    let account = try store.createAccount(name: "Off", plan: .team)
    let owner = try store.authenticate(account.token.plaintext)
    let token = try store.createServiceToken(
      accountID: account.account.id, name: "m", permissionSets: [PermissionSet(.metadataOnly)],
      actor: owner)
    let api = try MetadataAPI(store: store)
    let result = api.execute(
      query: modelsQuery, principal: try store.authenticate(token.plaintext))
    #expect(result.data == nil)
    #expect(result.errors.first?.message.contains("metadata API") == true)
  }
}
