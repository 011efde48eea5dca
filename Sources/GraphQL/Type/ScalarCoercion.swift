/// How a scalar type turns resolver values into response values and inputs into values
/// handed to resolvers.
///
/// - `serialize` is result coercion: a resolver's value to JSON.
/// - `parseValue` is input coercion of a variable's JSON value.
/// - `parseLiteral` is input coercion of a literal in the document (variables inside a
///   literal, possible only for custom scalars, are given as the second argument).
///
/// Each throws ``GraphQLError`` with the reason a value was refused.
///
/// See https://spec.graphql.org/September2025/#sec-Scalars.Result-Coercion-and-Serialization
/// and https://spec.graphql.org/September2025/#sec-Scalars.Input-Coercion
public struct ScalarCoercion: Sendable {
  /// Result coercion.
  public var serialize: @Sendable (Any) throws -> JSONValue {
    get { serializeFunction }
    set {
      serializeFunction = newValue
      serializesStringsAsThemselves = false
    }
  }
  private var serializeFunction: @Sendable (Any) throws -> JSONValue
  /// Whether ``serialize`` is known to return any `String` as `.string` of itself (the
  /// built-in `String` and `ID`), so the executor may convert a `[String]` without calling
  /// it per element; false for any serializer set from outside the engine.
  var serializesStringsAsThemselves = false
  /// Input coercion of variable values.
  public var parseValue: @Sendable (JSONValue) throws -> JSONValue
  /// Input coercion of literals.
  public var parseLiteral: @Sendable (Value, JSONObject?) throws -> JSONValue

  /// A coercion from its three parts; `parseLiteral` defaults to converting the literal to
  /// JSON and calling `parseValue`.
  public init(
    serialize: @escaping @Sendable (Any) throws -> JSONValue,
    parseValue: @escaping @Sendable (JSONValue) throws -> JSONValue,
    parseLiteral: (@Sendable (Value, JSONObject?) throws -> JSONValue)? = nil
  ) {
    self.serializeFunction = serialize
    self.parseValue = parseValue
    if let parseLiteral {
      self.parseLiteral = parseLiteral
    } else {
      self.parseLiteral = { node, variables in
        try parseValue(ValueFromAST.untyped(node, variables: variables))
      }
    }
  }

  /// graphql-js's default for custom scalars: any JSON value passes through both ways.
  public static let passthrough = ScalarCoercion(
    serialize: { try JSONValue(any: $0) },
    parseValue: { $0 },
    parseLiteral: { node, variables in ValueFromAST.untyped(node, variables: variables) })
}
