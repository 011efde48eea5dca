/// A value that can answer a field by name, for the default resolver.
///
/// Conforming a Swift row type lets a schema run without one closure per field; a
/// `switch` on the name is faster than reflection and needs no casts.
public protocol GraphQLFieldReadable {
  /// The value of the field `name`, or `nil` for null.
  func graphQLField(_ name: String) -> Any?
}

/// A value that names its own GraphQL object type, for interfaces and unions without a
/// ``GraphQLNamedType/resolveType`` hook.
public protocol GraphQLTypeNamed {
  /// The name of the object type this value belongs to.
  var graphQLTypeName: String { get }
}
