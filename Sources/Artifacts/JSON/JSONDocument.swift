/// A parsed JSON text (RFC 8259): the original bytes plus a compact tape that indexes them.
///
/// Artifacts are large (real manifests reach 4 MB and more, synthetic ones 200 MB) and
/// Foundation's `JSONSerialization` on Linux builds a boxed `NSDictionary` tree that needs
/// many times the input size. The tape instead holds one 12-byte entry per JSON value
/// (start offset, end offset, kind and the index of the next sibling), pointing into the
/// original bytes; strings and numbers are decoded only when a reader asks for them.
/// Manifests average 20-30 bytes per value, so a full tape is about half the input size;
/// the artifact readers avoid even that by indexing only the top levels and each node on
/// its own (see ``JSONValue/expanded()``).
///
/// For example:
/// ```swift
/// let document = try JSONDocument(bytes: Array(#"{"a": [1, "x"]}"#.utf8), name: "inline")
/// let first = document.root["a"]?[0]?.intValue  // 1
/// ```
///
/// Limits: inputs up to 4 GiB (offsets are 32-bit), 2^28 values, nesting depth
/// ``maximumDepth`` (512 by default). Each limit fails with an ``ArtifactError``.
///
/// Specification: https://www.rfc-editor.org/rfc/rfc8259
public final class JSONDocument: Sendable {
  /// The name used in error messages (normally the file path).
  public let name: String
  /// The bytes of the JSON text, exactly as given.
  public let bytes: [UInt8]
  /// One entry per JSON value, in document order (pre-order: a container precedes its members).
  let tape: [JSONTapeEntry]
  /// Where the values of the volatile members of collapsed objects start, in document order
  /// (``JSONScanner/volatileValueStarts``); empty unless some levels were not recorded.
  let volatileValueStarts: [UInt32]
  /// For a value re-parsed from a collapsed container: the outer document and the value's
  /// index there, so error paths can be computed (only when needed) from the file's root.
  let origin: JSONValue?

  /// Where this document's root sits in the file: "$", or e.g. `$.nodes["model.a.b"]`.
  var basePath: String { origin?.path ?? "$" }

  /// The default nesting limit: dbt artifacts are at most about 15 levels deep, and the
  /// limit keeps recursive consumers (canonical hashing) far from the thread's stack size.
  public static let defaultMaximumDepth = 512

  /// Parses `bytes` as one JSON text.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 JSON text (a leading byte order mark is rejected, as RFC 8259 §8.1 allows).
  ///   - name: the file name to put in error messages.
  ///   - maximumDepth: the deepest nesting of arrays and objects accepted.
  /// - Throws: ``ArtifactError`` with reason ``ArtifactError/Reason/invalidJSON(offset:line:column:message:)``
  ///   naming the byte offset, line and column and what was expected there.
  public init(bytes: [UInt8], name: String, maximumDepth: Int = JSONDocument.defaultMaximumDepth)
    throws
  {
    self.name = name
    self.bytes = bytes
    self.origin = nil
    var parser = JSONParser(name: name, maximumDepth: maximumDepth)
    self.tape = try parser.parse(bytes, range: 0..<bytes.count)
    self.volatileValueStarts = parser.volatileValueStarts
  }

  /// Parses the whole text but records only values up to `recordDepth` levels deep (the
  /// root is level 0). Deeper containers are validated and marked collapsed; reading into
  /// them re-parses just their bytes (``JSONValue/expanded()``), so a 200 MB manifest is
  /// never indexed all at once.
  init(bytes: [UInt8], name: String, recordDepth: Int) throws {
    self.name = name
    self.bytes = bytes
    self.origin = nil
    var parser = JSONParser(
      name: name, maximumDepth: JSONDocument.defaultMaximumDepth, recordDepth: recordDepth)
    self.tape = try parser.parse(bytes, range: 0..<bytes.count)
    self.volatileValueStarts = parser.volatileValueStarts
  }

  /// Indexes the bytes of `origin` (a value of another document, already validated).
  init(expanding origin: JSONValue, range: Range<Int>) throws {
    self.name = origin.document.name
    self.bytes = origin.document.bytes
    self.origin = origin
    var parser = JSONParser(
      name: name, maximumDepth: JSONDocument.defaultMaximumDepth, validated: true)
    self.tape = try parser.parse(bytes, range: range)
    self.volatileValueStarts = parser.volatileValueStarts
  }

  /// The top-level value.
  public var root: JSONValue { JSONValue(document: self, index: 0) }

  /// The number of JSON values in the document (the size of the tape).
  public var valueCount: Int { tape.count }
}

/// One value on the tape: 12 bytes.
///
/// `start`/`end` are byte offsets into the document. For strings they bound the contents
/// between the quotes; for numbers and literals the token; for arrays and objects the
/// brackets (end is one past the closing bracket). `info` packs the kind (3 bits), a flag
/// (bit 3: the string has escapes, the number has a fraction or exponent, or the container's
/// members were not recorded) and, from bit 4, the tape index just past this value (its next
/// sibling).
struct JSONTapeEntry: Sendable {
  var start: UInt32
  var end: UInt32
  var info: UInt32

  static let flagBit: UInt32 = 0b1000
  static let maximumIndex = (1 << 28) - 1

  init(kind: JSONKind, start: Int, end: Int, flag: Bool, next: Int) {
    self.start = UInt32(truncatingIfNeeded: start)
    self.end = UInt32(truncatingIfNeeded: end)
    self.info =
      UInt32(kind.rawValue) | (flag ? JSONTapeEntry.flagBit : 0)
      | (UInt32(truncatingIfNeeded: next) << 4)
  }

  var kind: JSONKind { JSONKind(rawValue: UInt8(info & 0b111)) ?? .null }
  var flag: Bool { info & JSONTapeEntry.flagBit != 0 }
  var next: Int { Int(info >> 4) }
}

/// The kind of a JSON value (RFC 8259 §3).
public enum JSONKind: UInt8, Sendable, CustomStringConvertible {
  case null = 0
  case `false` = 1
  case `true` = 2
  case number = 3
  case string = 4
  case array = 5
  case object = 6

  /// The word used in error messages ("found an array").
  public var description: String {
    switch self {
    case .null: return "null"
    case .false, .true: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}
