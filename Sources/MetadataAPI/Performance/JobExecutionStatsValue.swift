import GraphQL
import MetadataStore

/// `JobExecutionCount` and `JobExecutionDuration`: one job's share of a model's
/// aggregates.
struct JobExecutionStatsValue: GraphQLFieldReadable {
  let record: ModelExecutionStatsRecord.Job

  func graphQLField(_ name: String) -> Any? {
    switch name {
    case "jobId": return record.jobID
    case "totalExecutions": return record.totalExecutions
    case "maxExecutionTime": return record.maxExecutionTime
    case "averageExecutionTime": return record.averageExecutionTime
    default: return nil
    }
  }
}
