import GraphQL
import MetadataStore

extension RequestContext {
  /// The environment `id` of the request's account, read once per request; an unknown id
  /// or one of another account is a "not found" error (`environment` is non-null).
  func environment(_ id: Int) throws -> EnvironmentRecord {
    // Memoized in a box: ``memoized(_:_:)`` keyed on an Optional type would take a missing
    // entry (`nil as? T?` succeeds) for a stored nil.
    let lookup = try memoized("environment:\(id)") {
      EnvironmentLookup(record: try store.environment(accountID: accountID, id: id))
    }
    guard let record = lookup.record else {
      throw GraphQLError.notFound(
        "Environment \(id)", "no environment with this id in your account")
    }
    return record
  }
}
