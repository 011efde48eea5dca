// The type system grammar: schema, type and directive definitions, and their extensions.
// See https://spec.graphql.org/September2025/#sec-Type-System

extension Parser {
  /// `SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }`
  mutating func parseSchemaDefinition() throws -> SchemaDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    try expectKeyword("schema")
    let directives = try parseDirectives(isConst: true)
    let operationTypes = try many(
      .braceL,
      { (parser: inout Parser) throws in try parser.parseOperationTypeDefinition() },
      .braceR)
    return SchemaDefinition(
      description: description, directives: directives, operationTypes: operationTypes,
      loc: loc(start))
  }

  /// `RootOperationTypeDefinition : OperationType : NamedType`
  mutating func parseOperationTypeDefinition() throws -> OperationTypeDefinition {
    let start = lexer.token.start
    let operation = try parseOperationType()
    try expect(.colon)
    let type = try parseNamedType()
    return OperationTypeDefinition(operation: operation, type: type, loc: loc(start))
  }

  /// `ScalarTypeDefinition : Description? scalar Name Directives[Const]?`
  mutating func parseScalarTypeDefinition() throws -> ScalarTypeDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    try expectKeyword("scalar")
    let name = try parseName()
    let directives = try parseDirectives(isConst: true)
    return ScalarTypeDefinition(
      description: description, name: name, directives: directives, loc: loc(start))
  }

  /// ```
  /// ObjectTypeDefinition :
  ///   Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
  /// ```
  mutating func parseObjectTypeDefinition() throws -> ObjectTypeDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    try expectKeyword("type")
    let name = try parseName()
    let interfaces = try parseImplementsInterfaces()
    let directives = try parseDirectives(isConst: true)
    let fields = try parseFieldsDefinition()
    return ObjectTypeDefinition(
      description: description, name: name, interfaces: interfaces, directives: directives,
      fields: fields, loc: loc(start))
  }

  /// `ImplementsInterfaces : implements &? NamedType (& NamedType)*`
  mutating func parseImplementsInterfaces() throws -> [NamedType] {
    guard try expectOptionalKeyword("implements") else { return [] }
    return try delimitedMany(
      .amp, { (parser: inout Parser) throws in try parser.parseNamedType() })
  }

  /// `FieldsDefinition : { FieldDefinition+ }`
  mutating func parseFieldsDefinition() throws -> [FieldDefinition] {
    guard try expectOptionalToken(.braceL) else { return [] }
    var fields: [FieldDefinition] = []
    fields.reserveCapacity(16)
    repeat {
      fields.append(try parseFieldDefinition())
    } while try !expectOptionalToken(.braceR)
    return fields
  }

  /// `FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?`
  mutating func parseFieldDefinition() throws -> FieldDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    let name = try parseName()
    let arguments = try parseArgumentDefinitions()
    try expect(.colon)
    let type = try parseTypeReference()
    let directives = try parseDirectives(isConst: true)
    return FieldDefinition(
      description: description, name: name, arguments: arguments, type: type,
      directives: directives, loc: loc(start))
  }

  /// `ArgumentsDefinition : ( InputValueDefinition+ )`
  mutating func parseArgumentDefinitions() throws -> [InputValueDefinition] {
    try optionalMany(
      .parenL,
      { (parser: inout Parser) throws in try parser.parseInputValueDefinition() },
      .parenR)
  }

  /// `InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?`
  mutating func parseInputValueDefinition() throws -> InputValueDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    let name = try parseName()
    try expect(.colon)
    let type = try parseTypeReference()
    let defaultValue = try expectOptionalToken(.equals) ? try parseValueLiteral(isConst: true) : nil
    let directives = try parseDirectives(isConst: true)
    return InputValueDefinition(
      description: description, name: name, type: type, defaultValue: defaultValue,
      directives: directives, loc: loc(start))
  }

  /// ```
  /// InterfaceTypeDefinition :
  ///   Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
  /// ```
  mutating func parseInterfaceTypeDefinition() throws -> InterfaceTypeDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    try expectKeyword("interface")
    let name = try parseName()
    let interfaces = try parseImplementsInterfaces()
    let directives = try parseDirectives(isConst: true)
    let fields = try parseFieldsDefinition()
    return InterfaceTypeDefinition(
      description: description, name: name, interfaces: interfaces, directives: directives,
      fields: fields, loc: loc(start))
  }

  /// `UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?`
  mutating func parseUnionTypeDefinition() throws -> UnionTypeDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    try expectKeyword("union")
    let name = try parseName()
    let directives = try parseDirectives(isConst: true)
    let types = try parseUnionMemberTypes()
    return UnionTypeDefinition(
      description: description, name: name, directives: directives, types: types,
      loc: loc(start))
  }

  /// `UnionMemberTypes : = |? NamedType (| NamedType)*`
  mutating func parseUnionMemberTypes() throws -> [NamedType] {
    guard try expectOptionalToken(.equals) else { return [] }
    return try delimitedMany(
      .pipe, { (parser: inout Parser) throws in try parser.parseNamedType() })
  }

  /// `EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?`
  mutating func parseEnumTypeDefinition() throws -> EnumTypeDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    try expectKeyword("enum")
    let name = try parseName()
    let directives = try parseDirectives(isConst: true)
    let values = try parseEnumValuesDefinition()
    return EnumTypeDefinition(
      description: description, name: name, directives: directives, values: values,
      loc: loc(start))
  }

  /// `EnumValuesDefinition : { EnumValueDefinition+ }`
  mutating func parseEnumValuesDefinition() throws -> [EnumValueDefinition] {
    try optionalMany(
      .braceL,
      { (parser: inout Parser) throws in try parser.parseEnumValueDefinition() },
      .braceR)
  }

  /// `EnumValueDefinition : Description? EnumValue Directives[Const]?`
  mutating func parseEnumValueDefinition() throws -> EnumValueDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    let token = lexer.token
    if lexer.valueEquals(token, "true") || lexer.valueEquals(token, "false")
      || lexer.valueEquals(token, "null")
    {
      throw lexer.syntaxError(
        at: token.start,
        "\(lexer.describe(token)) is reserved and cannot be used for an enum value.")
    }
    let name = try parseName()
    let directives = try parseDirectives(isConst: true)
    return EnumValueDefinition(
      description: description, name: name, directives: directives, loc: loc(start))
  }

  /// ```
  /// InputObjectTypeDefinition :
  ///   Description? input Name Directives[Const]? InputFieldsDefinition?
  /// ```
  mutating func parseInputObjectTypeDefinition() throws -> InputObjectTypeDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    try expectKeyword("input")
    let name = try parseName()
    let directives = try parseDirectives(isConst: true)
    let fields = try parseInputFieldsDefinition()
    return InputObjectTypeDefinition(
      description: description, name: name, directives: directives, fields: fields,
      loc: loc(start))
  }

  /// `InputFieldsDefinition : { InputValueDefinition+ }`
  mutating func parseInputFieldsDefinition() throws -> [InputValueDefinition] {
    try optionalMany(
      .braceL,
      { (parser: inout Parser) throws in try parser.parseInputValueDefinition() },
      .braceR)
  }

  /// ```
  /// DirectiveDefinition :
  ///   Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations
  /// DirectiveLocations : |? DirectiveLocation (| DirectiveLocation)*
  /// ```
  mutating func parseDirectiveDefinition() throws -> DirectiveDefinition {
    let start = lexer.token.start
    let description = try parseDescription()
    try expectKeyword("directive")
    try expect(.at)
    let name = try parseName()
    let arguments = try parseArgumentDefinitions()
    let repeatable = try expectOptionalKeyword("repeatable")
    try expectKeyword("on")
    let locations = try delimitedMany(
      .pipe, { (parser: inout Parser) throws in try parser.parseDirectiveLocation() })
    return DirectiveDefinition(
      description: description, name: name, arguments: arguments, repeatable: repeatable,
      locations: locations, loc: loc(start))
  }

  /// `DirectiveLocation : ExecutableDirectiveLocation | TypeSystemDirectiveLocation`
  mutating func parseDirectiveLocation() throws -> Name {
    let start = lexer.token
    let name = try parseName()
    guard Parser.directiveLocations.contains(name.value) else {
      throw unexpected(start)
    }
    return name
  }

  /// The spec's ExecutableDirectiveLocation and TypeSystemDirectiveLocation names.
  ///
  /// See https://spec.graphql.org/September2025/#DirectiveLocations
  static let directiveLocations: Set<String> = [
    "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
    "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
    "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT",
    "INPUT_FIELD_DEFINITION",
  ]
}
