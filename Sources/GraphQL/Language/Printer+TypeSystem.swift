// Printing type system definitions and extensions.

extension Printer {
  /// `schema @directives { query: Query }`
  public static func print(_ node: SchemaDefinition) -> String {
    wrap("", node.description.map(print), "\n")
      + join(
        [
          "schema", join(node.directives.map(print), " "),
          block(node.operationTypes.map(print)),
        ], " ")
  }

  /// `query: Query`
  public static func print(_ node: OperationTypeDefinition) -> String {
    node.operation.rawValue + ": " + node.type.name.value
  }

  /// A type definition.
  public static func print(_ node: TypeDefinition) -> String {
    switch node {
    case .scalar(let type):
      return wrap("", type.description.map(print), "\n")
        + join(["scalar", type.name.value, join(type.directives.map(print), " ")], " ")
    case .object(let type):
      return wrap("", type.description.map(print), "\n")
        + join(
          [
            "type", type.name.value, implements(type.interfaces),
            join(type.directives.map(print), " "), block(type.fields.map(print)),
          ], " ")
    case .interface(let type):
      return wrap("", type.description.map(print), "\n")
        + join(
          [
            "interface", type.name.value, implements(type.interfaces),
            join(type.directives.map(print), " "), block(type.fields.map(print)),
          ], " ")
    case .union(let type):
      return wrap("", type.description.map(print), "\n")
        + join(
          [
            "union", type.name.value, join(type.directives.map(print), " "),
            wrap("= ", join(type.types.map(\.name.value), " | ")),
          ], " ")
    case .enum(let type):
      return wrap("", type.description.map(print), "\n")
        + join(
          [
            "enum", type.name.value, join(type.directives.map(print), " "),
            block(type.values.map(print)),
          ], " ")
    case .inputObject(let type):
      return wrap("", type.description.map(print), "\n")
        + join(
          [
            "input", type.name.value, join(type.directives.map(print), " "),
            block(type.fields.map(print)),
          ], " ")
    }
  }

  /// `name(arguments): Type @directives`; arguments go one per line if any spans lines.
  public static func print(_ node: FieldDefinition) -> String {
    wrap("", node.description.map(print), "\n") + node.name.value
      + printArgumentDefinitions(node.arguments) + ": " + print(node.type)
      + wrap(" ", join(node.directives.map(print), " "))
  }

  /// `name: Type = default @directives`
  public static func print(_ node: InputValueDefinition) -> String {
    wrap("", node.description.map(print), "\n")
      + join(
        [
          node.name.value + ": " + print(node.type), wrap("= ", node.defaultValue.map(print)),
          join(node.directives.map(print), " "),
        ], " ")
  }

  /// `VALUE @directives`
  public static func print(_ node: EnumValueDefinition) -> String {
    wrap("", node.description.map(print), "\n")
      + join([node.name.value, join(node.directives.map(print), " ")], " ")
  }

  /// `directive @name(arguments) repeatable on A | B`
  public static func print(_ node: DirectiveDefinition) -> String {
    wrap("", node.description.map(print), "\n") + "directive @" + node.name.value
      + printArgumentDefinitions(node.arguments) + (node.repeatable ? " repeatable" : "")
      + " on " + join(node.locations.map(\.value), " | ")
  }

  /// `extend schema @directives { mutation: Mutation }`
  public static func print(_ node: SchemaExtension) -> String {
    join(
      [
        "extend schema", join(node.directives.map(print), " "),
        block(node.operationTypes.map(print)),
      ], " ")
  }

  /// A type extension.
  public static func print(_ node: TypeExtension) -> String {
    switch node {
    case .scalar(let type):
      return join(["extend scalar", type.name.value, join(type.directives.map(print), " ")], " ")
    case .object(let type):
      return join(
        [
          "extend type", type.name.value, implements(type.interfaces),
          join(type.directives.map(print), " "), block(type.fields.map(print)),
        ], " ")
    case .interface(let type):
      return join(
        [
          "extend interface", type.name.value, implements(type.interfaces),
          join(type.directives.map(print), " "), block(type.fields.map(print)),
        ], " ")
    case .union(let type):
      return join(
        [
          "extend union", type.name.value, join(type.directives.map(print), " "),
          wrap("= ", join(type.types.map(\.name.value), " | ")),
        ], " ")
    case .enum(let type):
      return join(
        [
          "extend enum", type.name.value, join(type.directives.map(print), " "),
          block(type.values.map(print)),
        ], " ")
    case .inputObject(let type):
      return join(
        [
          "extend input", type.name.value, join(type.directives.map(print), " "),
          block(type.fields.map(print)),
        ], " ")
    }
  }

  /// `implements A & B`, or "".
  static func implements(_ interfaces: [NamedType]) -> String {
    wrap("implements ", join(interfaces.map(\.name.value), " & "))
  }

  /// `(a: Int, b: Int)`, or one per line when any argument spans lines.
  static func printArgumentDefinitions(_ arguments: [InputValueDefinition]) -> String {
    let printed = arguments.map(print)
    if hasMultilineItems(printed) {
      return wrap("(\n", indent(join(printed, "\n")), "\n)")
    }
    return wrap("(", join(printed, ", "), ")")
  }
}
