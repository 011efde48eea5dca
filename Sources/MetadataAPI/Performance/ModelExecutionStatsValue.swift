import GraphQL
import MetadataStore

/// `ModelExecutionCount`, `ModelExecutionDuration` and `ModelExecutionFailureRate`: one
/// model's aggregates over a window (each type reads the fields it has).
struct ModelExecutionStatsValue: GraphQLFieldReadable {
  let record: ModelExecutionStatsRecord

  func graphQLField(_ name: String) -> Any? {
    switch name {
    case "uniqueId": return record.uniqueID
    case "totalExecutions": return record.totalExecutions
    case "totalFailedExecutions": return record.failedExecutions
    case "failurePercentage":
      return record.totalExecutions == 0
        ? 0.0 : 100.0 * Double(record.failedExecutions) / Double(record.totalExecutions)
    case "maxExecutionTime": return record.maxExecutionTime
    case "averageExecutionTime": return record.averageExecutionTime
    case "byJob": return record.byJob.map(JobExecutionStatsValue.init)
    default: return nil
    }
  }
}
