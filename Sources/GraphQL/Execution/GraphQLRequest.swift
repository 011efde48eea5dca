/// Answers one GraphQL request from its text: parse (with the token limit), validate,
/// check the ``QueryLimits``, then execute. Every failure before execution is a response
/// with `errors` and no `data`, as the spec's request errors are.
///
/// For example:
/// ```swift
/// let result = graphql(schema: schema, request: "{ hello }")
/// print(result.serialized())  // {"data":{"hello":"world"}}
/// ```
///
/// See https://spec.graphql.org/September2025/#sec-Executing-Requests
public func graphql(
  schema: GraphQLSchema, request: String, variables: JSONObject = JSONObject(),
  operationName: String? = nil, rootValue: Any = (), context: Any = (),
  limits: QueryLimits = QueryLimits()
) -> ExecutionResult {
  let source = Source(request)
  let document: Document
  do {
    document = try parse(source, options: ParseOptions(maxTokens: limits.maxTokens))
  } catch {
    return ExecutionResult(data: nil, errors: [error])
  }
  let errors = validate(schema: schema, document: document, source: source)
  if !errors.isEmpty { return ExecutionResult(data: nil, errors: errors) }
  let limitErrors = limits.check(
    schema: schema, document: document, source: source, operationName: operationName,
    variables: variables)
  if !limitErrors.isEmpty { return ExecutionResult(data: nil, errors: limitErrors) }
  return execute(
    schema: schema, document: document, source: source, operationName: operationName,
    variables: variables, rootValue: rootValue, context: context)
}
