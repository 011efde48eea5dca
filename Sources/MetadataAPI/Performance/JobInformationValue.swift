import GraphQL
import MetadataStore

/// `JobInformation`: a job that executed a model, with its name.
struct JobInformationValue: GraphQLFieldReadable {
  let record: JobInformationRecord

  func graphQLField(_ name: String) -> Any? {
    switch name {
    case "jobId": return record.id
    case "name": return record.name
    default: return nil
    }
  }
}
