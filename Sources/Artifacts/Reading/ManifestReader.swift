/// Maps a manifest document (v0-v12) to ``Manifest``: every collection, every node kind,
/// both `disabled` shapes, and the lineage maps.
struct ManifestReader {
  let header: ArtifactHeader

  /// The collections holding definitions, in output order, with the kind of their members.
  static let collections: [(key: String, type: ResourceType)] = [
    ("nodes", .model), ("sources", .source), ("exposures", .exposure), ("metrics", .metric),
    ("macros", .macro), ("docs", .doc), ("semantic_models", .semanticModel),
    ("saved_queries", .savedQuery), ("unit_tests", .unitTest), ("groups", .group),
    ("functions", .function),
  ]

  /// Maps `root`. Definitions whose ``RawDigest`` is in `known` are not mapped again but
  /// listed in ``Manifest/reused``; every mapped one carries its digest.
  ///
  /// With `publish`, a manifest read without known definitions whose definitions are
  /// mapped on several cores is also published as a ``ManifestStream`` (named `file`)
  /// before its definitions are mapped; the caller finishes the stream.
  func read(
    _ root: JSONValue, known: KnownDefinitions = KnownDefinitions(), file: String = "",
    publish: ((ManifestStream) -> Void)? = nil
  ) throws -> Manifest {
    var entries: [ManifestEntry] = []
    for (key, type) in ManifestReader.collections {
      guard let collection = root.member(key) else { continue }
      guard collection.kind == .object else {
        throw collection.wrongType("an object keyed by unique_id")
      }
      for member in collection.members.lastValueWins {
        entries.append(ManifestEntry(member: member, type: type, collection: key))
      }
    }
    let lineageMaps = PendingLineageMaps(root)
    let parallel = ParallelNodeMapper(header: header)
    var reused: [KnownDefinition] = []
    // Without known definitions each entry's digest is computed as it is mapped (one pass
    // over its bytes while they are in cache); with them, first, to choose what to map.
    if !known.isEmpty {
      let digests = parallel.digests(of: entries)
      var unknown: [ManifestEntry] = []
      unknown.reserveCapacity(entries.count)
      for index in entries.indices {
        if let definition = known[digests[index]] {
          reused.append(definition)
        } else {
          var entry = entries[index]
          entry.rawDigest = digests[index]
          unknown.append(entry)
        }
      }
      entries = unknown
    }
    let warnings = WarningLog()
    var stream: ManifestStream?
    if let publish, known.isEmpty, ParallelNodeMapper.workerCount(for: entries.count) > 1 {
      let published = ManifestStream(
        header: header, file: file, count: entries.count, lineageMaps: lineageMaps)
      publish(published)
      stream = published
    }
    let nodes = try parallel.map(entries, warnings: warnings, stream: stream)
    stream?.keep(nodes)
    var mapper = NodeMapper(header: header, warnings: warnings)
    warnings.order = entries.count
    var disabled: [ManifestNode] = []
    if let value = root.member("disabled") {
      switch value.kind {
      case .array:  // v0-v3: a list of definitions
        for element in value.elements {
          disabled.append(
            try mapper.node(element.expanded(), key: nil, defaultType: .model, disabled: true))
        }
      case .object:  // v4+: unique_id -> list of definitions sharing that id
        for member in value.members.lastValueWins {
          let list = member.value
          guard list.kind == .array else { throw list.wrongType("a list of disabled definitions") }
          for element in list.elements {
            disabled.append(
              try mapper.node(
                element.expanded(), key: member.key, defaultType: .model, disabled: true))
          }
        }
      default:
        throw value.wrongType("a list or an object of disabled definitions")
      }
    }
    let maps = try lineageMaps.value()
    warnings.merge(maps.warnings)
    return Manifest(
      header: header,
      nodes: nodes,
      reused: reused,
      disabled: disabled,
      parentMap: maps.parentMap,
      childMap: maps.childMap,
      groupMap: maps.groupMap,
      selectors: root.rawJSON("selectors"),
      warnings: warnings.warnings)
  }
}
