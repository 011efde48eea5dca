import GraphQL
import MetadataStore

/// The manifest JSON of a request's environment nodes, read on demand and in one batch:
/// environment node records come without it (``MetadataStore/EnvironmentNodeRecord``), and
/// most fields never read it. Every ``EnvironmentNode`` made in the request registers its
/// definition here; the first node whose field needs its JSON loads the JSON of every
/// node registered and not loaded yet, of its environment, with one store call.
///
/// One per request (kept in ``RequestContext/memo``); resolvers of one request run on one
/// thread, so it needs no lock.
final class DefinitionDocuments {
  private let store: MetadataStore
  private let accountID: Int
  private var pending: [Int: Set<Int64>] = [:]
  private var texts: [Int64: String] = [:]

  private init(store: MetadataStore, accountID: Int) {
    self.store = store
    self.accountID = accountID
  }

  /// The documents of the request whose context this is.
  static func of(_ context: RequestContext) -> DefinitionDocuments {
    context.memoized("DefinitionDocuments") {
      DefinitionDocuments(store: context.store, accountID: context.accountID)
    }
  }

  /// Notes a definition whose JSON the request may need.
  func register(_ definitionID: Int64, environmentID: Int) {
    if texts[definitionID] == nil { pending[environmentID, default: []].insert(definitionID) }
  }

  /// The manifest JSON of a definition of the environment's project, loading it with every
  /// registered one not loaded yet. An unreadable text (a store error, or a definition
  /// not in the environment's project) reads as empty, which parses as no fields: the
  /// node's JSON-backed fields are then null, as for a node whose manifest lacks them.
  func text(_ definitionID: Int64, environmentID: Int) -> String {
    if let text = texts[definitionID] { return text }
    var wanted = pending.removeValue(forKey: environmentID) ?? []
    wanted.insert(definitionID)
    let found =
      (try? store.definitionJSON(
        accountID: accountID, environmentID: environmentID, definitionIDs: Array(wanted)))
      ?? [:]
    for id in wanted { texts[id] = found[id] ?? "" }
    return texts[definitionID] ?? ""
  }
}
