/// The result of executing a request: data (absent when the request failed before
/// execution), and errors in the order a depth-first executor meets them.
///
/// See https://spec.graphql.org/September2025/#sec-Response-Format
public struct ExecutionResult: Sendable {
  /// The `data` entry: `nil` when execution did not start (a request error), `.null` when
  /// an error propagated to the root.
  public var data: JSONValue?
  /// The errors, empty on success.
  public var errors: [GraphQLError]

  /// A result from its parts.
  public init(data: JSONValue?, errors: [GraphQLError] = []) {
    self.data = data
    self.errors = errors
  }

  /// The response map: `errors` first when present (as graphql-js writes it), then `data`.
  public func toJSON() -> JSONValue {
    var object = JSONObject(capacity: 2)
    if !errors.isEmpty { object.append("errors", .list(errors.map { $0.toJSON() })) }
    if let data { object.append("data", data) }
    return .object(object)
  }

  /// The response as compact JSON text.
  public func serialized() -> String { toJSON().serialized() }

  /// The response as compact JSON text in UTF-8, for a response body.
  public func serializedBytes() -> [UInt8] { toJSON().serializedBytes() }
}

extension GraphQLError {
  /// The error in the response's error format: `message`, `locations`, `path`,
  /// `extensions`, leaving out empty members.
  /// See https://spec.graphql.org/September2025/#sec-Errors.Error-Result-Format
  public func toJSON() -> JSONValue {
    var object = JSONObject(capacity: 4)
    object.append("message", .string(message))
    if !locations.isEmpty {
      object.append(
        "locations",
        .list(
          locations.map {
            .object(JSONObject([("line", .int($0.line)), ("column", .int($0.column))]))
          }))
    }
    if !path.isEmpty {
      object.append(
        "path",
        .list(
          path.map {
            switch $0 {
            case .key(let key): return .string(key)
            case .index(let index): return .int(index)
            }
          }))
    }
    if let extensions {
      var members = JSONObject(capacity: extensions.count)
      for key in extensions.keys.sorted() {
        if let value = extensions[key] { members.append(key, value.toJSON()) }
      }
      object.append("extensions", .object(members))
    }
    return .object(object)
  }
}

extension GraphQLError.ExtensionValue {
  /// The value as JSON.
  func toJSON() -> JSONValue {
    switch self {
    case .string(let value): return .string(value)
    case .int(let value): return .int(value)
    case .double(let value): return .double(value)
    case .bool(let value): return .bool(value)
    case .null: return .null
    case .list(let values): return .list(values.map { $0.toJSON() })
    case .object(let members):
      var object = JSONObject(capacity: members.count)
      for key in members.keys.sorted() {
        if let value = members[key] { object.append(key, value.toJSON()) }
      }
      return .object(object)
    }
  }
}
