import Foundation
import Testing

@testable import Auth

/// From token text to principal: lookups, revocation and the last-use record.
@Suite struct AuthenticatorTests {
  static let identity = Principal.Identity.service(permissionSets: [PermissionSet(.metadataOnly)])

  @Test func aValidTokenBecomesItsPrincipal() throws {
    let directory = MemoryDirectory()
    let token = try directory.issue(accountID: 4, tokenID: 9, name: "bi", identity: Self.identity)
    let principal = try Authenticator.authenticate(token, in: directory)
    #expect(
      principal
        == Principal(accountID: 4, tokenID: 9, tokenName: "bi", identity: Self.identity))
    #expect(principal.description == "service token 9 (bi)")
    #expect(principal.tokenKind == .service)
    #expect(principal.userID == nil)
  }

  @Test func aWellFormedTokenNobodyIssuedIsUnknown() throws {
    let directory = MemoryDirectory()
    let stranger = try TokenFormat.generate(.service).plaintext
    #expect(throws: AuthError(.unknownToken)) {
      try Authenticator.authenticate(stranger, in: directory)
    }
    #expect(directory.lookups == 1)
  }

  @Test func lastUseIsRecordedAtMostOnceAMinute() throws {
    let directory = MemoryDirectory()
    let token = try directory.issue(accountID: 1, tokenID: 1, name: "t", identity: Self.identity)
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    _ = try Authenticator.authenticate(token, in: directory, now: start)
    _ = try Authenticator.authenticate(token, in: directory, now: start + 30)
    _ = try Authenticator.authenticate(token, in: directory, now: start + 59.9)
    #expect(directory.recordedUses.map(\.at) == [start])
    _ = try Authenticator.authenticate(token, in: directory, now: start + 60)
    _ = try Authenticator.authenticate(token, in: directory, now: start + 61)
    #expect(directory.recordedUses.map(\.at) == [start, start + 60])
  }

  @Test func aRevokedTokenIsRefusedAndItsUseNotRecorded() throws {
    let directory = MemoryDirectory()
    let token = try directory.issue(
      accountID: 1, tokenID: 5, name: "t", identity: Self.identity, revoked: true)
    #expect(throws: AuthError(.revokedToken(id: 5))) {
      try Authenticator.authenticate(token, in: directory)
    }
    #expect(directory.recordedUses.isEmpty)
  }

  @Test func noTokenIsMissing() {
    let directory = MemoryDirectory()
    #expect(throws: AuthError(.missingToken)) { try Authenticator.authenticate(nil, in: directory) }
    #expect(throws: AuthError(.missingToken)) { try Authenticator.authenticate("", in: directory) }
    #expect(directory.lookups == 0)
  }
}
