/// Finds the node a generic test is attached to when the manifest predates `attached_node`
/// (v9): from `test_metadata.kwargs.model`, e.g. `{{ get_where_subquery(ref('orders')) }}`
/// or `{{ get_where_subquery(source('raw', 'orders')) }}`, matched against `depends_on.nodes`.
/// Relationships tests depend on two models, so the first dependency alone is not enough.
enum TestedNode {
  static func find(model: String?, among dependencies: [String]) -> String? {
    guard let model, let call = parseCall(model) else { return dependencies.first }
    let match = dependencies.first { id in
      let parts = id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      guard parts.count >= 3 else { return false }
      if call.isSource {
        return parts[0] == "source" && call.arguments.count == 2 && parts.count >= 4
          && parts[2] == call.arguments[0] && parts[3] == call.arguments[1]
      }
      guard parts[0] != "source", let name = call.arguments.last else { return false }
      // model.<pkg>.<name> or model.<pkg>.<name>.v<version>
      if call.arguments.count == 2, parts[1] != call.arguments[0] { return false }
      return parts[2] == name
    }
    return match ?? dependencies.first
  }

  /// The first `ref(...)` or `source(...)` call in the text, with its quoted arguments.
  static func parseCall(_ text: String) -> (isSource: Bool, arguments: [String])? {
    for (keyword, isSource) in [("ref(", false), ("source(", true)] {
      guard let start = text.firstRange(of: keyword) else { continue }
      let rest = text[start.upperBound...]
      guard let close = rest.firstIndex(of: ")") else { continue }
      var arguments: [String] = []
      var current = ""
      var quote: Character?
      for character in rest[..<close] {
        if let open = quote {
          if character == open {
            arguments.append(current)
            current = ""
            quote = nil
          } else {
            current.append(character)
          }
        } else if character == "'" || character == "\"" {
          quote = character
        }
      }
      if !arguments.isEmpty { return (isSource, arguments) }
    }
    return nil
  }
}
