/// Conversion of resolver results (plain Swift values) to ``JSONValue``.
extension JSONValue {
  /// A JSON value from a Swift value: `JSONValue`, `String`, `Bool`, integers, floating
  /// point numbers, `nil`/`Optional.none`, arrays and `[String: Any]` dictionaries (keys
  /// sorted, since a Swift dictionary has no order), and `RawRepresentable` strings.
  ///
  /// - Throws: ``GraphQLError`` naming the value's type when it has no JSON form.
  public init(any value: Any) throws {
    switch value {
    case let json as JSONValue: self = json
    case let text as String: self = .string(text)
    case let number as Int: self = .int(number)
    case let flag as Bool: self = .bool(flag)
    case let number as Double: self = .double(number)
    case let object as JSONObject: self = .object(object)
    case let text as Substring: self = .string(String(text))
    case let number as Int64: self = .int(Int(number))
    case let number as Int32: self = .int(Int(number))
    case let number as Int16: self = .int(Int(number))
    case let number as Int8: self = .int(Int(number))
    case let number as UInt32: self = .int(Int(number))
    case let number as UInt16: self = .int(Int(number))
    case let number as UInt8: self = .int(Int(number))
    case let number as UInt:
      guard let exact = Int(exactly: number) else {
        self = .double(Double(number))
        return
      }
      self = .int(exact)
    case let number as UInt64:
      guard let exact = Int(exactly: number) else {
        self = .double(Double(number))
        return
      }
      self = .int(exact)
    case let number as Float: self = .double(Double(number))
    case let list as [Any]: self = .list(try list.map { try JSONValue(any: $0) })
    case let dictionary as [String: Any]:
      var object = JSONObject(capacity: dictionary.count)
      for key in dictionary.keys.sorted() {
        if let member = dictionary[key] { object.append(key, try JSONValue(any: member)) }
      }
      self = .object(object)
    case let raw as any RawRepresentable:
      if let text = raw.rawValue as? String {
        self = .string(text)
      } else {
        self = try JSONValue(any: raw.rawValue)
      }
    default:
      if let unwrapped = unwrapOptional(value) {
        if let inner = unwrapped.value {
          self = try JSONValue(any: inner)
        } else {
          self = .null
        }
        return
      }
      throw GraphQLError(message: "Cannot represent a value of type \(type(of: value)) as JSON.")
    }
  }
}

/// Looks through `Optional` boxes hidden in an `Any` (a resolver returning `String?`
/// as `Any?` produces `.some(.none)`).
protocol OptionalBox {
  var boxedValue: Any? { get }
}

extension Optional: OptionalBox {
  var boxedValue: Any? {
    switch self {
    case .some(let wrapped): return wrapped
    case .none: return nil
    }
  }
}

/// `nil` when `value` is not an Optional; otherwise `.some(inner)` with the flattened inner.
func unwrapOptional(_ value: Any) -> (value: Any?, Void)? {
  guard let box = value as? any OptionalBox else { return nil }
  var current = box.boxedValue
  while let inner = current, let nested = inner as? any OptionalBox {
    current = nested.boxedValue
  }
  return (current, ())
}

/// Flattens nested optionals in a resolver result: `nil` if any level is `nil`.
@inline(__always)
func flattenOptional(_ value: Any?) -> Any? {
  guard let value else { return nil }
  if let unwrapped = unwrapOptional(value) { return unwrapped.value }
  return value
}
