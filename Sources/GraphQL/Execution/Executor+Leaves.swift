/// Completion of one scalar or enum value, shared by leaf fields (resolved and completed in
/// one pass), lists of leaves and vectors of leaf values.
///
/// Like the vector functions of value completion, `nil` means "failed": an error was
/// recorded and the null propagates.
///
/// See https://spec.graphql.org/September2025/#CompleteValue()
extension Executor {
  /// Completes `value` at a leaf position of `leaf`'s nullability: a null at a non-null
  /// position is the error "Cannot return null for non-nullable field".
  func completeLeaf(
    _ value: Any?, leaf: LeafPlan, fieldNodes: [Field], info: ResolveInfo,
    path: () -> ResponsePath?
  ) -> JSONValue? {
    let completed = completeNullableLeaf(value, leaf: leaf, fieldNodes: fieldNodes, path: path)
    guard leaf.nonNull else { return completed ?? .null }
    if case .null? = completed {
      recordError(
        GraphQLError(
          message:
            "Cannot return null for non-nullable field \(info.parentType.name).\(info.fieldName)."
        ), fieldNodes: fieldNodes, path: path())
      return nil
    }
    return completed
  }

  /// Completes `value` of `leaf`'s type, ignoring its nullability (`null` stays `.null`).
  func completeNullableLeaf(
    _ value: Any?, leaf: LeafPlan, fieldNodes: [Field], path: () -> ResponsePath?
  ) -> JSONValue? {
    guard let value else { return .null }
    return completePresentLeaf(value, leaf: leaf, fieldNodes: fieldNodes, path: path)
  }

  /// Completes a present `value` of `leaf`'s type, ignoring its nullability.
  @inline(__always)
  func completePresentLeaf(
    _ value: Any, leaf: LeafPlan, fieldNodes: [Field], path: () -> ResponsePath?
  ) -> JSONValue? {
    do {
      return try leaf.serialize(value)
    } catch {
      return slowLeaf(value, error: error, leaf: leaf, fieldNodes: fieldNodes, path: path)
    }
  }

  /// The rare cases of a leaf: an error value, a nested optional, or a refused value.
  private func slowLeaf(
    _ value: Any, error: any Error, leaf: LeafPlan, fieldNodes: [Field],
    path: () -> ResponsePath?
  ) -> JSONValue? {
    if case .null? = value as? JSONValue { return .null }
    if let resolverError = value as? any Error {
      recordError(resolverError, fieldNodes: fieldNodes, path: path())
      return nil
    }
    if let unwrapped = unwrapOptional(value) {
      guard let inner = unwrapped.value else { return .null }
      do {
        return try leaf.serialize(inner)
      } catch {
        recordError(error, fieldNodes: fieldNodes, path: path())
        return nil
      }
    }
    recordError(error, fieldNodes: fieldNodes, path: path())
    return nil
  }
}
