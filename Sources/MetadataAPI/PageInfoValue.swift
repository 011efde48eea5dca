import GraphQL

/// The value of `PageInfo` for every connection of the API; read by the default resolver
/// (`PageInfo` is shared by every connection of the schema).
/// See https://relay.dev/graphql/connections.htm#sec-undefined.PageInfo
struct PageInfoValue: Sendable, GraphQLFieldReadable {
  let startCursor: String?
  let endCursor: String?
  let hasNextPage: Bool
  let hasPreviousPage: Bool

  func graphQLField(_ name: String) -> Any? {
    switch name {
    case "startCursor": return startCursor
    case "endCursor": return endCursor
    case "hasNextPage": return hasNextPage
    case "hasPreviousPage": return hasPreviousPage
    default: return nil
    }
  }
}
