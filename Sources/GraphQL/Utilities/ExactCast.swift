/// `value as? T`, deciding the usual case (the value's dynamic type is exactly `T`) by
/// comparing type metadata instead of running the runtime's general cast.
///
/// Why: resolvers receive their parent as `Any` and scalar serializers their value as
/// `Any`; the general cast (`swift_dynamicCast`) was a fifth of the time of resolving a
/// list of objects' scalar fields. Opening the existential gives its dynamic type; when
/// that is `T`, the value is `T` itself. Any other case (a subclass, an optional, a
/// bridged value) takes the general cast, so the result is always that of `as? T`.
@inlinable
func exactCast<T>(_ value: Any, to _: T.Type) -> T? {
  @inline(__always)
  func open<Opened>(_ opened: Opened) -> T? {
    if Opened.self == T.self { return unsafeBitCast(opened, to: T.self) }
    return opened as? T
  }
  return open(value)
}
