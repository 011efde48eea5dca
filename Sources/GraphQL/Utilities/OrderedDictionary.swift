/// A dictionary that remembers insertion order; the executor's field collection and the
/// schema's field maps need both fast lookup and the order of the source text.
///
/// Written here because the product takes no package dependencies (swift-collections).
public struct OrderedDictionary<Key: Hashable, Value> {
  /// The keys, in insertion order.
  public private(set) var keys: [Key] = []
  /// The values, parallel to ``keys``.
  public private(set) var values: [Value] = []
  private var indices: [Key: Int] = [:]

  /// An empty dictionary.
  public init() {}

  /// The number of entries.
  public var count: Int { keys.count }

  /// Whether there are no entries.
  public var isEmpty: Bool { keys.isEmpty }

  /// The position of `key`, if present.
  public func index(forKey key: Key) -> Int? { indices[key] }

  /// The value for `key`; setting a new key appends it, setting `nil` is not supported
  /// (entries are never removed during collection).
  public subscript(key: Key) -> Value? {
    get {
      guard let index = indices[key] else { return nil }
      return values[index]
    }
    set {
      guard let newValue else { return }
      if let index = indices[key] {
        values[index] = newValue
      } else {
        indices[key] = keys.count
        keys.append(key)
        values.append(newValue)
      }
    }
  }

  /// The value for `key`, inserting `defaultValue()` first if absent; for in-place appends.
  public subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value {
    get { self[key] ?? defaultValue() }
    set { self[key] = newValue }
  }

  /// Modifies the value at `key` in place, inserting `defaultValue` first if absent.
  public mutating func modify(
    _ key: Key, default defaultValue: @autoclosure () -> Value, _ body: (inout Value) -> Void
  ) {
    if let index = indices[key] {
      body(&values[index])
    } else {
      var value = defaultValue()
      body(&value)
      indices[key] = keys.count
      keys.append(key)
      values.append(value)
    }
  }
}

extension OrderedDictionary: Sendable where Key: Sendable, Value: Sendable {}
