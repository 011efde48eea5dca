// libFuzzer entry point for the JSON scanner and the four artifact readers (see README.md).
//
// Oracle, for every input:
// - the scanner never crashes or hangs; the full parse and the two-level parse the readers
//   use agree on whether the input is valid JSON;
// - for valid JSON, the canonical form (what content hashes are computed over) is valid JSON
//   and canonicalizing it again gives the same bytes; the compact form is valid JSON;
// - the artifact reader never crashes; when it reads the input, reading it again while
//   expecting that kind succeeds, every lazily decoded part decodes, and every message
//   (error or warning) stays one readable line (bounded length, quoted values cut);
// - raw digests: for every collapsed object of the two-level parse, the digest made from the
//   volatile positions the scan noted equals the digest made by scanning its bytes; a
//   manifest read again with its own definitions as known ones maps exactly those without a
//   digest and lists the others as reused, with the same ids, types and content hashes.

/// A message longer than this means a value was quoted without being cut.
let messageLimit = 8 * 1024

func require(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError(message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  checkScanner(bytes)
  checkReaders(bytes)
  return 0
}

func checkScanner(_ bytes: [UInt8]) {
  let full: JSONDocument?
  do {
    full = try JSONDocument(bytes: bytes, name: "fuzz.json")
  } catch {
    require("\(error)".utf8.count <= messageLimit, "scanner message too long: \(error)")
    full = nil
  }
  let shallow = try? JSONDocument(bytes: bytes, name: "fuzz.json", recordDepth: 2)
  require(
    (full == nil) == (shallow == nil),
    "full and two-level parses disagree (full: \(full != nil), two-level: \(shallow != nil))")
  guard let full else { return }
  if let shallow { checkNotedDigests(shallow) }
  let canonical = CanonicalJSON.canonicalBytes(of: full.root)
  guard let reparsed = try? JSONDocument(bytes: canonical, name: "canonical.json") else {
    fatalError("canonical form is not valid JSON: \(String(decoding: canonical, as: UTF8.self))")
  }
  require(
    CanonicalJSON.canonicalBytes(of: reparsed.root) == canonical,
    "canonical form is not idempotent: \(String(decoding: canonical, as: UTF8.self))")
  let compact = full.root.raw.compactBytes
  require(
    (try? JSONDocument(bytes: compact, name: "compact.json")) != nil,
    "compact form is not valid JSON: \(String(decoding: compact, as: UTF8.self))")
}

func checkNotedDigests(_ document: JSONDocument) {
  guard document.root.kind == .object else { return }
  var digester = RawDigester()
  for collection in document.root.members where collection.value.kind == .object {
    for member in collection.value.members where member.value.isCollapsed {
      let noted = digester.digest(
        of: member.value, key: member.rawKey, collection: collection.key, schemaVersion: 1)
      let scanned = digester.digest(
        of: member.value.expanded(), key: member.rawKey, collection: collection.key,
        schemaVersion: 1)
      require(noted == scanned, "noted and scanned raw digests differ: \(member.key)")
    }
  }
}

func checkKnownDefinitions(_ manifest: Manifest, _ bytes: [UInt8]) {
  let known = KnownDefinitions(
    manifest.nodes.compactMap { node in
      node.rawDigest.map {
        KnownDefinition(
          rawDigest: $0, uniqueID: node.uniqueID, resourceType: node.resourceType,
          contentHash: node.contentHash)
      }
    })
  guard
    case .manifest(let again)? = try? ArtifactReader.read(
      bytes: bytes, name: "fuzz.json", expecting: .manifest, known: known)
  else { fatalError("a manifest read with its own known definitions failed") }
  require(again.definitionCount == manifest.nodes.count, "definition count differs")
  require(
    again.nodes.map(\.uniqueID) == manifest.nodes.filter { $0.rawDigest == nil }.map(\.uniqueID),
    "mapped definitions differ")
  let recognised = manifest.nodes.filter { $0.rawDigest != nil }
  require(again.reused.count == recognised.count, "reused count differs")
  for (definition, node) in zip(again.reused, recognised) {
    require(
      definition.uniqueID == node.uniqueID && definition.contentHash == node.contentHash
        && definition.resourceType == node.resourceType,
      "reused definition differs: \(node.uniqueID)")
  }
}

func checkReaders(_ bytes: [UInt8]) {
  let artifact: Artifact
  do {
    artifact = try ArtifactReader.read(bytes: bytes, name: "fuzz.json")
  } catch {
    require("\(error)".utf8.count <= messageLimit, "reader message too long: \(error)")
    return
  }
  for warning in artifact.warnings {
    require("\(warning)".utf8.count <= messageLimit, "warning too long: \(warning)")
  }
  do {
    _ = try ArtifactReader.read(bytes: bytes, name: "fuzz.json", expecting: artifact.kind)
  } catch {
    fatalError("read as \(artifact.kind) but not when expecting it: \(error)")
  }
  switch artifact {
  case .manifest(let manifest):
    for node in manifest.nodes + manifest.disabled {
      _ = (node.fqn, node.tags, node.dependsOn, node.refs, node.sourceRefs, node.meta)
      _ = (node.path, node.rawCode, node.compiledCode, node.description, node.checksum)
      _ = (node.config, node.test, node.source, node.macro?.sqlText, node.json.compactText)
      require(node.columns.count == node.columnCount, "column count differs: \(node.uniqueID)")
      require(node.contentHash.utf8.count == 64, "content hash: \(node.contentHash)")
    }
    _ = (manifest.parentMap, manifest.childMap, manifest.countsByType)
    checkKnownDefinitions(manifest, bytes)
  case .runResults(let results):
    for result in results.results {
      _ = (result.compiledCode, result.startedAt, result.completedAt, result.resourceType)
      _ = result.adapterResponse?.compactText
    }
    _ = results.countsByStatus
  case .sources(let sources):
    _ = sources.countsByStatus
  case .catalog(let catalog):
    _ = catalog.columnCount
  }
}
