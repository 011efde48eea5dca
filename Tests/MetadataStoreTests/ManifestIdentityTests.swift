import Artifacts
import Testing

@testable import MetadataStore

/// A run is matched by its manifest's invocation_id and generated_at; another manifest
/// carrying the same pair is refused, never merged into the run.
@Suite struct ManifestIdentityTests {
  typealias P = SyntheticProject

  @Test func aDifferentManifestWithTheSameInvocationIsRefused() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    let first = try store.ingest(P(run: 1).request())
    #expect(first.outcome == .created)
    let before = try database.dump()
    // Same invocation id and generated_at, other model SQL.
    var changed = P(run: 1)
    changed.modelVersion = 1
    let error = try #require(throws: StoreError.self) {
      _ = try store.ingest(changed.request())
    }
    guard case .runConflict(let message) = error.reason else {
      Issue.record("expected a run conflict, found \(error)")
      return
    }
    #expect(message.hasPrefix("run 1 already holds a manifest with invocation_id \""))
    #expect(message.contains("but manifest.json has other content (3 definitions, fingerprint "))
    #expect(message.hasSuffix("refused: was the manifest edited after dbt wrote it?"))
    #expect(try database.dump() == before)
    // The same manifest again is still an unchanged run.
    #expect(try store.ingest(P(run: 1).request()).outcome == .unchanged)
  }

  @Test func aDifferentManifestForAGivenRunIDIsRefused() throws {
    let database = try TemporaryDatabase()
    let store = try database.open()
    var request = try P(run: 1).request()
    request.runID = 7
    _ = try store.ingest(request)
    var changed = P(run: 1)
    changed.extraModels = 2
    var second = try changed.request()
    second.runID = 7
    let error = try #require(throws: StoreError.self) { _ = try store.ingest(second) }
    #expect(error.description.contains("(5 definitions, fingerprint "))
    #expect(try database.count("run") == 1)
  }
}
