import GraphQL
import MetadataStore

/// `ModelExecutionHistoryDay`: one day of a model's executions, by job.
struct ModelExecutionHistoryDayValue: GraphQLFieldReadable {
  let record: ModelExecutionDayRecord

  func graphQLField(_ name: String) -> Any? {
    switch name {
    case "date": return record.day
    case "meanExecutionTime": return record.meanExecutionTime
    case "executionTimes": return record.jobs.flatMap(\.executions).compactMap(\.executionTime)
    case "executionsByJob": return record.jobs.map(JobExecutionHistoryValue.init)
    default: return nil
    }
  }
}
