import Foundation

/// GraphQL text for value literals and JSON values, as graphql-js's `print` writes them;
/// used in error messages and for introspection's `defaultValue`.
///
/// See https://spec.graphql.org/September2025/#sec-Input-Values

/// A value literal as graphql-js prints it: `"abc"`, `[1, 2]`, `{a: 1}`, `$var`, `ENUM`.
func printValue(_ value: Value) -> String {
  switch value {
  case .variable(let node): return "$" + node.name.value
  case .int(let node): return node.value
  case .float(let node): return node.value
  case .string(let node):
    if node.block { return printBlockString(node.value) }
    return printString(node.value)
  case .boolean(let node): return node.value ? "true" : "false"
  case .null: return "null"
  case .enum(let node): return node.value
  case .list(let node): return "[" + node.values.map(printValue).joined(separator: ", ") + "]"
  case .object(let node):
    return "{"
      + node.fields.map { $0.name.value + ": " + printValue($0.value) }.joined(separator: ", ")
      + "}"
  }
}

/// A string literal with graphql-js's escapes.
func printString(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case "\u{08}": result += "\\b"
    case "\u{0C}": result += "\\f"
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    default:
      if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
  }
  return result + "\""
}

/// A block string literal (simplified form of graphql-js's `printBlockString`).
func printBlockString(_ text: String) -> String {
  let escaped = text.replacingOccurrences(of: "\"\"\"", with: "\\\"\"\"")
  let lines = escaped.split(separator: "\n", omittingEmptySubsequences: false)
  let forceLeadingNewLine =
    lines.count > 1
    && lines.dropFirst().allSatisfy { $0.isEmpty || $0.first == " " || $0.first == "\t" }
  let hasTrailingQuote = escaped.hasSuffix("\"") && !escaped.hasSuffix("\\\"\"\"")
  let hasTrailingSlash = escaped.hasSuffix("\\")
  let forceTrailingNewline = hasTrailingQuote || hasTrailingSlash
  let printAsMultipleLines =
    lines.count > 1 || forceTrailingNewline || forceLeadingNewLine
  var result = ""
  let skipLeadingNewLine =
    lines.count > 1 && (lines.first?.allSatisfy { $0 == " " || $0 == "\t" } ?? false)
  if (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine { result += "\n" }
  result += escaped
  if printAsMultipleLines || forceTrailingNewline { result += "\n" }
  return "\"\"\"" + result + "\"\"\""
}

/// A coerced input value as a GraphQL literal of `type` (graphql-js's `astFromValue` then
/// `print`): enums unquoted, input objects as `{a: 1}`, lists as `[1, 2]`, and a single
/// value given for a list type printed as that value.
func printLiteral(_ value: JSONValue, type: GraphQLType) -> String? {
  switch type {
  case .nonNull(let inner):
    if value.isNull { return nil }
    return printLiteral(value, type: inner)
  case .list(let inner):
    if value.isNull { return "null" }
    if case .list(let elements) = value {
      let parts = elements.compactMap { printLiteral($0, type: inner) }
      return "[" + parts.joined(separator: ", ") + "]"
    }
    return printLiteral(value, type: inner)
  case .named(let named):
    if value.isNull { return "null" }
    switch named.kind {
    case .inputObject:
      guard case .object(let object) = value else { return nil }
      var parts: [String] = []
      for field in named.inputFields.values {
        if let member = object[field.name], let text = printLiteral(member, type: field.type) {
          parts.append(field.name + ": " + text)
        }
      }
      return "{" + parts.joined(separator: ", ") + "}"
    case .enum:
      guard case .string(let name) = value else { return nil }
      return name
    default:
      switch value {
      case .bool(let flag): return flag ? "true" : "false"
      case .int(let number):
        return named === GraphQLNamedType.id ? printString(String(number)) : String(number)
      case .double(let number):
        return JSONValue.javaScriptNumber(number)
      case .string(let text):
        if named === GraphQLNamedType.id, !text.isEmpty,
          text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
            || (text.first == "-" && text.dropFirst().utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
              && text.count > 1),
          !(text.hasPrefix("0") && text.count > 1)
        {
          return text
        }
        return printString(text)
      case .list(let elements):
        return "[" + elements.compactMap { printLiteral($0, type: type) }.joined(separator: ", ")
          + "]"
      case .object(let object):
        return "{"
          + object.map { "\($0.key): " + (printLiteral($0.value, type: type) ?? "null") }
          .joined(separator: ", ") + "}"
      case .null: return "null"
      }
    }
  }
}
