import Artifacts

/// A SHA-256 digest over a sequence of length-prefixed parts: the key of a manifest
/// version (its sorted `(unique_id, content_hash)` pairs) and of a catalog column list.
///
/// Parts are prefixed with their byte length and optional parts with a presence byte, so
/// `("ab", "c")`, `("a", "bc")`, `(nil)` and `("")` all differ.
/// SHA-256: FIPS 180-4, <https://csrc.nist.gov/pubs/fips/180-4/upd1/final>
struct Fingerprint {
  /// The parts, encoded; hashed once by ``hexDigest``. Why buffered: a catalog has a
  /// column list per table and each column adds eight small parts; one libcrypto call for
  /// the list replaces eight per column. The digest is the same (pinned by a test).
  private var bytes: [UInt8] = []

  /// Adds one part.
  mutating func combine(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      let length = UInt32(truncatingIfNeeded: utf8.count).littleEndian
      withUnsafeBytes(of: length) { bytes.append(contentsOf: $0) }
      bytes.append(contentsOf: utf8)
    }
  }

  /// Adds an optional part, distinguishing nil from "".
  mutating func combine(_ text: String?) {
    if let text {
      bytes.append(1)
      combine(text)
    } else {
      bytes.append(0)
    }
  }

  /// Adds an optional integer part.
  mutating func combine(_ number: Int?) { combine(number.map(String.init)) }

  /// The digest as 64 lowercase hex digits.
  var hexDigest: String { SHA256.hexDigest(of: bytes) }
}
