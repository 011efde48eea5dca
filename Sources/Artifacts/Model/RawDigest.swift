/// SHA-256 of one manifest definition as dbt wrote it: its bytes, the collection and key it
/// was found under and the manifest's schema version, with only the values of the
/// top-level volatile keys left out (``CanonicalJSON/volatileKeys``: `created_at` changes on
/// every full parse although nothing else does).
///
/// Why: a project's next run repeats almost every definition of the run before. A
/// definition whose raw digest the store already knows maps to the same ``ManifestNode``
/// and the same ``ManifestNode/contentHash`` as before, so the reader can skip mapping
/// and canonical hashing for it (``KnownDefinitions``). Unlike the content hash this needs
/// no canonical form: one pass over the bytes and one SHA-256.
///
/// The digest covers every byte the mapping reads: two definitions with equal digests
/// differ at most in the values of top-level volatile keys, which the mapper never reads
/// and the canonical form drops. Keys are compared as written (an escaped spelling of
/// `created_at` is covered like any other key), so the rule errs only towards mapping.
/// SHA-256: FIPS 180-4, <https://csrc.nist.gov/pubs/fips/180-4/upd1/final>
public struct RawDigest: Sendable, Hashable, CustomStringConvertible {
  // The 32 bytes as four words: cheap to hash and compare as a dictionary key.
  private let words: (UInt64, UInt64, UInt64, UInt64)

  /// The digest from its 32 bytes (as stored); nil for another length.
  public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
    guard bytes.count == 32 else { return nil }
    self.init(sha256: Array(bytes))
  }

  /// The digest from a finalized SHA-256 (32 bytes; a shorter input is zero-padded).
  init(sha256 bytes: [UInt8]) {
    func word(_ index: Int) -> UInt64 {
      var value: UInt64 = 0
      for offset in index * 8..<index * 8 + 8 {
        value = value << 8 | (offset < bytes.count ? UInt64(bytes[offset]) : 0)
      }
      return value
    }
    words = (word(0), word(1), word(2), word(3))
  }

  /// The 32 bytes, as stored.
  public var bytes: [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    for word in [words.0, words.1, words.2, words.3] {
      for shift in stride(from: 56, through: 0, by: -8) {
        bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
      }
    }
    return bytes
  }

  /// 64 lowercase hex digits.
  public var description: String { SHA256.hex(bytes) }

  public static func == (left: RawDigest, right: RawDigest) -> Bool {
    left.words == right.words
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(words.0)
    hasher.combine(words.1)
  }
}
