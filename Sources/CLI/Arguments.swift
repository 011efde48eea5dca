/// The arguments after a command name, consumed option by option.
///
/// Commands take what they know (`option`, `options`, `flag`, `positional`) and finish
/// with ``finish()``, which rejects anything left over, so a typo is a usage error
/// rather than silently ignored.
struct Arguments {
  private var items: [String]

  init(_ items: [String]) { self.items = items }

  func contains(_ word: String) -> Bool { items.contains(word) }

  /// The value of `--name VALUE` or `--name=VALUE`, if given; a second occurrence is an error.
  mutating func option(_ name: String) throws -> String? {
    let values = try options(name)
    guard values.count <= 1 else { throw UsageError("\(name) given more than once") }
    return values.first
  }

  /// A required option's value.
  mutating func required(_ name: String) throws -> String {
    guard let value = try option(name) else { throw UsageError("missing \(name)") }
    return value
  }

  /// A required option parsed as an integer.
  mutating func requiredInt(_ name: String) throws -> Int {
    let text = try required(name)
    guard let value = Int(text) else {
      throw UsageError("\(name) expects an integer, found '\(text)'")
    }
    return value
  }

  /// An optional option parsed as an integer.
  mutating func int(_ name: String) throws -> Int? {
    guard let text = try option(name) else { return nil }
    guard let value = Int(text) else {
      throw UsageError("\(name) expects an integer, found '\(text)'")
    }
    return value
  }

  /// Every value of a repeatable option, in order.
  mutating func options(_ name: String) throws -> [String] {
    var values: [String] = []
    var index = 0
    while index < items.count {
      let item = items[index]
      if item == name {
        guard index + 1 < items.count else { throw UsageError("\(name) expects a value") }
        values.append(items[index + 1])
        items.removeSubrange(index...(index + 1))
      } else if item.hasPrefix(name + "=") {
        values.append(String(item.dropFirst(name.count + 1)))
        items.remove(at: index)
      } else {
        index += 1
      }
    }
    return values
  }

  /// Whether `--name` was given (and removes it).
  mutating func flag(_ name: String) -> Bool {
    guard let index = items.firstIndex(of: name) else { return false }
    items.remove(at: index)
    return true
  }

  /// The next positional argument (one not starting with `--`; a lone `-` counts).
  mutating func positional() -> String? {
    guard let index = items.firstIndex(where: { $0 == "-" || !$0.hasPrefix("-") }) else {
      return nil
    }
    return items.remove(at: index)
  }

  /// Throws if anything was not consumed.
  func finish() throws {
    if let first = items.first {
      throw UsageError("unexpected argument '\(first)'")
    }
  }
}
