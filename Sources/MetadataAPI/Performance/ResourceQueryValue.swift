import GraphQL

/// `ResourceQueryCount` and `ResourceQueryHistoryDay`: warehouse query counts of a
/// resource. dbt artifacts never hold them (they come from the warehouse's query log), so
/// `mostQueriedResources` and `resourceQueryHistory` answer `[]` and no value of this type
/// is ever made today; it is the shape a query-log ingest would fill.
/// See `../shared/reference/dbt-discovery-api-2024.md` §6.
struct ResourceQueryValue: GraphQLFieldReadable {
  let uniqueID: String?
  let day: String?
  let totalCount: Int

  func graphQLField(_ name: String) -> Any? {
    switch name {
    case "uniqueId": return uniqueID
    case "date": return day
    case "totalCount": return totalCount
    default: return nil
    }
  }
}
