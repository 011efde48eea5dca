/// A map that keeps its most recently used entries within a total weight: what the API's
/// caches share (documents weigh 1 each, lineage graphs their nodes, execution tables their
/// cells).
///
/// Entries are slots of one array linked in recency order, so a lookup, an insertion and
/// each eviction cost a hash and a few index updates, whatever the number of entries. Not
/// thread-safe: each cache guards its map with its own lock.
///
/// For example:
/// ```swift
/// var graphs = WeightedLRU<Int, String>(capacity: 10)
/// graphs.insert("seven", weight: 7, for: 1)
/// graphs.insert("five", weight: 5, for: 2)   // 12 > 10: key 1, the least recent, goes
/// graphs.value(for: 1)                        // nil
/// ```
struct WeightedLRU<Key: Hashable, Value> {
  /// The most total weight kept.
  let capacity: Int
  /// The weight of the entries kept now.
  private(set) var totalWeight = 0

  private struct Slot {
    var key: Key
    var value: Value
    var weight: Int
    var previous: Int
    var next: Int
  }

  private var slots: [Slot?] = []
  private var index: [Key: Int] = [:]
  private var free: [Int] = []
  /// Most recently used first; -1 when empty.
  private var head = -1
  private var tail = -1

  init(capacity: Int) {
    self.capacity = max(0, capacity)
  }

  /// The number of entries kept.
  var count: Int { index.count }

  /// The value kept for `key`, which becomes the most recently used.
  mutating func value(for key: Key) -> Value? {
    guard let position = index[key], let slot = slots[position] else { return nil }
    if head != position {
      unlink(position)
      pushFront(position)
    }
    return slot.value
  }

  /// Keeps `value` for `key` as the most recently used entry (replacing any older one),
  /// then drops least recently used entries until the total weight is within
  /// ``capacity``. A value heavier than the capacity alone is not kept (an older value for
  /// the key is removed all the same).
  ///
  /// - Returns: how many other entries were dropped.
  @discardableResult
  mutating func insert(_ value: Value, weight: Int, for key: Key) -> Int {
    removeValue(for: key)
    guard weight <= capacity else { return 0 }
    let slot = Slot(key: key, value: value, weight: weight, previous: -1, next: -1)
    let position: Int
    if let reused = free.popLast() {
      position = reused
      slots[position] = slot
    } else {
      position = slots.count
      slots.append(slot)
    }
    index[key] = position
    pushFront(position)
    totalWeight += weight
    var dropped = 0
    while totalWeight > capacity, tail >= 0, tail != position, let oldest = slots[tail] {
      removeValue(for: oldest.key)
      dropped += 1
    }
    return dropped
  }

  /// Drops the entry of `key`, if any.
  mutating func removeValue(for key: Key) {
    guard let position = index.removeValue(forKey: key), let slot = slots[position] else {
      return
    }
    unlink(position)
    totalWeight -= slot.weight
    slots[position] = nil
    free.append(position)
  }

  private mutating func unlink(_ position: Int) {
    guard let slot = slots[position] else { return }
    if slot.previous >= 0 { slots[slot.previous]?.next = slot.next } else { head = slot.next }
    if slot.next >= 0 { slots[slot.next]?.previous = slot.previous } else { tail = slot.previous }
    slots[position]?.previous = -1
    slots[position]?.next = -1
  }

  private mutating func pushFront(_ position: Int) {
    slots[position]?.next = head
    slots[position]?.previous = -1
    if head >= 0 { slots[head]?.previous = position }
    head = position
    if tail < 0 { tail = position }
  }
}
