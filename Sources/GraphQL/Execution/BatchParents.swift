/// The parents a typed batch resolver last cast its sources to, kept for the next field
/// resolved over the same sources.
///
/// Why: ``GraphQLSchema/setBatchResolver(_:_:as:_:)`` casts every `Any` source to its
/// `Parent` type, and the executor resolves an object type's fields one after the other over
/// one vector of sources: a list of 100 objects with six batch-resolved fields cast 600
/// values where 100 do (the casts, each a copy of an existential, were a seventh of a
/// 100-run history's answer). The vector is recognized by its array buffer: the kept copy
/// holds that buffer alive, so no other array can get its address, and makes it shared, so
/// no one can change it in place.
///
/// One per execution: an execution runs on one thread.
@usableFromInline
final class BatchParents: @unchecked Sendable {
  /// The sources last cast.
  @usableFromInline var sources: [Any] = []
  /// Their parents, a `[Parent]`.
  @usableFromInline var parents: Any = ()

  @usableFromInline
  init() {}

  /// The kept parents of `sources` if they are the sources last cast, to `Parent`.
  @inlinable
  func parents<Parent>(of sources: [Any], as _: Parent.Type) -> [Parent]? {
    guard !sources.isEmpty, sources.count == self.sources.count else { return nil }
    let same = sources.withUnsafeBufferPointer { new in
      self.sources.withUnsafeBufferPointer { kept in new.baseAddress == kept.baseAddress }
    }
    guard same else { return nil }
    return exactCast(parents, to: [Parent].self)
  }

  /// Keeps `parents` as the cast of `sources`.
  @inlinable
  func keep<Parent>(_ parents: [Parent], of sources: [Any]) {
    self.sources = sources
    self.parents = parents
  }
}
