/// Coercion of variable values and field arguments, with graphql-js's error messages.
///
/// See https://spec.graphql.org/September2025/#sec-Coercing-Variable-Values and
/// https://spec.graphql.org/September2025/#sec-Coercing-Field-Arguments
/// The outcome of coercing an operation's variables.
enum VariableCoercion {
  case success(JSONObject)
  case failure([GraphQLError])
}

enum Values {
  /// The most variable errors reported before giving up (graphql-js's `maxErrors`).
  static let maxVariableErrors = 50

  /// Coerces the request's variables for an operation's variable definitions.
  ///
  /// - Returns: the coerced values, or the errors (each located at its definition).
  static func coerceVariableValues(
    schema: GraphQLSchema, definitions: [VariableDefinition], inputs: JSONObject, source: Source
  ) -> VariableCoercion {
    var errors: [GraphQLError] = []
    var coerced = JSONObject(capacity: definitions.count)
    for definition in definitions {
      if errors.count >= maxVariableErrors {
        errors.append(
          GraphQLError(
            message: "Too many errors processing variables, error limit reached. Execution aborted."
          ))
        return .failure(errors)
      }
      let name = definition.variable.name.value
      guard let type = typeFromAST(schema: schema, definition.type), type.isInputType else {
        errors.append(
          GraphQLError(
            message:
              "Variable \"$\(name)\" expected value of type \"\(printTypeReference(definition.type))\" which cannot be used as an input type.",
            nodes: [definition.type], source: source))
        continue
      }
      guard let value = inputs[name] else {
        if let defaultValue = definition.defaultValue {
          if let value = ValueFromAST.typed(defaultValue, type: type, variables: nil) {
            coerced.append(name, value)
          }
        } else if type.isNonNull {
          errors.append(
            GraphQLError(
              message: "Variable \"$\(name)\" of required type \"\(type)\" was not provided.",
              nodes: [definition], source: source))
        }
        continue
      }
      if value.isNull && type.isNonNull {
        errors.append(
          GraphQLError(
            message: "Variable \"$\(name)\" of non-null type \"\(type)\" must not be null.",
            nodes: [definition], source: source))
        continue
      }
      var path: [GraphQLError.PathComponent] = []
      let result = coerceInputValue(value, type: type, path: &path) { path, invalid, message in
        var prefix = "Variable \"$\(name)\" got invalid value \(Inspect.json(invalid))"
        if !path.isEmpty { prefix += " at \"\(name)\(printPath(path))\"" }
        errors.append(
          GraphQLError(message: prefix + "; " + message, nodes: [definition], source: source))
      }
      if let result { coerced.append(name, result) }
    }
    return errors.isEmpty ? .success(coerced) : .failure(errors)
  }

  /// Coerces an external JSON value to `type` (graphql-js's `coerceInputValue`), calling
  /// `onError(path, invalidValue, message)` for each problem.
  static func coerceInputValue(
    _ value: JSONValue, type: GraphQLType, path: inout [GraphQLError.PathComponent],
    onError: (_ path: [GraphQLError.PathComponent], _ value: JSONValue, _ message: String) -> Void
  ) -> JSONValue? {
    switch type {
    case .nonNull(let inner):
      if !value.isNull {
        return coerceInputValue(value, type: inner, path: &path, onError: onError)
      }
      onError(path, value, "Expected non-nullable type \"\(type)\" not to be null.")
      return nil
    case .list(let itemType):
      if value.isNull { return .null }
      if case .list(let elements) = value {
        var result: [JSONValue] = []
        result.reserveCapacity(elements.count)
        var valid = true
        for (index, element) in elements.enumerated() {
          path.append(.index(index))
          if let item = coerceInputValue(element, type: itemType, path: &path, onError: onError) {
            result.append(item)
          } else {
            valid = false
          }
          path.removeLast()
        }
        return valid ? .list(result) : nil
      }
      guard let single = coerceInputValue(value, type: itemType, path: &path, onError: onError)
      else {
        return nil
      }
      return .list([single])
    case .named(let named):
      if value.isNull { return .null }
      switch named.kind {
      case .inputObject:
        guard case .object(let object) = value else {
          onError(path, value, "Expected type \"\(named.name)\" to be an object.")
          return nil
        }
        var result = JSONObject(capacity: named.inputFields.count)
        var valid = true
        for field in named.inputFields.values {
          guard let fieldValue = object[field.name] else {
            if let defaultValue = field.defaultValue {
              result.append(field.name, defaultValue)
            } else if field.type.isNonNull {
              onError(
                path, value,
                "Field \"\(field.name)\" of required type \"\(field.type)\" was not provided.")
              valid = false
            }
            continue
          }
          path.append(.key(field.name))
          if let coerced = coerceInputValue(
            fieldValue, type: field.type, path: &path, onError: onError)
          {
            result.append(field.name, coerced)
          } else {
            valid = false
          }
          path.removeLast()
        }
        for key in object.keys where named.inputFields[key] == nil {
          let suggestions = SuggestionList.suggestions(for: key, options: named.inputFields.keys)
          onError(
            path, value,
            "Field \"\(key)\" is not defined by type \"\(named.name)\"."
              + SuggestionList.didYouMean(suggestions))
          valid = false
        }
        if named.isOneOf && valid {
          if result.count != 1 {
            onError(
              path, value, "Exactly one key must be specified for OneOf type \"\(named.name)\".")
            valid = false
          } else if let key = result.keys.first, result.values.first?.isNull == true {
            onError(path + [.key(key)], .null, "Field \"\(key)\" must be non-null.")
            valid = false
          }
        }
        return valid ? .object(result) : nil
      case .enum:
        guard case .string(let name) = value else {
          onError(
            path, value,
            "Enum \"\(named.name)\" cannot represent non-string value: \(Inspect.json(value))."
              + enumSuggestions(named, Inspect.json(value)))
          return nil
        }
        guard named.enumValue(named: name) != nil else {
          onError(
            path, value,
            "Value \"\(name)\" does not exist in \"\(named.name)\" enum."
              + enumSuggestions(named, name))
          return nil
        }
        return value
      case .scalar:
        do {
          return try named.coercion.parseValue(value)
        } catch let error as GraphQLError {
          onError(path, value, error.message)
          return nil
        } catch {
          onError(path, value, "Expected type \"\(named.name)\". \(error)")
          return nil
        }
      case .object, .interface, .union:
        onError(path, value, "Expected type \"\(named.name)\" to be an input type.")
        return nil
      }
    }
  }

  static func enumSuggestions(_ type: GraphQLNamedType, _ input: String) -> String {
    let suggestions = SuggestionList.suggestions(for: input, options: type.enumValues.map(\.name))
    return SuggestionList.didYouMean(suggestions, subMessage: "the enum value")
  }

  /// graphql-js's `printPathArray`: `.a[0].b`.
  static func printPath(_ path: [GraphQLError.PathComponent]) -> String {
    path.map {
      switch $0 {
      case .key(let key): return "." + key
      case .index(let index): return "[\(index)]"
      }
    }.joined()
  }

  /// The coerced arguments of a field or directive occurrence.
  ///
  /// - Throws: ``GraphQLError`` located at the node for a missing or invalid argument.
  static func argumentValues(
    definitions: [GraphQLInputValue], arguments: [Argument], node: any Node,
    variables: JSONObject, source: Source
  ) throws -> JSONObject {
    var coerced = JSONObject(capacity: definitions.count)
    for definition in definitions {
      let name = definition.name
      guard let argument = arguments.first(where: { $0.name.value == name }) else {
        if let defaultValue = definition.defaultValue {
          coerced.append(name, defaultValue)
        } else if definition.type.isNonNull {
          throw GraphQLError(
            message:
              "Argument \"\(name)\" of required type \"\(definition.type)\" was not provided.",
            nodes: [node], source: source)
        }
        continue
      }
      var isNull = false
      if case .null = argument.value { isNull = true }
      if case .variable(let variable) = argument.value {
        let variableName = variable.name.value
        guard let value = variables[variableName] else {
          if let defaultValue = definition.defaultValue {
            coerced.append(name, defaultValue)
          } else if definition.type.isNonNull {
            throw GraphQLError(
              message:
                "Argument \"\(name)\" of required type \"\(definition.type)\" was provided the variable \"$\(variableName)\" which was not provided a runtime value.",
              nodes: [argument.value], source: source)
          }
          continue
        }
        isNull = value.isNull
      }
      if isNull && definition.type.isNonNull {
        throw GraphQLError(
          message: "Argument \"\(name)\" of non-null type \"\(definition.type)\" must not be null.",
          nodes: [argument.value], source: source)
      }
      guard
        let value = ValueFromAST.typed(argument.value, type: definition.type, variables: variables)
      else {
        throw GraphQLError(
          message: "Argument \"\(name)\" has invalid value \(printValue(argument.value)).",
          nodes: [argument.value], source: source)
      }
      coerced.append(name, value)
    }
    return coerced
  }
}

/// The schema type a type reference names, or `nil` if a named type is unknown.
func typeFromAST(schema: GraphQLSchema, _ reference: TypeReference) -> GraphQLType? {
  switch reference {
  case .named(let named):
    return schema.type(named: named.name.value).map { .named($0) }
  case .list(let list):
    return typeFromAST(schema: schema, list.type).map { .list($0) }
  case .nonNull(let nonNull):
    return typeFromAST(schema: schema, nonNull.type).map { .nonNull($0) }
  }
}

/// A type reference as written (`[Int!]`).
func printTypeReference(_ reference: TypeReference) -> String {
  switch reference {
  case .named(let named): return named.name.value
  case .list(let list): return "[" + printTypeReference(list.type) + "]"
  case .nonNull(let nonNull): return printTypeReference(nonNull.type) + "!"
  }
}
