/// A type reference as it appears on a field, argument or variable: a named type,
/// possibly wrapped in lists and non-null markers.
///
/// See https://spec.graphql.org/September2025/#sec-Wrapping-Types
public indirect enum GraphQLType: Sendable, CustomStringConvertible {
  case named(GraphQLNamedType)
  case list(GraphQLType)
  case nonNull(GraphQLType)

  /// The innermost named type.
  public var namedType: GraphQLNamedType {
    switch self {
    case .named(let type): return type
    case .list(let inner), .nonNull(let inner): return inner.namedType
    }
  }

  /// Whether this is a non-null type.
  public var isNonNull: Bool {
    if case .nonNull = self { return true }
    return false
  }

  /// The type without its outer non-null marker.
  public var nullable: GraphQLType {
    if case .nonNull(let inner) = self { return inner }
    return self
  }

  /// The type as written in GraphQL (`[String!]!`).
  public var description: String {
    switch self {
    case .named(let type): return type.name
    case .list(let inner): return "[\(inner)]"
    case .nonNull(let inner): return "\(inner)!"
    }
  }

  /// Whether values of this type may be used as inputs (variables, arguments).
  /// See https://spec.graphql.org/September2025/#IsInputType()
  public var isInputType: Bool { namedType.kind.isInput }

  /// Whether values of this type may be used as field outputs.
  /// See https://spec.graphql.org/September2025/#IsOutputType()
  public var isOutputType: Bool { namedType.kind.isOutput }

  /// Structural equality of two references (named types compare by identity).
  public func isEqual(to other: GraphQLType) -> Bool {
    switch (self, other) {
    case (.named(let a), .named(let b)): return a === b
    case (.list(let a), .list(let b)), (.nonNull(let a), .nonNull(let b)): return a.isEqual(to: b)
    default: return false
    }
  }
}
