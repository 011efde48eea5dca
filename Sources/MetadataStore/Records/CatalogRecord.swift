/// One table or view as a run's catalog saw it.
public struct CatalogRecord: Sendable, Equatable {
  public var runID: Int
  public var uniqueID: String
  public var type: String?
  public var database: String?
  public var schema: String?
  public var name: String?
  public var comment: String?
  public var owner: String?
  public var rowCount: Int?
  public var bytes: Int?
  public var columns: [Column]
  public var stats: [Stat]

  /// One column, in catalog order.
  public struct Column: Sendable, Equatable {
    public var name: String
    public var type: String?
    public var index: Int?
    public var comment: String?
  }

  /// One statistic; `valueJSON` is the value as written (a JSON scalar).
  public struct Stat: Sendable, Equatable {
    public var id: String
    public var label: String?
    public var valueJSON: String?
    public var include: Bool
    public var description: String?
  }
}
