import Foundation
import Glibc

/// The write end of the self-pipe the signal handler writes to (a plain C handler cannot
/// capture anything, and `write` is async-signal-safe). One per process: the latest
/// ``HTTPServer/stopOnSignals(_:)`` wins.
private nonisolated(unsafe) var signalPipeWriter: Int32 = -1

extension HTTPServer {
  /// Stops the server gracefully (``stop()``) when the process receives one of `signals`.
  ///
  /// The handler only writes a byte to a pipe (the self-pipe pattern: little is
  /// async-signal-safe); a thread waiting on that pipe calls ``stop()`` as ordinary code.
  /// (A `DispatchSource` signal source does not work here on Linux: libdispatch reads
  /// signals through `signalfd`, which sees only signals blocked in every thread.)
  /// Clean up (close the database, say) after ``waitUntilStopped()`` returns.
  ///
  /// For example, in `serve`:
  /// ```swift
  /// try server.start()
  /// server.stopOnSignals()
  /// server.waitUntilStopped()
  /// store.close()
  /// ```
  public func stopOnSignals(_ signals: [Int32] = [SIGINT, SIGTERM]) {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return }
    _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
    signalPipeWriter = ends[1]
    for number in signals {
      _ = signal(number) { _ in
        var byte: UInt8 = 1
        _ = write(signalPipeWriter, &byte, 1)
      }
    }
    let reader = Socket(descriptor: ends[0])
    let thread = Thread { [self] in
      defer { reader.close() }
      do {
        try reader.wait(for: Int16(POLLIN), deadline: nil, interrupt: wakeDescriptor)
      } catch {
        return  // The server stopped another way.
      }
      stop()
    }
    thread.name = "http-signals"
    thread.start()
  }
}
