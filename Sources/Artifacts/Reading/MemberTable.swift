#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Repeated member lookups on one object, for ``NodeMapper``, which asks a definition for
/// some forty keys (most of them absent in any given version).
///
/// ``load(_:)`` walks the object's keys once and puts a 64-bit fingerprint of each
/// (length, first and last three bytes) in a small open-addressing hash table; a lookup,
/// present or absent, then probes a slot or two instead of following the tape from key
/// to key, and compares bytes only when the fingerprints agree on a key longer than six
/// bytes (shorter keys are fully determined by their fingerprint). A lookup follows its
/// probe chain to the end and keeps the latest key that matches, so the last of repeated
/// keys wins, as with ``JSONValue/subscript(_:)-(String)`` and Python's `json`. Objects with escaped keys
/// (never written by dbt) fall back to ``JSONValue/keyIndex(_:)``. The table is reused
/// from one definition to the next.
struct MemberTable {
  /// The object loaded last (expanded), nil before the first ``load(_:)``.
  private(set) var object: JSONValue?
  /// Slot fingerprints; the count is a power of two, at least twice the key count.
  private var fingerprints: [UInt64] = []
  /// Slot key tape indices, -1 for an empty slot.
  private var positions: [Int32] = []
  /// True if some key has escapes: lookups then scan the tape and decode.
  private var escaped = false

  /// The fingerprint of a key's bytes; equal keys have equal fingerprints, and keys of up
  /// to six bytes are equal exactly when their fingerprints are.
  @inline(__always)
  static func fingerprint(_ key: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    var first: UInt64 = 0
    var last: UInt64 = 0
    if count >= 3 {
      first = UInt64(key[0]) | UInt64(key[1]) << 8 | UInt64(key[2]) << 16
      last = UInt64(key[count - 1]) | UInt64(key[count - 2]) << 8 | UInt64(key[count - 3]) << 16
    } else {
      var offset = 0
      while offset < count {
        first |= UInt64(key[offset]) << (8 * UInt64(offset))
        last |= UInt64(key[count - 1 - offset]) << (8 * UInt64(offset))
        offset += 1
      }
    }
    return UInt64(truncatingIfNeeded: min(count, 0xFFFF)) | first << 16 | last << 40
  }

  /// The home slot of `fingerprint` in a table of `mask + 1` slots.
  @inline(__always)
  static func home(_ fingerprint: UInt64, mask: Int) -> Int {
    let mixed = fingerprint &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: mixed >> 40) & mask
  }

  /// Indexes the keys of `value` (nothing if it is not an object).
  mutating func load(_ value: JSONValue) {
    let value = value.expanded()
    object = value
    escaped = false
    let document = value.document
    document.tape.withUnsafeBufferPointer { tape in
      let entry = tape[value.index]
      let isObject = entry.kind == .object
      var keyCount = 0
      var position = value.index + 1
      let end = isObject ? entry.next : position
      while position < end {
        keyCount += 1
        position = tape[position + 1].next
      }
      var size = 64
      while size < 2 * keyCount { size *= 2 }
      if positions.count != size {
        fingerprints = [UInt64](repeating: 0, count: size)
        positions = [Int32](repeating: -1, count: size)
      } else {
        positions.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
      }
      guard keyCount > 0 else { return }
      let mask = size - 1
      document.bytes.withUnsafeBufferPointer { bytes in
        guard let base = bytes.baseAddress else { return }
        fingerprints.withUnsafeMutableBufferPointer { fingerprints in
          positions.withUnsafeMutableBufferPointer { positions in
            var position = value.index + 1
            while position < end {
              let key = tape[position]
              if key.flag { escaped = true }
              let start = Int(key.start)
              let fingerprint = MemberTable.fingerprint(base + start, count: Int(key.end) - start)
              var slot = MemberTable.home(fingerprint, mask: mask)
              while positions[slot] >= 0 { slot = (slot + 1) & mask }
              fingerprints[slot] = fingerprint
              positions[slot] = Int32(truncatingIfNeeded: position)
              position = tape[position + 1].next
            }
          }
        }
      }
    }
  }

  /// The tape index of the last key equal to `key`.
  @inline(__always)
  func keyIndex(_ key: StaticString) -> Int? {
    guard key.hasPointerRepresentation else { return keyIndex(string: key.description) }
    return keyIndex(key.utf8Start, count: key.utf8CodeUnitCount)
  }

  /// The tape index of the last key equal to `key` (for keys not known at compile time).
  func keyIndex(string key: String) -> Int? {
    var key = key
    return key.withUTF8 { wanted in
      guard let base = wanted.baseAddress else { return object?.keyIndex("") }
      return keyIndex(base, count: wanted.count)
    }
  }

  /// The tape index of the last key whose bytes equal `count` bytes at `wanted`.
  func keyIndex(_ wanted: UnsafePointer<UInt8>, count: Int) -> Int? {
    guard let object else { return nil }
    if escaped {
      return object.keyIndex(
        String(decoding: UnsafeBufferPointer(start: wanted, count: count), as: UTF8.self))
    }
    let fingerprint = MemberTable.fingerprint(wanted, count: count)
    let mask = positions.count - 1
    guard mask > 0 else { return nil }
    var slot = MemberTable.home(fingerprint, mask: mask)
    var found = -1
    while true {
      let position = Int(positions[slot])
      if position < 0 { return found >= 0 ? found : nil }
      if fingerprints[slot] == fingerprint, position > found {
        if count <= 6 {
          found = position
          slot = (slot + 1) & mask
          continue
        }
        let document = object.document
        let key = document.tape[position]
        let start = Int(key.start)
        // Lengths past 0xFFFF share a fingerprint: compare them too.
        let equal =
          Int(key.end) - start == count
          && document.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memcmp(base + start, wanted, count) == 0
          }
        if equal { found = position }
      }
      slot = (slot + 1) & mask
    }
  }

  /// The member named `key` (null included), as ``JSONValue/subscript(_:)-(String)``.
  subscript(key: StaticString) -> JSONValue? {
    guard let object, let position = keyIndex(key) else { return nil }
    return JSONValue(document: object.document, index: position + 1)
  }

  /// The member `key`, treating `null` as absent (``JSONValue/member(_:)``).
  func member(_ key: StaticString) -> JSONValue? {
    guard let value = self[key], !value.isNull else { return nil }
    return value
  }

  /// As ``JSONValue/lenientString(_:)``.
  func lenientString(_ key: StaticString) -> String? {
    member(key)?.scalarText
  }

  /// As ``JSONValue/lenientInt(_:)``.
  func lenientInt(_ key: StaticString) -> Int? {
    member(key)?.lenientIntValue
  }

  /// As ``JSONValue/lenientBool(_:)``.
  func lenientBool(_ key: StaticString) -> Bool? {
    member(key)?.lenientBoolValue
  }

  /// As ``JSONValue/lenientStringList(_:)``.
  func lenientStringList(_ key: StaticString) -> [String] {
    member(key)?.lenientStringListValue ?? []
  }

  /// As ``JSONValue/rawJSON(_:)``.
  func rawJSON(_ key: StaticString) -> RawJSON? {
    member(key)?.raw
  }
}
