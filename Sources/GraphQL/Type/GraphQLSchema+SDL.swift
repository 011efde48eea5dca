extension GraphQLSchema {
  /// A schema from SDL, validated by the spec's type system rules.
  ///
  /// For example:
  /// ```swift
  /// let schema = try GraphQLSchema(
  ///   sdl: "scalar DateTime  type Query { now: DateTime }",
  ///   scalars: ["DateTime": .dateTime])
  /// ```
  ///
  /// - Parameters:
  ///   - sdl: the type system document.
  ///   - name: the source name shown in errors (a file name).
  ///   - scalars: coercion for custom scalars by name; others pass JSON through.
  /// - Throws: ``GraphQLError`` for a syntax error or an invalid schema.
  ///
  /// See https://spec.graphql.org/September2025/#sec-Type-System
  public convenience init(
    sdl: String, name: String = "schema.graphql", scalars: [String: ScalarCoercion] = [:]
  ) throws(GraphQLError) {
    let source = Source(sdl, name: name)
    let document = try parse(source, options: ParseOptions(maxTokens: nil))
    try self.init(document: document, source: source, scalars: scalars)
  }

  /// A schema from a parsed type system document; see ``init(sdl:name:scalars:)``.
  public convenience init(
    document: Document, source: Source, scalars: [String: ScalarCoercion] = [:]
  ) throws(GraphQLError) {
    var builder = SchemaBuilder(document: document, source: source, scalars: scalars)
    let parts = try builder.build()
    self.init(
      query: parts.query, mutation: parts.mutation, subscription: parts.subscription,
      types: parts.types, directives: parts.directives, description: parts.description)
    var validator = SchemaValidator(schema: self)
    let problems = validator.validate()
    if !problems.isEmpty {
      throw GraphQLError(message: problems.joined(separator: "\n\n"))
    }
  }
}
