/// A definition the store already holds, found by the ``RawDigest`` of its bytes: what a
/// next run needs of a definition it does not map again (its identity and content hash,
/// for the manifest version's members and fingerprint).
public struct KnownDefinition: Sendable, Hashable {
  /// The digest of the bytes the definition was read from (see ``RawDigest``).
  public let rawDigest: RawDigest
  /// `unique_id`.
  public let uniqueID: String
  /// The resource type the mapping gave it (``ManifestNode/resourceType``).
  public let resourceType: ResourceType
  /// ``ManifestNode/contentHash`` of the mapped definition.
  public let contentHash: String

  public init(
    rawDigest: RawDigest, uniqueID: String, resourceType: ResourceType, contentHash: String
  ) {
    self.rawDigest = rawDigest
    self.uniqueID = uniqueID
    self.resourceType = resourceType
    self.contentHash = contentHash
  }
}
