/// An ordered list of header fields with case-insensitive lookup by name (RFC 9110 §5.1:
/// "Field names are case-insensitive").
///
/// Fields keep the order and spelling they arrived in, and repeated names stay separate
/// entries; ``subscript(_:)`` returns the first value, ``values(_:)`` all of them, and
/// ``combined(_:)`` joins them with ", " as RFC 9110 §5.3 allows for list-valued fields.
///
/// For example:
/// ```swift
/// var headers = HTTPHeaders()
/// headers.add("Content-Type", "application/json")
/// headers["content-type"]  // "application/json"
/// ```
///
/// Related specification: <https://www.rfc-editor.org/rfc/rfc9110#section-5>
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
  /// One field: its name as sent and its value with surrounding whitespace removed.
  public struct Field: Sendable, Equatable {
    /// The field name as sent.
    public let name: String
    /// The field value (RFC 9110 §5.5), without leading or trailing whitespace.
    public let value: String
    /// A field; the name must be a token and the value free of CR, LF and NUL.
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// The fields in order.
  public private(set) var fields: [Field] = []

  /// No fields.
  public init() {}

  /// Fields from a literal, in the order written.
  public init(dictionaryLiteral elements: (String, String)...) {
    fields = elements.map { Field(name: $0.0, value: $0.1) }
  }

  /// The number of fields.
  public var count: Int { fields.count }

  public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

  /// Appends a field, keeping any existing ones with the same name.
  public mutating func add(_ name: String, _ value: String) {
    fields.append(Field(name: name, value: value))
  }

  /// Replaces every field named `name` by one with `value`.
  public mutating func set(_ name: String, _ value: String) {
    remove(name)
    fields.append(Field(name: name, value: value))
  }

  /// Removes every field named `name`.
  public mutating func remove(_ name: String) {
    fields.removeAll { Self.namesEqual($0.name, name) }
  }

  /// Whether a field named `name` is present.
  public func contains(_ name: String) -> Bool {
    fields.contains { Self.namesEqual($0.name, name) }
  }

  /// The first value of the field named `name`; setting replaces all such fields, and
  /// setting `nil` removes them.
  public subscript(_ name: String) -> String? {
    get { fields.first { Self.namesEqual($0.name, name) }?.value }
    set {
      if let newValue { set(name, newValue) } else { remove(name) }
    }
  }

  /// Every value of the fields named `name`, in order.
  public func values(_ name: String) -> [String] {
    fields.filter { Self.namesEqual($0.name, name) }.map(\.value)
  }

  /// The values of `name` joined by ", " (RFC 9110 §5.3), or `nil` when absent.
  public func combined(_ name: String) -> String? {
    let all = values(name)
    return all.isEmpty ? nil : all.joined(separator: ", ")
  }

  /// The comma-separated list elements of every `name` field, trimmed and lowercased,
  /// empty elements dropped (RFC 9110 §5.6.1), e.g. for `Connection` or
  /// `Transfer-Encoding`.
  public func tokens(_ name: String) -> [String] {
    values(name).flatMap { value in
      value.split(separator: ",").map { element in
        String(element.trimmingHTTPWhitespace()).lowercased()
      }
    }.filter { !$0.isEmpty }
  }

  /// ASCII case-insensitive comparison of two field names.
  static func namesEqual(_ a: String, _ b: String) -> Bool {
    let left = a.utf8
    let right = b.utf8
    guard left.count == right.count else { return false }
    for (x, y) in zip(left, right) where x != y {
      guard asciiLower(x) == asciiLower(y) else { return false }
    }
    return true
  }

  @inline(__always)
  static func asciiLower(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
  }
}

extension StringProtocol {
  /// The text without leading or trailing spaces and horizontal tabs (RFC 9110 §5.6.3 OWS).
  func trimmingHTTPWhitespace() -> Substring {
    let text = Substring(self)
    var start = text.startIndex
    var end = text.endIndex
    while start < end, text[start] == " " || text[start] == "\t" {
      start = text.index(after: start)
    }
    while end > start {
      let before = text.index(before: end)
      guard text[before] == " " || text[before] == "\t" else { break }
      end = before
    }
    return text[start..<end]
  }
}
