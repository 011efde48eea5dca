/// Definitions a store already holds, by ``RawDigest``: given to the manifest reader, they
/// are recognised and not mapped again (``Manifest/reused``).
///
/// Why: the run after each job repeats almost every definition of the run before; mapping
/// and canonically hashing each of them again was most of a next run's reading time
/// (benchmarks/README.md, "The run after each job").
///
/// Trust: an entry must come from a mapping of bytes with that digest (the store records a
/// digest only for a definition it mapped from those bytes without a warning), so a
/// definition recognised here is exactly what mapping it would give.
public struct KnownDefinitions: Sendable {
  private var byDigest: [RawDigest: KnownDefinition] = [:]

  /// No known definitions: every definition is mapped.
  public init() {}

  /// The given definitions (of one project; a repeated digest keeps the first).
  public init<List: Sequence>(_ definitions: List) where List.Element == KnownDefinition {
    for definition in definitions where byDigest[definition.rawDigest] == nil {
      byDigest[definition.rawDigest] = definition
    }
  }

  /// The known definition read from bytes with `digest`, if any.
  public subscript(digest: RawDigest) -> KnownDefinition? { byDigest[digest] }

  public var count: Int { byDigest.count }
  public var isEmpty: Bool { byDigest.isEmpty }
}
