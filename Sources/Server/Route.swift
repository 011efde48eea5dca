/// The service's routes, matched from a request path; ``pattern`` names the route in
/// metrics without its ids (so ids do not multiply series).
enum Route: Equatable {
  case graphql
  case explorer
  case health
  case metrics
  case runs(accountID: Int)
  case serviceTokens(accountID: Int, tokenID: Int?)
  case settings(accountID: Int)
  case unknown

  init(path: String) {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true)
    switch parts.count {
    case 1:
      switch parts[0] {
      case "graphql": self = .graphql
      case "graphiql": self = .explorer
      case "healthz": self = .health
      case "metrics": self = .metrics
      default: self = .unknown
      }
    case 2 where parts == ["beta", "graphql"]:
      self = .graphql
    case 5, 6:
      guard parts[0] == "api", parts[1] == "v1", parts[2] == "accounts",
        let account = Int(parts[3]), account > 0
      else {
        self = .unknown
        return
      }
      switch (parts[4], parts.count) {
      case ("runs", 5): self = .runs(accountID: account)
      case ("settings", 5): self = .settings(accountID: account)
      case ("service-tokens", 5): self = .serviceTokens(accountID: account, tokenID: nil)
      case ("service-tokens", 6):
        guard let token = Int(parts[5]), token > 0 else {
          self = .unknown
          return
        }
        self = .serviceTokens(accountID: account, tokenID: token)
      default: self = .unknown
      }
    default:
      self = .unknown
    }
  }

  /// The upload route, which takes larger bodies.
  var isUpload: Bool {
    if case .runs = self { return true }
    return false
  }

  /// The route without its ids, for metrics labels.
  var pattern: String {
    switch self {
    case .graphql: "/graphql"
    case .explorer: "/graphiql"
    case .health: "/healthz"
    case .metrics: "/metrics"
    case .runs: "/api/v1/accounts/{id}/runs"
    case .serviceTokens(_, nil): "/api/v1/accounts/{id}/service-tokens"
    case .serviceTokens: "/api/v1/accounts/{id}/service-tokens/{token_id}"
    case .settings: "/api/v1/accounts/{id}/settings"
    case .unknown: "unknown"
    }
  }
}
