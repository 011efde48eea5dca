/// Where an AST node was found: the byte range `start..<end` of its first and last tokens.
///
/// Offsets are into ``Source/body``. Convert to a line and column with
/// ``Source/location(at:)`` when reporting an error. Documents parsed with
/// ``ParseOptions/noLocation`` carry ``Location/none`` everywhere, which makes ASTs
/// comparable regardless of layout (graphql-js's `noLocation` option).
public struct Location: Sendable, Hashable {
  /// The byte offset of the node's first token.
  public var start: Int
  /// The byte offset just past the node's last token.
  public var end: Int

  /// A location from byte offsets.
  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  /// The location given to every node when locations are not recorded.
  public static let none = Location(start: 0, end: 0)
}
