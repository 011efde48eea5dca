/// Renders values the way graphql-js's `inspect` does, so that coercion error messages
/// read exactly like the reference implementation's (`Int cannot represent non-integer
/// value: "abc"`, `{ a: 1 }`, `[1, 2]`).
enum Inspect {
  /// A JSON value as graphql-js's `inspect` prints it.
  static func json(_ value: JSONValue, depth: Int = 0) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number):
      if number.isNaN { return "NaN" }
      if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
      return JSONValue.javaScriptNumber(number)
    case .string(let text): return JSONValue.string(text).serialized()
    case .list(let elements):
      if elements.isEmpty { return "[]" }
      if depth >= 2 { return "[Array]" }
      var parts = elements.prefix(10).map { json($0, depth: depth + 1) }
      if elements.count > 10 {
        let remaining = elements.count - 10
        parts.append(remaining == 1 ? "... 1 more item" : "... \(remaining) more items")
      }
      return "[" + parts.joined(separator: ", ") + "]"
    case .object(let object):
      if object.isEmpty { return "{}" }
      if depth >= 2 { return "[Object]" }
      let parts = object.map { "\($0.key): \(json($0.value, depth: depth + 1))" }
      return "{ " + parts.joined(separator: ", ") + " }"
    }
  }

  /// Any resolver value, as far as it can be rendered.
  static func any(_ value: Any?) -> String {
    guard let value else { return "null" }
    if let json = try? JSONValue(any: value) { return Inspect.json(json) }
    return String(describing: value)
  }
}
