/// What a resolver knows about the field it resolves, as graphql-js's `GraphQLResolveInfo`.
///
/// One value is shared by every parent of a list that resolves the same field, so it
/// carries no response path; errors get their path from the executor.
///
/// See https://spec.graphql.org/September2025/#sec-Executing-Fields
public struct ResolveInfo: @unchecked Sendable {
  /// The field's name (not its alias).
  public let fieldName: String
  /// Every field node of the document merged into this response key.
  public let fieldNodes: [Field]
  /// The field's declared type.
  public let returnType: GraphQLType
  /// The object type the field belongs to.
  public let parentType: GraphQLNamedType
  /// The schema being executed.
  public let schema: GraphQLSchema
  /// The operation's fragments by name.
  public let fragments: [String: FragmentDefinition]
  /// The root value given to ``execute``.
  public let rootValue: Any
  /// The operation being executed.
  public let operation: OperationDefinition
  /// The operation's coerced variable values.
  public let variableValues: JSONObject
  /// The execution's cast parents of typed batch resolvers (``BatchParents``).
  @usableFromInline let batchParents: BatchParents
}
