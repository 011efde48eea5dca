/// Why an artifact could not be read: the module's one error type.
///
/// Every error names the file it is about and carries enough context for a person to find
/// the problem without opening a debugger: the OS error for unreadable files, the byte
/// offset, line and column for invalid JSON, the JSON path (`$.nodes["model.x.y"].depends_on.nodes[2]`)
/// and the expected and found types for wrong-typed values, and the supported kinds and
/// versions when a file is of an unknown kind or a future schema version.
///
/// For example:
/// ```swift
/// do { _ = try ArtifactReader.read(file: "target/manifest.json") }
/// catch let error as ArtifactError { print(error) }
/// // target/manifest.json: invalid JSON at line 1, column 80 (byte 79): expected ',' or '}' after an object member
/// ```
public struct ArtifactError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file (or the name given to ``ArtifactReader/read(bytes:name:)``).
  public let file: String
  /// What went wrong.
  public let reason: Reason

  /// Creates an error about `file`.
  public init(file: String, reason: Reason) {
    self.file = file
    self.reason = reason
  }

  /// The kinds of failure, each with its context.
  public enum Reason: Sendable, Equatable {
    /// The file could not be opened or read; `errno` and its `strerror` text.
    case unreadable(errno: Int32, message: String)
    /// The bytes are not valid JSON (RFC 8259). `offset` is 0-based; `line` and `column`
    /// are 1-based, the column counted in Unicode scalars from the start of the line.
    case invalidJSON(offset: Int, line: Int, column: Int, message: String)
    /// A value that the reader needs has the wrong JSON type (or is missing, `found: "nothing"`).
    case wrongType(path: String, expected: String, found: String)
    /// `metadata.dbt_schema_version` names no artifact kind this module knows, or a
    /// pre-0.19 file has a shape that matches no kind.
    case unknownKind(found: String)
    /// The kind is known but the schema version is not (for example a future manifest v13).
    case unsupportedVersion(kind: ArtifactKind, version: Int)
    /// The caller asked for one kind (``ArtifactReader/read(file:expecting:)``) and the file is another.
    case unexpectedKind(expected: ArtifactKind, found: ArtifactKind, version: Int)
    /// The input is larger than the reader's limits (4 GiB, 2^28 JSON values).
    case tooLarge(limit: String)
    /// An identifier (a unique id, a resource type, a status, an invocation id) is longer
    /// than ``ArtifactError/identifierLimit`` bytes: no dbt identifier is, and storing one
    /// would bloat every index and message that carries it.
    case identifierTooLong(path: String, what: String, length: Int, limit: Int)
  }

  /// The longest identifier (unique id, resource type, status, invocation id) a reader
  /// accepts, in UTF-8 bytes: 4 KiB, far above any real one (dbt's longest are a few
  /// hundred bytes).
  public static let identifierLimit = 4096

  /// The most characters of a value (a key, a unique id, a number's text) quoted in a
  /// message: an error about a 50 MB key must still be one readable line.
  public static let quoteLimit = 120

  /// `text` cut to ``quoteLimit`` characters (with the full length in bytes when cut), in
  /// double quotes unless `quote` is false.
  public static func quoted(_ text: String, quote: Bool = true) -> String {
    var body = text
    if text.unicodeScalars.count > quoteLimit {
      body =
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(quoteLimit)))
        + "... (\(text.utf8.count) bytes)"
    }
    return quote ? "\"\(body)\"" : body
  }

  /// One line: the file, then what went wrong and where.
  public var description: String {
    switch reason {
    case .unreadable(let errno, let message):
      return "\(file): cannot read file: \(message) (errno \(errno))"
    case .invalidJSON(let offset, let line, let column, let message):
      return "\(file): invalid JSON at line \(line), column \(column) (byte \(offset)): \(message)"
    case .wrongType(let path, let expected, let found):
      return "\(file): \(path): expected \(expected), found \(found)"
    case .unknownKind(let found):
      return "\(file): not a dbt artifact of a known kind (\(found)); supported: "
        + ArtifactKind.supportedSummary
    case .unsupportedVersion(let kind, let version):
      return "\(file): \(kind.schemaName) v\(version) is not supported; supported: "
        + ArtifactKind.supportedSummary
    case .unexpectedKind(let expected, let found, let version):
      return "\(file): expected a \(expected.displayName), found \(found.schemaName) v\(version)"
    case .tooLarge(let limit):
      return "\(file): input too large (\(limit))"
    case .identifierTooLong(let path, let what, let length, let limit):
      return "\(file): \(path): \(what) of \(length) bytes is longer than the limit of "
        + "\(limit) bytes"
    }
  }
}
