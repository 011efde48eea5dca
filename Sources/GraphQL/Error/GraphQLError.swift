/// The one error type of the GraphQL module: syntax, validation and field errors.
///
/// It encodes as the spec's error result format: `message`, then `locations` (1-based line
/// and column, omitted when empty), `path` (omitted when empty) and `extensions` (omitted when
/// nil). The source positions and the underlying error are kept for callers but never encoded,
/// so internals do not leak to clients.
///
/// For example:
/// ```swift
/// do { _ = try parse("{ a") } catch {
///   print(error.message)    // Syntax Error: Expected Name, found <EOF>.
///   print(error.locations)  // [1:4]
/// }
/// ```
///
/// See https://spec.graphql.org/September2025/#sec-Errors
public struct GraphQLError: Error, Sendable, Encodable, CustomStringConvertible {
  /// A human-readable description of the problem.
  public var message: String
  /// Where in the document the problem is (1-based line and column in code points).
  public var locations: [SourceLocation]
  /// For field errors, the response path of the field (keys and list indices).
  public var path: [PathComponent]
  /// Extra, machine-readable information (for example `["code": "GRAPHQL_PARSE_FAILED"]`).
  public var extensions: [String: ExtensionValue]?
  /// The byte offsets the locations were computed from, if known (not encoded).
  public var positions: [Int]
  /// The name of the source the positions refer to, if known (not encoded).
  public var sourceName: String?
  /// The error that caused this one, such as a resolver's error (not encoded).
  public var underlyingError: (any Error & Sendable)?

  /// An error with explicit locations.
  public init(
    message: String, locations: [SourceLocation] = [], path: [PathComponent] = [],
    extensions: [String: ExtensionValue]? = nil, underlyingError: (any Error & Sendable)? = nil
  ) {
    self.message = message
    self.locations = locations
    self.path = path
    self.extensions = extensions
    self.positions = []
    self.sourceName = nil
    self.underlyingError = underlyingError
  }

  /// An error located at AST nodes of a parsed source (as graphql-js's `nodes` option).
  ///
  /// Each node's start offset becomes a line and column in `source`. Nodes parsed without
  /// locations (``Location/none``) are skipped.
  public init(
    message: String, nodes: [any Node], source: Source, path: [PathComponent] = [],
    extensions: [String: ExtensionValue]? = nil, underlyingError: (any Error & Sendable)? = nil
  ) {
    let positions = nodes.map(\.loc).filter { $0 != .none || source.body.isEmpty }.map(\.start)
    self.init(
      message: message, positions: positions, source: source, path: path, extensions: extensions,
      underlyingError: underlyingError)
  }

  /// An error located at byte offsets of a source.
  public init(
    message: String, positions: [Int], source: Source, path: [PathComponent] = [],
    extensions: [String: ExtensionValue]? = nil, underlyingError: (any Error & Sendable)? = nil
  ) {
    self.message = message
    self.locations = positions.map { source.location(at: $0) }
    self.path = path
    self.extensions = extensions
    self.positions = positions
    self.sourceName = source.name
    self.underlyingError = underlyingError
  }

  /// A syntax error at a byte offset; the message gets graphql-js's `Syntax Error: ` prefix.
  ///
  /// See https://spec.graphql.org/September2025/#sec-Language
  public static func syntax(_ source: Source, at position: Int, _ description: String)
    -> GraphQLError
  {
    GraphQLError(
      message: "Syntax Error: " + description, positions: [position], source: source)
  }

  /// The message followed by the locations, as `message (line:column)`.
  public var description: String {
    if locations.isEmpty { return message }
    return message + " (" + locations.map(\.description).joined(separator: ", ") + ")"
  }

  private enum CodingKeys: String, CodingKey {
    case message, locations, path, extensions
  }

  /// Encodes the spec's error result format, leaving out empty members.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(message, forKey: .message)
    if !locations.isEmpty { try container.encode(locations, forKey: .locations) }
    if !path.isEmpty { try container.encode(path, forKey: .path) }
    if let extensions { try container.encode(extensions, forKey: .extensions) }
  }
}

extension GraphQLError {
  /// One step of a response path: an object key or a list index.
  ///
  /// See https://spec.graphql.org/September2025/#sec-Errors.Error-Result-Format
  public enum PathComponent: Sendable, Hashable, Encodable, CustomStringConvertible {
    /// A response key (field alias or name).
    case key(String)
    /// A list index, from 0.
    case index(Int)

    /// Encodes as a JSON string or number.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .key(let key): try container.encode(key)
      case .index(let index): try container.encode(index)
      }
    }

    /// The key, or the index in decimal.
    public var description: String {
      switch self {
      case .key(let key): key
      case .index(let index): String(index)
      }
    }
  }

  /// A JSON value in an error's `extensions`.
  public enum ExtensionValue: Sendable, Hashable, Encodable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([ExtensionValue])
    case object([String: ExtensionValue])

    /// Encodes as the corresponding JSON value.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .string(let value): try container.encode(value)
      case .int(let value): try container.encode(value)
      case .double(let value): try container.encode(value)
      case .bool(let value): try container.encode(value)
      case .null: try container.encodeNil()
      case .list(let value): try container.encode(value)
      case .object(let value): try container.encode(value)
      }
    }
  }
}
