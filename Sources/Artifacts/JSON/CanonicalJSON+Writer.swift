#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CanonicalJSON {
  /// Writes canonical JSON straight from the tape and bytes (no decoding, no allocation:
  /// the output and the sort stack are sized by the caller, see
  /// ``CanonicalJSON/write(_:into:)``).
  ///
  /// The stack holds, for each open container, its members' tape indices (region A) and,
  /// for objects, their sorted order as offsets into region A (region B).
  struct Writer {
    let bytes: UnsafePointer<UInt8>
    let tape: UnsafeBufferPointer<JSONTapeEntry>
    let output: UnsafeMutablePointer<UInt8>
    let stack: UnsafeMutablePointer<Int32>
    /// Bytes written so far.
    var length = 0
    /// Stack entries in use.
    var top = 0
    var orders: KeyOrderCache

    static let signatureBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Mixes a key into an object's key-sequence signature: its length and its first and
    /// last eight bytes, a word at a time. Keys that differ only in the middle collide,
    /// which costs a sort at worst: a cached order is checked before it is used.
    @inline(__always)
    func combine(_ hash: inout UInt64, _ key: JSONTapeEntry) {
      let start = Int(key.start)
      let count = Int(key.end) - start
      var first: UInt64 = 0
      var last: UInt64 = 0
      if count >= 8 {
        let raw = UnsafeRawPointer(bytes + start)
        first = raw.loadUnaligned(as: UInt64.self)
        last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      } else {
        var offset = 0
        while offset < count {
          first |= UInt64(bytes[start + offset]) << (8 * UInt64(offset))
          offset += 1
        }
      }
      hash = (hash ^ first) &* 0x100_0000_01b3
      hash = (hash ^ last) &* 0x100_0000_01b3
      hash = (hash ^ UInt64(truncatingIfNeeded: count)) &* 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always)
    mutating func emit(_ byte: UInt8) {
      output[length] = byte
      length += 1
    }

    /// Copies the raw text of a scalar (strings with their quotes) or a key (with quotes).
    @inline(__always)
    mutating func emitText(_ entry: JSONTapeEntry) {
      let quote = entry.kind == .string ? 1 : 0
      let start = Int(entry.start) - quote
      let count = Int(entry.end) + quote - start
      UnsafeMutableRawPointer(output + length).copyMemory(from: bytes + start, byteCount: count)
      length += count
    }

    /// Byte-wise order (shorter first on a common prefix), as UTF-8 code point order.
    @inline(__always)
    static func precedes(
      _ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int
    ) -> Bool {
      let common = min(aCount, bCount)
      if common > 0 {
        let order = memcmp(a, b, common)
        if order != 0 { return order < 0 }
      }
      return aCount < bCount
    }

    /// Orders two scalars by their raw text (strings with quotes).
    @inline(__always)
    func scalarPrecedes(_ a: JSONTapeEntry, _ b: JSONTapeEntry) -> Bool {
      let aQuote = a.kind == .string ? 1 : 0
      let bQuote = b.kind == .string ? 1 : 0
      let aStart = Int(a.start) - aQuote
      let bStart = Int(b.start) - bQuote
      return Writer.precedes(
        bytes + aStart, Int(a.end) + aQuote - aStart, bytes + bStart, Int(b.end) + bQuote - bStart)
    }

    /// Orders two keys by their decoded bytes (escaped keys are rare and decoded here).
    func keyPrecedes(_ a: JSONTapeEntry, _ b: JSONTapeEntry) -> Bool {
      let (aStart, aEnd) = (Int(a.start), Int(a.end))
      let (bStart, bEnd) = (Int(b.start), Int(b.end))
      if !a.flag && !b.flag {
        return Writer.precedes(bytes + aStart, aEnd - aStart, bytes + bStart, bEnd - bStart)
      }
      let left = JSONScalars.unescape(
        ArraySlice(UnsafeBufferPointer(start: bytes + aStart, count: aEnd - aStart)))
      let right = JSONScalars.unescape(
        ArraySlice(UnsafeBufferPointer(start: bytes + bStart, count: bEnd - bStart)))
      return left.lexicographicallyPrecedes(right)
    }

    func isVolatile(_ key: JSONTapeEntry) -> Bool {
      let start = Int(key.start)
      let count = Int(key.end) - start
      for volatile in CanonicalJSON.volatileKeyBytes where volatile.count == count {
        let equal = volatile.withUnsafeBufferPointer { wanted in
          guard let wanted = wanted.baseAddress else { return count == 0 }
          return memcmp(wanted, bytes + start, count) == 0
        }
        if equal { return true }
      }
      return false
    }

    /// Fills `order` with the sorted order of the `count` keys whose tape indices are at
    /// `keys`: a cached order when one is stored for `signature` and checked to hold
    /// (n - 1 comparisons), else a fresh stable sort (which is then cached). Returns how
    /// many entries of `order` to write: of repeated keys only the last in the document is
    /// kept, as Python's `json` and the reader keep it (a cached order is strictly
    /// increasing, so it never has repeats).
    mutating func sortKeys(
      _ keys: UnsafeMutablePointer<Int32>, count: Int, into order: UnsafeMutablePointer<Int32>,
      signature: UInt64
    ) -> Int {
      let tape = self.tape
      if orders.copy(signature: signature, count: count, into: order) {
        var ordered = true
        var rank = 1
        while rank < count {
          if !keyPrecedes(tape[Int(keys[Int(order[rank - 1])])], tape[Int(keys[Int(order[rank])])])
          {
            ordered = false
            break
          }
          rank += 1
        }
        if ordered { return count }
      }
      for rank in 0..<count { order[rank] = Int32(rank) }
      var sorted = UnsafeMutableBufferPointer(start: order, count: count)
      sorted.sort {
        keyPrecedes(tape[Int(keys[Int($0)])], tape[Int(keys[Int($1)])])
      }
      // Equal keys are adjacent now: keep the one latest in the document.
      var kept = 0
      var rank = 0
      while rank < count {
        var best = order[rank]
        var next = rank + 1
        while next < count,
          !keyPrecedes(tape[Int(keys[Int(order[rank])])], tape[Int(keys[Int(order[next])])])
        {
          if keys[Int(order[next])] > keys[Int(best)] { best = order[next] }
          next += 1
        }
        order[kept] = best
        kept += 1
        rank = next
      }
      if kept == count { orders.insert(signature: signature, order: order, count: count) }
      return kept
    }

    mutating func write(_ index: Int, dropVolatile: Bool) {
      let entry = tape[index]
      switch entry.kind {
      case .object:
        let start = top
        var signature = Writer.signatureBasis
        var position = index + 1
        let end = entry.next
        while position < end {
          let key = tape[position]
          if !(dropVolatile && isVolatile(key)) {
            stack[top] = Int32(truncatingIfNeeded: position)
            top += 1
            combine(&signature, key)
          }
          position = tape[position + 1].next
        }
        let count = top - start
        emit(UInt8(ascii: "{"))
        if count == 1 {
          writeMember(Int(stack[start]))
        } else if count > 1 {
          let keys = stack + start
          let order = stack + top
          top += count
          let kept = sortKeys(keys, count: count, into: order, signature: signature)
          for rank in 0..<kept {
            if rank > 0 { emit(UInt8(ascii: ",")) }
            writeMember(Int(keys[Int(order[rank])]))
          }
        }
        top = start
        emit(UInt8(ascii: "}"))
      case .array:
        let start = top
        var allScalars = true
        var position = index + 1
        let end = entry.next
        while position < end {
          let element = tape[position]
          if element.kind == .array || element.kind == .object { allScalars = false }
          stack[top] = Int32(truncatingIfNeeded: position)
          top += 1
          position = element.next
        }
        let count = top - start
        if allScalars && count > 1 {
          let tape = self.tape
          var elements = UnsafeMutableBufferPointer(start: stack + start, count: count)
          elements.sort {
            scalarPrecedes(tape[Int($0)], tape[Int($1)])
          }
        }
        emit(UInt8(ascii: "["))
        for offset in 0..<count {
          if offset > 0 { emit(UInt8(ascii: ",")) }
          let element = Int(stack[start + offset])
          if allScalars { emitText(tape[element]) } else { write(element, dropVolatile: false) }
        }
        top = start
        emit(UInt8(ascii: "]"))
      default:
        emitText(entry)
      }
    }

    /// `"key":value` for the key at tape index `keyIndex`.
    @inline(__always)
    mutating func writeMember(_ keyIndex: Int) {
      let key = tape[keyIndex]
      let count = Int(key.end) - Int(key.start) + 2
      UnsafeMutableRawPointer(output + length).copyMemory(
        from: bytes + (Int(key.start) - 1), byteCount: count)
      length += count
      emit(UInt8(ascii: ":"))
      write(keyIndex + 1, dropVolatile: false)
    }
  }
}
