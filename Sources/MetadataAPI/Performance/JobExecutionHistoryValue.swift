import GraphQL
import MetadataStore

/// `JobExecutionHistory`: one job's executions of a model on one day.
struct JobExecutionHistoryValue: GraphQLFieldReadable {
  let record: ModelExecutionDayRecord.Job

  func graphQLField(_ name: String) -> Any? {
    switch name {
    case "jobId": return record.jobID
    case "meanExecutionTime": return record.meanExecutionTime
    case "executionTimes": return record.executions.compactMap(\.executionTime)
    case "executions": return record.executions.map(ModelExecutionValue.init)
    default: return nil
    }
  }
}
