/// The `owner` of an exposure or group. `email` may be a string, null or (1.10+) a list.
public struct NodeOwner: Sendable, Hashable {
  public let name: String?
  public let emails: [String]
}
