/// The elements of a JSON array, in order.
public struct JSONElements: Sequence, Sendable {
  let value: JSONValue

  /// Iterates by following each element's next-sibling index on the tape.
  public struct Iterator: IteratorProtocol {
    let document: JSONDocument
    var position: Int
    let end: Int

    public mutating func next() -> JSONValue? {
      guard position < end else { return nil }
      let current = position
      position = document.tape[position].next
      return JSONValue(document: document, index: current)
    }
  }

  public func makeIterator() -> Iterator {
    let entry = value.entry
    let isArray = entry.kind == .array
    return Iterator(
      document: value.document, position: value.index + 1,
      end: isArray ? entry.next : value.index + 1)
  }
}
