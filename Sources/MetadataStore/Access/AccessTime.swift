import Artifacts
import Foundation

/// Times of the access tables (accounts, users, tokens, audit trail), stored as canonical
/// UTC text like every other time in the store: `YYYY-MM-DDTHH:MM:SS.ffffffZ`, fixed
/// width, so text order is time order (the last-use throttle compares them in SQL).
enum AccessTime {
  /// The canonical text of `date`.
  static func text(_ date: Date) -> String {
    Timestamp(epochMicroseconds: Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
      .canonical
  }

  /// The date of a stored text, `nil` for NULL (or text the store did not write).
  static func date(_ text: String?) -> Date? {
    guard let text, let timestamp = Timestamp(parsing: text) else { return nil }
    return Date(timeIntervalSince1970: timestamp.epochSeconds)
  }
}
