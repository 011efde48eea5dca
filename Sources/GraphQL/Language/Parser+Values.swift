// Values, directives and type references.
// See https://spec.graphql.org/September2025/#sec-Input-Values
//
// Lists and objects recurse through `parseValueLiteral`, which only dispatches: scalars are
// read by `parseScalarValue`, whose frame is not on the recursion path.

extension Parser {
  /// ```
  /// Value[Const] :
  ///   - [~Const] Variable
  ///   - IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue
  ///   - ListValue[?Const]
  ///   - ObjectValue[?Const]
  /// ```
  mutating func parseValueLiteral(isConst: Bool) throws -> Value {
    switch lexer.token.kind {
    case .bracketL: return .list(try parseList(isConst: isConst))
    case .braceL: return .object(try parseObject(isConst: isConst))
    default: return try parseScalarValue(isConst: isConst)
    }
  }

  /// ```
  /// BooleanValue : one of `true` `false`
  /// NullValue : `null`
  /// EnumValue : Name but not `true`, `false` or `null`
  /// ```
  mutating func parseScalarValue(isConst: Bool) throws -> Value {
    let token = lexer.token
    switch token.kind {
    case .int:
      try advanceLexer()
      return .int(IntValue(value: lexer.text(token), loc: loc(token.start)))
    case .float:
      try advanceLexer()
      return .float(FloatValue(value: lexer.text(token), loc: loc(token.start)))
    case .string, .blockString:
      return .string(try parseStringLiteral())
    case .name:
      try advanceLexer()
      if lexer.valueEquals(token, "true") {
        return .boolean(BooleanValue(value: true, loc: loc(token.start)))
      }
      if lexer.valueEquals(token, "false") {
        return .boolean(BooleanValue(value: false, loc: loc(token.start)))
      }
      if lexer.valueEquals(token, "null") {
        return .null(NullValue(loc: loc(token.start)))
      }
      return .enum(EnumValue(value: lexer.text(token), loc: loc(token.start)))
    case .dollar:
      if isConst {
        try expect(.dollar)
        if lexer.token.kind == .name {
          let name = lexer.text(lexer.token)
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
  mutating func parseStringLiteral() throws -> StringValue {
    let token = lexer.token
    try advanceLexer()
    return StringValue(
      value: token.value ?? "", block: token.kind == .blockString, loc: loc(token.start))
  }

  /// `ListValue[Const] : [ ] | [ Value[?Const]+ ]`
  mutating func parseList(isConst: Bool) throws -> ListValue {
    let start = lexer.token.start
    try enterNesting()
    try expect(.bracketL)
    var values: [Value] = []
    while try !expectOptionalToken(.bracketR) {
      values.append(try parseValueLiteral(isConst: isConst))
    }
    leaveNesting()
    return ListValue(values: values, loc: loc(start))
  }

  /// ```
  /// ObjectValue[Const] : { } | { ObjectField[?Const]+ }
  /// ObjectField[Const] : Name : Value[?Const]
  /// ```
  mutating func parseObject(isConst: Bool) throws -> ObjectValue {
    let start = lexer.token.start
    try enterNesting()
    try expect(.braceL)
    var fields: [ObjectField] = []
    while try !expectOptionalToken(.braceR) {
      let fieldStart = lexer.token.start
      let name = try parseName()
      try expect(.colon)
      let value = try parseValueLiteral(isConst: isConst)
      fields.append(ObjectField(name: name, value: value, loc: loc(fieldStart)))
    }
    leaveNesting()
    return ObjectValue(fields: fields, loc: loc(start))
  }

  // MARK: - Directives

  /// `Directives[Const] : Directive[?Const]+`
  mutating func parseDirectives(isConst: Bool) throws -> [Directive] {
    var directives: [Directive] = []
    while lexer.token.kind == .at {
      directives.append(try parseDirective(isConst: isConst))
    }
    return directives
  }

  /// `Directive[Const] : @ Name Arguments[?Const]?`
  mutating func parseDirective(isConst: Bool) throws -> Directive {
    let start = lexer.token.start
    try expect(.at)
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
  mutating func parseTypeReference() throws -> TypeReference {
    let start = lexer.token.start
    var type: TypeReference
    if try expectOptionalToken(.bracketL) {
      try enterNesting()
      type = try parseTypeReference()
      try expect(.bracketR)
      leaveNesting()
      type = .list(ListType(type: type, loc: loc(start)))
    } else {
      type = .named(try parseNamedType())
    }
    if try expectOptionalToken(.bang) {
      type = .nonNull(NonNullType(type: type, loc: loc(start)))
    }
    return type
  }

  /// `NamedType : Name`
  mutating func parseNamedType() throws -> NamedType {
    let start = lexer.token.start
    let name = try parseName()
    return NamedType(name: name, loc: loc(start))
  }

  // MARK: - Descriptions

  /// Whether the current token could start a description.
  func peekDescription() -> Bool {
    lexer.token.kind == .string || lexer.token.kind == .blockString
  }

  /// `Description : StringValue`, if present.
  mutating func parseDescription() throws -> StringValue? {
    peekDescription() ? try parseStringLiteral() : nil
  }
}
