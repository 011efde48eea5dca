/// Prints ASTs in graphql-js's canonical format (`print(ast)` in graphql-js 16).
///
/// Two-space indentation, one selection per line, arguments on one line unless that line
/// would exceed 80 characters, block strings kept as block strings. Parsing the output gives
/// the same AST again (locations aside).
///
/// For example:
/// ```swift
/// Printer.print(try parse("query{a(x:1){b}}"))  // "{\n  a(x: 1) {\n    b\n  }\n}"
/// ```
///
/// See https://github.com/graphql/graphql-js/blob/16.x.x/src/language/printer.ts
public enum Printer {
  /// The longest argument line printed on one line.
  static let maxLineLength = 80

  /// A whole document: definitions separated by a blank line.
  ///
  /// One departure from graphql-js: a shorthand query (`{ a }`) right after a definition that
  /// ends without a body (`type T`, `enum E`, `extend schema @d`...) is printed with the
  /// `query` keyword, because the parser would otherwise read its `{` as that body. graphql-js
  /// prints the ambiguous text; the fuzzer's `parse(print(ast)) == ast` oracle found it.
  public static func print(_ document: Document) -> String {
    var printed: [String] = []
    printed.reserveCapacity(document.definitions.count)
    var previousIsOpen = false
    for definition in document.definitions {
      if previousIsOpen, case .operation(let operation) = definition {
        printed.append(print(operation, forceKeyword: true))
      } else {
        printed.append(print(definition))
      }
      previousIsOpen = absorbsFollowingBrace(definition)
    }
    return join(printed, "\n\n")
  }

  /// Whether a definition ends where a following `{` would continue it.
  static func absorbsFollowingBrace(_ definition: Definition) -> Bool {
    switch definition {
    case .type(.object(let type)): type.fields.isEmpty
    case .type(.interface(let type)): type.fields.isEmpty
    case .type(.enum(let type)): type.values.isEmpty
    case .type(.inputObject(let type)): type.fields.isEmpty
    case .typeExtension(.object(let type)): type.fields.isEmpty
    case .typeExtension(.interface(let type)): type.fields.isEmpty
    case .typeExtension(.enum(let type)): type.values.isEmpty
    case .typeExtension(.inputObject(let type)): type.fields.isEmpty
    case .schemaExtension(let schema): schema.operationTypes.isEmpty
    default: false
    }
  }

  /// One definition.
  public static func print(_ definition: Definition) -> String {
    switch definition {
    case .operation(let node): print(node)
    case .fragment(let node): print(node)
    case .schema(let node): print(node)
    case .type(let node): print(node)
    case .directive(let node): print(node)
    case .schemaExtension(let node): print(node)
    case .typeExtension(let node): print(node)
    }
  }

  // MARK: - Executable definitions

  /// An operation; an anonymous query without variables or directives prints as `{ ... }`.
  public static func print(_ node: OperationDefinition) -> String {
    print(node, forceKeyword: false)
  }

  /// An operation, with the `query` keyword even for the shorthand when `forceKeyword`.
  static func print(_ node: OperationDefinition, forceKeyword: Bool) -> String {
    let variables = wrap("(", join(node.variableDefinitions.map(print), ", "), ")")
    let prefix = join(
      [
        node.operation.rawValue, join([node.name?.value ?? "", variables]),
        join(node.directives.map(print), " "),
      ], " ")
    let description = node.description.map(print)
    let head = prefix == "query" && description == nil && !forceKeyword ? "" : prefix + " "
    return wrap("", description, "\n") + head + print(node.selectionSet)
  }

  /// A variable definition: `$name: Type = default @directives`.
  public static func print(_ node: VariableDefinition) -> String {
    wrap("", node.description.map(print), " ") + "$" + node.variable.name.value + ": "
      + print(node.type) + wrap(" = ", node.defaultValue.map(print))
      + wrap(" ", join(node.directives.map(print), " "))
  }

  /// A selection set as an indented block.
  public static func print(_ node: SelectionSet) -> String {
    block(node.selections.map(print))
  }

  /// One selection.
  public static func print(_ node: Selection) -> String {
    switch node {
    case .field(let field):
      let prefix = wrap("", field.alias?.value, ": ") + field.name.value
      let arguments = field.arguments.map(print)
      var argumentsLine = prefix + wrap("(", join(arguments, ", "), ")")
      if argumentsLine.utf16.count > maxLineLength {
        argumentsLine = prefix + wrap("(\n", indent(join(arguments, "\n")), "\n)")
      }
      return join(
        [
          argumentsLine, join(field.directives.map(print), " "),
          field.selectionSet.map(print) ?? "",
        ], " ")
    case .fragmentSpread(let spread):
      return "..." + spread.name.value + wrap(" ", join(spread.directives.map(print), " "))
    case .inlineFragment(let inline):
      return join(
        [
          "...", wrap("on ", inline.typeCondition?.name.value),
          join(inline.directives.map(print), " "), print(inline.selectionSet),
        ], " ")
    }
  }

  /// An argument: `name: value`.
  public static func print(_ node: Argument) -> String {
    node.name.value + ": " + print(node.value)
  }

  /// A fragment definition.
  public static func print(_ node: FragmentDefinition) -> String {
    wrap("", node.description.map(print), "\n") + "fragment \(node.name.value) "
      + "on \(node.typeCondition.name.value) "
      + wrap("", join(node.directives.map(print), " "), " ") + print(node.selectionSet)
  }

  // MARK: - Values, directives, types

  /// A value literal.
  public static func print(_ node: Value) -> String {
    switch node {
    case .variable(let variable): "$" + variable.name.value
    case .int(let value): value.value
    case .float(let value): value.value
    case .string(let value): print(value)
    case .boolean(let value): value.value ? "true" : "false"
    case .null: "null"
    case .enum(let value): value.value
    case .list(let list): "[" + join(list.values.map(print), ", ") + "]"
    case .object(let object):
      "{" + join(object.fields.map { $0.name.value + ": " + print($0.value) }, ", ") + "}"
    }
  }

  /// A string literal: block strings as block strings, others quoted with escapes.
  public static func print(_ node: StringValue) -> String {
    node.block ? BlockString.print(node.value) : printString(node.value)
  }

  /// A directive: `@name(arguments)`.
  public static func print(_ node: Directive) -> String {
    "@" + node.name.value + wrap("(", join(node.arguments.map(print), ", "), ")")
  }

  /// A type reference: `Name`, `[Type]`, `Type!`.
  public static func print(_ node: TypeReference) -> String {
    switch node {
    case .named(let named): named.name.value
    case .list(let list): "[" + print(list.type) + "]"
    case .nonNull(let nonNull): print(nonNull.type) + "!"
    }
  }

  /// A quoted string with control characters, `"` and `\` escaped (graphql-js `printString`).
  static func printString(_ value: String) -> String {
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar.value {
      case 0x08: result += "\\b"
      case 0x09: result += "\\t"
      case 0x0A: result += "\\n"
      case 0x0C: result += "\\f"
      case 0x0D: result += "\\r"
      case 0x22: result += "\\\""
      case 0x5C: result += "\\\\"
      case 0x00...0x1F, 0x7F...0x9F:
        let digits = String(scalar.value, radix: 16, uppercase: true)
        result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  // MARK: - Helpers (graphql-js's join, wrap, block, indent)

  /// The non-empty strings joined by `separator`.
  static func join(_ strings: [String], _ separator: String = "") -> String {
    var result = ""
    var first = true
    for string in strings where !string.isEmpty {
      if !first { result += separator }
      result += string
      first = false
    }
    return result
  }

  /// `start + string + end` if the string is non-empty, else "".
  static func wrap(_ start: String, _ string: String?, _ end: String = "") -> String {
    guard let string, !string.isEmpty else { return "" }
    return start + string + end
  }

  /// Items one per line inside an indented `{ }` block; "" for no items.
  static func block(_ items: [String]) -> String {
    wrap("{\n", indent(join(items, "\n")), "\n}")
  }

  /// Every line indented by two spaces.
  static func indent(_ string: String) -> String {
    wrap("  ", string.replacingAll("\n", with: "\n  "))
  }

  /// Whether any printed item spans lines.
  static func hasMultilineItems(_ items: [String]) -> Bool {
    items.contains { $0.utf8.contains(0x0A) }
  }
}
