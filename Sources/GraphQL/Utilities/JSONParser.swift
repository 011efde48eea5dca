/// A byte-level JSON parser producing ``JSONValue`` with object members in document order.
///
/// Request bodies and variables arrive as JSON; Foundation's `JSONSerialization` is slow on
/// Linux and loses member order, so the engine reads JSON itself (RFC 8259). Integers that
/// fit in `Int` become `.int`, other numbers `.double`. Nesting is limited (default 512) so
/// that hostile input cannot overflow the stack.
///
/// See https://www.rfc-editor.org/rfc/rfc8259
public struct JSONParser {
  private let bytes: [UInt8]
  private var position = 0
  private let maxDepth: Int
  private var depth = 0

  /// Parses a complete JSON text.
  ///
  /// - Throws: ``GraphQLError`` naming the byte offset and what was expected.
  public static func parse(_ bytes: [UInt8], maxDepth: Int = 512) throws(GraphQLError) -> JSONValue
  {
    var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.position == bytes.count else { throw parser.error("end of input") }
    return value
  }

  /// Parses JSON text given as a string.
  public static func parse(_ text: String, maxDepth: Int = 512) throws(GraphQLError) -> JSONValue {
    try parse(Array(text.utf8), maxDepth: maxDepth)
  }

  private init(bytes: [UInt8], maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  private func error(_ expected: String) -> GraphQLError {
    let found: String
    if position < bytes.count {
      let byte = bytes[position]
      found =
        byte >= 0x20 && byte < 0x7F
        ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    } else {
      found = "end of input"
    }
    return GraphQLError(
      message: "Invalid JSON at offset \(position): expected \(expected), found \(found).")
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private mutating func parseValue() throws(GraphQLError) -> JSONValue {
    guard position < bytes.count else { throw error("a value") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("a value")
    }
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(GraphQLError) {
    let text = literal.utf8Start
    for index in 0..<literal.utf8CodeUnitCount {
      guard position < bytes.count, bytes[position] == text[index] else {
        throw error("'\(literal)'")
      }
      position += 1
    }
  }

  private mutating func enter() throws(GraphQLError) {
    depth += 1
    if depth > maxDepth {
      throw GraphQLError(
        message: "Invalid JSON at offset \(position): nesting deeper than \(maxDepth).")
    }
  }

  private mutating func parseObject() throws(GraphQLError) -> JSONValue {
    try enter()
    position += 1
    var object = JSONObject()
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      depth -= 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw error("a string key")
      }
      let key = try parseString()
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("':'") }
      position += 1
      skipWhitespace()
      object[key] = try parseValue()
      skipWhitespace()
      guard position < bytes.count else { throw error("',' or '}'") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "}") else { throw error("',' or '}'") }
      position += 1
      depth -= 1
      return .object(object)
    }
  }

  private mutating func parseArray() throws(GraphQLError) -> JSONValue {
    try enter()
    position += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      depth -= 1
      return .list(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      guard position < bytes.count else { throw error("',' or ']'") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "]") else { throw error("',' or ']'") }
      position += 1
      depth -= 1
      return .list(elements)
    }
  }

  private mutating func parseString() throws(GraphQLError) -> String {
    position += 1
    let start = position
    // Fast path: no escapes.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      position += 1
    }
    var buffer = Array(bytes[start..<position])
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return String(decoding: buffer, as: UTF8.self)
      }
      if byte < 0x20 { throw error("an escaped control character") }
      if byte != UInt8(ascii: "\\") {
        buffer.append(byte)
        position += 1
        continue
      }
      position += 1
      guard position < bytes.count else { throw error("an escape") }
      let escape = bytes[position]
      position += 1
      switch escape {
      case UInt8(ascii: "\""): buffer.append(0x22)
      case UInt8(ascii: "\\"): buffer.append(0x5C)
      case UInt8(ascii: "/"): buffer.append(0x2F)
      case UInt8(ascii: "b"): buffer.append(0x08)
      case UInt8(ascii: "f"): buffer.append(0x0C)
      case UInt8(ascii: "n"): buffer.append(0x0A)
      case UInt8(ascii: "r"): buffer.append(0x0D)
      case UInt8(ascii: "t"): buffer.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try parseHex4()
        if scalar >= 0xD800 && scalar < 0xDC00 {
          // A high surrogate must be followed by an escaped low surrogate.
          guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
            bytes[position + 1] == UInt8(ascii: "u")
          else { throw error("a low surrogate escape") }
          position += 2
          let low = try parseHex4()
          guard low >= 0xDC00 && low < 0xE000 else { throw error("a low surrogate") }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if scalar >= 0xDC00 && scalar < 0xE000 {
          throw error("a high surrogate before a low surrogate")
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw error("a Unicode scalar") }
        buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
      default:
        position -= 1
        throw error("a valid escape")
      }
    }
    throw error("'\"'")
  }

  private mutating func parseHex4() throws(GraphQLError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard position < bytes.count else { throw error("a hex digit") }
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("a hex digit")
      }
      value = value * 16 + digit
      position += 1
    }
    return value
  }

  private mutating func parseNumber() throws(GraphQLError) -> JSONValue {
    let start = position
    var isInteger = true
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 else {
      throw error("a digit")
    }
    if bytes[position] == 0x30 {
      position += 1
    } else {
      while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
        position += 1
      }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      isInteger = false
      position += 1
      guard position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 else {
        throw error("a digit after '.'")
      }
      while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
        position += 1
      }
    }
    if position < bytes.count,
      bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")
    {
      isInteger = false
      position += 1
      if position < bytes.count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 else {
        throw error("a digit in the exponent")
      }
      while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
        position += 1
      }
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    if isInteger, let integer = Int(text) { return .int(integer) }
    guard let double = Double(text) else { throw error("a number") }
    return .double(double)
  }
}
