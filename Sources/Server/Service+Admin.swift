import Auth
import GraphQL
import HTTP
import MetadataStore

/// The admin endpoints, mirroring the command line for users with the Owner (Team) or
/// Account Admin (Enterprise) role: service tokens and the metadata API switch.
extension Service {
  /// `GET` lists the account's tokens; `POST {"name", "kind", "projects"?}` creates a
  /// service token and shows its text once; `DELETE .../{token id}` revokes one.
  func serviceTokens(_ request: HTTPRequest, accountID: Int, tokenID: Int?) throws
    -> HTTPResponse
  {
    let principal = try authenticate(request)
    var response: HTTPResponse
    switch (request.method.rawValue, tokenID) {
    case ("GET", nil), ("HEAD", nil):
      try authorize(principal, .listTokens, accountID: accountID)
      response = .json(
        ["data": .list(try store.tokens(accountID: accountID).map(Self.json))])
    case ("POST", nil):
      try authorize(principal, .createToken, accountID: accountID)
      let body = try Self.jsonBody(request)
      guard let name = body["name"]?.stringValue else {
        throw EndpointError.badRequest("The body needs a `name` string.")
      }
      guard let kindText = body["kind"]?.stringValue,
        let kind = PermissionSet.Kind(rawValue: kindText)
      else {
        throw EndpointError.badRequest(
          "The body needs a `kind`: \"account-admin\" or \"metadata-only\".")
      }
      var scope = ProjectScope.allProjects
      switch body["projects"] {
      case nil, .null?: break
      case .list(let items)?:
        let projects = items.compactMap(\.intValue)
        guard projects.count == items.count, !projects.isEmpty, projects.allSatisfy({ $0 > 0 })
        else {
          throw EndpointError.badRequest("`projects` must be a list of positive project ids.")
        }
        scope = ProjectScope(projects: projects)
      default:
        throw EndpointError.badRequest("`projects` must be a list of positive project ids.")
      }
      let created = try store.createServiceToken(
        accountID: accountID, name: name, permissionSets: [PermissionSet(kind, scope: scope)],
        actor: principal)
      var object = Self.jsonObject(created.record)
      object.append("token", .string(created.plaintext))
      response = .json(["data": .object(object)], status: .created)
    case ("DELETE", let id?):
      try authorize(principal, .revokeToken, accountID: accountID)
      let revoked = try store.revokeToken(accountID: accountID, id: id, actor: principal)
      response = .json(["data": Self.json(revoked)])
    default:
      // Every method matched above is allowed, so this always throws 405.
      try Self.allow(request, tokenID == nil ? ["GET", "HEAD", "POST"] : ["DELETE"])
      return .refusal(.badRequest("Unexpected method \(request.method.rawValue)."))
    }
    response.logAnnotations["token"] = "\(principal.tokenID)"
    return response
  }

  /// `GET` answers the account's settings; `PATCH` or `POST {"metadata_api_enabled": bool}`
  /// switches the metadata API.
  func settings(_ request: HTTPRequest, accountID: Int) throws -> HTTPResponse {
    let principal = try authenticate(request)
    switch request.method.rawValue {
    case "GET", "HEAD":
      // Reading the settings is part of administering them.
      try authorize(principal, .changeSettings, accountID: accountID)
    case "PATCH", "POST":
      try authorize(principal, .changeSettings, accountID: accountID)
      let body = try Self.jsonBody(request)
      guard let enabled = body["metadata_api_enabled"]?.boolValue else {
        throw EndpointError.badRequest("The body needs `metadata_api_enabled`: true or false.")
      }
      try store.setMetadataAPI(accountID: accountID, enabled: enabled, actor: principal)
    default:
      try Self.allow(request, ["GET", "HEAD", "PATCH", "POST"])
    }
    guard let account = try store.account(id: accountID) else {
      throw EndpointError(
        status: 404, code: "NOT_FOUND", message: "account \(accountID) not found")
    }
    var response = HTTPResponse.json([
      "data": [
        "account_id": .int(account.id), "name": account.name.map(JSONValue.string) ?? .null,
        "plan": .string(account.plan.rawValue),
        "metadata_api_enabled": .bool(account.metadataAPIEnabled),
      ]
    ])
    response.logAnnotations["token"] = "\(principal.tokenID)"
    return response
  }

  /// Asks ``Auth`` through the store, answering refusals by their category.
  func authorize(_ principal: Principal, _ action: Action, accountID: Int, projectID: Int? = nil)
    throws
  {
    do {
      try store.authorize(principal, action, accountID: accountID, projectID: projectID)
    } catch {
      throw Self.endpointError(error)
    }
  }

  /// The request body as a JSON object, or 400 (415 for another media type).
  static func jsonBody(_ request: HTTPRequest) throws -> JSONObject {
    if let type = request.headers["Content-Type"],
      GraphQLOverHTTP.mediaType(type) != "application/json"
    {
      throw EndpointError(
        status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the body as application/json.")
    }
    guard let parsed = try? JSONParser.parse(request.body), let object = parsed.objectValue else {
      throw EndpointError.badRequest("The body must be a JSON object.")
    }
    return object
  }

  /// A token record as the API and `token list --json` show it (never its text, which
  /// only creation shows).
  public static func json(_ token: TokenRecord) -> JSONValue { .object(jsonObject(token)) }

  /// ``json(_:)``'s object, to add members to (the token's text, at creation).
  public static func jsonObject(_ token: TokenRecord) -> JSONObject {
    func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    let sets: [JSONValue] = token.permissionSets.map { set in
      let projects: JSONValue =
        switch set.scope {
        case .allProjects: "all"
        case .projects(let list): .list(list.map(JSONValue.int))
        }
      return ["kind": .string(set.kind.rawValue), "projects": projects]
    }
    return [
      "token_id": .int(token.id), "kind": .string(token.kind.rawValue),
      "name": .string(token.name), "user_id": int(token.userID), "permission_sets": .list(sets),
      "created_by_user_id": int(token.createdByUserID), "created_at": .string(token.createdAt),
      "last_used_at": text(token.lastUsedAt), "revoked_at": text(token.revokedAt),
    ]
  }
}
