import Foundation

/// The five built-in scalars with graphql-js's coercion rules and error messages.
///
/// See https://spec.graphql.org/September2025/#sec-Scalars.Built-in-Scalars
extension GraphQLNamedType {
  /// `Int`: a signed 32-bit integer.
  /// See https://spec.graphql.org/September2025/#sec-Int
  public static let int: GraphQLNamedType = {
    let type = GraphQLNamedType(
      name: "Int", kind: .scalar,
      description:
        "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1."
    )
    type.coercion = ScalarCoercion(
      serialize: { value in
        if let number = exactCast(value, to: Int.self), number >= Int(Int32.min),
          number <= Int(Int32.max)
        {
          return .int(number)
        }
        switch value {
        case let number as Int:
          guard number >= Int(Int32.min) && number <= Int(Int32.max) else {
            throw GraphQLError(
              message: "Int cannot represent non 32-bit signed integer value: \(number)")
          }
          return .int(number)
        default:
          let json = try JSONValue(any: value)
          var number: Double?
          switch json {
          case .bool(let flag): return .int(flag ? 1 : 0)
          case .int(let n): number = Double(n)
          case .double(let n): number = n
          case .string(let text) where !text.isEmpty: number = javaScriptNumber(text)
          default: number = nil
          }
          guard let number, number.isFinite, number.rounded() == number else {
            throw GraphQLError(
              message: "Int cannot represent non-integer value: \(Inspect.json(json))")
          }
          guard number >= Double(Int32.min) && number <= Double(Int32.max) else {
            throw GraphQLError(
              message: "Int cannot represent non 32-bit signed integer value: \(Inspect.json(json))"
            )
          }
          return .int(Int(number))
        }
      },
      parseValue: { value in
        guard let number = value.doubleValue, number.rounded() == number else {
          throw GraphQLError(
            message: "Int cannot represent non-integer value: \(Inspect.json(value))")
        }
        guard number >= Double(Int32.min) && number <= Double(Int32.max) else {
          throw GraphQLError(
            message: "Int cannot represent non 32-bit signed integer value: \(Inspect.json(value))")
        }
        return .int(Int(number))
      },
      parseLiteral: { node, _ in
        guard case .int(let literal) = node else {
          throw GraphQLError(message: "Int cannot represent non-integer value: \(printValue(node))")
        }
        guard let number = Int(literal.value), number >= Int(Int32.min), number <= Int(Int32.max)
        else {
          throw GraphQLError(
            message: "Int cannot represent non 32-bit signed integer value: \(literal.value)")
        }
        return .int(number)
      })
    return type
  }()

  /// `Float`: a double-precision number.
  /// See https://spec.graphql.org/September2025/#sec-Float
  public static let float: GraphQLNamedType = {
    let type = GraphQLNamedType(
      name: "Float", kind: .scalar,
      description:
        "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point)."
    )
    type.coercion = ScalarCoercion(
      serialize: { value in
        if let number = exactCast(value, to: Double.self), number.isFinite {
          return .double(number)
        }
        let json = try JSONValue(any: value)
        var number: Double?
        switch json {
        case .bool(let flag): return .double(flag ? 1 : 0)
        case .int(let n): number = Double(n)
        case .double(let n): number = n
        case .string(let text) where !text.isEmpty: number = javaScriptNumber(text)
        default: number = nil
        }
        guard let number, number.isFinite else {
          throw GraphQLError(
            message: "Float cannot represent non numeric value: \(Inspect.json(json))")
        }
        return .double(number)
      },
      parseValue: { value in
        guard let number = value.doubleValue, number.isFinite else {
          throw GraphQLError(
            message: "Float cannot represent non numeric value: \(Inspect.json(value))")
        }
        return .double(number)
      },
      parseLiteral: { node, _ in
        switch node {
        case .int(let literal): return .double(Double(literal.value) ?? 0)
        case .float(let literal): return .double(Double(literal.value) ?? 0)
        default:
          throw GraphQLError(
            message: "Float cannot represent non numeric value: \(printValue(node))")
        }
      })
    return type
  }()

  /// `String`: UTF-8 text.
  /// See https://spec.graphql.org/September2025/#sec-String
  public static let string: GraphQLNamedType = {
    let type = GraphQLNamedType(
      name: "String", kind: .scalar,
      description:
        "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text."
    )
    type.coercion = ScalarCoercion(
      serialize: { value in
        if let text = exactCast(value, to: String.self) { return .string(text) }
        let json = try JSONValue(any: value)
        switch json {
        case .string: return json
        case .bool(let flag): return .string(flag ? "true" : "false")
        case .int(let n): return .string(String(n))
        case .double(let n) where n.isFinite: return .string(JSONValue.javaScriptNumber(n))
        default: throw GraphQLError(message: "String cannot represent value: \(Inspect.json(json))")
        }
      },
      parseValue: { value in
        guard case .string = value else {
          throw GraphQLError(
            message: "String cannot represent a non string value: \(Inspect.json(value))")
        }
        return value
      },
      parseLiteral: { node, _ in
        guard case .string(let literal) = node else {
          throw GraphQLError(
            message: "String cannot represent a non string value: \(printValue(node))")
        }
        return .string(literal.value)
      })
    // Its serializer returns a String as itself: lists of strings skip it.
    type.coercion.serializesStringsAsThemselves = true
    return type
  }()

  /// `Boolean`: `true` or `false`.
  /// See https://spec.graphql.org/September2025/#sec-Boolean
  public static let boolean: GraphQLNamedType = {
    let type = GraphQLNamedType(
      name: "Boolean", kind: .scalar,
      description: "The `Boolean` scalar type represents `true` or `false`.")
    type.coercion = ScalarCoercion(
      serialize: { value in
        if let flag = exactCast(value, to: Bool.self) { return .bool(flag) }
        let json = try JSONValue(any: value)
        switch json {
        case .bool: return json
        case .int(let n): return .bool(n != 0)
        case .double(let n) where n.isFinite: return .bool(n != 0)
        default:
          throw GraphQLError(
            message: "Boolean cannot represent a non boolean value: \(Inspect.json(json))")
        }
      },
      parseValue: { value in
        guard case .bool = value else {
          throw GraphQLError(
            message: "Boolean cannot represent a non boolean value: \(Inspect.json(value))")
        }
        return value
      },
      parseLiteral: { node, _ in
        guard case .boolean(let literal) = node else {
          throw GraphQLError(
            message: "Boolean cannot represent a non boolean value: \(printValue(node))")
        }
        return .bool(literal.value)
      })
    return type
  }()

  /// `ID`: a unique identifier, serialized as a string.
  /// See https://spec.graphql.org/September2025/#sec-ID
  public static let id: GraphQLNamedType = {
    let type = GraphQLNamedType(
      name: "ID", kind: .scalar,
      description:
        "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID."
    )
    type.coercion = ScalarCoercion(
      serialize: { value in
        if let text = exactCast(value, to: String.self) { return .string(text) }
        let json = try JSONValue(any: value)
        switch json {
        case .string: return json
        case .int(let n): return .string(String(n))
        case .double(let n) where n.rounded() == n && n.isFinite:
          return .string(JSONValue.javaScriptNumber(n))
        default: throw GraphQLError(message: "ID cannot represent value: \(Inspect.json(json))")
        }
      },
      parseValue: { value in
        switch value {
        case .string: return value
        case .int(let n): return .string(String(n))
        case .double(let n) where n.rounded() == n && n.isFinite:
          return .string(JSONValue.javaScriptNumber(n))
        default: throw GraphQLError(message: "ID cannot represent value: \(Inspect.json(value))")
        }
      },
      parseLiteral: { node, _ in
        switch node {
        case .string(let literal): return .string(literal.value)
        case .int(let literal): return .string(literal.value)
        default:
          throw GraphQLError(
            message: "ID cannot represent a non-string and non-integer value: \(printValue(node))")
        }
      })
    // Its serializer returns a String as itself: lists of strings skip it.
    type.coercion.serializesStringsAsThemselves = true
    return type
  }()

  /// The built-in scalars, in graphql-js's order.
  public static let specifiedScalars: [GraphQLNamedType] = [string, int, float, boolean, id]

  /// Whether this is one of the five built-in scalars.
  public var isSpecifiedScalar: Bool {
    GraphQLNamedType.specifiedScalars.contains { $0 === self }
  }
}

/// JavaScript's `Number(text)` for the strings a resolver may return: decimal numbers with
/// optional surrounding whitespace; `nil` where JavaScript gives NaN.
func javaScriptNumber(_ text: String) -> Double? {
  let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
  if trimmed.isEmpty { return 0 }
  return Double(trimmed)
}
