/// The byte-level JSON scanner behind ``JSONDocument``: validates RFC 8259 and builds the tape.
///
/// It is iterative (an explicit stack of open containers), so nesting depth costs heap, not
/// thread stack, and deep input fails with a clear error at ``JSONDocument/defaultMaximumDepth``.
/// Strings are scanned eight bytes at a time (SWAR) until a quote, backslash, control
/// character or non-ASCII byte shows up; non-ASCII bytes are checked as UTF-8 (RFC 3629 §4).
///
/// Grammar: https://www.rfc-editor.org/rfc/rfc8259#section-2
struct JSONParser {
  let name: String
  let maximumDepth: Int
  /// Values nested deeper than this are validated but not put on the tape; their container
  /// is marked collapsed (``JSONTapeEntry/flag``) and re-parsed on demand.
  let recordDepth: Int
  /// True when the bytes were already validated by an earlier parse (re-indexing a
  /// collapsed container): strings are then scanned for quotes and backslashes only.
  let validated: Bool

  init(name: String, maximumDepth: Int, recordDepth: Int = Int.max, validated: Bool = false) {
    self.name = name
    self.maximumDepth = maximumDepth
    self.recordDepth = recordDepth
    self.validated = validated
  }

  /// Where the values of volatile members of collapsed objects start, after ``parse(_:range:)``
  /// (see ``JSONScanner/volatileValueStarts``).
  private(set) var volatileValueStarts: [UInt32] = []

  /// Parses the JSON text in `bytes[range]` and returns its tape (offsets into `bytes`).
  mutating func parse(_ bytes: [UInt8], range: Range<Int>) throws -> [JSONTapeEntry] {
    guard bytes.count < Int(UInt32.max) else {
      throw ArtifactError(file: name, reason: .tooLarge(limit: "4 GiB per file"))
    }
    if !validated, range.lowerBound == 0, bytes.count >= 2,
      bytes[0] == 0x00 || bytes[0] >= 0x80 || bytes[1] == 0x00,
      let encoding = JSONEncodingSniffer.foreignEncoding(bytes)
    {
      throw ArtifactError(
        file: name,
        reason: .invalidJSON(
          offset: 0, line: 1, column: 1,
          message: "the file is \(encoding), not UTF-8: JSON must be UTF-8 without a byte "
            + "order mark (RFC 8259 §8.1); convert it (for example with iconv) and try again"))
    }
    return try bytes.withUnsafeBufferPointer { buffer in
      var scanner = JSONScanner(
        buffer: buffer, range: range, name: name, maximumDepth: maximumDepth,
        recordDepth: recordDepth, validated: validated)
      let tape = try scanner.run()
      volatileValueStarts = scanner.volatileValueStarts
      return tape
    }
  }
}
