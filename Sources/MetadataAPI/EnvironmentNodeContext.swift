import MetadataStore

/// What the ``EnvironmentNode``s of one list share in a request: the environment they were
/// read in and where their manifest JSON is read from. One reference per node instead of
/// a copy of the environment record (five strings) and the documents in each.
final class EnvironmentNodeContext {
  let environment: EnvironmentRecord
  let documents: DefinitionDocuments

  init(environment: EnvironmentRecord, documents: DefinitionDocuments) {
    self.environment = environment
    self.documents = documents
  }
}
