#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file into memory with POSIX calls, so errors carry the real `errno`.
enum ArtifactFile {
  /// The file's bytes.
  ///
  /// - Throws: ``ArtifactError/Reason/unreadable(errno:message:)`` naming the path and the
  ///   OS error (ENOENT, EACCES, EISDIR...).
  static func readBytes(path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(path: path, code: errno) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw failure(path: path, code: errno) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw failure(path: path, code: EISDIR) }
    let expected = max(Int(info.st_size), 0)
    // The expected size plus one byte, read into uninitialized memory (zero-filling a
    // 200 MB buffer first would cost a pass over it); a full buffer means the file is
    // larger than `st_size` said (0 for pipes and special files, or it grew), and the
    // rest is read in chunks.
    var bytes = try [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
      count = 0
      guard let base = buffer.baseAddress else { return }
      while count < buffer.count {
        let read = read(descriptor, base + count, buffer.count - count)
        if read < 0 {
          if errno == EINTR { continue }
          throw failure(path: path, code: errno)
        }
        if read == 0 { return }
        count += read
      }
    }
    guard bytes.count == expected + 1 else { return bytes }
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return read(descriptor, base, buffer.count)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(path: path, code: errno)
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<count])
    }
  }

  static func failure(path: String, code: Int32) -> ArtifactError {
    let message = strerror(code).map { String(cString: $0) } ?? "error \(code)"
    return ArtifactError(file: path, reason: .unreadable(errno: code, message: message))
  }
}
