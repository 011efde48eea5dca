/// A JSON object that keeps its members in insertion order.
///
/// Response maps are built once, field after field, and read rarely, so the storage is two
/// parallel arrays and lookup is linear; that is faster than hashing for the typical
/// handful of members and keeps the order that the spec requires for responses.
///
/// See https://spec.graphql.org/September2025/#sec-Serialized-Map-Ordering
public struct JSONObject: Sendable, Equatable, Sequence {
  /// The member names, in order.
  public private(set) var keys: [String]
  /// The member values, parallel to ``keys``.
  public private(set) var values: [JSONValue]

  /// An empty object.
  public init() {
    keys = []
    values = []
  }

  /// An object with room for `capacity` members.
  public init(capacity: Int) {
    keys = []
    values = []
    keys.reserveCapacity(capacity)
    values.reserveCapacity(capacity)
  }

  /// An object with the given members in order (a later duplicate replaces the earlier value).
  public init(_ pairs: [(String, JSONValue)]) {
    self.init(capacity: pairs.count)
    for (key, value) in pairs { self[key] = value }
  }

  /// An object from parallel keys and values, unchecked: the executor's objects of one
  /// selection share one array of keys (unique by construction).
  init(sharedKeys keys: [String], values: [JSONValue]) {
    self.keys = keys
    self.values = values
  }

  /// The number of members.
  public var count: Int { keys.count }

  /// Whether there are no members.
  public var isEmpty: Bool { keys.isEmpty }

  /// The value of the member `key`; setting `nil` removes it, setting a new key appends it.
  public subscript(key: String) -> JSONValue? {
    get {
      guard let index = keys.firstIndex(of: key) else { return nil }
      return values[index]
    }
    set {
      if let index = keys.firstIndex(of: key) {
        if let newValue {
          values[index] = newValue
        } else {
          keys.remove(at: index)
          values.remove(at: index)
        }
      } else if let newValue {
        keys.append(key)
        values.append(newValue)
      }
    }
  }

  /// Appends a member without checking for a duplicate key (the executor's fast path:
  /// response keys are unique by construction).
  public mutating func append(_ key: String, _ value: JSONValue) {
    keys.append(key)
    values.append(value)
  }

  /// Iterates over `(key, value)` pairs in order.
  public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
    var index = 0
    let keys = self.keys
    let values = self.values
    return AnyIterator {
      guard index < keys.count else { return nil }
      defer { index += 1 }
      return (key: keys[index], value: values[index])
    }
  }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
  /// An object from a literal, members in the literal's order.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self.init(elements)
  }
}
