/// An inclusive window of UTC days, `YYYY-MM-DD` to `YYYY-MM-DD`: the window of every
/// `performance` field. A run belongs to the UTC day of its manifest's `generated_at`.
public struct DayWindow: Sendable, Equatable {
  public var start: String
  public var end: String

  public init(start: String, end: String) {
    self.start = start
    self.end = end
  }
}
