#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The canonical form of a manifest definition, and its SHA-256: the key of
/// content-addressed storage ("a run that changes nothing adds only its executions").
///
/// Two parses of an unchanged project must give the same hash, so the form:
/// - sorts object keys (by their decoded UTF-8 bytes);
/// - sorts lists whose elements are all scalars: dbt fills some of them from Python sets
///   (`depends_on.nodes`, `depends_on.macros`, `tags`...) and writes them in unstable order.
///   Ordered scalar lists (`fqn`) are sorted too; the hash only has to tell definitions
///   apart, and a reordered `fqn` always comes with a changed `path`;
/// - drops the volatile keys of the definition's top level: ``volatileKeys``;
/// - has no insignificant whitespace; strings and numbers keep the spelling dbt wrote
///   (dbt's serializer is deterministic, so equal values are spelled alike).
///
/// Lists of objects and arrays keep their order (it is meaningful: columns, hooks, given rows).
public enum CanonicalJSON {
  /// Keys whose values change between parses of identical definitions:
  /// `created_at` (parse time), `root_path` (absolute path on the build machine, v1-v7),
  /// `build_path` (target dir), `deferred` (set by `--defer`, not by the definition) and
  /// `_event_status` (runtime status, v11+).
  public static let volatileKeys: [String] = [
    "created_at", "root_path", "build_path", "deferred", "_event_status",
  ]

  /// The canonical bytes of `value`.
  public static func canonicalBytes(of value: JSONValue) -> [UInt8] {
    var output: [UInt8] = []
    write(value, into: &output)
    return output
  }

  /// SHA-256 (lowercase hex) of ``canonicalBytes(of:)``.
  public static func contentHash(of value: JSONValue) -> String {
    var scratch: [UInt8] = []
    return contentHash(of: value, scratch: &scratch)
  }

  /// As ``contentHash(of:)``, reusing `scratch` as the output buffer and `orders` as the
  /// key-order cache across calls.
  static func contentHash(of value: JSONValue, scratch: inout [UInt8], orders: inout KeyOrderCache)
    -> String
  {
    scratch.removeAll(keepingCapacity: true)
    write(value, into: &scratch, orders: &orders)
    return SHA256.hexDigest(of: scratch)
  }

  /// As ``contentHash(of:)``, reusing `scratch` as the output buffer across calls.
  static func contentHash(of value: JSONValue, scratch: inout [UInt8]) -> String {
    var orders = KeyOrderCache()
    return contentHash(of: value, scratch: &scratch, orders: &orders)
  }

  /// Appends the canonical form of `value` (expanded first if collapsed) to `output`.
  static func write(_ value: JSONValue, into output: inout [UInt8]) {
    var orders = KeyOrderCache()
    write(value, into: &output, orders: &orders)
  }

  static func write(_ value: JSONValue, into output: inout [UInt8], orders: inout KeyOrderCache) {
    let value = value.expanded()
    let document = value.document
    output.reserveCapacity(output.count + value.bytes.count)
    document.bytes.withUnsafeBufferPointer { bytes in
      document.tape.withUnsafeBufferPointer { tape in
        var writer = Writer(bytes: bytes, tape: tape, orders: orders)
        orders = KeyOrderCache()  // the writer holds the only reference while it inserts
        writer.write(value.index, dropVolatile: true, into: &output)
        orders = writer.orders
      }
    }
  }

  /// Sorted key orders by key sequence. dbt writes every definition of a kind with the
  /// same keys in the same order (dataclass field order), so most objects reuse an order
  /// found before; a reused order is verified (n - 1 comparisons) before it is trusted,
  /// so the cache only saves work and never changes a result.
  struct KeyOrderCache {
    var orders: [UInt64: [Int32]] = [:]
    static let capacity = 4096
  }

  /// The volatile keys as bytes, for comparison without decoding.
  static let volatileKeyBytes: [[UInt8]] = volatileKeys.map { Array($0.utf8) }

  /// Writes canonical JSON straight from the tape and bytes (no decoding, no per-value
  /// allocation except a shared stack of indices used for sorting).
  struct Writer {
    let bytes: UnsafeBufferPointer<UInt8>
    let tape: UnsafeBufferPointer<JSONTapeEntry>
    /// Tape indices being sorted, one region per open container.
    var stack: [Int] = []
    var orders: KeyOrderCache

    init(
      bytes: UnsafeBufferPointer<UInt8>, tape: UnsafeBufferPointer<JSONTapeEntry>,
      orders: KeyOrderCache = KeyOrderCache()
    ) {
      self.bytes = bytes
      self.tape = tape
      self.orders = orders
      stack.reserveCapacity(256)
    }

    /// FNV-1a over the key bytes (each followed by a 0xFF separator, which UTF-8 never contains).
    @inline(__always)
    static func combine(_ hash: inout UInt64, _ key: UnsafeBufferPointer<UInt8>) {
      for byte in key {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      }
      hash = (hash ^ 0xFF) &* 0x100_0000_01b3
    }

    /// The sorted order (offsets into the region) of the keys at `stack[start...]`.
    mutating func sortedOrder(regionStart start: Int, signature: UInt64) -> [Int32] {
      let count = stack.count - start
      let (tape, bytes) = (self.tape, self.bytes)
      if let cached = orders.orders[signature], cached.count == count {
        var ordered = true
        var offset = 1
        while offset < count {
          let previous = tape[stack[start + Int(cached[offset - 1])]]
          let next = tape[stack[start + Int(cached[offset])]]
          if !Writer.keyPrecedes(previous, next, in: bytes) {
            ordered = false
            break
          }
          offset += 1
        }
        if ordered { return cached }
      }
      let keys = Array(stack[start...])
      let order = (0..<Int32(count)).sorted {
        Writer.keyPrecedes(tape[keys[Int($0)]], tape[keys[Int($1)]], in: bytes)
      }
      if orders.orders.count < KeyOrderCache.capacity { orders.orders[signature] = order }
      return order
    }

    /// The raw text of a scalar (strings with quotes) or key contents (without).
    @inline(__always)
    func text(_ entry: JSONTapeEntry, quoted: Bool) -> UnsafeBufferPointer<UInt8> {
      Writer.text(entry, quoted: quoted, in: bytes)
    }

    @inline(__always)
    static func text(_ entry: JSONTapeEntry, quoted: Bool, in bytes: UnsafeBufferPointer<UInt8>)
      -> UnsafeBufferPointer<UInt8>
    {
      let isString = entry.kind == .string
      let start = Int(entry.start) - (isString && quoted ? 1 : 0)
      let end = Int(entry.end) + (isString && quoted ? 1 : 0)
      return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Byte-wise order (shorter first on a common prefix), as UTF-8 code point order.
    @inline(__always)
    static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
      let common = min(a.count, b.count)
      if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
        let order = memcmp(pa, pb, common)
        if order != 0 { return order < 0 }
      }
      return a.count < b.count
    }

    /// Orders two keys by their decoded bytes (escaped keys are rare and decoded here).
    static func keyPrecedes(
      _ a: JSONTapeEntry, _ b: JSONTapeEntry, in bytes: UnsafeBufferPointer<UInt8>
    )
      -> Bool
    {
      let left = text(a, quoted: false, in: bytes)
      let right = text(b, quoted: false, in: bytes)
      if !a.flag && !b.flag { return precedes(left, right) }
      return JSONScalars.unescape(ArraySlice(left)).lexicographicallyPrecedes(
        JSONScalars.unescape(ArraySlice(right)))
    }

    func isVolatile(_ key: JSONTapeEntry) -> Bool {
      let keyText = text(key, quoted: false)
      for volatile in CanonicalJSON.volatileKeyBytes where volatile.count == keyText.count {
        if volatile.elementsEqual(keyText) { return true }
      }
      return false
    }

    mutating func write(_ index: Int, dropVolatile: Bool, into output: inout [UInt8]) {
      let entry = tape[index]
      switch entry.kind {
      case .object:
        let regionStart = stack.count
        var signature: UInt64 = 0xcbf2_9ce4_8422_2325
        var position = index + 1
        while position < entry.next {
          let key = tape[position]
          if !(dropVolatile && isVolatile(key)) {
            stack.append(position)
            Writer.combine(&signature, text(key, quoted: false))
          }
          position = tape[position + 1].next
        }
        let order =
          stack.count - regionStart > 1
          ? sortedOrder(regionStart: regionStart, signature: signature) : [0]
        output.append(UInt8(ascii: "{"))
        for (rank, offset) in order.enumerated() where regionStart + Int(offset) < stack.count {
          if rank > 0 { output.append(UInt8(ascii: ",")) }
          let keyIndex = stack[regionStart + Int(offset)]
          output.append(contentsOf: text(tape[keyIndex], quoted: true))
          output.append(UInt8(ascii: ":"))
          write(keyIndex + 1, dropVolatile: false, into: &output)
        }
        stack.removeSubrange(regionStart...)
        output.append(UInt8(ascii: "}"))
      case .array:
        let regionStart = stack.count
        var allScalars = true
        var position = index + 1
        while position < entry.next {
          let kind = tape[position].kind
          if kind == .array || kind == .object { allScalars = false }
          stack.append(position)
          position = tape[position].next
        }
        if allScalars {
          let (tape, bytes) = (self.tape, self.bytes)
          stack[regionStart...].sort {
            Writer.precedes(
              Writer.text(tape[$0], quoted: true, in: bytes),
              Writer.text(tape[$1], quoted: true, in: bytes))
          }
        }
        output.append(UInt8(ascii: "["))
        var offset = regionStart
        while offset < stack.count {
          if offset > regionStart { output.append(UInt8(ascii: ",")) }
          write(stack[offset], dropVolatile: false, into: &output)
          offset += 1
        }
        stack.removeSubrange(regionStart...)
        output.append(UInt8(ascii: "]"))
      default:
        output.append(contentsOf: text(entry, quoted: true))
      }
    }
  }
}
