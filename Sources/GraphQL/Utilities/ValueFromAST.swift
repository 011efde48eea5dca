/// Values of literals in a document: typed (graphql-js's `valueFromAST`, which answers
/// `nil` for an invalid literal) and untyped (`valueFromASTUntyped`, for custom scalars).
///
/// See https://spec.graphql.org/September2025/#sec-Input-Values and
/// https://spec.graphql.org/September2025/#sec-Coercing-Field-Arguments
enum ValueFromAST {
  /// The JSON value a literal denotes, with no type to guide it; variables are looked up
  /// in `variables` (a missing one is null).
  static func untyped(_ node: Value, variables: JSONObject?) -> JSONValue {
    switch node {
    case .null: return .null
    case .int(let literal):
      if let number = Int(literal.value) { return .int(number) }
      return .double(Double(literal.value) ?? 0)
    case .float(let literal): return .double(Double(literal.value) ?? 0)
    case .string(let literal): return .string(literal.value)
    case .enum(let literal): return .string(literal.value)
    case .boolean(let literal): return .bool(literal.value)
    case .list(let literal): return .list(literal.values.map { untyped($0, variables: variables) })
    case .object(let literal):
      var object = JSONObject(capacity: literal.fields.count)
      for field in literal.fields {
        object[field.name.value] = untyped(field.value, variables: variables)
      }
      return .object(object)
    case .variable(let variable):
      return variables?[variable.name.value] ?? .null
    }
  }

  /// The coerced value of a literal of `type`, or `nil` when the literal is invalid for it.
  /// `variables` are the operation's coerced variable values.
  static func typed(_ node: Value, type: GraphQLType, variables: JSONObject?) -> JSONValue? {
    if case .variable(let variable) = node {
      guard let value = variables?[variable.name.value] else { return nil }
      if value.isNull && type.isNonNull { return nil }
      return value
    }
    switch type {
    case .nonNull(let inner):
      if case .null = node { return nil }
      return typed(node, type: inner, variables: variables)
    case .list(let itemType):
      if case .null = node { return .null }
      guard case .list(let literal) = node else {
        guard let single = typed(node, type: itemType, variables: variables) else { return nil }
        return .list([single])
      }
      var values: [JSONValue] = []
      values.reserveCapacity(literal.values.count)
      for item in literal.values {
        if isMissingVariable(item, variables: variables) {
          if itemType.isNonNull { return nil }
          values.append(.null)
        } else {
          guard let value = typed(item, type: itemType, variables: variables) else { return nil }
          values.append(value)
        }
      }
      return .list(values)
    case .named(let named):
      if case .null = node { return .null }
      switch named.kind {
      case .inputObject:
        guard case .object(let literal) = node else { return nil }
        var object = JSONObject(capacity: named.inputFields.count)
        for field in named.inputFields.values {
          let fieldNode = literal.fields.first { $0.name.value == field.name }
          guard let fieldNode, !isMissingVariable(fieldNode.value, variables: variables) else {
            if let defaultValue = field.defaultValue {
              object.append(field.name, defaultValue)
            } else if field.type.isNonNull {
              return nil
            }
            continue
          }
          guard let value = typed(fieldNode.value, type: field.type, variables: variables) else {
            return nil
          }
          object.append(field.name, value)
        }
        if named.isOneOf {
          guard object.count == 1, let only = object.values.first, !only.isNull else { return nil }
        }
        return .object(object)
      case .enum:
        guard case .enum(let literal) = node, named.enumValue(named: literal.value) != nil else {
          return nil
        }
        return .string(literal.value)
      case .scalar:
        return try? named.coercion.parseLiteral(node, variables)
      case .object, .interface, .union:
        return nil
      }
    }
  }

  /// Whether `node` is a variable with no runtime value.
  static func isMissingVariable(_ node: Value, variables: JSONObject?) -> Bool {
    guard case .variable(let variable) = node else { return false }
    return variables?[variable.name.value] == nil
  }
}
