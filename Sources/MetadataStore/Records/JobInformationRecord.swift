/// A job of the account, with its current name.
public struct JobInformationRecord: Sendable, Equatable {
  public var id: Int
  public var name: String?
}
