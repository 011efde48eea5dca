/// SHA-256 (FIPS 180-4 §6.2), in pure Swift.
///
/// The design keeps libcrypto to the Auth module; Artifacts stays free of storage and
/// crypto libraries but needs a content hash for every manifest definition, so it carries
/// this small implementation, tested against the NIST example vectors.
///
/// For example:
/// ```swift
/// SHA256.hexDigest(of: Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
///
/// Specification: https://csrc.nist.gov/pubs/fips/180-4/upd1/final
public struct SHA256: Sendable {
  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
    0x5be0_cd19
  )
  /// Bytes waiting for a full 64-byte block.
  private var pending: [UInt8] = []
  private var totalLength: UInt64 = 0

  /// A fresh hash state (FIPS 180-4 §5.3.3 initial value).
  public init() {
    pending.reserveCapacity(64)
  }

  /// Adds `bytes` to the message.
  public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    totalLength &+= UInt64(bytes.count)
    if let done: Void = bytes.withContiguousStorageIfAvailable({ update(contiguous: $0) }) {
      return done
    }
    update(contiguous: Array(bytes))
  }

  private mutating func update(contiguous bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { update(contiguous: $0) }
  }

  private mutating func update(contiguous input: UnsafeBufferPointer<UInt8>) {
    guard let base = input.baseAddress, input.count > 0 else { return }
    var offset = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, input.count)
      pending.append(contentsOf: UnsafeBufferPointer(start: base, count: take))
      offset = take
      if pending.count == 64 {
        let block = pending
        block.withUnsafeBytes { compress(blocks: $0.baseAddress, count: 1) }
        pending.removeAll(keepingCapacity: true)
      }
    }
    let whole = (input.count - offset) / 64
    if whole > 0 {
      compress(blocks: UnsafeRawPointer(base + offset), count: whole)
      offset += whole * 64
    }
    if offset < input.count {
      pending.append(
        contentsOf: UnsafeBufferPointer(start: base + offset, count: input.count - offset))
    }
  }

  /// Pads the message (§5.1.1) and returns the 32-byte digest.
  public mutating func finalize() -> [UInt8] {
    let bitLength = totalLength &* 8
    var padding: [UInt8] = [0x80]
    let used = (pending.count + 1) % 64
    let zeros = used <= 56 ? 56 - used : 120 - used
    padding.append(contentsOf: repeatElement(0, count: zeros))
    for shift in stride(from: 56, through: 0, by: -8) {
      padding.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    let savedLength = totalLength
    update(padding)
    totalLength = savedLength
    var digest: [UInt8] = []
    digest.reserveCapacity(32)
    for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
      digest.append(UInt8(truncatingIfNeeded: word >> 24))
      digest.append(UInt8(truncatingIfNeeded: word >> 16))
      digest.append(UInt8(truncatingIfNeeded: word >> 8))
      digest.append(UInt8(truncatingIfNeeded: word))
    }
    return digest
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
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7,
    0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc,
    0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351,
    0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e,
    0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585,
    0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f,
    0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  @inline(__always)
  private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

  /// One round: `d += T1`, `h = T1 + T2`, where the caller rotates the variable names.
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32,
    _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
  ) {
    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
    let ch = (e & f) ^ (~e & g)
    let t1 = h &+ s1 &+ ch &+ kw
    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
    let maj = (a & b) ^ (a & c) ^ (b & c)
    d = d &+ t1
    h = t1 &+ s0 &+ maj
  }

  /// Processes `count` consecutive 64-byte blocks (§6.2.2), with the message schedule in
  /// one temporary buffer for all of them.
  private mutating func compress(blocks: UnsafeRawPointer?, count: Int) {
    guard let blocks, count > 0 else { return }
    var (h0, h1, h2, h3, h4, h5, h6, h7) = state
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      SHA256.k.withUnsafeBufferPointer { k in
        for blockIndex in 0..<count {
          let block = blocks + blockIndex * 64
          for t in 0..<16 {
            w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
          }
          for t in 16..<64 {
            let x = w[t - 15]
            let y = w[t - 2]
            let s0 = SHA256.rotr(x, 7) ^ SHA256.rotr(x, 18) ^ (x >> 3)
            let s1 = SHA256.rotr(y, 17) ^ SHA256.rotr(y, 19) ^ (y >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
          }
          var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
          // Eight rounds per iteration with the working variables renamed instead of
          // shifted (FIPS 180-4 §6.2.2 step 3), which saves eight moves per round.
          var t = 0
          while t < 64 {
            SHA256.round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
            SHA256.round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
            SHA256.round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
            SHA256.round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
            SHA256.round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
            SHA256.round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
            SHA256.round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
            SHA256.round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
            t += 8
          }
          h0 = h0 &+ a
          h1 = h1 &+ b
          h2 = h2 &+ c
          h3 = h3 &+ d
          h4 = h4 &+ e
          h5 = h5 &+ f
          h6 = h6 &+ g
          h7 = h7 &+ h
        }
      }
    }
    state = (h0, h1, h2, h3, h4, h5, h6, h7)
  }
}
