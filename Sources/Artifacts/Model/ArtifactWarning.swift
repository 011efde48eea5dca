/// Something a reader accepted but did not store as written: a `null` in a list, a value
/// of an unexpected type in a field the store only describes, a number out of range.
///
/// Real dbt writes such files (dbt 1.2 manifests carry `[null, "macro.dbt.get_where_subquery"]`
/// in `depends_on.macros`), so refusing them whole would lose every good definition for one
/// harmless value. Readers stay strict only where a wrong value would store a wrong fact
/// (unique ids, resource types, statuses, timestamps, structure); everywhere else they skip
/// the value and count it here. One warning per kind: how many, and the JSON path of the
/// first, so a person can find it (`reference/dbt-artifacts.md` §8).
public struct ArtifactWarning: Sendable, Hashable, CustomStringConvertible {
  /// The kinds of leniency.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A `null` entry in a list of strings, skipped.
    case nullListEntry
    /// A value of a type the reader cannot use, in a field it only describes; ignored.
    case ignoredValue
    /// A number outside the range the store keeps (an integer past Int64, a non-finite
    /// or overflowing float), stored as null.
    case numberOutOfRange
    /// The file has no `dbt_schema_version`: it was read as the pre-0.19 format.
    case unversioned
  }

  /// What was skipped.
  public let kind: Kind
  /// How many times in the file.
  public let count: Int
  /// The JSON path of the first occurrence (`$` for the whole file).
  public let path: String
  /// What was expected and found at ``path`` (already cut to a readable length).
  public let detail: String

  /// Creates a warning.
  public init(kind: Kind, count: Int, path: String, detail: String) {
    self.kind = kind
    self.count = count
    self.path = path
    self.detail = detail
  }

  /// One line, e.g. `2 null entries in lists skipped (first: $.nodes["test.x"].depends_on.macros[0])`.
  public var description: String {
    let plural = count != 1
    switch kind {
    case .nullListEntry:
      return "\(count) null entr\(plural ? "ies" : "y") in lists skipped (first: \(path))"
    case .ignoredValue:
      return "\(count) value\(plural ? "s" : "") of an unexpected type ignored "
        + "(first: \(path): \(detail))"
    case .numberOutOfRange:
      return "\(count) number\(plural ? "s" : "") out of range stored as null "
        + "(first: \(path): \(detail))"
    case .unversioned:
      return detail
    }
  }
}
