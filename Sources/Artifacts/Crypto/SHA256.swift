import CCrypto

/// SHA-256 (FIPS 180-4), computed by libcrypto's EVP digest interface.
///
/// Why libcrypto here, although DESIGN.md draws `CCrypto -> Auth` only: every manifest
/// definition is hashed (its canonical JSON is the key of content-addressed storage), and
/// a pure-Swift SHA-256 (about 200 MB/s) was the largest CPU cost of an ingest. libcrypto
/// uses the CPU's SHA instructions (SHA-NI, ARMv8 SHA2) and hashes several times faster,
/// as Python's hashlib does for the baseline. The dependency is recorded in README.md.
///
/// A value type: copying a hasher copies its state (copy on write), so a caller can
/// finalize a copy and keep updating the original.
///
/// For example:
/// ```swift
/// SHA256.hexDigest(of: Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
///
/// Specification: https://csrc.nist.gov/pubs/fips/180-4/upd1/final;
/// EVP digests: https://docs.openssl.org/3.0/man3/EVP_DigestInit/
public struct SHA256: Sendable {
  private var context: DigestContext

  /// A fresh hash state.
  public init() {
    context = DigestContext()
  }

  /// Adds `bytes` to the message.
  public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    if !isKnownUniquelyReferenced(&context) {
      context = context.copy()
    }
    let context = self.context
    if let done: Void = bytes.withContiguousStorageIfAvailable({
      context.update(UnsafeRawBufferPointer($0))
    }) {
      return done
    }
    Array(bytes).withUnsafeBytes { context.update($0) }
  }

  /// Pads the message and returns the 32-byte digest. The hasher then starts over: what
  /// is added next begins a new message.
  public mutating func finalize() -> [UInt8] {
    if !isKnownUniquelyReferenced(&context) {
      context = context.copy()
    }
    return context.finalize()
  }

  /// The digest of `bytes`.
  public static func digest<Bytes: Collection>(of bytes: Bytes) -> [UInt8]
  where Bytes.Element == UInt8 {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// The digest of `bytes` as 64 lowercase hex digits.
  public static func hexDigest<Bytes: Collection>(of bytes: Bytes) -> String
  where Bytes.Element == UInt8 {
    hex(digest(of: bytes))
  }

  /// Lowercase hex of `bytes`.
  public static func hex(_ bytes: [UInt8]) -> String {
    let digits: StaticString = "0123456789abcdef"
    return String(unsafeUninitializedCapacity: bytes.count * 2) { text in
      digits.withUTF8Buffer { digits in
        for (index, byte) in bytes.enumerated() {
          text[2 * index] = digits[Int(byte >> 4)]
          text[2 * index + 1] = digits[Int(byte & 0x0F)]
        }
      }
      return bytes.count * 2
    }
  }
}

/// One libcrypto `EVP_MD_CTX` set up for SHA-256, owned by one ``SHA256`` value at a time
/// (the value copies it before mutating a shared one), hence `@unchecked Sendable`.
///
/// The EVP calls fail only when memory runs out or libcrypto has no SHA-256 provider,
/// neither of which input can cause; such a failure stops the process with a message.
private final class DigestContext: @unchecked Sendable {
  /// The SHA-256 implementation, fetched once: `EVP_sha256()` would look the provider up
  /// again at every `EVP_DigestInit_ex`.
  nonisolated(unsafe) private static let algorithm: OpaquePointer? =
    EVP_MD_fetch(nil, "SHA256", nil) ?? EVP_sha256()

  private let context: OpaquePointer

  init() {
    guard let context = EVP_MD_CTX_new() else {
      preconditionFailure("libcrypto: EVP_MD_CTX_new failed (out of memory)")
    }
    self.context = context
    guard EVP_DigestInit_ex(context, DigestContext.algorithm, nil) == 1 else {
      preconditionFailure("libcrypto: no SHA-256 digest available")
    }
  }

  private init(copying other: DigestContext) {
    guard let context = EVP_MD_CTX_new(), EVP_MD_CTX_copy_ex(context, other.context) == 1
    else {
      preconditionFailure("libcrypto: EVP_MD_CTX_copy_ex failed (out of memory)")
    }
    self.context = context
  }

  deinit {
    EVP_MD_CTX_free(context)
  }

  func copy() -> DigestContext {
    DigestContext(copying: self)
  }

  func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    guard EVP_DigestUpdate(context, base, bytes.count) == 1 else {
      preconditionFailure("libcrypto: EVP_DigestUpdate failed")
    }
  }

  func finalize() -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let status = digest.withUnsafeMutableBufferPointer {
      EVP_DigestFinal_ex(context, $0.baseAddress, &length)
    }
    guard status == 1, length == 32,
      EVP_DigestInit_ex(context, DigestContext.algorithm, nil) == 1
    else {
      preconditionFailure("libcrypto: EVP_DigestFinal_ex failed")
    }
    return digest
  }
}
