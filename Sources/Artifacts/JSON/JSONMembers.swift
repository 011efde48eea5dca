/// One member of a JSON object: its key and value.
public struct JSONMember: Sendable {
  /// The key's tape index (a string entry).
  let keyIndex: Int
  /// The member's value.
  public let value: JSONValue

  /// The decoded key.
  public var key: String { JSONValue(document: value.document, index: keyIndex).string ?? "" }

  /// The key's bytes as written (between the quotes, escapes not decoded).
  var rawKey: ArraySlice<UInt8> {
    let entry = value.document.tape[keyIndex]
    return value.document.bytes[Int(entry.start)..<Int(entry.end)]
  }

  /// True if the key equals `text`, without decoding it.
  public func keyEquals(_ text: String) -> Bool {
    JSONValue(document: value.document, index: keyIndex).stringEquals(text)
  }
}

/// The members of a JSON object, in document order.
public struct JSONMembers: Sequence, Sendable {
  let value: JSONValue

  /// Iterates key/value pairs by following next-sibling indices on the tape.
  public struct Iterator: IteratorProtocol {
    let document: JSONDocument
    var position: Int
    let end: Int

    public mutating func next() -> JSONMember? {
      guard position < end else { return nil }
      let keyIndex = position
      let valueIndex = position + 1
      position = document.tape[valueIndex].next
      return JSONMember(keyIndex: keyIndex, value: JSONValue(document: document, index: valueIndex))
    }
  }

  /// The members as Python's `json.loads` (which wrote and reads every dbt artifact)
  /// keeps them: a repeated key keeps the position of its first occurrence and the value
  /// of its last. RFC 8259 §4 leaves repeated names to the implementation.
  ///
  /// Cheap when no key repeats (the normal case): keys are compared as raw bytes through a
  /// sorted list of 64-bit hashes, and decoded only when two of them are equal or escaped.
  public var lastValueWins: [JSONMember] {
    let list = Array(self)
    guard list.count > 1 else { return list }
    let document = value.document
    var hashes: [(hash: UInt64, position: Int)] = []
    hashes.reserveCapacity(list.count)
    var escaped = false
    document.bytes.withUnsafeBufferPointer { bytes in
      document.tape.withUnsafeBufferPointer { tape in
        for (position, member) in list.enumerated() {
          let key = tape[member.keyIndex]
          if key.flag { escaped = true }
          // FNV-1a over the key's raw bytes.
          var hash: UInt64 = 0xcbf2_9ce4_8422_2325
          for offset in Int(key.start)..<Int(key.end) {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x100_0000_01b3
          }
          hashes.append((hash, position))
        }
      }
    }
    if !escaped {
      hashes.sort { $0.hash < $1.hash }
      var repeated = false
      for index in 1..<hashes.count where hashes[index].hash == hashes[index - 1].hash {
        repeated = true
        break
      }
      if !repeated { return list }
    }
    var result: [JSONMember] = []
    var positions: [String: Int] = [:]
    for member in list {
      let key = member.key
      if let position = positions[key] {
        result[position] = member
      } else {
        positions[key] = result.count
        result.append(member)
      }
    }
    return result
  }

  public func makeIterator() -> Iterator {
    let entry = value.entry
    let isObject = entry.kind == .object
    return Iterator(
      document: value.document, position: value.index + 1,
      end: isObject ? entry.next : value.index + 1)
  }
}
