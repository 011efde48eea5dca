#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Computes ``RawDigest``s: one pass over a definition's bytes that finds the members of
/// its top level, hashing everything except the values of volatile keys.
///
/// The bytes were validated by the document's scan, so the pass only tracks strings and
/// nesting; every index stays within the buffer even so.
struct RawDigester {
  /// Domain separation from other SHA-256 uses of the store, and a version to change the
  /// rule by (a changed rule must never meet digests stored under the old one).
  static let prefix = Array("dbt-metadata raw definition 1\u{0}".utf8)

  private var hasher = SHA256()

  /// The digest of `value` (a member of `collection`, under the raw key bytes `key`) in
  /// a manifest of `schemaVersion`.
  mutating func digest(
    of value: JSONValue, key: ArraySlice<UInt8>, collection: String, schemaVersion: Int
  ) -> RawDigest {
    // The context, each part prefixed with its length so that ("ab", "c") and ("a", "bc")
    // differ.
    var context = RawDigester.prefix
    for part in [Array(String(schemaVersion).utf8), Array(collection.utf8), Array(key)] {
      let length = UInt32(truncatingIfNeeded: part.count).littleEndian
      withUnsafeBytes(of: length) { context.append(contentsOf: $0) }
      context.append(contentsOf: part)
    }
    hasher.update(context)
    let entry = value.entry
    let document = value.document
    document.bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let start = Int(entry.start)
      let end = min(Int(entry.end), buffer.count)
      guard start < end else { return }
      let bytes = UnsafeBufferPointer(start: base + start, count: end - start)
      if entry.kind == .object && entry.flag {
        // A collapsed object: the scan that validated it noted where its volatile values start.
        RawDigester.hash(
          bytes, excludingValuesAt: document.volatileValueStarts, offset: start, into: &hasher)
      } else {
        RawDigester.hashExcludingVolatile(bytes, into: &hasher)
      }
    }
    return RawDigest(sha256: hasher.finalize())
  }

  /// Adds `bytes` (a collapsed object at `offset` in its document) to `hasher`, leaving out
  /// each value that starts at one of `starts` (sorted document offsets; those of other
  /// objects are skipped) up to the comma or closing brace after it.
  static func hash(
    _ bytes: UnsafeBufferPointer<UInt8>, excludingValuesAt starts: [UInt32], offset: Int,
    into hasher: inout SHA256
  ) {
    guard let p = bytes.baseAddress else { return }
    let n = bytes.count
    // The first start inside the object (binary search).
    var low = 0
    var high = starts.count
    while low < high {
      let middle = (low + high) / 2
      if Int(starts[middle]) < offset { low = middle + 1 } else { high = middle }
    }
    var segment = 0
    var index = low
    while index < starts.count {
      let start = Int(starts[index]) - offset
      guard start < n else { break }
      if start >= segment {
        hasher.update(UnsafeBufferPointer(start: p + segment, count: start - segment))
        segment = endOfValue(p, from: start, count: n)
      }
      index += 1
    }
    hasher.update(UnsafeBufferPointer(start: p + segment, count: n - segment))
  }

  /// Adds `bytes` (one JSON value) to `hasher`, leaving out the value (from after the
  /// colon to before the next comma or closing brace) of each member of the top-level
  /// object whose key is, as written, one of ``CanonicalJSON/volatileKeys``.
  static func hashExcludingVolatile(_ bytes: UnsafeBufferPointer<UInt8>, into hasher: inout SHA256)
  {
    guard let p = bytes.baseAddress else { return }
    let n = bytes.count
    var i = 0
    var depth = 0
    var expectKey = false
    var segment = 0
    while i < n {
      switch p[i] {
      case UInt8(ascii: "\""):
        let open = i
        i = endOfString(p, from: i + 1, count: n)
        if depth == 1 && expectKey {
          expectKey = false
          if isVolatile(p + open + 1, count: i - open - 2) {
            var colon = i
            while colon < n && p[colon] != UInt8(ascii: ":") { colon += 1 }
            let valueStart = min(colon + 1, n)
            hasher.update(UnsafeBufferPointer(start: p + segment, count: valueStart - segment))
            i = endOfValue(p, from: valueStart, count: n)
            segment = i
          }
        }
        continue
      case UInt8(ascii: "{"):
        depth += 1
        if depth == 1 { expectKey = true }
      case UInt8(ascii: "["):
        depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
      case UInt8(ascii: ","):
        if depth == 1 { expectKey = true }
      default:
        break
      }
      i += 1
    }
    hasher.update(UnsafeBufferPointer(start: p + segment, count: n - segment))
  }

  /// The index after the closing quote of the string whose contents start at `from`.
  static func endOfString(_ p: UnsafePointer<UInt8>, from: Int, count n: Int) -> Int {
    var i = from
    while i < n {
      // The next quote; it closes the string unless an odd run of backslashes precedes it.
      guard let found = memchr(p + i, Int32(UInt8(ascii: "\"")), n - i) else { return n }
      let quote = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - p
      var backslashes = 0
      while quote - backslashes - 1 >= from && p[quote - backslashes - 1] == UInt8(ascii: "\\") {
        backslashes += 1
      }
      if backslashes % 2 == 0 { return quote + 1 }
      i = quote + 1
    }
    return n
  }

  /// The index of the comma or closing brace that ends the member value starting at `from`
  /// (whitespace before the value included in it).
  static func endOfValue(_ p: UnsafePointer<UInt8>, from: Int, count n: Int) -> Int {
    var i = from
    var depth = 0
    while i < n {
      switch p[i] {
      case UInt8(ascii: "\""):
        i = endOfString(p, from: i + 1, count: n)
        continue
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if depth == 0 { return i }
        depth -= 1
      case UInt8(ascii: ","):
        if depth == 0 { return i }
      default:
        break
      }
      i += 1
    }
    return n
  }

  static func isVolatile(_ key: UnsafePointer<UInt8>, count: Int) -> Bool {
    for volatile in CanonicalJSON.volatileKeyBytes where volatile.count == count {
      let equal = volatile.withUnsafeBufferPointer { wanted -> Bool in
        guard let wanted = wanted.baseAddress else { return count == 0 }
        return memcmp(wanted, key, count) == 0
      }
      if equal { return true }
    }
    return false
  }
}
