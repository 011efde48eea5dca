/// How the executor completes the values of one scalar or enum position: the named type,
/// whether it is non-null, and its serializer, read once per field and vector of values
/// rather than once per value.
///
/// See https://spec.graphql.org/September2025/#sec-Scalars.Result-Coercion-and-Serialization
/// and https://spec.graphql.org/September2025/#sec-Enums.Result-Coercion
struct LeafPlan {
  /// The scalar or enum type.
  let type: GraphQLNamedType
  /// Whether the position is non-null (`T!`): a null there is a field error.
  let nonNull: Bool
  /// Result coercion of one non-null value.
  let serialize: @Sendable (Any) throws -> JSONValue
  /// Whether ``serialize`` returns every `String` as `.string` of itself (the built-in
  /// `String` and `ID` with their own coercion), so a `[String]` needs no call per element.
  let stringsAsThemselves: Bool

  /// The plan of `type` if it is a scalar or enum, or a non-null one; `nil` for lists and
  /// composite types.
  init?(_ type: GraphQLType) {
    switch type {
    case .named(let named):
      guard named.kind == .scalar || named.kind == .enum else { return nil }
      self.init(type: named, nonNull: false)
    case .nonNull(.named(let named)):
      guard named.kind == .scalar || named.kind == .enum else { return nil }
      self.init(type: named, nonNull: true)
    default:
      return nil
    }
  }

  /// The plan of a scalar or enum type.
  init(type: GraphQLNamedType, nonNull: Bool) {
    self.type = type
    self.nonNull = nonNull
    if type.kind == .enum {
      // The last name found among the type's values: a list's values mostly repeat a few
      // names, and comparing with the last one is cheaper than hashing it to look it up.
      let last = LastEnumName()
      serialize = { value in
        if let name = exactCast(value, to: String.self), let known = last.name, known == name {
          return .string(name)
        }
        let serialized = try LeafPlan.serializeEnum(value, type: type)
        if case .string(let name) = serialized { last.name = name }
        return serialized
      }
      stringsAsThemselves = false
    } else {
      let coercion = type.coercion
      serialize = coercion.serialize
      stringsAsThemselves = coercion.serializesStringsAsThemselves
    }
  }

  /// Enum values serialize to their names; resolvers return the name (a `String`, a JSON
  /// string, or a `RawRepresentable` with a `String` raw value).
  static func serializeEnum(_ value: Any, type: GraphQLNamedType) throws -> JSONValue {
    if let text = exactCast(value, to: String.self), type.enumValue(named: text) != nil {
      return .string(text)
    }
    var name: String?
    switch value {
    case let text as String: name = text
    case let json as JSONValue: name = json.stringValue
    case let raw as any RawRepresentable: name = raw.rawValue as? String
    default: name = nil
    }
    guard let name, type.enumValue(named: name) != nil else {
      throw GraphQLError(
        message: "Enum \"\(type.name)\" cannot represent value: \(Inspect.any(value))")
    }
    return .string(name)
  }
}
