import GraphQL
import MetadataStore

/// `ModelTestFailureRate`: how often a model's tests failed over a window.
struct ModelTestFailureRateValue: GraphQLFieldReadable {
  let record: ModelTestFailureRecord

  func graphQLField(_ name: String) -> Any? {
    switch name {
    case "uniqueId": return record.uniqueID
    case "totalRunsWithTests": return record.runsWithTests
    case "totalRunsWithTestFailures": return record.runsWithTestFailures
    case "failurePercentage":
      return record.runsWithTests == 0
        ? 0.0 : 100.0 * Double(record.runsWithTestFailures) / Double(record.runsWithTests)
    default: return nil
    }
  }
}
