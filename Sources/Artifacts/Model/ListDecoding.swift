/// Decodes the list-valued parts of a definition kept as JSON (``ManifestNode/fqn``,
/// ``ManifestNode/dependsOn``...). The reader checked their types, so decoding is lenient
/// and cannot fail; a value that does not parse decodes as empty.
enum ListDecoding {
  static func root(_ raw: RawJSON?) -> JSONValue? {
    guard let raw, !raw.isNull, let document = try? raw.parse() else { return nil }
    return document.root
  }

  static func strings(_ raw: RawJSON?) -> [String] {
    guard let value = root(raw) else { return [] }
    if let single = value.string { return [single] }
    return value.elements.compactMap(\.scalarText)
  }

  static func dependencies(_ raw: RawJSON?) -> NodeDependencies {
    guard let value = root(raw) else { return .empty }
    return NodeDependencies(
      nodes: value.lenientStringList("nodes"), macros: value.lenientStringList("macros"),
      functions: value.lenientStringList("functions"))
  }

  static func refs(_ raw: RawJSON?) -> [NodeRef] {
    (try? NodeMapper.refs(root(raw))) ?? []
  }

  static func sourceRefs(_ raw: RawJSON?) -> [SourceRef] {
    NodeMapper.sourceRefs(root(raw))
  }
}
