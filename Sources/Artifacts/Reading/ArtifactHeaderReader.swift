/// Decides an artifact's kind and version and reads its header.
///
/// Versioned files: `metadata.dbt_schema_version` must match
/// `/dbt/(manifest|run-results|sources|catalog)/v(\d+)\.json$`. Unversioned (pre-0.19)
/// files are recognised by shape (`reference/dbt-artifacts.md` §7): `results` -> run
/// results, or freshness when the results are about sources (`max_loaded_at`, `age`,
/// a `source` node); `macros`/`parent_map`/`child_map`/`disabled` -> manifest;
/// `nodes` + `sources` otherwise -> catalog.
enum ArtifactHeaderReader {
  static func read(_ root: JSONValue) throws -> ArtifactHeader {
    try root.requireObject()
    let metadata = root.member("metadata")
    if let metadata, metadata.kind != .object { throw metadata.wrongType("an object") }
    let kind: ArtifactKind
    let version: Int
    let url = try metadata?.optionalString("dbt_schema_version")
    if let url {
      guard let parsed = parseSchemaURL(url) else {
        throw ArtifactError(
          file: root.document.name,
          reason: .unknownKind(found: "dbt_schema_version \(ArtifactError.quoted(url))"))
      }
      guard let known = ArtifactKind(rawValue: parsed.kind) else {
        throw ArtifactError(
          file: root.document.name,
          reason: .unknownKind(found: "dbt_schema_version \(ArtifactError.quoted(url))"))
      }
      kind = known
      version = parsed.version
      guard kind.supportedVersions.contains(version) else {
        throw ArtifactError(
          file: root.document.name, reason: .unsupportedVersion(kind: kind, version: version))
      }
    } else {
      kind = try detectUnversioned(root)
      version = 0
    }
    let generatedAt =
      try timestamp(metadata, "generated_at") ?? timestamp(root, "generated_at")
    var env: [String: String] = [:]
    if let object = metadata?.member("env") {
      for member in object.members {
        if let text = member.value.scalarText { env[member.key] = text }
      }
    }
    return ArtifactHeader(
      kind: kind,
      schemaVersion: version,
      schemaURL: url,
      dbtVersion: metadata?.lenientString("dbt_version"),
      generatedAt: generatedAt,
      invocationID: try metadata?.member("invocation_id").map {
        try $0.checkedOptionalIdentifier($0.scalarText, what: "an invocation_id")
      } ?? nil,
      invocationStartedAt: try timestamp(metadata, "invocation_started_at"),
      env: env,
      adapterType: metadata?.lenientString("adapter_type"),
      projectID: metadata?.lenientString("project_id"),
      projectName: metadata?.lenientString("project_name"),
      userID: metadata?.lenientString("user_id"))
  }

  /// Parses a timestamp member; a string that is not a date-time is an error naming its path.
  static func timestamp(_ object: JSONValue?, _ key: String) throws -> Timestamp? {
    guard let value = object?.member(key) else { return nil }
    let entry = value.entry
    if entry.kind == .string && !entry.flag,
      let parsed = value.document.bytes.withUnsafeBufferPointer({ bytes -> Timestamp? in
        let start = Int(entry.start)
        let end = min(Int(entry.end), bytes.count)
        guard let base = bytes.baseAddress, start <= end else { return nil }
        return Timestamp(utf8: UnsafeBufferPointer(start: base + start, count: end - start))
      })
    {
      return parsed
    }
    guard let text = value.string else { throw value.wrongType("an ISO 8601 timestamp string") }
    guard let parsed = Timestamp(parsing: text) else {
      throw ArtifactError(
        file: value.document.name,
        reason: .wrongType(
          path: value.path, expected: "an ISO 8601 timestamp", found: ArtifactError.quoted(text)))
    }
    return parsed
  }

  /// `(kind, N)` from `https://schemas.getdbt.com/dbt/<kind>/v<N>.json`, or nil.
  static func parseSchemaURL(_ url: String) -> (kind: String, version: Int)? {
    let parts = url.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count >= 3, parts[parts.count - 3] == "dbt" else { return nil }
    let file = parts[parts.count - 1]
    guard file.hasPrefix("v"), file.hasSuffix(".json") else { return nil }
    let digits = file.dropFirst().dropLast(5)
    guard !digits.isEmpty, digits.count < 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let version = Int(digits)
    else { return nil }
    return (String(parts[parts.count - 2]), version)
  }

  /// Top-level keys only versioned manifests have (`reference/dbt-artifacts.md` §3.1).
  static let versionedManifestKeys = [
    "selectors", "metrics", "groups", "group_map", "semantic_models", "saved_queries",
    "unit_tests", "functions",
  ]
  /// `metadata` keys only versioned files have (a pre-0.19 manifest's metadata holds
  /// only project_id, user_id, send_anonymous_usage_stats and adapter_type).
  static let versionedMetadataKeys = ["dbt_version", "generated_at", "invocation_id", "env"]

  /// An unversioned manifest is accepted only with the pre-0.19 shape: a versioned
  /// manifest whose `metadata` (or its `dbt_schema_version`) was removed would otherwise
  /// be read under the wrong rules without a word.
  static func checkPre019Manifest(_ root: JSONValue) throws {
    func refuse(_ why: String) -> ArtifactError {
      ArtifactError(
        file: root.document.name,
        reason: .unknownKind(
          found: "no metadata.dbt_schema_version, but \(why), which pre-0.19 manifests "
            + "never have; was the metadata removed?"))
    }
    if let key = versionedManifestKeys.first(where: { root[$0] != nil }) {
      throw refuse("a top-level \"\(key)\"")
    }
    if let disabled = root.member("disabled"), disabled.kind == .object {
      throw refuse("\"disabled\" is an object (v4+)")
    }
    if let metadata = root.member("metadata"),
      let key = versionedMetadataKeys.first(where: { metadata[$0] != nil })
    {
      throw refuse("metadata.\(key)")
    }
    if root.member("generated_at") == nil {
      throw refuse("no top-level \"generated_at\"")
    }
  }

  static func detectUnversioned(_ root: JSONValue) throws -> ArtifactKind {
    if let results = root.member("results") {
      guard results.kind == .array else { throw results.wrongType("a list of results") }
      for result in results.elements {
        if result["max_loaded_at"] != nil || result["age"] != nil || result["snapshotted_at"] != nil
        {
          return .sources
        }
        if let node = result.member("node"), node["resource_type"]?.stringEquals("source") == true {
          return .sources
        }
      }
      return .runResults
    }
    if root["macros"] != nil || root["parent_map"] != nil || root["child_map"] != nil
      || root["disabled"] != nil || root["docs"] != nil
    {
      try checkPre019Manifest(root)
      return .manifest
    }
    if root["nodes"] != nil, root["sources"] != nil {
      return .catalog
    }
    if root["nodes"] != nil {
      try checkPre019Manifest(root)
      return .manifest
    }
    let keys = root.members.prefix(8).map { ArtifactError.quoted($0.key) }.joined(separator: ", ")
    throw ArtifactError(
      file: root.document.name,
      reason: .unknownKind(
        found:
          "no metadata.dbt_schema_version and top-level keys [\(keys)] match no pre-0.19 artifact"))
  }
}
