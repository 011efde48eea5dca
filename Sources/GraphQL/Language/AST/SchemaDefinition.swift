/// A schema definition: `schema @directives { query: Query ... }`.
///
/// See https://spec.graphql.org/September2025/#sec-Schema
public struct SchemaDefinition: Node {
  /// The schema's description.
  public var description: StringValue?
  /// Constant directives.
  public var directives: [Directive]
  /// The root operation types.
  public var operationTypes: [OperationTypeDefinition]
  public var loc: Location

  /// A schema definition node.
  public init(
    description: StringValue? = nil, directives: [Directive] = [],
    operationTypes: [OperationTypeDefinition], loc: Location = .none
  ) {
    self.description = description
    self.directives = directives
    self.operationTypes = operationTypes
    self.loc = loc
  }
}

/// A root operation type: `query: Query`.
///
/// See https://spec.graphql.org/September2025/#RootOperationTypeDefinition
public struct OperationTypeDefinition: Node {
  /// Which operation.
  public var operation: OperationType
  /// The root type for it.
  public var type: NamedType
  public var loc: Location

  /// An operation type definition node.
  public init(operation: OperationType, type: NamedType, loc: Location = .none) {
    self.operation = operation
    self.type = type
    self.loc = loc
  }
}

/// A schema extension: `extend schema @directives { mutation: Mutation }`.
///
/// See https://spec.graphql.org/September2025/#sec-Schema-Extension
public struct SchemaExtension: Node {
  /// Added constant directives.
  public var directives: [Directive]
  /// Added root operation types.
  public var operationTypes: [OperationTypeDefinition]
  public var loc: Location

  /// A schema extension node.
  public init(
    directives: [Directive] = [], operationTypes: [OperationTypeDefinition] = [],
    loc: Location = .none
  ) {
    self.directives = directives
    self.operationTypes = operationTypes
    self.loc = loc
  }
}
