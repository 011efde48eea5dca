/// Binding resolvers to a schema built from SDL, by type and field name.
///
/// Bind everything before the schema starts answering requests; binding is not
/// synchronized with execution.
///
/// For example:
/// ```swift
/// try schema.setResolver("Query", "models", as: Void.self) { _, arguments, context, _ in
///   try (context as? Store)?.models(jobId: arguments["jobId"]?.intValue ?? 0)
/// }
/// // One call for all models of a list: returns one array of parents per model.
/// try schema.setBatchResolver("ModelNode", "parentsModels", as: ModelRow.self) { models, _, context, _ in
///   try (context as? Store)?.parents(of: models) ?? []
/// }
/// ```
///
/// See https://spec.graphql.org/September2025/#sec-Value-Resolution
extension GraphQLSchema {
  /// The field `typeName.fieldName`, or an error naming what is missing.
  public func field(_ typeName: String, _ fieldName: String) throws(GraphQLError) -> GraphQLField {
    guard let type = type(named: typeName) else {
      throw GraphQLError(message: "Cannot bind a resolver: the schema has no type \"\(typeName)\".")
    }
    guard let field = type.fields[fieldName] else {
      throw GraphQLError(
        message: "Cannot bind a resolver: type \"\(typeName)\" has no field \"\(fieldName)\".")
    }
    return field
  }

  /// Binds a resolver called once per parent value.
  public func setResolver(
    _ typeName: String, _ fieldName: String, _ resolve: @escaping FieldResolver
  )
    throws(GraphQLError)
  {
    try field(typeName, fieldName).resolve = resolve
  }

  /// Binds a resolver called once per list of parent values (see ``BatchFieldResolver``).
  public func setBatchResolver(
    _ typeName: String, _ fieldName: String, _ resolve: @escaping BatchFieldResolver
  ) throws(GraphQLError) {
    try field(typeName, fieldName).batchResolve = resolve
  }

  /// Binds a resolver whose parent values are of one Swift type; another type is a field
  /// error naming both.
  ///
  /// Inlinable so that the cast to `Parent` is compiled for the caller's concrete type
  /// rather than looked up at run time for each value.
  @inlinable
  public func setResolver<Parent>(
    _ typeName: String, _ fieldName: String, as _: Parent.Type,
    _ resolve: @escaping @Sendable (Parent, JSONObject, Any, ResolveInfo) throws -> Any?
  ) throws(GraphQLError) {
    try setResolver(typeName, fieldName) { source, arguments, context, info in
      guard let parent = exactCast(source, to: Parent.self) else {
        throw GraphQLError(
          message:
            "Resolver for \(typeName).\(fieldName) expected a \(Parent.self) parent, got \(Swift.type(of: source))."
        )
      }
      return try resolve(parent, arguments, context, info)
    }
  }

  /// Binds a batch resolver whose parent values are of one Swift type (inlinable, as
  /// ``setResolver(_:_:as:_:)``).
  @inlinable
  public func setBatchResolver<Parent>(
    _ typeName: String, _ fieldName: String, as _: Parent.Type,
    _ resolve: @escaping @Sendable ([Parent], JSONObject, Any, ResolveInfo) throws -> [Any?]
  ) throws(GraphQLError) {
    try setBatchResolver(typeName, fieldName) { sources, arguments, context, info in
      // The same sources' parents when the previous field of these objects cast them.
      if let parents = info.batchParents.parents(of: sources, as: Parent.self) {
        return try resolve(parents, arguments, context, info)
      }
      var parents: [Parent] = []
      parents.reserveCapacity(sources.count)
      for source in sources {
        guard let parent = exactCast(source, to: Parent.self) else {
          throw GraphQLError(
            message:
              "Resolver for \(typeName).\(fieldName) expected \(Parent.self) parents, got \(Swift.type(of: source))."
          )
        }
        parents.append(parent)
      }
      info.batchParents.keep(parents, of: sources)
      return try resolve(parents, arguments, context, info)
    }
  }

  /// Binds the function naming the object type of an interface's or union's values.
  public func setTypeResolver(_ typeName: String, _ resolve: @escaping TypeResolver)
    throws(GraphQLError)
  {
    guard let type = type(named: typeName), type.kind.isAbstract else {
      throw GraphQLError(
        message:
          "Cannot bind a type resolver: \"\(typeName)\" is not an interface or union of the schema."
      )
    }
    type.resolveType = resolve
  }

  /// Binds the test telling whether a value belongs to an object type.
  public func setIsTypeOf(_ typeName: String, _ isTypeOf: @escaping IsTypeOf) throws(GraphQLError) {
    guard let type = type(named: typeName), type.kind == .object else {
      throw GraphQLError(
        message: "Cannot bind isTypeOf: \"\(typeName)\" is not an object type of the schema.")
    }
    type.isTypeOf = isTypeOf
  }
}
