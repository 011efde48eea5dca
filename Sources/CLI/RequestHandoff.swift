import Foundation
import MetadataStore

/// How the reading thread hands the writer thread its request
/// (``IngestCommand/readAll(_:snapshot:request:preparing:storing:)``): once, as a function the writer
/// runs to get it (waiting for the other files, or throwing a file's error).
final class RequestHandoff: @unchecked Sendable {
  private let condition = NSCondition()
  /// Guarded by `condition`.
  private var make: (() throws -> IngestRequest)?
  private var handed = false

  /// Hands `make` to the writer; later calls are ignored.
  func hand(_ make: @escaping () throws -> IngestRequest) {
    condition.lock()
    defer { condition.unlock() }
    guard !handed else { return }
    handed = true
    self.make = make
    condition.broadcast()
  }

  /// The request (waits until it is handed over, then builds it on the calling thread).
  func request() throws -> IngestRequest {
    condition.lock()
    while make == nil && !handed { condition.wait() }
    let make = self.make
    self.make = nil
    condition.unlock()
    guard let make else { throw IngestFailure(message: "the request was taken twice") }
    return try make()
  }
}
