/// Why a `multipart/form-data` body could not be read: a one-line reason naming the part
/// (counted from 1) where it applies.
public struct MultipartError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was wrong, e.g. "part 2: no Content-Disposition name".
  public let reason: String

  /// An error with its reason.
  public init(_ reason: String) { self.reason = reason }

  /// "multipart/form-data: <reason>".
  public var description: String { "multipart/form-data: \(reason)" }
}
