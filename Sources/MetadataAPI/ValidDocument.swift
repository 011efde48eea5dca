import Foundation
import GraphQL

/// A parsed and validated document as the ``DocumentCache`` keeps it, with the request
/// limits' verdicts on it when they cannot depend on the variables.
///
/// The limits check (depth, aliases, cost, `first`; DESIGN.md, limits) reads the document,
/// the operation name, the limits and nothing else but the values of `first` arguments
/// given by variables. A document none of whose `first` arguments takes a variable (most:
/// dashboards write their page sizes in the text) gets the same verdict for the same
/// operation and limits on every request, so a repeat reads it here instead of walking the
/// document again (3% of a one-model request).
final class ValidDocument: @unchecked Sendable {
  let document: Document
  /// The document's source, for error locations during execution.
  let source: Source
  /// Whether some `first` argument of the document takes a variable (then every request
  /// is checked).
  let limitsReadVariables: Bool

  /// What a verdict depends on beside the document.
  private struct VerdictKey: Hashable {
    let limits: QueryLimits
    let operationName: String?
  }

  /// The most verdicts kept per document (a document is sent with one or two operation
  /// names and one set of limits per transport).
  private static let maxVerdicts = 8

  private let lock = NSLock()
  private var verdicts: [VerdictKey: [GraphQLError]] = [:]

  init(document: Document, source: Source) {
    self.document = document
    self.source = source
    self.limitsReadVariables = document.definitions.contains { definition in
      switch definition {
      case .operation(let operation): Self.firstReadsVariables(operation.selectionSet)
      case .fragment(let fragment): Self.firstReadsVariables(fragment.selectionSet)
      default: false
      }
    }
  }

  /// The errors of the request limits for this document (``GraphQL/QueryLimits/check(schema:document:source:operationName:variables:)``).
  func limitErrors(
    _ limits: QueryLimits, schema: GraphQLSchema, operationName: String?, variables: JSONObject
  ) -> [GraphQLError] {
    func check() -> [GraphQLError] {
      limits.check(
        schema: schema, document: document, source: source, operationName: operationName,
        variables: variables)
    }
    guard !limitsReadVariables else { return check() }
    let key = VerdictKey(limits: limits, operationName: operationName)
    if let known = lock.withLock({ verdicts[key] }) { return known }
    let errors = check()
    lock.withLock {
      if verdicts.count < Self.maxVerdicts { verdicts[key] = errors }
    }
    return errors
  }

  /// Whether a `first` argument in `selectionSet` (nested fields and inline fragments
  /// included; named fragments are walked as definitions) takes a variable.
  private static func firstReadsVariables(_ selectionSet: SelectionSet) -> Bool {
    selectionSet.selections.contains { selection in
      switch selection {
      case .field(let field):
        field.arguments.contains { $0.name.value == "first" && readsVariable($0.value) }
          || field.selectionSet.map(firstReadsVariables) == true
      case .inlineFragment(let fragment): firstReadsVariables(fragment.selectionSet)
      case .fragmentSpread: false
      }
    }
  }

  private static func readsVariable(_ value: Value) -> Bool {
    switch value {
    case .variable: true
    case .list(let list): list.values.contains(where: readsVariable)
    case .object(let object): object.fields.contains { readsVariable($0.value) }
    default: false
    }
  }
}
