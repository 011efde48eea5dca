import Auth
import GraphQL
import MetadataStore

/// Who a request runs as, and the check every root field makes before it reads: the
/// principal's right to query the metadata API in the project that holds the job or
/// environment the field names (DESIGN.md, Authorization; the decision is ``Auth``'s,
/// asked through ``MetadataStore/MetadataStore/authorize(_:_:accountID:projectID:)``).
///
/// The command line runs as the operator (``operator(accountID:)``): whoever may read the
/// database file may read every project of it. A token's request gets its access from
/// ``MetadataAPI/authorize(_:)``, which reads the account's policy once; every root field's
/// check is then decided on that policy.
public struct RequestAccess: Sendable {
  /// The account every read is scoped by.
  let accountID: Int
  /// The token's principal and its account's policy as authorized; nil for the operator.
  let principal: (Principal, AccountPolicy)?

  /// The operator of the database file: every project of `accountID`.
  static func `operator`(accountID: Int) -> RequestAccess {
    RequestAccess(accountID: accountID, principal: nil)
  }

  /// The root fields and the argument naming what they read: a job or an environment.
  static let rootScopes: [String: (argument: String, subject: Subject)] = {
    var scopes: [String: (argument: String, subject: Subject)] = [:]
    for field in [
      "models", "model", "sources", "source", "seeds", "seed", "snapshots", "snapshot", "tests",
      "test", "exposures", "exposure", "metrics", "metric", "macros", "macro",
    ] {
      scopes[field] = ("jobId", .job)
    }
    scopes["job"] = ("id", .job)
    scopes["modelByEnvironment"] = ("environmentId", .environment)
    scopes["environment"] = ("id", .environment)
    scopes["performance"] = ("environmentId", .environment)
    return scopes
  }()

  /// What a root field's id names.
  enum Subject: Sendable {
    case job, environment

    var queryKind: MetadataQueryKind { self == .job ? .job : .environment }
  }

  /// The access of `principal`, or a throw unless it may query the metadata API at all: a
  /// service token with a metadata permission set for some project, in an account with the
  /// API switched on. The transport answers this failure with 401 or 403 before executing
  /// anything.
  static func authorized(_ principal: Principal, store: MetadataStore) throws -> RequestAccess {
    let policy = try store.authorize(
      principal, .metadataQuery(.environment), accountID: principal.accountID,
      projectID: principal.someCoveredProject(by: [.accountAdmin, .metadataOnly]))
    return RequestAccess(accountID: principal.accountID, principal: (principal, policy))
  }

  /// Throws unless the principal may read the project holding the root field's job or
  /// environment. An id unknown in the account is left to the field (it answers not
  /// found, as for another account's ids).
  func checkRootField(
    _ fieldName: String, arguments: JSONObject, store: MetadataStore
  ) throws {
    guard let (principal, policy) = principal, let scope = Self.rootScopes[fieldName],
      let id = Self.integer(arguments[scope.argument])
    else { return }
    let project =
      switch scope.subject {
      case .job: try store.projectID(ofJob: id, accountID: accountID)
      case .environment: try store.projectID(ofEnvironment: id, accountID: accountID)
      }
    guard let project else { return }
    do {
      try Authorization.authorize(
        principal, .metadataQuery(scope.subject.queryKind), account: policy, projectID: project)
    } catch {
      throw MetadataAPI.accessError(error)
    }
  }

  /// An `Int` or `BigInt` argument as coerced (a number, or a numeric string).
  static func integer(_ value: JSONValue?) -> Int? {
    switch value {
    case .int(let number)?: number
    case .string(let text)?: Int(text)
    case .double(let number)? where number == number.rounded(): Int(exactly: number)
    default: nil
    }
  }
}
