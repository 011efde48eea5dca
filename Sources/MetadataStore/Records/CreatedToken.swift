import Auth

/// A token just created: its record, and its text to show exactly once (the store keeps
/// only the digest).
public struct CreatedToken: Sendable {
  /// What was stored.
  public var record: TokenRecord
  /// The token's text: print it once, never log or store it.
  public var plaintext: String
}
