/// One member of a JSON object: its key and value.
public struct JSONMember: Sendable {
  /// The key's tape index (a string entry).
  let keyIndex: Int
  /// The member's value.
  public let value: JSONValue

  /// The decoded key.
  public var key: String { JSONValue(document: value.document, index: keyIndex).string ?? "" }

  /// True if the key equals `text`, without decoding it.
  public func keyEquals(_ text: String) -> Bool {
    JSONValue(document: value.document, index: keyIndex).stringEquals(text)
  }
}

/// The members of a JSON object, in document order.
public struct JSONMembers: Sequence, Sendable {
  let value: JSONValue

  /// Iterates key/value pairs by following next-sibling indices on the tape.
  public struct Iterator: IteratorProtocol {
    let document: JSONDocument
    var position: Int
    let end: Int

    public mutating func next() -> JSONMember? {
      guard position < end else { return nil }
      let keyIndex = position
      let valueIndex = position + 1
      position = document.tape[valueIndex].next
      return JSONMember(keyIndex: keyIndex, value: JSONValue(document: document, index: valueIndex))
    }
  }

  /// The members as Python's `json.loads` (which wrote and reads every dbt artifact)
  /// keeps them: a repeated key keeps the position of its first occurrence and the value
  /// of its last. RFC 8259 §4 leaves repeated names to the implementation.
  public var lastValueWins: [JSONMember] {
    var list: [JSONMember] = []
    var positions: [String: Int] = [:]
    for member in self {
      let key = member.key
      if let position = positions[key] {
        list[position] = member
      } else {
        positions[key] = list.count
        list.append(member)
      }
    }
    return list
  }

  public func makeIterator() -> Iterator {
    let entry = value.entry
    let isObject = entry.kind == .object
    return Iterator(
      document: value.document, position: value.index + 1,
      end: isObject ? entry.next : value.index + 1)
  }
}
