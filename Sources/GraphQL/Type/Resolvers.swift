/// Resolves a field for one parent value: `(source, arguments, context, info)`.
///
/// `source` is the parent value (for root fields, the root value given to ``execute``),
/// `arguments` holds the coerced arguments (defaults applied, enums as their names),
/// `context` is the per-request value given to ``execute``. It returns the field's value:
/// `nil` for null, a Swift value or ``JSONValue`` for leaves, a sequence for lists, any
/// value for objects. Throwing (or returning an `Error`) makes a field error.
///
/// See https://spec.graphql.org/September2025/#ResolveFieldValue()
public typealias FieldResolver =
  @Sendable (_ source: Any, _ arguments: JSONObject, _ context: Any, _ info: ResolveInfo) throws
  -> Any?

/// Resolves a field for all parent values of one list at once; returns one value per
/// parent, in order (an element that is an `Error` makes a field error for that parent).
/// Throwing fails the field for every parent.
public typealias BatchFieldResolver =
  @Sendable (_ sources: [Any], _ arguments: JSONObject, _ context: Any, _ info: ResolveInfo)
  throws -> [Any?]

/// Names the object type of a value of an interface or union type.
///
/// See https://spec.graphql.org/September2025/#ResolveAbstractType()
public typealias TypeResolver =
  @Sendable (_ value: Any, _ context: Any, _ info: ResolveInfo) throws -> String?

/// Whether a value belongs to an object type (used for abstract types without a resolver).
public typealias IsTypeOf =
  @Sendable (_ value: Any, _ context: Any, _ info: ResolveInfo) throws -> Bool
