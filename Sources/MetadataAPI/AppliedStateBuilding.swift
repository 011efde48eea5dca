/// When a ``MetadataAPI`` builds an environment's applied state (its whole current state
/// in memory, kept per store generation: ``AppliedStateCache``) for a request that finds
/// none of its generation.
///
/// Why a choice: a build reads every node of the environment (about 0.2 s for 10,000 nodes,
/// `benchmarks/README.md`, Metadata API) where the SQL path answers one page in a few tens
/// of milliseconds; the state pays off only over the later requests of the same
/// generation. A server answers many requests per generation; a one-shot process answers
/// one and exits.
public enum AppliedStateBuilding: Sendable, Equatable {
  /// The request answers by SQL, as without the cache, and starts one build of the state
  /// off the request thread (one at a time for the whole API, so at most one build's
  /// memory is in flight); later requests of that generation read the state once it is
  /// kept. The default: the first answer after an ingest is never slower than SQL.
  case background
  /// The request reads the whole state itself, keeps it and answers from it (the first
  /// answer of each generation pays for the build). For callers that want every answer
  /// from the state and measure it so.
  case inline
  /// Never build: every page reads SQL. For one-shot callers (the CLI `query` command),
  /// whose process ends after one request, so a build would only be thrown away.
  case never
}
