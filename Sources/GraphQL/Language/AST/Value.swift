/// An input value literal: a variable, a scalar, an enum value, a list or an input object.
///
/// Constant values (default values, directive arguments in the type system) are the same
/// type; the parser rejects variables where the grammar's `[Const]` parameter applies.
///
/// See https://spec.graphql.org/September2025/#sec-Input-Values
public enum Value: Node {
  /// `$name`
  case variable(Variable)
  /// `123`, `-4`
  case int(IntValue)
  /// `1.5`, `1e10`
  case float(FloatValue)
  /// `"text"` or `"""block"""`
  case string(StringValue)
  /// `true` or `false`
  case boolean(BooleanValue)
  /// `null`
  case null(NullValue)
  /// A name other than `true`, `false`, `null`.
  case `enum`(EnumValue)
  /// `[value, ...]`
  case list(ListValue)
  /// `{name: value, ...}`
  case object(ObjectValue)

  public var loc: Location {
    switch self {
    case .variable(let node): node.loc
    case .int(let node): node.loc
    case .float(let node): node.loc
    case .string(let node): node.loc
    case .boolean(let node): node.loc
    case .null(let node): node.loc
    case .enum(let node): node.loc
    case .list(let node): node.loc
    case .object(let node): node.loc
    }
  }
}

/// An IntValue, kept as written (`-0`, `123`) so no precision is lost before coercion.
///
/// See https://spec.graphql.org/September2025/#sec-Int-Value
public struct IntValue: Node {
  /// The digits as written, with an optional leading `-`.
  public var value: String
  public var loc: Location

  /// An int value node.
  public init(value: String, loc: Location = .none) {
    self.value = value
    self.loc = loc
  }
}

/// A FloatValue, kept as written (`1.5e-3`).
///
/// See https://spec.graphql.org/September2025/#sec-Float-Value
public struct FloatValue: Node {
  /// The number as written.
  public var value: String
  public var loc: Location

  /// A float value node.
  public init(value: String, loc: Location = .none) {
    self.value = value
    self.loc = loc
  }
}

/// A StringValue, with escapes decoded and block strings dedented.
///
/// See https://spec.graphql.org/September2025/#sec-String-Value
public struct StringValue: Node {
  /// The string's value.
  public var value: String
  /// Whether it was written as a block string (`"""`), which the printer preserves.
  public var block: Bool
  public var loc: Location

  /// A string value node.
  public init(value: String, block: Bool = false, loc: Location = .none) {
    self.value = value
    self.block = block
    self.loc = loc
  }
}

/// A BooleanValue: `true` or `false`.
///
/// See https://spec.graphql.org/September2025/#sec-Boolean-Value
public struct BooleanValue: Node {
  /// The value.
  public var value: Bool
  public var loc: Location

  /// A boolean value node.
  public init(value: Bool, loc: Location = .none) {
    self.value = value
    self.loc = loc
  }
}

/// The NullValue: `null`.
///
/// See https://spec.graphql.org/September2025/#sec-Null-Value
public struct NullValue: Node {
  public var loc: Location

  /// A null value node.
  public init(loc: Location = .none) {
    self.loc = loc
  }
}

/// An EnumValue: a name other than `true`, `false` or `null`.
///
/// See https://spec.graphql.org/September2025/#sec-Enum-Value
public struct EnumValue: Node {
  /// The enum value's name.
  public var value: String
  public var loc: Location

  /// An enum value node.
  public init(value: String, loc: Location = .none) {
    self.value = value
    self.loc = loc
  }
}

/// A ListValue: `[value, ...]`.
///
/// See https://spec.graphql.org/September2025/#sec-List-Value
public struct ListValue: Node {
  /// The items in order.
  public var values: [Value]
  public var loc: Location

  /// A list value node.
  public init(values: [Value], loc: Location = .none) {
    self.values = values
    self.loc = loc
  }
}

/// An input ObjectValue: `{name: value, ...}`.
///
/// See https://spec.graphql.org/September2025/#sec-Input-Object-Values
public struct ObjectValue: Node {
  /// The fields in source order (duplicates are a validation error, not a syntax error).
  public var fields: [ObjectField]
  public var loc: Location

  /// An object value node.
  public init(fields: [ObjectField], loc: Location = .none) {
    self.fields = fields
    self.loc = loc
  }
}

/// One field of an input object value: `name: value`.
///
/// See https://spec.graphql.org/September2025/#ObjectField
public struct ObjectField: Node {
  /// The field's name.
  public var name: Name
  /// The field's value.
  public var value: Value
  public var loc: Location

  /// An object field node.
  public init(name: Name, value: Value, loc: Location = .none) {
    self.name = name
    self.value = value
    self.loc = loc
  }
}
