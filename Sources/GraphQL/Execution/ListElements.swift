/// A Swift array handing its elements to the executor as `Any?` values.
///
/// Why: a resolver returns a list as `Any`; casting it to `[Any?]` makes the runtime cast
/// element by element (and allocate) for every list of a response, where a conformance
/// found once per array type and a loop specialized to the element type do the same.
/// Nested optionals among the elements are flattened (`nil` at any level is null), as the
/// cast did.
protocol ListElements {
  /// The elements, each as `Any?`.
  var anyElements: [Any?] { get }
}

extension Array: ListElements {
  var anyElements: [Any?] {
    // The array itself when its elements already are `Any?` (the same type: the bit cast
    // only tells the compiler so).
    if Element.self == Any?.self { return unsafeBitCast(self, to: [Any?].self) }
    if Element.self is any OptionalBox.Type { return map { flattenOptional($0) } }
    return map { $0 }
  }
}
