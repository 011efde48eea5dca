import Foundation
import TestFixtures
import Testing

@testable import Artifacts

/// A manifest read with a stream (``ManifestStream``): the stream yields exactly the
/// manifest's definitions in order while they are mapped, and the reader's error when the
/// manifest is refused.
@Suite struct ManifestStreamTests {
  /// 1,702 definitions: enough to be mapped on several cores, hence streamed.
  static let large = Fixtures.path("fivetran-ad-reporting/v7_dbt1.3.0/manifest.json")

  /// Reads `path` with a stream, consumed on another thread while it is read; returns the
  /// read's outcome and what the consumer saw (nil when no stream was published).
  static func readStreaming(_ path: String, known: KnownDefinitions = KnownDefinitions())
    -> (read: Result<Artifact, any Error>, consumed: Consumed?)
  {
    let consumer = Consumer()
    let read = Result {
      try ArtifactReader.read(
        file: path, expecting: .manifest, known: { known },
        streaming: { stream in consumer.start(stream) })
    }
    return (read, consumer.wait())
  }

  @Test func aStreamYieldsTheManifestsDefinitionsInOrder() throws {
    guard ParallelNodeMapper.workerCount(for: 2_000) > 1 else { return }  // one core: no stream
    let (read, consumed) = Self.readStreaming(Self.large)
    guard case .manifest(let manifest) = try read.get() else {
      Issue.record("not a manifest")
      return
    }
    let seen = try #require(consumed)
    #expect(manifest.nodes.count > 1_700)
    #expect(seen.count == manifest.nodes.count)
    #expect(try seen.nodes.get().map(Consumed.key) == manifest.nodes.map(Consumed.key))
    let whole = try seen.manifest.get()
    #expect(whole.nodes.map(Consumed.key) == manifest.nodes.map(Consumed.key))
    #expect(whole.warnings == manifest.warnings)
    #expect(try seen.parentMap.get() == manifest.parentMap)
    #expect(seen.header.invocationID == manifest.header.invocationID)
    #expect(seen.file == Self.large)
  }

  /// A definition refused near the end: the read throws, and so does every later call on
  /// the stream, with the same error (the one a read without a stream gives).
  @Test func aRefusedDefinitionStopsTheStreamWithTheReadersError() throws {
    guard ParallelNodeMapper.workerCount(for: 2_000) > 1 else { return }
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let bad = directory + "/manifest.json"
    try RefusedManifest.writeWithLastDocCorrupt(of: Self.large, into: bad)
    let expected = try #require(
      #expect(throws: ArtifactError.self) {
        try ArtifactReader.read(file: bad, expecting: .manifest)
      })
    #expect(expected.description.contains(".unique_id: expected a non-empty string"))
    let (read, consumed) = Self.readStreaming(bad)
    #expect(throws: expected) { try read.get() }
    let seen = try #require(consumed)
    #expect(throws: expected) { try seen.nodes.get() }
    #expect(throws: expected) { try seen.manifest.get() }
  }

  @Test func noStreamForASmallManifestOrOneReadWithKnownDefinitions() throws {
    let small = Fixtures.path("diy9-dbt/target/manifest.json")
    #expect(Self.readStreaming(small).consumed == nil)
    guard case .manifest(let manifest) = try ArtifactReader.read(file: Self.large) else {
      Issue.record("not a manifest")
      return
    }
    var definitions: [KnownDefinition] = []
    for node in manifest.nodes.prefix(10) {
      definitions.append(
        KnownDefinition(
          rawDigest: try #require(node.rawDigest), uniqueID: node.uniqueID,
          resourceType: node.resourceType, contentHash: node.contentHash))
    }
    let known = KnownDefinitions(definitions)
    #expect(Self.readStreaming(Self.large, known: known).consumed == nil)
  }
}

/// What a stream's consumer saw.
struct Consumed: Sendable {
  let header: ArtifactHeader
  let file: String
  let count: Int
  let nodes: Result<[ManifestNode], any Error>
  let manifest: Result<Manifest, any Error>
  let parentMap: Result<[String: [String]]?, any Error>

  /// What identifies a mapped definition.
  static func key(_ node: ManifestNode) -> String {
    "\(node.uniqueID) \(node.contentHash) \(node.rawDigest.map { "\($0.bytes)" } ?? "-")"
  }
}

/// Takes a stream's definitions on its own thread, as the store's writer does.
private final class Consumer: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var started = false
  private var consumed: Consumed?

  func start(_ stream: ManifestStream) {
    started = true
    Thread { [self] in
      let nodes = Result { try (0..<stream.count).map { try stream.node(at: $0) } }
      let parentMap = Result { try stream.parentMap() }
      consumed = Consumed(
        header: stream.header, file: stream.file, count: stream.count, nodes: nodes,
        manifest: Result { try stream.manifest() }, parentMap: parentMap)
      done.signal()
    }.start()
  }

  /// What the consumer saw, once it finished (nil if no stream was started).
  func wait() -> Consumed? {
    guard started else { return nil }
    done.wait()
    return consumed
  }
}
