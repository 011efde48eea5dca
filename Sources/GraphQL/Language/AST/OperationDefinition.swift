/// An operation: `query Name($var: Type) @dir { ... }`, or the `{ ... }` shorthand.
///
/// See https://spec.graphql.org/September2025/#sec-Language.Operations
public struct OperationDefinition: Node {
  /// A description (September 2025 edition: descriptions on executable definitions).
  public var description: StringValue?
  /// `query`, `mutation` or `subscription` (`query` for the shorthand).
  public var operation: OperationType
  /// The operation's name, if any.
  public var name: Name?
  /// `($a: Int = 1, ...)`.
  public var variableDefinitions: [VariableDefinition]
  /// Directives on the operation.
  public var directives: [Directive]
  /// The top-level selections.
  public var selectionSet: SelectionSet
  public var loc: Location

  /// An operation node.
  public init(
    description: StringValue? = nil, operation: OperationType, name: Name? = nil,
    variableDefinitions: [VariableDefinition] = [], directives: [Directive] = [],
    selectionSet: SelectionSet, loc: Location = .none
  ) {
    self.description = description
    self.operation = operation
    self.name = name
    self.variableDefinitions = variableDefinitions
    self.directives = directives
    self.selectionSet = selectionSet
    self.loc = loc
  }
}

/// The three operation types.
///
/// See https://spec.graphql.org/September2025/#OperationType
public enum OperationType: String, Sendable, Hashable, CaseIterable {
  /// A read-only fetch.
  case query
  /// A write followed by a fetch.
  case mutation
  /// A long-lived request that fetches data in response to events.
  case subscription
}

/// A variable definition: `$name: Type = default @directive`.
///
/// See https://spec.graphql.org/September2025/#VariableDefinition
public struct VariableDefinition: Node {
  /// A description (September 2025 edition).
  public var description: StringValue?
  /// The variable.
  public var variable: Variable
  /// Its declared type.
  public var type: TypeReference
  /// A constant default value.
  public var defaultValue: Value?
  /// Constant directives.
  public var directives: [Directive]
  public var loc: Location

  /// A variable definition node.
  public init(
    description: StringValue? = nil, variable: Variable, type: TypeReference,
    defaultValue: Value? = nil, directives: [Directive] = [], loc: Location = .none
  ) {
    self.description = description
    self.variable = variable
    self.type = type
    self.defaultValue = defaultValue
    self.directives = directives
    self.loc = loc
  }
}

/// A variable reference: `$name`.
///
/// See https://spec.graphql.org/September2025/#Variable
public struct Variable: Node {
  /// The name without `$`.
  public var name: Name
  public var loc: Location

  /// A variable node.
  public init(name: Name, loc: Location = .none) {
    self.name = name
    self.loc = loc
  }
}
