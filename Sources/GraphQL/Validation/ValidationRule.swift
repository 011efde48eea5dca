/// One validation rule: a typed visitor over an executable document.
///
/// The walker calls every rule's hooks for each node, in document order, with the
/// ``ValidationContext`` tracking the types in scope (graphql-js's `visitInParallel` with
/// `TypeInfo`). Every hook defaults to doing nothing; an `enter` hook may answer
/// ``VisitAction/skip`` to stop *this* rule from seeing the node's children.
///
/// See https://spec.graphql.org/September2025/#sec-Validation
protocol ValidationRule: AnyObject {
  init(context: ValidationContext)
  func enter(document: Document) -> VisitAction
  func leave(document: Document)
  func enter(operation: OperationDefinition) -> VisitAction
  func leave(operation: OperationDefinition)
  func enter(variableDefinition: VariableDefinition) -> VisitAction
  func enter(selectionSet: SelectionSet) -> VisitAction
  func enter(field: Field) -> VisitAction
  func leave(field: Field)
  func enter(fragmentSpread: FragmentSpread) -> VisitAction
  func enter(inlineFragment: InlineFragment) -> VisitAction
  func enter(fragmentDefinition: FragmentDefinition) -> VisitAction
  func enter(directive: Directive, location: DirectiveLocation?) -> VisitAction
  func leave(directive: Directive)
  func enter(argument: Argument) -> VisitAction
  func enter(value: Value) -> VisitAction
  func leave(value: Value)
  func enter(objectField: ObjectField) -> VisitAction
  func enter(namedType: NamedType, inTypeSystem: Bool) -> VisitAction
  /// Nodes that carry directives, before the directives are visited (for rules that look
  /// at a node's directive list as a whole).
  func enter(directives: [Directive], owner: DirectiveOwner)
}

/// What a rule wants after entering a node.
enum VisitAction {
  /// Visit the children.
  case `continue`
  /// Do not show this rule the node's children (nor call its leave hook).
  case skip
}

/// The node a directive list belongs to, for ``UniqueDirectivesPerLocationRule``.
enum DirectiveOwner {
  case schema
  case type(name: String)
  case other
}

extension ValidationRule {
  func enter(document: Document) -> VisitAction { .continue }
  func leave(document: Document) {}
  func enter(operation: OperationDefinition) -> VisitAction { .continue }
  func leave(operation: OperationDefinition) {}
  func enter(variableDefinition: VariableDefinition) -> VisitAction { .continue }
  func enter(selectionSet: SelectionSet) -> VisitAction { .continue }
  func enter(field: Field) -> VisitAction { .continue }
  func leave(field: Field) {}
  func enter(fragmentSpread: FragmentSpread) -> VisitAction { .continue }
  func enter(inlineFragment: InlineFragment) -> VisitAction { .continue }
  func enter(fragmentDefinition: FragmentDefinition) -> VisitAction { .continue }
  func enter(directive: Directive, location: DirectiveLocation?) -> VisitAction { .continue }
  func leave(directive: Directive) {}
  func enter(argument: Argument) -> VisitAction { .continue }
  func enter(value: Value) -> VisitAction { .continue }
  func leave(value: Value) {}
  func enter(objectField: ObjectField) -> VisitAction { .continue }
  func enter(namedType: NamedType, inTypeSystem: Bool) -> VisitAction { .continue }
  func enter(directives: [Directive], owner: DirectiveOwner) {}
}
