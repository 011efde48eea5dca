/// A directive a schema declares: built-in (`@skip`, `@include`, `@deprecated`,
/// `@specifiedBy`, `@oneOf`) or defined in SDL.
///
/// See https://spec.graphql.org/September2025/#sec-Type-System.Directives
public struct GraphQLDirective: Sendable {
  /// The name, without `@`.
  public let name: String
  /// The description, if any.
  public var description: String?
  /// Where the directive may appear.
  public var locations: [DirectiveLocation]
  /// The directive's arguments, in definition order.
  public var arguments: [GraphQLInputValue]
  /// Whether it may appear more than once at one location.
  public var isRepeatable: Bool

  /// Creates a directive.
  public init(
    name: String, description: String? = nil, locations: [DirectiveLocation],
    arguments: [GraphQLInputValue] = [], isRepeatable: Bool = false
  ) {
    self.name = name
    self.description = description
    self.locations = locations
    self.arguments = arguments
    self.isRepeatable = isRepeatable
  }

  /// The argument named `name`, if any.
  public func argument(named name: String) -> GraphQLInputValue? {
    arguments.first { $0.name == name }
  }
}

extension GraphQLDirective {
  /// `@include(if: Boolean!)`: the spec's conditional inclusion.
  /// See https://spec.graphql.org/September2025/#sec--include
  public static let include = GraphQLDirective(
    name: "include",
    description:
      "Directs the executor to include this field or fragment only when the `if` argument is true.",
    locations: [.field, .fragmentSpread, .inlineFragment],
    arguments: [
      GraphQLInputValue(
        name: "if", type: .nonNull(.named(GraphQLNamedType.boolean)),
        description: "Included when true.")
    ])

  /// `@skip(if: Boolean!)`: the spec's conditional exclusion.
  /// See https://spec.graphql.org/September2025/#sec--skip
  public static let skip = GraphQLDirective(
    name: "skip",
    description:
      "Directs the executor to skip this field or fragment when the `if` argument is true.",
    locations: [.field, .fragmentSpread, .inlineFragment],
    arguments: [
      GraphQLInputValue(
        name: "if", type: .nonNull(.named(GraphQLNamedType.boolean)),
        description: "Skipped when true.")
    ])

  /// The reason `@deprecated` gives when none is written.
  public static let defaultDeprecationReason = "No longer supported"

  /// `@deprecated(reason: String = "No longer supported")`.
  /// See https://spec.graphql.org/September2025/#sec--deprecated
  public static let deprecated = GraphQLDirective(
    name: "deprecated",
    description: "Marks an element of a GraphQL schema as no longer supported.",
    locations: [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue],
    arguments: [
      GraphQLInputValue(
        name: "reason", type: .named(GraphQLNamedType.string),
        defaultValue: .string(defaultDeprecationReason),
        description:
          "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/)."
      )
    ])

  /// `@specifiedBy(url: String!)`.
  /// See https://spec.graphql.org/September2025/#sec--specifiedBy
  public static let specifiedBy = GraphQLDirective(
    name: "specifiedBy",
    description: "Exposes a URL that specifies the behavior of this scalar.",
    locations: [.scalar],
    arguments: [
      GraphQLInputValue(
        name: "url", type: .nonNull(.named(GraphQLNamedType.string)),
        description: "The URL that specifies the behavior of this scalar.")
    ])

  /// `@oneOf`: an input object whose values must set exactly one field.
  /// See https://spec.graphql.org/September2025/#sec--oneOf
  public static let oneOf = GraphQLDirective(
    name: "oneOf",
    description: "Indicates an Input Object is a OneOf Input Object.",
    locations: [.inputObject])

  /// The directives every schema has, in graphql-js's order.
  public static let specified: [GraphQLDirective] = [include, skip, deprecated, specifiedBy, oneOf]
}
