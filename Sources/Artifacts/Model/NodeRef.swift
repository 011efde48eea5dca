/// One `ref()` call: `[["orders"]]`/`[["pkg", "orders"]]` (v1-v8, also `[["pkg", "orders", "v2"]]`)
/// or `{"name", "package", "version"}` (v9+).
public struct NodeRef: Sendable, Hashable {
  public let name: String
  public let package: String?
  /// The pinned model version, as written (numbers become their decimal text).
  public let version: String?
}
