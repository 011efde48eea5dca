#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A read-only view of one value in a ``JSONDocument``: the document and a tape index.
///
/// Views are cheap to copy (a reference and an integer) and decode lazily: `string`,
/// `int`, `double` and `bool` return nil unless the value has that JSON type, so lenient
/// readers can ask without catching errors, and strict readers can report
/// ``kind`` and ``path`` in an ``ArtifactError``.
public struct JSONValue: Sendable {
  /// The document the value belongs to.
  public let document: JSONDocument
  /// The value's position on the document's tape.
  public let index: Int

  init(document: JSONDocument, index: Int) {
    self.document = document
    self.index = index
  }

  var entry: JSONTapeEntry { document.tape[index] }

  /// The JSON type of the value.
  public var kind: JSONKind { entry.kind }

  /// True for JSON `null`.
  public var isNull: Bool { entry.kind == .null }

  /// The decoded string, if the value is a string.
  public var string: String? {
    let entry = self.entry
    guard entry.kind == .string else { return nil }
    return JSONScalars.decodeString(
      document.bytes[Int(entry.start)..<Int(entry.end)], escaped: entry.flag)
  }

  /// The integer, if the value is a number with an exact `Int` value (`3`, `3.0`, `3e2`).
  public var int: Int? {
    let entry = self.entry
    guard entry.kind == .number else { return nil }
    let token = document.bytes[Int(entry.start)..<Int(entry.end)]
    if !entry.flag { return JSONScalars.parseInt(token) }
    guard let value = JSONScalars.parseDouble(token), value.rounded() == value,
      abs(value) < 9.0e15
    else { return nil }
    return Int(value)
  }

  /// The number as `Double`, if the value is a number.
  public var double: Double? {
    let entry = self.entry
    guard entry.kind == .number else { return nil }
    return JSONScalars.parseDouble(document.bytes[Int(entry.start)..<Int(entry.end)])
  }

  /// The boolean, if the value is `true` or `false`.
  public var bool: Bool? {
    switch entry.kind {
    case .true: return true
    case .false: return false
    default: return nil
    }
  }

  /// True for an array or object whose members were not indexed (see ``expanded()``).
  public var isCollapsed: Bool {
    let entry = self.entry
    return (entry.kind == .array || entry.kind == .object) && entry.flag
  }

  /// The same value in a document that indexes all of its members: `self` unless the
  /// value is collapsed, else a fresh index of just its bytes (the bytes are shared, not
  /// copied; they were validated when the outer document was parsed).
  public func expanded() -> JSONValue {
    guard isCollapsed else { return self }
    let entry = self.entry
    guard
      let inner = try? JSONDocument(expanding: self, range: Int(entry.start)..<Int(entry.end))
    else { return self }
    return inner.root
  }

  /// The member named `key`, if the value is an object that has it (the last one wins, as
  /// in Python's `json`).
  public subscript(key: String) -> JSONValue? {
    if isCollapsed { return expanded()[key] }
    guard let position = keyIndex(key) else { return nil }
    return JSONValue(document: document, index: position + 1)
  }

  /// The tape index of the last key equal to `key`, if the value is an (expanded) object
  /// that has it (Python's `json` keeps the last of repeated keys). Keys are compared by
  /// length first, then bytes; escaped keys are decoded.
  func keyIndex(_ key: String) -> Int? {
    var key = key
    return key.withUTF8 { wanted -> Int? in
      document.tape.withUnsafeBufferPointer { tape -> Int? in
        let entry = tape[index]
        guard entry.kind == .object else { return nil }
        return document.bytes.withUnsafeBufferPointer { bytes -> Int? in
          guard let base = bytes.baseAddress else { return nil }
          var position = index + 1
          let end = entry.next
          var found: Int?
          while position < end {
            if keyMatches(tape[position], wanted, base: base) { found = position }
            position = tape[position + 1].next
          }
          return found
        }
      }
    }
  }

  /// The element at `offset`, if the value is an array that long.
  public subscript(offset: Int) -> JSONValue? {
    if isCollapsed { return expanded()[offset] }
    guard entry.kind == .array, offset >= 0 else { return nil }
    var remaining = offset
    for element in elements {
      if remaining == 0 { return element }
      remaining -= 1
    }
    return nil
  }

  /// The elements, if the value is an array; empty otherwise.
  public var elements: JSONElements { JSONElements(value: expanded()) }

  /// The members in document order, if the value is an object; empty otherwise.
  public var members: JSONMembers { JSONMembers(value: expanded()) }

  /// The number of elements or members (0 for scalars).
  public var count: Int {
    switch kind {
    case .array: return elements.reduce(0) { count, _ in count + 1 }
    case .object: return members.reduce(0) { count, _ in count + 1 }
    default: return 0
    }
  }

  /// The value's text exactly as written (strings include their quotes).
  public var bytes: ArraySlice<UInt8> {
    let entry = self.entry
    if entry.kind == .string {
      return document.bytes[(Int(entry.start) - 1)..<(Int(entry.end) + 1)]
    }
    return document.bytes[Int(entry.start)..<Int(entry.end)]
  }

  /// The value as ``RawJSON`` (shares the document's bytes).
  public var raw: RawJSON { RawJSON(bytes: bytes) }

  /// True if the value is a string whose decoded contents equal `text`.
  public func stringEquals(_ text: String) -> Bool {
    guard entry.kind == .string else { return false }
    var text = text
    let entry = self.entry
    return text.withUTF8 { wanted in
      document.bytes.withUnsafeBufferPointer { all in
        guard let base = all.baseAddress else { return false }
        return keyMatches(entry, wanted, base: base)
      }
    }
  }

  /// True if the string entry `key` decodes to the bytes `wanted`; `base` is the start of
  /// this document's bytes (lengths are compared first, escaped strings are decoded).
  @inline(__always)
  func keyMatches(
    _ key: JSONTapeEntry, _ wanted: UnsafeBufferPointer<UInt8>, base: UnsafePointer<UInt8>
  ) -> Bool {
    let start = Int(key.start)
    if key.flag {
      return JSONScalars.unescape(document.bytes[start..<Int(key.end)]).elementsEqual(wanted)
    }
    let length = Int(key.end) - start
    guard length == wanted.count else { return false }
    guard let other = wanted.baseAddress else { return true }  // both empty
    return memcmp(base + start, other, length) == 0
  }
}
