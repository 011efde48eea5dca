/// Limits and switches for ``parse(_:options:)``.
///
/// The limits bound the work a hostile document can cause: graphql-js's `maxTokens` (parsing
/// is linear, but what follows it can be quadratic in the worst case) and a nesting limit
/// (swift-syntax's `maximumNestingLevel`) so deeply nested input such as `{{{{...` fails fast
/// with a syntax error instead of overflowing the stack, in debug builds too.
public struct ParseOptions: Sendable, Hashable {
  /// The most tokens a document may have; `nil` for no limit. Default 15,000 (DESIGN.md).
  public var maxTokens: Int?
  /// The deepest nesting of selection sets, list and object values and list types.
  /// Default 256: far beyond real queries (DESIGN.md allows selection depth 20), and measured
  /// to fit a 1 MiB thread stack in a debug build (about 3.3 KiB of stack per nesting level at
  /// worst, inline fragments; release frames are several times smaller).
  public var maxDepth: Int
  /// Whether to skip recording locations; every node then has ``Location/none``, which makes
  /// ASTs of differently laid-out documents compare equal (graphql-js's `noLocation`).
  public var noLocation: Bool

  /// Options with the documented defaults.
  public init(maxTokens: Int? = 15_000, maxDepth: Int = 256, noLocation: Bool = false) {
    self.maxTokens = maxTokens
    self.maxDepth = maxDepth
    self.noLocation = noLocation
  }
}
