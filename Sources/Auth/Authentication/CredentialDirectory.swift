import Foundation

/// Where tokens are kept, as ``Authenticator`` needs it: find one by digest, record a
/// use. `MetadataStore` provides it over its tables; Auth itself stores nothing.
public protocol CredentialDirectory {
  /// The token whose stored digest is `digest`, revoked or not, or `nil`.
  func credential(digest: TokenDigest) throws -> Credential?

  /// Records that token `tokenID` was used at `date`, unless a use later than
  /// `unlessUsedAfter` is already recorded (so concurrent requests write it once).
  func recordUse(tokenID: Int, at date: Date, unlessUsedAfter: Date) throws
}
