/// A GraphQL document: executable definitions, type system definitions and extensions.
///
/// See https://spec.graphql.org/September2025/#sec-Document
public struct Document: Node {
  /// The definitions in source order.
  public var definitions: [Definition]
  public var loc: Location

  /// A document node.
  public init(definitions: [Definition], loc: Location = .none) {
    self.definitions = definitions
    self.loc = loc
  }
}

/// One top-level definition of a ``Document``.
///
/// See https://spec.graphql.org/September2025/#Definition
public enum Definition: Node {
  /// `query`/`mutation`/`subscription` or a `{ ... }` shorthand query.
  case operation(OperationDefinition)
  /// `fragment Name on Type { ... }`
  case fragment(FragmentDefinition)
  /// `schema { ... }`
  case schema(SchemaDefinition)
  /// `scalar`, `type`, `interface`, `union`, `enum` or `input`.
  case type(TypeDefinition)
  /// `directive @name on ...`
  case directive(DirectiveDefinition)
  /// `extend schema ...`
  case schemaExtension(SchemaExtension)
  /// `extend scalar|type|interface|union|enum|input ...`
  case typeExtension(TypeExtension)

  public var loc: Location {
    switch self {
    case .operation(let node): node.loc
    case .fragment(let node): node.loc
    case .schema(let node): node.loc
    case .type(let node): node.loc
    case .directive(let node): node.loc
    case .schemaExtension(let node): node.loc
    case .typeExtension(let node): node.loc
    }
  }

  /// Whether the definition may appear in an executable document (operation or fragment).
  ///
  /// See https://spec.graphql.org/September2025/#ExecutableDefinition
  public var isExecutable: Bool {
    switch self {
    case .operation, .fragment: true
    default: false
    }
  }
}
