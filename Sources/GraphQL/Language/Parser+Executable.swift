// The document and the executable grammar: operations, selections, fragments.
// See https://spec.graphql.org/September2025/#sec-Language.Document

extension Parser {
  /// `Document : Definition+`
  mutating func parseDocument() throws(GraphQLError) -> Document {
    let start = token
    let definitions = try many(
      .sof, { (parser: inout Parser) throws(GraphQLError) in try parser.parseDefinition() }, .eof)
    return Document(definitions: definitions, loc: loc(start))
  }

  /// ```
  /// Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
  /// ```
  ///
  /// Many definitions begin with a description and need one token of lookahead. As in the
  /// September 2025 edition, operations (but not the `{ }` shorthand) and fragments may have
  /// descriptions too; type system extensions may not.
  mutating func parseDefinition() throws(GraphQLError) -> Definition {
    if peek(.braceL) {
      return .operation(try parseOperationDefinition())
    }
    let hasDescription = peekDescription()
    let keyword = hasDescription ? try lexer.lookahead() : token
    if keyword.kind == .name, let value = keyword.value {
      switch value {
      case "schema": return .schema(try parseSchemaDefinition())
      case "scalar": return .type(.scalar(try parseScalarTypeDefinition()))
      case "type": return .type(.object(try parseObjectTypeDefinition()))
      case "interface": return .type(.interface(try parseInterfaceTypeDefinition()))
      case "union": return .type(.union(try parseUnionTypeDefinition()))
      case "enum": return .type(.enum(try parseEnumTypeDefinition()))
      case "input": return .type(.inputObject(try parseInputObjectTypeDefinition()))
      case "directive": return .directive(try parseDirectiveDefinition())
      case "query", "mutation", "subscription": return .operation(try parseOperationDefinition())
      case "fragment": return .fragment(try parseFragmentDefinition())
      case "extend":
        if hasDescription {
          throw lexer.syntaxError(
            at: token.start,
            "Unexpected description, descriptions are not supported on type extensions.")
        }
        return try parseTypeSystemExtension()
      default:
        break
      }
    }
    throw unexpected(keyword)
  }

  // MARK: - Operations

  /// ```
  /// OperationDefinition :
  ///   - Description? OperationType Name? VariablesDefinition? Directives? SelectionSet
  ///   - SelectionSet
  /// ```
  mutating func parseOperationDefinition() throws(GraphQLError) -> OperationDefinition {
    let start = token
    if peek(.braceL) {
      let selectionSet = try parseSelectionSet()
      return OperationDefinition(
        operation: .query, selectionSet: selectionSet, loc: loc(start))
    }
    let description = try parseDescription()
    let operation = try parseOperationType()
    let name = peek(.name) ? try parseName() : nil
    let variableDefinitions = try optionalMany(
      .parenL,
      { (parser: inout Parser) throws(GraphQLError) in try parser.parseVariableDefinition() },
      .parenR)
    let directives = try parseDirectives(isConst: false)
    let selectionSet = try parseSelectionSet()
    return OperationDefinition(
      description: description, operation: operation, name: name,
      variableDefinitions: variableDefinitions, directives: directives,
      selectionSet: selectionSet, loc: loc(start))
  }

  /// `OperationType : one of query mutation subscription`
  mutating func parseOperationType() throws(GraphQLError) -> OperationType {
    let token = try expectToken(.name)
    switch token.value {
    case "query": return .query
    case "mutation": return .mutation
    case "subscription": return .subscription
    default: throw unexpected(token)
    }
  }

  /// `VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?`
  mutating func parseVariableDefinition() throws(GraphQLError) -> VariableDefinition {
    let start = token
    let description = try parseDescription()
    let variable = try parseVariable()
    try expectToken(.colon)
    let type = try parseTypeReference()
    let defaultValue = try expectOptionalToken(.equals) ? try parseValueLiteral(isConst: true) : nil
    let directives = try parseDirectives(isConst: true)
    return VariableDefinition(
      description: description, variable: variable, type: type, defaultValue: defaultValue,
      directives: directives, loc: loc(start))
  }

  /// `Variable : $ Name`
  mutating func parseVariable() throws(GraphQLError) -> Variable {
    let start = token
    try expectToken(.dollar)
    let name = try parseName()
    return Variable(name: name, loc: loc(start))
  }

  // MARK: - Selections

  /// `SelectionSet : { Selection+ }`
  mutating func parseSelectionSet() throws(GraphQLError) -> SelectionSet {
    let start = token
    try enterNesting()
    try expectToken(.braceL)
    var selections: [Selection] = []
    repeat {
      selections.append(try parseSelection())
    } while try !expectOptionalToken(.braceR)
    leaveNesting()
    return SelectionSet(selections: selections, loc: loc(start))
  }

  /// `Selection : Field | FragmentSpread | InlineFragment`
  mutating func parseSelection() throws(GraphQLError) -> Selection {
    peek(.spread) ? try parseFragment() : .field(try parseField())
  }

  /// `Field : Alias? Name Arguments? Directives? SelectionSet?`
  mutating func parseField() throws(GraphQLError) -> Field {
    let start = token
    let nameOrAlias = try parseName()
    let alias: Name?
    let name: Name
    if try expectOptionalToken(.colon) {
      alias = nameOrAlias
      name = try parseName()
    } else {
      alias = nil
      name = nameOrAlias
    }
    let arguments = try parseArguments(isConst: false)
    let directives = try parseDirectives(isConst: false)
    let selectionSet = peek(.braceL) ? try parseSelectionSet() : nil
    return Field(
      alias: alias, name: name, arguments: arguments, directives: directives,
      selectionSet: selectionSet, loc: loc(start))
  }

  /// `Arguments[Const] : ( Argument[?Const]+ )`
  mutating func parseArguments(isConst: Bool) throws(GraphQLError) -> [Argument] {
    guard try expectOptionalToken(.parenL) else { return [] }
    var arguments: [Argument] = []
    repeat {
      arguments.append(try parseArgument(isConst: isConst))
    } while try !expectOptionalToken(.parenR)
    return arguments
  }

  /// `Argument[Const] : Name : Value[?Const]`
  mutating func parseArgument(isConst: Bool) throws(GraphQLError) -> Argument {
    let start = token
    let name = try parseName()
    try expectToken(.colon)
    let value = try parseValueLiteral(isConst: isConst)
    return Argument(name: name, value: value, loc: loc(start))
  }

  // MARK: - Fragments

  /// ```
  /// FragmentSpread : ... FragmentName Directives?
  /// InlineFragment : ... TypeCondition? Directives? SelectionSet
  /// ```
  mutating func parseFragment() throws(GraphQLError) -> Selection {
    let start = token
    try expectToken(.spread)
    let hasTypeCondition = try expectOptionalKeyword("on")
    if !hasTypeCondition && peek(.name) {
      let name = try parseFragmentName()
      let directives = try parseDirectives(isConst: false)
      return .fragmentSpread(FragmentSpread(name: name, directives: directives, loc: loc(start)))
    }
    let typeCondition = hasTypeCondition ? try parseNamedType() : nil
    let directives = try parseDirectives(isConst: false)
    let selectionSet = try parseSelectionSet()
    return .inlineFragment(
      InlineFragment(
        typeCondition: typeCondition, directives: directives, selectionSet: selectionSet,
        loc: loc(start)))
  }

  /// ```
  /// FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet
  /// TypeCondition : on NamedType
  /// ```
  mutating func parseFragmentDefinition() throws(GraphQLError) -> FragmentDefinition {
    let start = token
    let description = try parseDescription()
    try expectKeyword("fragment")
    let name = try parseFragmentName()
    try expectKeyword("on")
    let typeCondition = try parseNamedType()
    let directives = try parseDirectives(isConst: false)
    let selectionSet = try parseSelectionSet()
    return FragmentDefinition(
      description: description, name: name, typeCondition: typeCondition,
      directives: directives, selectionSet: selectionSet, loc: loc(start))
  }

  /// `FragmentName : Name but not on`
  mutating func parseFragmentName() throws(GraphQLError) -> Name {
    if token.value == "on" {
      throw unexpected()
    }
    return try parseName()
  }
}
