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
    var bytes = [UInt8](repeating: 0, count: expected + 1)
    var filled = 0
    // Read until EOF: st_size may be 0 for pipes and special files, or the file may grow.
    while true {
      if filled == bytes.count {
        bytes.append(contentsOf: repeatElement(0, count: max(65_536, bytes.count / 2)))
      }
      let count = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return read(descriptor, base + filled, buffer.count - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(path: path, code: errno)
      }
      if count == 0 { break }
      filled += count
    }
    bytes.removeSubrange(filled...)
    return bytes
  }

  static func failure(path: String, code: Int32) -> ArtifactError {
    let message = strerror(code).map { String(cString: $0) } ?? "error \(code)"
    return ArtifactError(file: path, reason: .unreadable(errno: code, message: message))
  }
}
