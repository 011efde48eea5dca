import GraphQL

extension GraphQLError {
  /// The one error for an id the request's account does not have (`extensions.code`
  /// `NOT_FOUND`): unknown ids and another account's ids read the same, so an account
  /// cannot probe another's.
  static func notFound(_ subject: String, _ detail: String) -> GraphQLError {
    GraphQLError(
      message: "\(subject) not found: \(detail).", extensions: ["code": .string("NOT_FOUND")])
  }
}
