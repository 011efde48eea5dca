import GraphQL
import MetadataStore

@testable import MetadataAPI

/// The API over the sample runs for the lineage, performance and history suites, as a
/// second instance over the same store (``SampleDatabase``).
///
/// `environment(id:)`, `Environment.applied` and `.definition` are bound on another
/// branch (Part 2's environment helper). Until both are merged, this instance binds a
/// minimal stand-in for those three fields only when the schema leaves them unbound, so
/// these suites run either way; once merged, the real resolvers answer and the stand-in is
/// never installed. Being a separate instance, it never touches ``SampleDatabase/api()``'s
/// schema.
enum EnvironmentTestAPI {
  static let loaded: Result<MetadataAPI, any Error> = Result {
    let api = try MetadataAPI(store: try SampleDatabase.api().store)
    let root = try api.schema.field("Query", "environment")
    if root.resolve == nil && root.batchResolve == nil {
      try api.schema.setResolver("Query", "environment") { _, arguments, context, _ in
        guard let id = arguments["id"]?.intValue, let context = context as? RequestContext,
          try context.store.latestRun(accountID: context.accountID, environmentID: id) != nil
        else { throw GraphQLError(message: "No environment with this id.") }
        return EnvironmentScope(environmentID: id)
      }
      for field in ["applied", "definition"] {
        try api.schema.setResolver("Environment", field) { source, _, _, _ in source }
      }
    }
    return api
  }

  /// Runs `query` for account 1 (or `account`).
  static func run(_ query: String, variables: JSONObject = JSONObject(), account: Int = 1)
    throws -> ExecutionResult
  {
    try loaded.get().execute(query: query, variables: variables, accountID: account)
  }
}
