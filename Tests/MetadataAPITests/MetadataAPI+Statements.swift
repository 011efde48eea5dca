import GraphQL
import MetadataAPI

extension MetadataAPI {
  /// The operator's answer to `query` for account 1, with the SQL statements it ran: what
  /// the tests bounding a request's statements (no N+1) compare between list sizes.
  func countingStatements(_ query: String) -> (result: ExecutionResult, statements: Int) {
    let before = store.readStatementCount
    let result = execute(query: query, accountID: 1)
    return (result, store.readStatementCount - before)
  }
}
