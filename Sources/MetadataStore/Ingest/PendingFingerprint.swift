import Artifacts
import Dispatch

/// A manifest's fingerprint (``Ingester/manifestFingerprint(_:)``), computed on another
/// thread from the moment the ingest starts; ``value`` waits for it.
///
/// Why: it sorts and hashes every definition's unique_id and content hash (3% of a next
/// run); the writer meanwhile takes the write lock, begins its transaction, prepares its
/// statements and loads the project's node ids, which need no fingerprint.
final class PendingFingerprint: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  /// Written once on the computing thread before `done` is signalled; read after waiting.
  private var fingerprint = ""

  /// Starts computing the fingerprint of `manifest` (nil: a run without one).
  init(_ manifest: Manifest?) {
    DispatchQueue.global().async { [self] in
      fingerprint = Ingester.manifestFingerprint(manifest)
      done.signal()
    }
  }

  /// The fingerprint (the first call waits for it).
  var value: String {
    done.wait()
    done.signal()
    return fingerprint
  }
}
