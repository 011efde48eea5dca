// The document and the executable grammar: operations, selections, fragments.
// See https://spec.graphql.org/September2025/#sec-Language.Document
//
// The recursive productions (selection sets, fields, inline fragments) keep their frames
// small: they hold a start offset rather than tokens, and build everything that is not on
// the recursion path in helpers whose frames are gone before the recursion happens. In a
// debug build that is what lets `ParseOptions.maxDepth` levels fit on a small stack.

extension Parser {
  /// `Document : Definition+`
  mutating func parseDocument() throws -> Document {
    let start = lexer.token.start
    try expect(.sof)
    var definitions: [Definition] = []
    repeat {
      definitions.append(try parseDefinition())
    } while try !expectOptionalToken(.eof)
    return Document(definitions: definitions, loc: loc(start))
  }

  /// ```
  /// Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
  /// ```
  ///
  /// Many definitions begin with a description and need one token of lookahead. As in the
  /// September 2025 edition, operations (but not the `{ }` shorthand) and fragments may have
  /// descriptions too; type system extensions may not.
  mutating func parseDefinition() throws -> Definition {
    if lexer.token.kind == .braceL {
      return .operation(try parseOperationDefinition())
    }
    let hasDescription = peekDescription()
    let keyword = hasDescription ? try lexer.lookahead() : lexer.token
    if keyword.kind == .name {
      switch lexer.text(keyword) {
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
            at: lexer.token.start,
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
  mutating func parseOperationDefinition() throws -> OperationDefinition {
    let start = lexer.token.start
    if lexer.token.kind == .braceL {
      let selectionSet = try parseSelectionSet()
      return OperationDefinition(operation: .query, selectionSet: selectionSet, loc: loc(start))
    }
    let description = try parseDescription()
    let operation = try parseOperationType()
    let name = lexer.token.kind == .name ? try parseName() : nil
    let variableDefinitions = try optionalMany(
      .parenL, { (parser: inout Parser) throws in try parser.parseVariableDefinition() }, .parenR)
    let directives = try parseDirectives(isConst: false)
    let selectionSet = try parseSelectionSet()
    return OperationDefinition(
      description: description, operation: operation, name: name,
      variableDefinitions: variableDefinitions, directives: directives,
      selectionSet: selectionSet, loc: loc(start))
  }

  /// `OperationType : one of query mutation subscription`
  mutating func parseOperationType() throws -> OperationType {
    let token = try expectToken(.name)
    switch lexer.text(token) {
    case "query": return .query
    case "mutation": return .mutation
    case "subscription": return .subscription
    default: throw unexpected(token)
    }
  }

  /// `VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?`
  mutating func parseVariableDefinition() throws -> VariableDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    let variable = try parseVariable()
    try expect(.colon)
    let type = try parseTypeReference()
    let defaultValue = try expectOptionalToken(.equals) ? try parseValueLiteral(isConst: true) : nil
    let directives = try parseDirectives(isConst: true)
    return VariableDefinition(
      description: description, variable: variable, type: type, defaultValue: defaultValue,
      directives: directives, loc: loc(start))
  }

  /// `Variable : $ Name`
  mutating func parseVariable() throws -> Variable {
    let start = lexer.token.start
    try expect(.dollar)
    let name = try parseName()
    return Variable(name: name, loc: loc(start))
  }

  // MARK: - Selections

  /// ```
  /// SelectionSet : { Selection+ }
  /// Selection : Field | FragmentSpread | InlineFragment
  /// ```
  mutating func parseSelectionSet() throws -> SelectionSet {
    let start = lexer.token.start
    try enterNesting()
    try expect(.braceL)
    var selections: [Selection] = []
    selections.reserveCapacity(8)
    repeat {
      if lexer.token.kind == .spread {
        selections.append(try parseFragment())
      } else {
        selections.append(.field(try parseField()))
      }
    } while try !expectOptionalToken(.braceR)
    leaveNesting()
    return SelectionSet(selections: selections, loc: loc(start))
  }

  /// `Field : Alias? Name Arguments? Directives? SelectionSet?`
  ///
  /// The head is parsed by a helper (its frame is gone before the selection set recurses) and
  /// the node is built once at the end, so release builds move its parts instead of copying.
  mutating func parseField() throws -> Field {
    let start = lexer.token.start
    let head = try parseFieldHead()
    let selectionSet = lexer.token.kind == .braceL ? try parseSelectionSet() : nil
    return Field(
      alias: head.alias, name: head.name, arguments: head.arguments,
      directives: head.directives, selectionSet: selectionSet, loc: loc(start))
  }

  /// A field up to its selection set: `Alias? Name Arguments? Directives?`.
  mutating func parseFieldHead() throws -> (
    alias: Name?, name: Name, arguments: [Argument], directives: [Directive]
  ) {
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
    return (alias, name, arguments, directives)
  }

  /// `Arguments[Const] : ( Argument[?Const]+ )`
  mutating func parseArguments(isConst: Bool) throws -> [Argument] {
    guard try expectOptionalToken(.parenL) else { return [] }
    var arguments: [Argument] = []
    repeat {
      arguments.append(try parseArgument(isConst: isConst))
    } while try !expectOptionalToken(.parenR)
    return arguments
  }

  /// `Argument[Const] : Name : Value[?Const]`
  mutating func parseArgument(isConst: Bool) throws -> Argument {
    let start = lexer.token.start
    let name = try parseName()
    try expect(.colon)
    let value = try parseValueLiteral(isConst: isConst)
    return Argument(name: name, value: value, loc: loc(start))
  }

  // MARK: - Fragments

  /// ```
  /// FragmentSpread : ... FragmentName Directives?
  /// InlineFragment : ... TypeCondition? Directives? SelectionSet
  /// ```
  mutating func parseFragment() throws -> Selection {
    let start = lexer.token.start
    try expect(.spread)
    let hasTypeCondition = try expectOptionalKeyword("on")
    if !hasTypeCondition && lexer.token.kind == .name {
      return .fragmentSpread(try parseFragmentSpreadRest(start))
    }
    let head = try parseInlineFragmentHead(hasTypeCondition: hasTypeCondition)
    let selectionSet = try parseSelectionSet()
    return .inlineFragment(
      InlineFragment(
        typeCondition: head.typeCondition, directives: head.directives,
        selectionSet: selectionSet, loc: loc(start)))
  }

  /// A fragment spread after its `...`: `FragmentName Directives?`.
  mutating func parseFragmentSpreadRest(_ start: Int) throws -> FragmentSpread {
    let name = try parseFragmentName()
    let directives = try parseDirectives(isConst: false)
    return FragmentSpread(name: name, directives: directives, loc: loc(start))
  }

  /// An inline fragment after `...` (and `on`), up to its selection set.
  mutating func parseInlineFragmentHead(hasTypeCondition: Bool) throws -> (
    typeCondition: NamedType?, directives: [Directive]
  ) {
    let typeCondition = hasTypeCondition ? try parseNamedType() : nil
    let directives = try parseDirectives(isConst: false)
    return (typeCondition, directives)
  }

  /// ```
  /// FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet
  /// TypeCondition : on NamedType
  /// ```
  mutating func parseFragmentDefinition() throws -> FragmentDefinition {
    let start = lexer.token.start
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
  mutating func parseFragmentName() throws -> Name {
    if lexer.valueEquals(lexer.token, "on") {
      throw unexpected()
    }
    return try parseName()
  }
}
