import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command prints: the process streams in the executable, a buffer in tests.
public final class CommandOutput: @unchecked Sendable {
  private let writeOut: (String) -> Void
  private let writeError: (String) -> Void
  /// Text for standard input (`-` as a file name), read lazily.
  let readInput: () -> [UInt8]
  /// The environment variables a command may read (`DBT_METADATA_TOKEN`).
  let environment: [String: String]

  /// Output written through `out` and `error`; `input` for `-`, `environment` for
  /// variables such as `DBT_METADATA_TOKEN`.
  public init(
    out: @escaping (String) -> Void, error: @escaping (String) -> Void,
    input: @escaping () -> [UInt8] = { [] }, environment: [String: String] = [:]
  ) {
    self.writeOut = out
    self.writeError = error
    self.readInput = input
    self.environment = environment
  }

  /// Writes to standard output.
  public func write(_ text: String) { writeOut(text) }
  /// Writes to standard error.
  public func error(_ text: String) { writeError(text) }

  /// The process's own standard output, error and input.
  public static let standard = CommandOutput(
    out: { text in writeAll(text, to: 1) },
    error: { text in writeAll(text, to: 2) },
    input: {
      var bytes: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = read(0, &buffer, buffer.count)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
      }
      return bytes
    },
    environment: ProcessInfo.processInfo.environment)
}

/// Writes every byte of `text` to a file descriptor, retrying short writes.
private func writeAll(_ text: String, to descriptor: Int32) {
  var bytes = Array(text.utf8)
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeMutableBytes { buffer -> Int in
      guard let base = buffer.baseAddress else { return 0 }
      return write(descriptor, base + offset, buffer.count - offset)
    }
    if written <= 0 { return }
    offset += written
  }
}

/// Collects what a command printed; for tests.
public final class CapturedOutput: @unchecked Sendable {
  /// Standard output so far.
  public private(set) var standardOutput = ""
  /// Standard error so far.
  public private(set) var standardError = ""

  /// The output to hand to ``CLI/run(_:output:)``; `input` is what `-` reads.
  public private(set) lazy var output = CommandOutput(
    out: { [unowned self] in self.standardOutput += $0 },
    error: { [unowned self] in self.standardError += $0 },
    input: { [input] in input }, environment: environment)

  private let input: [UInt8]
  private let environment: [String: String]

  /// A capture whose standard input is `input` and whose environment is `environment`.
  public init(input: [UInt8] = [], environment: [String: String] = [:]) {
    self.input = input
    self.environment = environment
  }
}
