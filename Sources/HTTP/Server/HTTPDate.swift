import Glibc

/// The `Date` header value in IMF-fixdate form, `Sun, 06 Nov 1994 08:49:37 GMT`
/// (RFC 9110 §5.6.7), which an origin server with a clock must send (RFC 9110 §6.6.1).
enum HTTPDate {
  private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// The current time.
  static func now() -> String { format(secondsSince1970: time(nil)) }

  /// A given time, in seconds since 1970 UTC.
  static func format(secondsSince1970 seconds: Int) -> String {
    var time = seconds
    var parts = tm()
    gmtime_r(&time, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let day = days[Int(parts.tm_wday) % 7]
    let month = months[Int(parts.tm_mon) % 12]
    return "\(day), \(two(parts.tm_mday)) \(month) \(parts.tm_year + 1900) "
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
  }
}
