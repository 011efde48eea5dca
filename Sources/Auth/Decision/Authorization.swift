/// The one place that decides access: may this principal do this action on this
/// account and project. The command line, the GraphQL resolvers and the HTTP routes all
/// ask it; nothing else decides.
///
/// The rules (DESIGN.md, Authorization; `../shared/reference/dbt-metadata-api.md`,
/// section 3):
/// - A principal sees only its own account: any other account is answered as not found.
/// - Account administration (tokens, users, settings, audit trail) is for users whose role
///   administers the account: Owner (Team) or Account Admin (Enterprise). Service tokens
///   and Members are refused; a service token cannot create tokens.
/// - Ingest: an administrator user, or a service token with an Account Admin permission
///   set covering the project.
/// - Metadata queries: service tokens only (user API tokens are not accepted by the
///   metadata API), only while the account has the metadata API switched on, and only
///   with an Account Admin or Metadata Only permission set covering the project.
///
/// For example:
/// ```swift
/// try Authorization.authorize(principal, .metadataQuery(.environment),
///                             account: policy, projectID: 7)
/// ```
public enum Authorization {
  /// Returns when `principal` may do `action` on `account` (and project `projectID`,
  /// when the action concerns one); throws the reason otherwise.
  ///
  /// - Parameters:
  ///   - projectID: the project the request touches (the job's, environment's or run's
  ///     project, found in the principal's account). `nil` for an account-wide request,
  ///     which a project-scoped permission set does not cover.
  /// - Throws: ``AuthError`` with reason `notFound` (another account), `forbidden`,
  ///   `userTokenNotAccepted` or `metadataAPIDisabled`.
  public static func authorize(
    _ principal: Principal, _ action: Action, account: AccountPolicy, projectID: Int?
  ) throws(AuthError) {
    guard principal.accountID == account.id else {
      throw AuthError(.notFound("account \(account.id) not found"))
    }
    if action.isAccountAdministration {
      try requireAdministrator(principal, action, account: account)
      return
    }
    switch action {
    case .ingest:
      switch principal.identity {
      case .user(_, _, let role):
        guard role.isAdministrator else {
          throw AuthError(
            .forbidden(
              "\(principal.description) may not \(action.description): needs the "
                + "\(account.plan.administratorRole.displayName) role or a service token "
                + "with the Account Admin permission set"))
        }
      case .service(let sets):
        try requireSet(in: sets, of: [.accountAdmin], principal, action, projectID)
      }
    case .metadataQuery:
      guard case .service(let sets) = principal.identity else {
        throw AuthError(.userTokenNotAccepted)
      }
      guard account.metadataAPIEnabled else {
        throw AuthError(.metadataAPIDisabled(accountID: account.id))
      }
      try requireSet(in: sets, of: [.accountAdmin, .metadataOnly], principal, action, projectID)
    case .createToken, .listTokens, .revokeToken, .addUser, .changeSettings, .readAudit:
      break  // handled above
    }
  }

  /// Whether `authorize` would allow it: for callers that only filter (listing).
  public static func allows(
    _ principal: Principal, _ action: Action, account: AccountPolicy, projectID: Int?
  ) -> Bool {
    do {
      try authorize(principal, action, account: account, projectID: projectID)
      return true
    } catch {
      return false
    }
  }

  /// Account administration: an administrator user only.
  private static func requireAdministrator(
    _ principal: Principal, _ action: Action, account: AccountPolicy
  ) throws(AuthError) {
    let role = account.plan.administratorRole.displayName
    switch principal.identity {
    case .user(_, _, let userRole) where userRole.isAdministrator:
      return
    case .user:
      throw AuthError(
        .forbidden(
          "\(principal.description) may not \(action.description): only a user with the "
            + "\(role) role can"))
    case .service:
      throw AuthError(
        .forbidden(
          "\(principal.description) may not \(action.description): service tokens "
            + "cannot; only a user with the \(role) role can"))
    }
  }

  /// A permission set of one of `kinds` covering `projectID`.
  private static func requireSet(
    in sets: [PermissionSet], of kinds: Set<PermissionSet.Kind>, _ principal: Principal,
    _ action: Action, _ projectID: Int?
  ) throws(AuthError) {
    if sets.contains(where: { kinds.contains($0.kind) && $0.scope.covers(projectID) }) {
      return
    }
    let needed = PermissionSet.Kind.allCases.filter { kinds.contains($0) }
      .map(\.displayName).joined(separator: " or ")
    let place = projectID.map { "project \($0)" } ?? "all projects"
    throw AuthError(
      .forbidden(
        "\(principal.description) may not \(action.description): it has no \(needed) "
          + "permission set for \(place)"))
  }
}
