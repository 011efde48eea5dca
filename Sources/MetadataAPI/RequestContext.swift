import GraphQL
import MetadataStore

/// What every resolver of one request reads through: the account the request is scoped
/// to and the store.
///
/// One context per request; resolvers of one request run on one thread, so the
/// per-request memo needs no lock and the context is not `Sendable`.
final class RequestContext {
  /// Who the request runs as: the account every read is scoped by, and the principal
  /// whose project rights the root fields check.
  let access: RequestAccess
  /// The account of the authenticated principal: every read is scoped by it.
  var accountID: Int { access.accountID }
  /// The store.
  let store: MetadataStore
  /// Values computed once per request (a job's latest run, an environment's state),
  /// keyed by what they answer.
  var memo: [String: Any] = [:]
  /// The API's cache of model execution aggregates (``ExecutionCellCache``), when the
  /// request runs in a ``MetadataAPI``.
  var executionCells: ExecutionCellCache?
  /// The API's cache of lineage graphs (``LineageGraphCache``), when the request runs in a
  /// ``MetadataAPI``.
  var lineageGraphs: LineageGraphCache?
  /// The API's cache of environments' applied states (``AppliedStateCache``), when the
  /// request runs in a ``MetadataAPI``.
  var appliedStates: AppliedStateCache?
  /// The API's cache of node histories (``NodeHistoryCache``), when the request runs in a
  /// ``MetadataAPI``.
  var nodeHistories: NodeHistoryCache?

  init(access: RequestAccess, store: MetadataStore) {
    self.access = access
    self.store = store
  }

  /// A context for the operator of the database file (every project of the account).
  convenience init(accountID: Int, store: MetadataStore) {
    self.init(access: .operator(accountID: accountID), store: store)
  }

  /// The value memoized for `key`, if one of type `T` was (a stored nil is `.some(nil)`).
  func memoizedValue<T>(_ key: String, as _: T.Type) -> T? {
    guard let index = memo.index(forKey: key) else { return nil }
    return memo[index].value as? T
  }

  /// The memoized value for `key`, computed by `make` on first use (optionals too: a
  /// stored nil is a known answer, an absent key is not).
  func memoized<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
    if let index = memo.index(forKey: key), let value = memo[index].value as? T { return value }
    let value = try make()
    memo[key] = value
    return value
  }
}

extension RequestContext {
  /// The context a resolver was handed; anything else is a field error (a resolver bound
  /// outside ``MetadataAPI/execute(query:variables:operationName:accountID:limits:)``).
  static func of(_ context: Any) throws -> RequestContext {
    guard let context = context as? RequestContext else {
      throw GraphQLError(message: "The metadata API was executed without its request context.")
    }
    return context
  }
}
