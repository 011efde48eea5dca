// Type system extensions.
// See https://spec.graphql.org/September2025/#TypeSystemExtension

extension Parser {
  /// ```
  /// TypeSystemExtension : SchemaExtension | TypeExtension
  /// TypeExtension : ScalarTypeExtension | ObjectTypeExtension | InterfaceTypeExtension |
  ///   UnionTypeExtension | EnumTypeExtension | InputObjectTypeExtension
  /// ```
  mutating func parseTypeSystemExtension() throws -> Definition {
    let keyword = try lexer.lookahead()
    if keyword.kind == .name {
      switch lexer.text(keyword) {
      case "schema": return .schemaExtension(try parseSchemaExtension())
      case "scalar": return .typeExtension(.scalar(try parseScalarTypeExtension()))
      case "type": return .typeExtension(.object(try parseObjectTypeExtension()))
      case "interface": return .typeExtension(.interface(try parseInterfaceTypeExtension()))
      case "union": return .typeExtension(.union(try parseUnionTypeExtension()))
      case "enum": return .typeExtension(.enum(try parseEnumTypeExtension()))
      case "input": return .typeExtension(.inputObject(try parseInputObjectTypeExtension()))
      default: break
      }
    }
    throw unexpected(keyword)
  }

  /// ```
  /// SchemaExtension :
  ///   - extend schema Directives[Const]? { RootOperationTypeDefinition+ }
  ///   - extend schema Directives[Const] [lookahead != {]
  /// ```
  mutating func parseSchemaExtension() throws -> SchemaExtension {
    let start = lexer.token.start
    try expectKeyword("extend")
    try expectKeyword("schema")
    let directives = try parseDirectives(isConst: true)
    let operationTypes = try optionalMany(
      .braceL,
      { (parser: inout Parser) throws in try parser.parseOperationTypeDefinition() },
      .braceR)
    if directives.isEmpty && operationTypes.isEmpty { throw unexpected() }
    return SchemaExtension(directives: directives, operationTypes: operationTypes, loc: loc(start))
  }

  /// `ScalarTypeExtension : extend scalar Name Directives[Const]`
  mutating func parseScalarTypeExtension() throws -> ScalarTypeExtension {
    let start = lexer.token.start
    try expectKeyword("extend")
    try expectKeyword("scalar")
    let name = try parseName()
    let directives = try parseDirectives(isConst: true)
    if directives.isEmpty { throw unexpected() }
    return ScalarTypeExtension(name: name, directives: directives, loc: loc(start))
  }

  /// ```
  /// ObjectTypeExtension :
  ///   - extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition
  ///   - extend type Name ImplementsInterfaces? Directives[Const]
  ///   - extend type Name ImplementsInterfaces
  /// ```
  mutating func parseObjectTypeExtension() throws -> ObjectTypeExtension {
    let start = lexer.token.start
    try expectKeyword("extend")
    try expectKeyword("type")
    let name = try parseName()
    let interfaces = try parseImplementsInterfaces()
    let directives = try parseDirectives(isConst: true)
    let fields = try parseFieldsDefinition()
    if interfaces.isEmpty && directives.isEmpty && fields.isEmpty { throw unexpected() }
    return ObjectTypeExtension(
      name: name, interfaces: interfaces, directives: directives, fields: fields, loc: loc(start))
  }

  /// The interface analogue of ``parseObjectTypeExtension()``.
  mutating func parseInterfaceTypeExtension() throws -> InterfaceTypeExtension {
    let start = lexer.token.start
    try expectKeyword("extend")
    try expectKeyword("interface")
    let name = try parseName()
    let interfaces = try parseImplementsInterfaces()
    let directives = try parseDirectives(isConst: true)
    let fields = try parseFieldsDefinition()
    if interfaces.isEmpty && directives.isEmpty && fields.isEmpty { throw unexpected() }
    return InterfaceTypeExtension(
      name: name, interfaces: interfaces, directives: directives, fields: fields, loc: loc(start))
  }

  /// ```
  /// UnionTypeExtension :
  ///   - extend union Name Directives[Const]? UnionMemberTypes
  ///   - extend union Name Directives[Const]
  /// ```
  mutating func parseUnionTypeExtension() throws -> UnionTypeExtension {
    let start = lexer.token.start
    try expectKeyword("extend")
    try expectKeyword("union")
    let name = try parseName()
    let directives = try parseDirectives(isConst: true)
    let types = try parseUnionMemberTypes()
    if directives.isEmpty && types.isEmpty { throw unexpected() }
    return UnionTypeExtension(name: name, directives: directives, types: types, loc: loc(start))
  }

  /// ```
  /// EnumTypeExtension :
  ///   - extend enum Name Directives[Const]? EnumValuesDefinition
  ///   - extend enum Name Directives[Const]
  /// ```
  mutating func parseEnumTypeExtension() throws -> EnumTypeExtension {
    let start = lexer.token.start
    try expectKeyword("extend")
    try expectKeyword("enum")
    let name = try parseName()
    let directives = try parseDirectives(isConst: true)
    let values = try parseEnumValuesDefinition()
    if directives.isEmpty && values.isEmpty { throw unexpected() }
    return EnumTypeExtension(name: name, directives: directives, values: values, loc: loc(start))
  }

  /// ```
  /// InputObjectTypeExtension :
  ///   - extend input Name Directives[Const]? InputFieldsDefinition
  ///   - extend input Name Directives[Const]
  /// ```
  mutating func parseInputObjectTypeExtension() throws -> InputObjectTypeExtension {
    let start = lexer.token.start
    try expectKeyword("extend")
    try expectKeyword("input")
    let name = try parseName()
    let directives = try parseDirectives(isConst: true)
    let fields = try parseInputFieldsDefinition()
    if directives.isEmpty && fields.isEmpty { throw unexpected() }
    return InputObjectTypeExtension(
      name: name, directives: directives, fields: fields, loc: loc(start))
  }
}
