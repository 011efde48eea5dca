/// The six kinds of named type, named as `__TypeKind` names them in introspection.
///
/// See https://spec.graphql.org/September2025/#sec-Types
public enum TypeKind: String, Sendable, CaseIterable {
  case scalar = "SCALAR"
  case object = "OBJECT"
  case interface = "INTERFACE"
  case union = "UNION"
  case `enum` = "ENUM"
  case inputObject = "INPUT_OBJECT"

  /// Whether values of this kind may be inputs.
  public var isInput: Bool { self == .scalar || self == .enum || self == .inputObject }

  /// Whether values of this kind may be outputs.
  public var isOutput: Bool { self != .inputObject }

  /// Whether this kind is a leaf (scalar or enum).
  public var isLeaf: Bool { self == .scalar || self == .enum }

  /// Whether this kind is composite (object, interface or union).
  public var isComposite: Bool { self == .object || self == .interface || self == .union }

  /// Whether this kind is abstract (interface or union).
  public var isAbstract: Bool { self == .interface || self == .union }

  /// The keyword that defines a type of this kind in SDL.
  public var keyword: String {
    switch self {
    case .scalar: return "scalar"
    case .object: return "type"
    case .interface: return "interface"
    case .union: return "union"
    case .enum: return "enum"
    case .inputObject: return "input"
    }
  }
}
