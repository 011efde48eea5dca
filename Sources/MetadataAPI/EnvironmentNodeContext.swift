import MetadataStore

/// What the ``EnvironmentNode``s of one list share: the environment they were read in and
/// where their manifest JSON is read from. One reference per node instead of a copy of the
/// environment record (five strings) and the documents in each.
///
/// Per request, the JSON comes from the request's ``DefinitionDocuments`` (every
/// registered node's in one statement). The shared nodes of a kept applied state
/// (``AppliedState``) have a context of their own, with no documents: each JSON read is
/// then one statement of its own, uncached, so those nodes are never changed by a request
/// (their lists select summary fields only, which read no JSON).
final class EnvironmentNodeContext: @unchecked Sendable {
  let environment: EnvironmentRecord
  /// The request's documents; nil for the context of shared nodes.
  let documents: DefinitionDocuments?
  /// The store and account shared nodes read their JSON with.
  private let store: MetadataStore?
  private let accountID: Int

  /// The context of a request's nodes.
  init(environment: EnvironmentRecord, documents: DefinitionDocuments) {
    self.environment = environment
    self.documents = documents
    self.store = nil
    self.accountID = environment.accountID
  }

  /// The context of a kept state's shared nodes, whose JSON is read from `store` at each
  /// use (immutable, so safe to share between requests on any thread).
  init(environment: EnvironmentRecord, store: MetadataStore, accountID: Int) {
    self.environment = environment
    self.documents = nil
    self.store = store
    self.accountID = accountID
  }

  /// Whether the nodes are shared between requests (and so must not cache anything).
  var isShared: Bool { documents == nil }

  /// The manifest JSON text of a definition of the environment (empty when unreadable,
  /// which parses as no fields, as ``DefinitionDocuments/text(_:environmentID:)`` does).
  func jsonText(_ definitionID: Int64) -> String {
    if let documents { return documents.text(definitionID, environmentID: environment.id) }
    let found = try? store?.definitionJSON(
      accountID: accountID, environmentID: environment.id, definitionIDs: [definitionID])
    return found?[definitionID] ?? ""
  }
}
