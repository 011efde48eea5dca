#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The canonical form of a manifest definition, and its SHA-256: the key of
/// content-addressed storage ("a run that changes nothing adds only its executions").
///
/// Two parses of an unchanged project must give the same hash, so the form:
/// - sorts object keys (by their decoded UTF-8 bytes);
/// - sorts lists whose elements are all scalars: dbt fills some of them from Python sets
///   (`depends_on.nodes`, `depends_on.macros`, `tags`...) and writes them in unstable order.
///   Ordered scalar lists (`fqn`) are sorted too; the hash only has to tell definitions
///   apart, and a reordered `fqn` always comes with a changed `path`;
/// - drops the volatile keys of the definition's top level: ``volatileKeys``;
/// - has no insignificant whitespace; strings and numbers keep the spelling dbt wrote
///   (dbt's serializer is deterministic, so equal values are spelled alike).
///
/// Lists of objects and arrays keep their order (it is meaningful: columns, hooks, given rows).
public enum CanonicalJSON {
  /// Keys whose values change between parses of identical definitions:
  /// `created_at` (parse time), `root_path` (absolute path on the build machine, v1-v7),
  /// `build_path` (target dir), `deferred` (set by `--defer`, not by the definition) and
  /// `_event_status` (runtime status, v11+).
  public static let volatileKeys: [String] = [
    "created_at", "root_path", "build_path", "deferred", "_event_status",
  ]

  /// The canonical bytes of `value`.
  public static func canonicalBytes(of value: JSONValue) -> [UInt8] {
    var workspace = Workspace()
    let length = write(value, into: &workspace)
    return Array(workspace.output[0..<length])
  }

  /// SHA-256 (lowercase hex) of ``canonicalBytes(of:)``.
  public static func contentHash(of value: JSONValue) -> String {
    var workspace = Workspace()
    return contentHash(of: value, workspace: &workspace)
  }

  /// As ``contentHash(of:)``, reusing `workspace` (output buffer, sort stack and key-order
  /// cache) across calls.
  static func contentHash(of value: JSONValue, workspace: inout Workspace) -> String {
    let length = write(value, into: &workspace)
    let output = workspace.output
    output.withUnsafeBufferPointer {
      workspace.hasher.update(UnsafeBufferPointer(rebasing: $0[0..<length]))
    }
    return SHA256.hex(workspace.hasher.finalize())
  }

  /// Buffers reused from one definition to the next, so hashing a definition allocates
  /// nothing once they have grown to the largest definition seen.
  struct Workspace {
    /// Canonical output; only the prefix returned by ``CanonicalJSON/write(_:into:)`` is valid.
    var output: [UInt8] = []
    /// Tape indices being sorted, one region per open container.
    var stack: [Int32] = []
    var orders = KeyOrderCache()
    /// One libcrypto context for every definition (``SHA256/finalize()`` starts it over).
    var hasher = SHA256()
  }

  /// Writes the canonical form of `value` (expanded first if collapsed) to the start of
  /// `workspace.output` and returns its length.
  ///
  /// The output never needs more room than the value's own text (it keeps every token as
  /// written and drops whitespace and members), and the sort stack never more than two
  /// entries per value (a container's members plus their sorted order), so both buffers
  /// are sized once up front and written through pointers without bounds checks.
  static func write(_ value: JSONValue, into workspace: inout Workspace) -> Int {
    let value = value.expanded()
    let document = value.document
    let entry = value.entry
    let textLength = Int(entry.end) - Int(entry.start) + 2
    let valueCount = max(1, entry.next - value.index)
    if workspace.output.count < textLength {
      workspace.output = [UInt8](repeating: 0, count: max(textLength, 2 * workspace.output.count))
    }
    if workspace.stack.count < 2 * valueCount {
      workspace.stack = [Int32](repeating: 0, count: max(2 * valueCount, 2 * workspace.stack.count))
    }
    // Moved out so the three buffers can be borrowed at once.
    var output = workspace.output
    var stack = workspace.stack
    workspace.output = []
    workspace.stack = []
    defer {
      workspace.output = output
      workspace.stack = stack
    }
    return document.bytes.withUnsafeBufferPointer { bytes in
      document.tape.withUnsafeBufferPointer { tape in
        output.withUnsafeMutableBufferPointer { output in
          stack.withUnsafeMutableBufferPointer { stack in
            guard let base = bytes.baseAddress, let out = output.baseAddress,
              let stackBase = stack.baseAddress
            else { return 0 }
            var writer = Writer(
              bytes: base, tape: tape, output: out, stack: stackBase, orders: workspace.orders)
            workspace.orders = KeyOrderCache()  // the writer holds the only reference while it inserts
            writer.write(value.index, dropVolatile: true)
            workspace.orders = writer.orders
            return writer.length
          }
        }
      }
    }
  }

  /// The volatile keys as bytes, for comparison without decoding.
  static let volatileKeyBytes: [[UInt8]] = volatileKeys.map { Array($0.utf8) }
}
