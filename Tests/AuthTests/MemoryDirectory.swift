import Foundation

@testable import Auth

/// Tokens kept in memory, for testing ``Authenticator`` without a database: counts every
/// lookup and records every use, so a test can see whether the directory was touched.
final class MemoryDirectory: CredentialDirectory, @unchecked Sendable {
  private let lock = NSLock()
  private var byDigest: [TokenDigest: Credential] = [:]
  private(set) var lookups = 0
  private(set) var recordedUses: [(tokenID: Int, at: Date)] = []

  /// Issues a token of the identity's kind and keeps its credential; returns its text.
  @discardableResult
  func issue(
    accountID: Int, tokenID: Int, name: String, identity: Principal.Identity,
    revoked: Bool = false
  ) throws -> String {
    let kind: TokenKind = if case .user = identity { .user } else { .service }
    let issued = try TokenFormat.generate(kind)
    lock.withLock {
      byDigest[issued.digest] = Credential(
        tokenID: tokenID, accountID: accountID, name: name, digest: issued.digest,
        identity: identity, revokedAt: revoked ? Date(timeIntervalSince1970: 0) : nil)
    }
    return issued.plaintext
  }

  func credential(digest: TokenDigest) throws -> Credential? {
    lock.withLock {
      lookups += 1
      return byDigest[digest]
    }
  }

  func recordUse(tokenID: Int, at date: Date, unlessUsedAfter: Date) throws {
    lock.withLock {
      recordedUses.append((tokenID, date))
      for (digest, credential) in byDigest where credential.tokenID == tokenID {
        if credential.lastUsedAt.map({ $0 <= unlessUsedAfter }) ?? true {
          byDigest[digest]?.lastUsedAt = date
        }
      }
    }
  }
}
