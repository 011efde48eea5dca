import GraphQL
import MetadataStore

extension RequestContext {
  /// The environment `id` of the request's account, read once per request; an unknown id
  /// or one of another account is a "not found" error (`environment` is non-null).
  func environment(_ id: Int) throws -> EnvironmentRecord {
    let record = try memoized("environment:\(id)") {
      try store.environment(accountID: accountID, id: id)
    }
    guard let record else {
      throw GraphQLError.notFound(
        "Environment \(id)", "no environment with this id in your account")
    }
    return record
  }
}
