import Testing

@testable import MetadataAPI

/// The map the API's caches share: least recently used entries go first, the total weight
/// stays within the capacity, and slots freed by removals are reused.
@Suite struct WeightedLRUTests {
  @Test func theLeastRecentlyUsedGoFirstUntilTheWeightFits() {
    var map = WeightedLRU<String, Int>(capacity: 10)
    #expect(map.insert(1, weight: 4, for: "a") == 0)
    #expect(map.insert(2, weight: 4, for: "b") == 0)
    #expect(map.value(for: "a") == 1)  // "a" is now more recent than "b"
    #expect(map.insert(3, weight: 4, for: "c") == 1)
    #expect(map.value(for: "b") == nil)
    #expect(map.value(for: "a") == 1)
    #expect(map.value(for: "c") == 3)
    #expect(map.totalWeight == 8)
    // One heavy entry drops both others.
    #expect(map.insert(4, weight: 10, for: "d") == 2)
    #expect(map.count == 1)
    #expect(map.totalWeight == 10)
  }

  @Test func aValueHeavierThanTheCapacityIsNotKeptAndReplacesNothingElse() {
    var map = WeightedLRU<String, Int>(capacity: 5)
    map.insert(1, weight: 2, for: "a")
    map.insert(2, weight: 2, for: "b")
    #expect(map.insert(3, weight: 6, for: "b") == 0)
    #expect(map.value(for: "b") == nil)  // the older value of the key is gone too
    #expect(map.value(for: "a") == 1)
    #expect(map.totalWeight == 2)
  }

  @Test func replacingAKeyUpdatesItsWeightAndRemovedSlotsAreReused() {
    var map = WeightedLRU<Int, String>(capacity: 100)
    for key in 0..<50 { map.insert("\(key)", weight: 1, for: key) }
    map.insert("big", weight: 30, for: 7)
    #expect(map.totalWeight == 49 + 30)
    for key in 0..<50 where key != 7 { map.removeValue(for: key) }
    #expect(map.count == 1)
    #expect(map.totalWeight == 30)
    for key in 100..<170 { map.insert("\(key)", weight: 1, for: key) }
    // 30 + 70 = 100: everything fits; then one more drops the oldest, the big entry.
    #expect(map.count == 71)
    #expect(map.insert("last", weight: 1, for: 999) == 1)
    #expect(map.value(for: 7) == nil)
    #expect(map.value(for: 100) == "100")
    #expect(map.totalWeight == 71)
  }
}
