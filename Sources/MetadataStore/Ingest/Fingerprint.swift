import Artifacts

/// A SHA-256 digest over a sequence of length-prefixed parts: the key of a manifest
/// version (its sorted `(unique_id, content_hash)` pairs) and of a catalog column list.
///
/// Parts are prefixed with their byte length and optional parts with a presence byte, so
/// `("ab", "c")`, `("a", "bc")`, `(nil)` and `("")` all differ.
/// SHA-256: FIPS 180-4, <https://csrc.nist.gov/pubs/fips/180-4/upd1/final>
struct Fingerprint {
  private var hasher = SHA256()

  /// Adds one part.
  mutating func combine(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      var length = UInt32(truncatingIfNeeded: bytes.count).littleEndian
      withUnsafeBytes(of: &length) { hasher.update($0) }
      hasher.update(bytes)
    }
  }

  /// Adds an optional part, distinguishing nil from "".
  mutating func combine(_ text: String?) {
    if let text {
      hasher.update([1])
      combine(text)
    } else {
      hasher.update([0])
    }
  }

  /// Adds an optional integer part.
  mutating func combine(_ number: Int?) { combine(number.map(String.init)) }

  /// The digest as 64 lowercase hex digits.
  var hexDigest: String {
    var copy = hasher
    return SHA256.hex(copy.finalize())
  }
}
