import CZlib

/// gzip (RFC 1952) through zlib: decompression with a cap on the output size, for
/// uploaded artifacts (`Content-Encoding: gzip` or a gzip multipart part), and
/// compression, for the upload client.
///
/// For example:
/// ```swift
/// let packed = try Gzip.compress(Array(json.utf8))
/// let plain = try Gzip.decompress(packed, limit: 256 << 20)
/// ```
///
/// Related documentation: <https://www.zlib.net/manual.html>,
/// <https://www.rfc-editor.org/rfc/rfc1952>
public enum Gzip {
  /// zlib's window bits for "gzip header and trailer, 32 KiB window" (zlib.h, deflateInit2).
  private static let gzipWindowBits: Int32 = 16 + 15
  private static let chunkSize = 64 * 1024

  /// Whether `data` starts with the gzip magic bytes 1f 8b (RFC 1952 §2.3.1).
  public static func hasGzipMagic<C: Collection<UInt8>>(_ data: C) -> Bool {
    var iterator = data.makeIterator()
    return iterator.next() == 0x1F && iterator.next() == 0x8B
  }

  /// Decompresses gzip `data` (one member or several concatenated, RFC 1952 §2.2),
  /// stopping as soon as the output would exceed `limit` bytes.
  ///
  /// - Throws: ``GzipError/tooLarge(limit:)`` over the limit, ``GzipError/truncated``
  ///   when the data ends early, ``GzipError/corrupt(_:)`` for anything not gzip.
  public static func decompress(_ data: [UInt8], limit: Int) throws(GzipError) -> [UInt8] {
    guard data.count < Int(UInt32.max) else { throw .tooLarge(limit: limit) }
    var stream = z_stream()
    let initStatus = czlib_inflate_init2(&stream, gzipWindowBits)
    guard initStatus == Z_OK else { throw .zlib(code: initStatus) }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    let result: Result<Void, GzipError> = data.withUnsafeBufferPointer { input in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = uInt(input.count)
      while true {
        let status = chunk.withUnsafeMutableBufferPointer { buffer in
          stream.next_out = buffer.baseAddress
          stream.avail_out = uInt(buffer.count)
          return inflate(&stream, Z_NO_FLUSH)
        }
        let produced = chunkSize - Int(stream.avail_out)
        if produced > limit - output.count { return .failure(.tooLarge(limit: limit)) }
        output.append(contentsOf: chunk[0..<produced])
        switch status {
        case Z_STREAM_END:
          // Another member may follow; anything else after the trailer is corrupt.
          if stream.avail_in == 0 { return .success(()) }
          inflateReset(&stream)
        case Z_OK:
          continue
        case Z_BUF_ERROR:
          // No progress possible: input exhausted before the end of the stream.
          if stream.avail_in == 0 { return .failure(.truncated) }
          return .failure(.zlib(code: status))
        case Z_DATA_ERROR, Z_NEED_DICT:
          let message = stream.msg.map { String(cString: $0) } ?? "invalid data"
          return .failure(.corrupt(message))
        default:
          return .failure(.zlib(code: status))
        }
      }
    }
    try result.get()
    return output
  }

  /// Compresses `data` into one gzip member (deflateInit2 with gzip window bits).
  ///
  /// - Parameter level: zlib's compression level, 0 (none) to 9 (smallest); 6 by default.
  public static func compress(_ data: [UInt8], level: Int32 = 6) throws(GzipError) -> [UInt8] {
    guard data.count < Int(UInt32.max) else { throw .zlib(code: Z_BUF_ERROR) }
    var stream = z_stream()
    let initStatus = czlib_deflate_init2(&stream, level, gzipWindowBits)
    guard initStatus == Z_OK else { throw .zlib(code: initStatus) }
    defer { deflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    let result: Result<Void, GzipError> = data.withUnsafeBufferPointer { input in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = uInt(input.count)
      while true {
        let status = chunk.withUnsafeMutableBufferPointer { buffer in
          stream.next_out = buffer.baseAddress
          stream.avail_out = uInt(buffer.count)
          return deflate(&stream, Z_FINISH)
        }
        output.append(contentsOf: chunk[0..<(chunkSize - Int(stream.avail_out))])
        switch status {
        case Z_STREAM_END: return .success(())
        case Z_OK, Z_BUF_ERROR: continue
        default: return .failure(.zlib(code: status))
        }
      }
    }
    try result.get()
    return output
  }
}
