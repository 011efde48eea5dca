extension CanonicalJSON {
  /// Sorted key orders by key sequence. dbt writes every definition of a kind with the
  /// same keys in the same order (dataclass field order), so most objects reuse an order
  /// found before; a reused order is verified (n - 1 comparisons) before it is trusted,
  /// so the cache only saves work and never changes a result.
  ///
  /// A flat open-addressing table (signature -> range of ``pool``), so a lookup neither
  /// hashes through `Hasher` nor retains a per-object array.
  struct KeyOrderCache {
    /// At most this many orders are kept (later shapes are sorted each time).
    static let capacity = 4096
    /// Key-sequence signatures by slot (0: empty); the count is a power of two.
    var signatures: [UInt64] = []
    /// Where each slot's order starts in ``pool``.
    var starts: [Int32] = []
    /// The key count of each slot's order.
    var counts: [Int32] = []
    /// All cached orders, back to back.
    var pool: [Int32] = []
    var stored = 0

    @inline(__always)
    static func slotSignature(_ signature: UInt64) -> UInt64 {
      signature == 0 ? 1 : signature
    }

    /// The slot holding `signature`, or the empty slot where it would go (nil if the table
    /// has no slots yet).
    func slot(of signature: UInt64) -> Int? {
      let size = signatures.count
      guard size > 0 else { return nil }
      let mask = size - 1
      // High bits of a product depend on all of its input: fold them into the index.
      var slot = Int(truncatingIfNeeded: signature ^ (signature >> 40) ^ (signature >> 20)) & mask
      while true {
        let found = signatures[slot]
        if found == signature || found == 0 { return slot }
        slot = (slot + 1) & mask
      }
    }

    /// Copies the cached order of `count` keys for `signature` into `order`; false if none.
    func copy(signature: UInt64, count: Int, into order: UnsafeMutablePointer<Int32>) -> Bool {
      let signature = KeyOrderCache.slotSignature(signature)
      guard let slot = slot(of: signature), signatures[slot] == signature,
        Int(counts[slot]) == count
      else { return false }
      let start = Int(starts[slot])
      pool.withUnsafeBufferPointer { pool in
        guard let base = pool.baseAddress else { return }
        order.update(from: base + start, count: count)
      }
      return true
    }

    /// Stores `order` for `signature` unless the cache is full or already has that signature
    /// (a collision or an object with duplicate keys, which is sorted each time).
    mutating func insert(signature: UInt64, order: UnsafeMutablePointer<Int32>, count: Int) {
      guard stored < KeyOrderCache.capacity else { return }
      if 4 * (stored + 1) > 3 * signatures.count { grow() }
      let signature = KeyOrderCache.slotSignature(signature)
      guard let slot = slot(of: signature), signatures[slot] == 0 else { return }
      signatures[slot] = signature
      starts[slot] = Int32(truncatingIfNeeded: pool.count)
      counts[slot] = Int32(truncatingIfNeeded: count)
      pool.append(contentsOf: UnsafeBufferPointer(start: order, count: count))
      stored += 1
    }

    /// Doubles the table (64 slots at first) and re-inserts the stored orders.
    mutating func grow() {
      let old = (signatures, starts, counts)
      let size = max(64, 2 * signatures.count)
      signatures = [UInt64](repeating: 0, count: size)
      starts = [Int32](repeating: 0, count: size)
      counts = [Int32](repeating: 0, count: size)
      for index in old.0.indices where old.0[index] != 0 {
        guard let slot = slot(of: old.0[index]) else { continue }
        signatures[slot] = old.0[index]
        starts[slot] = old.1[index]
        counts[slot] = old.2[index]
      }
    }
  }
}
