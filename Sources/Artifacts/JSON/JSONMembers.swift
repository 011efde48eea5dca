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

  public func makeIterator() -> Iterator {
    let entry = value.entry
    let isObject = entry.kind == .object
    return Iterator(
      document: value.document, position: value.index + 1,
      end: isObject ? entry.next : value.index + 1)
  }
}
