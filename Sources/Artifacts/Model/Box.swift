/// An immutable heap box: keeps large, often-absent values out of a struct's inline storage.
final class Box<Value: Sendable>: Sendable {
  let value: Value

  init(_ value: Value) {
    self.value = value
  }
}
