extension JSONDocument {
  /// The JSONPath-style location of the value at tape `index`, for error messages:
  /// `$.nodes["model.x.y"].depends_on.nodes[2]`.
  ///
  /// Computed only when an error is reported, by descending from the root into the
  /// container whose tape range holds `index`, so readers never track paths while reading.
  func path(to index: Int) -> String {
    var path = basePath
    var current = 0
    while current != index, current < tape.count {
      let entry = tape[current]
      guard entry.kind == .array || entry.kind == .object, index < entry.next else { break }
      var position = current + 1
      var offset = 0
      var found = false
      while position < entry.next {
        let valueIndex = entry.kind == .object ? position + 1 : position
        let next = tape[valueIndex].next
        if index == position && entry.kind == .object {
          // The index is a key: report the member it names.
          path += JSONDocument.pathComponent(
            key: JSONValue(document: self, index: position).string ?? "")
          return path
        }
        if index >= valueIndex, index < next {
          if entry.kind == .object {
            path += JSONDocument.pathComponent(
              key: JSONValue(document: self, index: position).string ?? "")
          } else {
            path += "[\(offset)]"
          }
          current = valueIndex
          found = true
          break
        }
        position = next
        offset += 1
      }
      if !found { break }
    }
    return path
  }

  /// `.key` for identifier-like keys, else `["key"]` with JSON escaping; a key longer
  /// than ``ArtifactError/quoteLimit`` is cut (with its byte length), so a path stays one
  /// readable line.
  static func pathComponent(key fullKey: String) -> String {
    let key = ArtifactError.quoted(fullKey, quote: false)
    var isIdentifier = !key.isEmpty
    for (offset, scalar) in key.unicodeScalars.enumerated() {
      let ok =
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
        || (offset > 0 && scalar >= "0" && scalar <= "9")
      if !ok {
        isIdentifier = false
        break
      }
    }
    if isIdentifier { return "." + key }
    var escaped = ""
    for scalar in key.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return "[\"" + escaped + "\"]"
  }
}

extension JSONValue {
  /// Where this value is in its document, e.g. `$.results[3].unique_id`.
  public var path: String { document.path(to: index) }
}
