/// Decodes the list-valued parts of a definition kept as JSON (``ManifestNode/fqn``,
/// ``ManifestNode/dependsOn``...). The reader checked their types, so decoding is lenient
/// and cannot fail; a value that does not parse decodes as empty.
enum ListDecoding {
  static func root(_ raw: RawJSON?) -> JSONValue? {
    guard let raw, !raw.isNull, let document = try? raw.parse() else { return nil }
    return document.root
  }

  static func strings(_ raw: RawJSON?) -> [String] {
    if let raw, let simple = simpleStrings(raw.bytes) { return simple }
    return indexedStrings(raw)
  }

  /// ``strings(_:)`` through a parsed document (any shape).
  static func indexedStrings(_ raw: RawJSON?) -> [String] {
    guard let value = root(raw) else { return [] }
    if let single = value.string { return [single] }
    return value.elements.compactMap(\.scalarText)
  }

  /// The common shape of `fqn` and `tags`, `[]` or `["a", "b"]` with no escapes, decoded
  /// straight from the bytes (the store reads both for every new definition; indexing
  /// them as a document cost ten times more). Nil for any other shape, which then takes
  /// the general path, so the result is always the same.
  static func simpleStrings(_ bytes: ArraySlice<UInt8>) -> [String]? {
    bytes.withUnsafeBufferPointer { buffer -> [String]? in
      let count = buffer.count
      var offset = 0
      func skipWhitespace() {
        while offset < count {
          switch buffer[offset] {
          case 0x20, 0x09, 0x0A, 0x0D: offset += 1
          default: return
          }
        }
      }
      skipWhitespace()
      guard offset < count, buffer[offset] == UInt8(ascii: "[") else { return nil }
      offset += 1
      var strings: [String] = []
      skipWhitespace()
      if offset < count, buffer[offset] == UInt8(ascii: "]") {
        offset += 1
        skipWhitespace()
        return offset == count ? strings : nil
      }
      while true {
        skipWhitespace()
        guard offset < count, buffer[offset] == UInt8(ascii: "\"") else { return nil }
        offset += 1
        let start = offset
        while offset < count, buffer[offset] != UInt8(ascii: "\"") {
          if buffer[offset] == UInt8(ascii: "\\") || buffer[offset] < 0x20 { return nil }
          offset += 1
        }
        guard offset < count else { return nil }
        strings.append(
          String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<offset]), as: UTF8.self))
        offset += 1
        skipWhitespace()
        guard offset < count else { return nil }
        if buffer[offset] == UInt8(ascii: ",") {
          offset += 1
          continue
        }
        guard buffer[offset] == UInt8(ascii: "]") else { return nil }
        offset += 1
        skipWhitespace()
        return offset == count ? strings : nil
      }
    }
  }

  static func dependencies(_ raw: RawJSON?) -> NodeDependencies {
    guard let value = root(raw) else { return .empty }
    return NodeDependencies(
      nodes: value.lenientStringList("nodes"), macros: value.lenientStringList("macros"),
      functions: value.lenientStringList("functions"))
  }

  static func refs(_ raw: RawJSON?) -> [NodeRef] {
    NodeMapper.refs(root(raw))
  }

  static func sourceRefs(_ raw: RawJSON?) -> [SourceRef] {
    NodeMapper.sourceRefs(root(raw))
  }
}
