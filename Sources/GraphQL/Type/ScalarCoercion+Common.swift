import Foundation

/// Coercion for custom scalars that services commonly declare: `DateTime`, `Date`, `JSON`,
/// `JSONObject`, `AnyScalar` and `BigInt`. Bind them by name when building a schema:
///
/// ```swift
/// let schema = try GraphQLSchema(sdl: sdl, scalars: ScalarCoercion.common)
/// ```
///
/// See https://spec.graphql.org/September2025/#sec-Scalars.Custom-Scalars
extension ScalarCoercion {
  /// Every coercion of this file by its usual scalar name.
  public static let common: [String: ScalarCoercion] = [
    "DateTime": .dateTime, "Date": .date, "JSON": .json, "JSONObject": .jsonObject,
    "AnyScalar": .anyScalar, "BigInt": .bigInt,
  ]

  /// `DateTime`: an RFC 3339 UTC timestamp with milliseconds (`2023-03-06T17:02:01.216Z`).
  /// Resolvers return a `Date` (formatted here) or an already formatted `String`; inputs
  /// must be RFC 3339 strings and are normalized to that form.
  /// See https://www.rfc-editor.org/rfc/rfc3339
  public static let dateTime = ScalarCoercion(
    serialize: { value in
      // An already formatted string first, by its exact type: the general cast to `Date`
      // tried first cost a runtime cast per value (3% of a 100-run history's answer).
      if let text = exactCast(value, to: String.self) { return .string(text) }
      switch value {
      case let date as Date: return .string(DateFormatting.dateTime(date))
      case let text as String: return .string(text)
      case let json as JSONValue:
        if case .string = json { return json }
        throw GraphQLError(message: "DateTime cannot represent value: \(Inspect.json(json))")
      default: throw GraphQLError(message: "DateTime cannot represent value: \(Inspect.any(value))")
      }
    },
    parseValue: { value in
      guard case .string(let text) = value, let date = DateFormatting.parseDateTime(text) else {
        throw GraphQLError(
          message: "DateTime cannot represent an invalid date-time string: \(Inspect.json(value))")
      }
      return .string(DateFormatting.dateTime(date))
    })

  /// `Date`: a calendar day, `YYYY-MM-DD`. Resolvers return a `Date` (its UTC day) or a
  /// `String`; inputs must be valid days.
  public static let date = ScalarCoercion(
    serialize: { value in
      // An already formatted string first, by its exact type: the general cast to `Date`
      // tried first cost a runtime cast per value (3% of a 100-run history's answer).
      if let text = exactCast(value, to: String.self) { return .string(text) }
      switch value {
      case let date as Date: return .string(DateFormatting.day(date))
      case let text as String: return .string(text)
      case let json as JSONValue:
        if case .string = json { return json }
        throw GraphQLError(message: "Date cannot represent value: \(Inspect.json(json))")
      default: throw GraphQLError(message: "Date cannot represent value: \(Inspect.any(value))")
      }
    },
    parseValue: { value in
      guard case .string(let text) = value, DateFormatting.parseDay(text) != nil else {
        throw GraphQLError(
          message: "Date cannot represent an invalid date string: \(Inspect.json(value))")
      }
      return value
    })

  /// `JSON`: any JSON value, both ways.
  public static let json = ScalarCoercion(
    serialize: { try JSONValue(any: $0) }, parseValue: { $0 },
    parseLiteral: { node, variables in ValueFromAST.untyped(node, variables: variables) })

  /// `JSONObject`: a JSON object, both ways.
  public static let jsonObject = ScalarCoercion(
    serialize: { value in
      let json = try JSONValue(any: value)
      guard case .object = json else {
        throw GraphQLError(
          message: "JSONObject cannot represent non-object value: \(Inspect.json(json))")
      }
      return json
    },
    parseValue: { value in
      guard case .object = value else {
        throw GraphQLError(
          message: "JSONObject cannot represent non-object value: \(Inspect.json(value))")
      }
      return value
    })

  /// `AnyScalar`: an Int, Float, String or Boolean.
  public static let anyScalar = ScalarCoercion(
    serialize: { value in
      let json = try JSONValue(any: value)
      switch json {
      case .int, .double, .string, .bool: return json
      default:
        throw GraphQLError(message: "AnyScalar cannot represent value: \(Inspect.json(json))")
      }
    },
    parseValue: { value in
      switch value {
      case .int, .double, .string, .bool: return value
      default:
        throw GraphQLError(message: "AnyScalar cannot represent value: \(Inspect.json(value))")
      }
    })

  /// `BigInt`: a 64-bit integer; accepts integers and numeric strings, answers a number.
  public static let bigInt = ScalarCoercion(
    serialize: { value in
      if let number = value as? Int { return .int(number) }
      let json = try JSONValue(any: value)
      if let number = bigInt(json) { return .int(number) }
      throw GraphQLError(
        message: "BigInt cannot represent non-integer value: \(Inspect.json(json))")
    },
    parseValue: { value in
      guard let number = bigInt(value) else {
        throw GraphQLError(
          message: "BigInt cannot represent non-integer value: \(Inspect.json(value))")
      }
      return .int(number)
    },
    parseLiteral: { node, variables in
      switch node {
      case .int(let literal):
        guard let number = Int(literal.value) else {
          throw GraphQLError(
            message: "BigInt cannot represent non 64-bit integer value: \(literal.value)")
        }
        return .int(number)
      case .string(let literal):
        guard let number = Int(literal.value) else {
          throw GraphQLError(
            message: "BigInt cannot represent non-integer value: \(printValue(node))")
        }
        return .int(number)
      case .variable:
        return ValueFromAST.untyped(node, variables: variables)
      default:
        throw GraphQLError(
          message: "BigInt cannot represent non-integer value: \(printValue(node))")
      }
    })

  private static func bigInt(_ value: JSONValue) -> Int? {
    switch value {
    case .int(let number): return number
    case .double(let number):
      guard number.rounded() == number, abs(number) < 9.2e18 else { return nil }
      return Int(number)
    case .string(let text): return Int(text)
    default: return nil
    }
  }
}

/// RFC 3339 formatting and parsing without Foundation's slow formatters.
enum DateFormatting {
  /// `2023-03-06T17:02:01.216Z`.
  static func dateTime(_ date: Date) -> String {
    let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
    let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
    let millis = milliseconds - seconds * 1000
    let (days, secondOfDay) = divide(seconds, 86_400)
    let (year, month, day) = civil(fromDays: days)
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(secondOfDay / 3600, 2)
      + ":"
      + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2) + "." + pad(millis, 3) + "Z"
  }

  /// `2023-03-06` (the UTC day).
  static func day(_ date: Date) -> String {
    let (days, _) = divide(Int(date.timeIntervalSince1970.rounded(.down)), 86_400)
    let (year, month, day) = civil(fromDays: days)
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
  }

  /// Parses `YYYY-MM-DD`.
  static func parseDay(_ text: String) -> (Int, Int, Int)? {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = number(bytes, 0, 4), let month = number(bytes, 5, 2),
      let day = number(bytes, 8, 2),
      (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
    else { return nil }
    return (year, month, day)
  }

  /// Parses an RFC 3339 date-time (`T` or space, optional fraction, `Z` or an offset).
  static func parseDateTime(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20,
      let (year, month, day) = parseDay(String(decoding: bytes[0..<10], as: UTF8.self)),
      bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t")
        || bytes[10] == UInt8(ascii: " "),
      bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2),
      let second = number(bytes, 17, 2),
      hour < 24, minute < 60, second < 61
    else { return nil }
    var index = 19
    var fraction = 0.0
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      var scale = 0.1
      let start = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
        fraction += Double(bytes[index] - 0x30) * scale
        scale /= 10
        index += 1
      }
      if index == start { return nil }
    }
    guard index < bytes.count else { return nil }
    var offset = 0
    switch bytes[index] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      index += 1
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      guard bytes.count == index + 6, bytes[index + 3] == UInt8(ascii: ":"),
        let hours = number(bytes, index + 1, 2), let minutes = number(bytes, index + 4, 2)
      else { return nil }
      offset = (hours * 60 + minutes) * 60 * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
      index += 6
    default: return nil
    }
    guard index == bytes.count else { return nil }
    let days = daysFromCivil(year, month, day)
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
    return Date(timeIntervalSince1970: Double(seconds) + fraction)
  }

  private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for index in start..<(start + count) {
      let byte = bytes[index]
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func divide(_ a: Int, _ b: Int) -> (Int, Int) {
    var quotient = a / b
    var remainder = a % b
    if remainder < 0 {
      quotient -= 1
      remainder += b
    }
    return (quotient, remainder)
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }

  /// Howard Hinnant's `civil_from_days`.
  static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }

  /// Howard Hinnant's `days_from_civil`.
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
