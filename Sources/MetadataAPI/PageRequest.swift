import GraphQL
import MetadataStore

/// The `first` / `after` arguments of a connection, checked.
struct PageRequest {
  /// At most this many nodes per page (the Discovery API's documented maximum).
  static let maximum = 500
  /// `first` when omitted: the maximum, so a client that leaves it out gets the largest
  /// page dbt Cloud allows rather than a surprise.
  static let defaultSize = 500

  let first: Int
  let after: EnvironmentNodeQuery.Position?

  init(arguments: JSONObject, sort: EnvironmentNodeQuery.Sort) throws {
    self.first = try Self.first(arguments)
    if let cursor = arguments["after"]?.stringValue {
      after = try ConnectionCursor.decode(cursor, sort: sort)
    } else {
      after = nil
    }
  }

  /// The checked `first` of any connection: 0 to ``maximum``, ``defaultSize`` when absent.
  static func first(_ arguments: JSONObject) throws -> Int {
    try CountArgument.value(
      arguments, "first", in: 0...maximum, default: defaultSize,
      limit: "the Discovery API's page size limit")
  }
}
