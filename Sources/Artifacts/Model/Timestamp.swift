#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A point in time read from an artifact, normalised to UTC.
///
/// dbt writes several spellings: `2024-07-29T16:23:46.670689Z` (generated_at, timing),
/// `2021-05-31T00:00:28+00:00` (freshness), `2026-06-10T19:42:15.745181+00:00`
/// (invocation_started_at), and naive `2021-02-01T10:00:00` (treated as UTC). The store
/// and the API need one sortable form and epoch seconds; both are computed here once.
///
/// For example:
/// ```swift
/// let t = Timestamp(parsing: "2021-05-31T02:00:28.5+02:00")
/// t?.canonical      // "2021-05-31T00:00:28.500000Z"
/// t?.epochSeconds   // 1622419228.5
/// ```
///
/// Format: RFC 3339 §5.6 (https://www.rfc-editor.org/rfc/rfc3339#section-5.6), also
/// accepting a space instead of `T`, a missing zone, 1-9 fraction digits and `+HHMM`.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Whole microseconds since the epoch, exact (use for equality and ordering).
  public let epochMicroseconds: Int64
  /// The text as written, kept only when it differs from the canonical form (run results
  /// hold hundreds of thousands of timestamps, almost all written canonically by dbt).
  private let writtenText: String?

  /// The text as written in the artifact.
  public var original: String { writtenText ?? canonical }
  /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` in UTC, always with six fraction digits (sortable as text).
  public var canonical: String { Timestamp.format(epochMicroseconds) }
  /// Seconds since 1970-01-01T00:00:00Z (negative before; microsecond precision).
  public var epochSeconds: Double { Double(epochMicroseconds) / 1_000_000 }

  /// Parses `text`; nil if it is not a date-time in one of the accepted spellings.
  public init?(parsing text: String) {
    var text = text
    guard let parsed = text.withUTF8({ Timestamp(utf8: $0) }) else { return nil }
    self = parsed
  }

  /// Parses UTF-8 text (a string token's bytes, without quotes or escapes); nil as
  /// ``init(parsing:)``. No `String` is made unless the text is not canonical.
  ///
  /// Why: a run_results file holds four timestamps per result (tens of thousands); making
  /// a `String` of each and formatting it again to compare was about 5% of a next run.
  init?(utf8 text: UnsafeBufferPointer<UInt8>) {
    guard let parsed = Timestamp.parse(text) else { return nil }
    self.epochMicroseconds = parsed
    self.writtenText =
      Timestamp.isCanonical(text, parsed) ? nil : String(decoding: text, as: UTF8.self)
  }

  /// True if `text` is exactly the canonical form of `micros`.
  static func isCanonical(_ text: UnsafeBufferPointer<UInt8>, _ micros: Int64) -> Bool {
    guard text.count == canonicalLength, let given = text.baseAddress else { return false }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: canonicalLength) { buffer in
      guard let base = buffer.baseAddress else { return false }
      write(micros, into: base)
      return memcmp(base, given, canonicalLength) == 0
    }
  }

  /// Creates the timestamp for a number of microseconds since the epoch.
  public init(epochMicroseconds: Int64) {
    self.epochMicroseconds = epochMicroseconds
    self.writtenText = nil
  }

  /// The canonical form with milliseconds, as the Metadata API's `DateTime` scalar wants it:
  /// `2023-03-06T17:02:01.216Z`.
  public var iso8601Milliseconds: String {
    let micros = Timestamp.floorMod(epochMicroseconds, 1_000_000)
    let base = String(canonical.prefix(19))
    return base + "." + Timestamp.pad(Int(micros / 1000), 3) + "Z"
  }

  public var description: String { canonical }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.epochMicroseconds < rhs.epochMicroseconds
  }

  public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.epochMicroseconds == rhs.epochMicroseconds
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(epochMicroseconds) }

  // MARK: - Parsing

  static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
    var i = 0
    func digits(_ n: Int) -> Int? {
      guard i + n <= b.count else { return nil }
      var value = 0
      for _ in 0..<n {
        let d = Int(b[i]) - 48
        guard d >= 0, d <= 9 else { return nil }
        value = value * 10 + d
        i += 1
      }
      return value
    }
    func expect(_ c: UInt8) -> Bool {
      guard i < b.count, b[i] == c else { return false }
      i += 1
      return true
    }
    guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2),
      expect(UInt8(ascii: "-")), let day = digits(2)
    else { return nil }
    guard i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == 0x20
    else { return nil }
    i += 1
    guard let hour = digits(2), expect(UInt8(ascii: ":")), let minute = digits(2),
      expect(UInt8(ascii: ":")), let second = digits(2)
    else { return nil }
    var micros = 0
    if i < b.count, b[i] == UInt8(ascii: ".") {
      i += 1
      var count = 0
      while i < b.count, b[i] >= 48, b[i] <= 57 {
        if count < 6 { micros = micros * 10 + Int(b[i]) - 48 }
        count += 1
        i += 1
      }
      guard count > 0 else { return nil }
      for _ in min(count, 6)..<6 { micros *= 10 }
    }
    var offsetSeconds = 0
    if i < b.count {
      switch b[i] {
      case UInt8(ascii: "Z"), UInt8(ascii: "z"):
        i += 1
      case UInt8(ascii: "+"), UInt8(ascii: "-"):
        let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        guard let hours = digits(2) else { return nil }
        _ = expect(UInt8(ascii: ":"))
        guard let minutes = digits(2), hours < 24, minutes < 60 else { return nil }
        offsetSeconds = sign * (hours * 3600 + minutes * 60)
      default:
        return nil
      }
    }
    guard i == b.count else { return nil }
    guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month), hour < 24,
      minute < 60, second <= 60
    else { return nil }
    let days = daysFromCivil(year, month, day)
    let seconds =
      Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
      - Int64(offsetSeconds)
    return seconds * 1_000_000 + Int64(micros)
  }

  static func daysInMonth(_ year: Int, _ month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm,
  /// http://howardhinnant.github.io/date_algorithms.html#days_from_civil).
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The inverse of ``daysFromCivil(_:_:_:)``.
  static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
    let r = a % b
    return r < 0 ? r + b : r
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }

  /// The length of the canonical form: `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
  static let canonicalLength = 27

  static func format(_ micros: Int64) -> String {
    String(unsafeUninitializedCapacity: canonicalLength) { buffer in
      guard let base = buffer.baseAddress else { return 0 }
      write(micros, into: base)
      return canonicalLength
    }
  }

  /// Writes the canonical form of `micros` (``canonicalLength`` ASCII bytes) at `text`.
  static func write(_ micros: Int64, into text: UnsafeMutablePointer<UInt8>) {
    let fraction = floorMod(micros, 1_000_000)
    let seconds = (micros - fraction) / 1_000_000
    let secondOfDay = Int(floorMod(seconds, 86_400))
    let days = Int((seconds - Int64(secondOfDay)) / 86_400)
    let (year, month, day) = civilFromDays(days)
    func put(_ value: Int, at offset: Int, width: Int) {
      var value = value
      var index = offset + width - 1
      while index >= offset {
        text[index] = UInt8(ascii: "0") + UInt8(value % 10)
        value /= 10
        index -= 1
      }
    }
    put(max(0, min(year, 9999)), at: 0, width: 4)
    put(month, at: 5, width: 2)
    put(day, at: 8, width: 2)
    put(secondOfDay / 3600, at: 11, width: 2)
    put(secondOfDay / 60 % 60, at: 14, width: 2)
    put(secondOfDay % 60, at: 17, width: 2)
    put(Int(fraction), at: 20, width: 6)
    text[4] = UInt8(ascii: "-")
    text[7] = UInt8(ascii: "-")
    text[10] = UInt8(ascii: "T")
    text[13] = UInt8(ascii: ":")
    text[16] = UInt8(ascii: ":")
    text[19] = UInt8(ascii: ".")
    text[26] = UInt8(ascii: "Z")
  }

}
