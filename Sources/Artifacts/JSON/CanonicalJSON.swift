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
    output.reserveCapacity(value.bytes.count)
    var writer = Writer(document: value.document)
    writer.write(value.index, dropVolatile: true, into: &output)
    return output
  }

  /// SHA-256 (lowercase hex) of ``canonicalBytes(of:)``.
  public static func contentHash(of value: JSONValue) -> String {
    var scratch: [UInt8] = []
    return contentHash(of: value, scratch: &scratch)
  }

  /// As ``contentHash(of:)``, reusing `scratch` as the output buffer across calls.
  static func contentHash(of value: JSONValue, scratch: inout [UInt8]) -> String {
    scratch.removeAll(keepingCapacity: true)
    var writer = Writer(document: value.document)
    writer.write(value.index, dropVolatile: true, into: &scratch)
    return SHA256.hexDigest(of: scratch)
  }

  struct Writer {
    let document: JSONDocument
    let volatile: [[UInt8]] = CanonicalJSON.volatileKeys.map { Array($0.utf8) }

    init(document: JSONDocument) {
      self.document = document
    }

    func keyBytes(_ entry: JSONTapeEntry) -> ArraySlice<UInt8> {
      let slice = document.bytes[Int(entry.start)..<Int(entry.end)]
      return entry.flag ? ArraySlice(JSONScalars.unescape(slice)) : slice
    }

    /// The token's text; strings with their quotes.
    func scalarBytes(_ entry: JSONTapeEntry) -> ArraySlice<UInt8> {
      if entry.kind == .string {
        return document.bytes[(Int(entry.start) - 1)..<(Int(entry.end) + 1)]
      }
      return document.bytes[Int(entry.start)..<Int(entry.end)]
    }

    mutating func write(_ index: Int, dropVolatile: Bool, into output: inout [UInt8]) {
      let tape = document.tape
      let entry = tape[index]
      switch entry.kind {
      case .object:
        var members: [(key: ArraySlice<UInt8>, keyIndex: Int, valueIndex: Int)] = []
        var position = index + 1
        while position < entry.next {
          let key = keyBytes(tape[position])
          let valueIndex = position + 1
          if !(dropVolatile && volatile.contains(where: { $0.elementsEqual(key) })) {
            members.append((key, position, valueIndex))
          }
          position = tape[valueIndex].next
        }
        members.sort { $0.key.lexicographicallyPrecedes($1.key) }
        output.append(UInt8(ascii: "{"))
        for (offset, member) in members.enumerated() {
          if offset > 0 { output.append(UInt8(ascii: ",")) }
          output.append(contentsOf: scalarBytes(tape[member.keyIndex]))
          output.append(UInt8(ascii: ":"))
          write(member.valueIndex, dropVolatile: false, into: &output)
        }
        output.append(UInt8(ascii: "}"))
      case .array:
        var elements: [Int] = []
        var allScalars = true
        var position = index + 1
        while position < entry.next {
          let kind = tape[position].kind
          if kind == .array || kind == .object { allScalars = false }
          elements.append(position)
          position = tape[position].next
        }
        if allScalars {
          var texts = elements.map { scalarBytes(tape[$0]) }
          texts.sort { $0.lexicographicallyPrecedes($1) }
          output.append(UInt8(ascii: "["))
          for (offset, text) in texts.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: text)
          }
          output.append(UInt8(ascii: "]"))
        } else {
          output.append(UInt8(ascii: "["))
          for (offset, element) in elements.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: ",")) }
            write(element, dropVolatile: false, into: &output)
          }
          output.append(UInt8(ascii: "]"))
        }
      default:
        output.append(contentsOf: scalarBytes(entry))
      }
    }
  }
}
