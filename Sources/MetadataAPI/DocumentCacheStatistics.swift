/// How the document cache of a ``MetadataAPI`` has served so far: requests whose text was
/// found (`hits`, no parse or validation) and not found (`misses`), entries evicted to stay
/// within `capacity`, and entries held now.
public struct DocumentCacheStatistics: Sendable, Equatable {
  public var hits: Int
  public var misses: Int
  public var evictions: Int
  public var count: Int
  public var capacity: Int
}
