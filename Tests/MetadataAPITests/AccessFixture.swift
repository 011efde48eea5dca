import Auth
import CLI
import Foundation
import MetadataStore

@testable import MetadataAPI

/// The sample runs (account 1, project 1) with account 1 set up (metadata API on) and
/// account 2 set up beside it, and one token of each kind the tests need.
final class AccessFixture: Sendable {
  let api: MetadataAPI
  let owner: Principal
  let allProjects: Principal
  let otherProject: Principal
  let projectOne: Principal
  let otherAccount: Principal
  let ownerToken: String

  init() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("metadata-api-access-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let store = try MetadataStore(path: directory.appendingPathComponent("db.sqlite").path)
    try SampleRuns.load(
      under: SampleDatabase.repository.appendingPathComponent("sample-runs").path, into: store)
    let account = try store.createAccount(name: "Shop", plan: .enterprise, id: 1)
    ownerToken = account.token.plaintext
    let owner = try store.authenticate(account.token.plaintext)
    self.owner = owner
    try store.setMetadataAPI(accountID: 1, enabled: true, actor: owner)
    let token = { (sets: [PermissionSet]) throws -> Principal in
      try store.authenticate(
        store.createServiceToken(accountID: 1, name: "t", permissionSets: sets, actor: owner)
          .plaintext)
    }
    allProjects = try token([PermissionSet(.metadataOnly)])
    otherProject = try token([PermissionSet(.metadataOnly, scope: .projects([2]))])
    projectOne = try token([PermissionSet(.accountAdmin, scope: .projects([1]))])
    let second = try store.createAccount(name: "Other", plan: .team)
    let secondOwner = try store.authenticate(second.token.plaintext)
    try store.setMetadataAPI(accountID: second.account.id, enabled: true, actor: secondOwner)
    otherAccount = try store.authenticate(
      store.createServiceToken(
        accountID: second.account.id, name: "other", permissionSets: [PermissionSet(.metadataOnly)],
        actor: secondOwner
      ).plaintext)
    api = try MetadataAPI(store: store)
  }

  static let shared = Result { try AccessFixture() }
}
