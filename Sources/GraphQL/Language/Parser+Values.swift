// Values, directives and type references.
// See https://spec.graphql.org/September2025/#sec-Input-Values

extension Parser {
  /// ```
  /// Value[Const] :
  ///   - [~Const] Variable
  ///   - IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue
  ///   - ListValue[?Const]
  ///   - ObjectValue[?Const]
  /// BooleanValue : one of `true` `false`
  /// NullValue : `null`
  /// EnumValue : Name but not `true`, `false` or `null`
  /// ```
  mutating func parseValueLiteral(isConst: Bool) throws(GraphQLError) -> Value {
    let token = self.token
    switch token.kind {
    case .bracketL:
      return .list(try parseList(isConst: isConst))
    case .braceL:
      return .object(try parseObject(isConst: isConst))
    case .int:
      try advanceLexer()
      return .int(IntValue(value: token.value ?? "", loc: loc(token)))
    case .float:
      try advanceLexer()
      return .float(FloatValue(value: token.value ?? "", loc: loc(token)))
    case .string, .blockString:
      return .string(try parseStringLiteral())
    case .name:
      try advanceLexer()
      switch token.value {
      case "true": return .boolean(BooleanValue(value: true, loc: loc(token)))
      case "false": return .boolean(BooleanValue(value: false, loc: loc(token)))
      case "null": return .null(NullValue(loc: loc(token)))
      default: return .enum(EnumValue(value: token.value ?? "", loc: loc(token)))
      }
    case .dollar:
      if isConst {
        try expectToken(.dollar)
        if self.token.kind == .name, let name = self.token.value {
          throw lexer.syntaxError(
            at: token.start, "Unexpected variable \"$\(name)\" in constant value.")
        }
        throw unexpected(token)
      }
      return .variable(try parseVariable())
    default:
      throw unexpected()
    }
  }

  /// A StringValue token as a node, remembering whether it was a block string.
  mutating func parseStringLiteral() throws(GraphQLError) -> StringValue {
    let token = self.token
    try advanceLexer()
    return StringValue(
      value: token.value ?? "", block: token.kind == .blockString, loc: loc(token))
  }

  /// `ListValue[Const] : [ ] | [ Value[?Const]+ ]`
  mutating func parseList(isConst: Bool) throws(GraphQLError) -> ListValue {
    let start = token
    try enterNesting()
    try expectToken(.bracketL)
    var values: [Value] = []
    while try !expectOptionalToken(.bracketR) {
      values.append(try parseValueLiteral(isConst: isConst))
    }
    leaveNesting()
    return ListValue(values: values, loc: loc(start))
  }

  /// `ObjectValue[Const] : { } | { ObjectField[?Const]+ }`
  mutating func parseObject(isConst: Bool) throws(GraphQLError) -> ObjectValue {
    let start = token
    try enterNesting()
    try expectToken(.braceL)
    var fields: [ObjectField] = []
    while try !expectOptionalToken(.braceR) {
      fields.append(try parseObjectField(isConst: isConst))
    }
    leaveNesting()
    return ObjectValue(fields: fields, loc: loc(start))
  }

  /// `ObjectField[Const] : Name : Value[?Const]`
  mutating func parseObjectField(isConst: Bool) throws(GraphQLError) -> ObjectField {
    let start = token
    let name = try parseName()
    try expectToken(.colon)
    let value = try parseValueLiteral(isConst: isConst)
    return ObjectField(name: name, value: value, loc: loc(start))
  }

  // MARK: - Directives

  /// `Directives[Const] : Directive[?Const]+`
  mutating func parseDirectives(isConst: Bool) throws(GraphQLError) -> [Directive] {
    var directives: [Directive] = []
    while peek(.at) {
      directives.append(try parseDirective(isConst: isConst))
    }
    return directives
  }

  /// `Directive[Const] : @ Name Arguments[?Const]?`
  mutating func parseDirective(isConst: Bool) throws(GraphQLError) -> Directive {
    let start = token
    try expectToken(.at)
    let name = try parseName()
    let arguments = try parseArguments(isConst: isConst)
    return Directive(name: name, arguments: arguments, loc: loc(start))
  }

  // MARK: - Type references

  /// ```
  /// Type : NamedType | ListType | NonNullType
  /// ListType : [ Type ]
  /// NonNullType : NamedType ! | ListType !
  /// ```
  mutating func parseTypeReference() throws(GraphQLError) -> TypeReference {
    let start = token
    let type: TypeReference
    if try expectOptionalToken(.bracketL) {
      try enterNesting()
      let inner = try parseTypeReference()
      try expectToken(.bracketR)
      leaveNesting()
      type = .list(ListType(type: inner, loc: loc(start)))
    } else {
      type = .named(try parseNamedType())
    }
    if try expectOptionalToken(.bang) {
      return .nonNull(NonNullType(type: type, loc: loc(start)))
    }
    return type
  }

  /// `NamedType : Name`
  mutating func parseNamedType() throws(GraphQLError) -> NamedType {
    let start = token
    let name = try parseName()
    return NamedType(name: name, loc: loc(start))
  }

  // MARK: - Descriptions

  /// Whether the current token could start a description.
  func peekDescription() -> Bool {
    peek(.string) || peek(.blockString)
  }

  /// `Description : StringValue`, if present.
  mutating func parseDescription() throws(GraphQLError) -> StringValue? {
    peekDescription() ? try parseStringLiteral() : nil
  }
}
