import HTTP

/// How `dbt-metadata serve` runs: where it listens, the database it serves, its limits.
public struct ServiceConfiguration: Sendable {
  /// The database file (created and migrated when missing or older).
  public var databasePath: String
  /// The address to listen on: 127.0.0.1 by default (TLS is a reverse proxy's job).
  public var host: String
  /// The port; 0 takes an ephemeral one (tests).
  public var port: UInt16
  /// The HTTP limits (request line, headers, body, connections, timeouts).
  public var limits: HTTPLimits
  /// The largest upload (`POST /api/v1/accounts/{id}/runs`), compressed, in bytes.
  public var maxUploadBytes: Int
  /// The most bytes one upload's artifacts take after gzip decompression, all together.
  public var maxArtifactBytes: Int

  public init(
    databasePath: String, host: String = "127.0.0.1", port: UInt16 = 8080,
    limits: HTTPLimits = HTTPLimits(), maxUploadBytes: Int = 256 * 1024 * 1024,
    maxArtifactBytes: Int = 1024 * 1024 * 1024
  ) {
    self.databasePath = databasePath
    self.host = host
    self.port = port
    self.limits = limits
    self.maxUploadBytes = maxUploadBytes
    self.maxArtifactBytes = maxArtifactBytes
  }
}
