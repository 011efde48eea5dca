import GraphQL
import MetadataStore

/// `ModelExecution`: one execution of a model.
struct ModelExecutionValue: GraphQLFieldReadable {
  let record: ModelExecutionRecord

  func graphQLField(_ name: String) -> Any? {
    switch name {
    case "runId": return record.runID
    case "runStartedAt": return APIDate.dateTime(record.runStartedAt)
    case "executionTime": return record.executionTime
    case "status": return record.status
    case "isFullRefresh": return record.isFullRefresh
    case "executionStartedAt": return APIDate.dateTime(record.executeStartedAt)
    case "adapter": return record.adapter
    case "queryId": return record.queryID
    default: return nil
    }
  }
}
