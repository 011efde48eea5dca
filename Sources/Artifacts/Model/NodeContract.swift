/// A model `contract` (v9+).
public struct NodeContract: Sendable, Hashable {
  public let enforced: Bool
  public let aliasTypes: Bool?
  public let checksum: String?
}
