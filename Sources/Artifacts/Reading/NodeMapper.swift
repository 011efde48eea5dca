/// Maps one manifest definition (any kind, any version) to a ``ManifestNode`` and hashes
/// its canonical form.
struct NodeMapper {
  let header: ArtifactHeader
  /// Buffers and key orders reused across definitions (see ``CanonicalJSON/Workspace``).
  var workspace = CanonicalJSON.Workspace()
  /// The keys of the definition being mapped (``MemberTable``), reused across definitions.
  var fields = MemberTable()
  /// The keys of the definition's `config`, reused across definitions.
  var configFields = MemberTable()
  /// Computes the raw digest of each definition (``RawDigest``), reused across definitions.
  var digester = RawDigester()
  /// What was skipped while mapping (null list entries, ignored values).
  let warnings: WarningLog

  init(header: ArtifactHeader, warnings: WarningLog = WarningLog()) {
    self.header = header
    self.warnings = warnings
  }

  mutating func node(_ value: JSONValue, key: String?, defaultType: ResourceType, disabled: Bool)
    throws -> ManifestNode
  {
    try value.requireObject()
    fields.load(value)
    let uniqueID: String
    if let id = fields.member("unique_id") {
      guard let text = id.string, !text.isEmpty else { throw id.wrongType("a non-empty string") }
      uniqueID = try id.checkedIdentifier(text, what: "a unique_id")
    } else if let key, !key.isEmpty {
      uniqueID = try value.checkedIdentifier(key, what: "a unique_id (its key)")
    } else {
      throw value.missing("unique_id", expected: "a string")
    }
    // Older docs, macros and sources omit resource_type: the collection says what they are.
    // Disabled entries (any kind) fall back to their unique_id prefix.
    // A resource type is a fact the store keys on: a string, never a number's text.
    let typeValue = fields.member("resource_type").flatMap { $0.isNull ? nil : $0 }
    let resourceType =
      try typeValue.map { value -> String in
        guard let text = value.string else { throw value.wrongType("a string (resource_type)") }
        return try value.checkedIdentifier(text, what: "a resource_type")
      }
      .map(ResourceType.init(rawValue:))
      ?? (disabled
        ? ResourceType(String(uniqueID.prefix { $0 != "." })).nonEmpty(or: defaultType)
        : defaultType)
    let config = NodeConfigReader.read(
      fields.member("config", ofKind: .object, expected: "an object (config)", warnings: warnings),
      fields: &configFields)
    let dependsOn = fields.member(
      "depends_on", ofKind: .object, expected: "an object {nodes, macros}", warnings: warnings)
    try checkDependencies(dependsOn)
    let name =
      fields.lenientString("name")
      ?? String(uniqueID.split(separator: ".").last ?? Substring(uniqueID))
    let columns = fields.member(
      "columns", ofKind: .object, expected: "an object of columns", warnings: warnings)
    let columnCount = checkColumns(columns)

    return ManifestNode(
      uniqueID: uniqueID,
      resourceType: resourceType,
      name: name,
      packageName: fields.lenientString("package_name"),
      pathText: TextRange(fields.member("path")),
      originalFilePathText: TextRange(fields.member("original_file_path")),
      fqnRange: JSONRange(fields.member("fqn")),
      database: fields.lenientString("database"),
      schema: fields.lenientString("schema"),
      alias: fields.lenientString("alias"),
      relationNameText: TextRange(fields.member("relation_name")),
      descriptionText: TextRange(fields.member("description")),
      tagsRange: JSONRange(fields.member("tags")),
      metaRange: JSONRange(fields.member("meta")),
      dependsOnRange: JSONRange(dependsOn),
      refsRange: checkedRefs(fields.member("refs")),
      sourcesRange: JSONRange(fields.member("sources")),
      language: fields.lenientString("language"),
      checksumText: TextRange(fields.member("checksum")?.member("checksum")),
      patchPathText: TextRange(fields.member("patch_path")),
      access: fields.lenientString("access") ?? config.access,
      group: fields.lenientString("group") ?? config.group,
      version: fields.lenientString("version"),
      latestVersion: fields.lenientString("latest_version"),
      contract: contract(fields.member("contract"), config: config),
      deprecationDate: fields.lenientString("deprecation_date"),
      hookIndex: resourceType == .operation ? hookIndex() : nil,
      owner: owner(fields.member("owner")),
      model: fields.lenientString("model"),
      isDisabled: disabled,
      json: value.raw,
      contentHash: CanonicalJSON.contentHash(of: value, workspace: &workspace),
      configBox: Box(config),
      columnsRange: JSONRange(columns),
      columnCount: columnCount,
      testBox: resourceType == .test ? Box(test(value, dependsOn: dependsOn)) : nil,
      sourceBox: resourceType == .source ? Box(source(value, name: name)) : nil,
      exposureBox: resourceType == .exposure ? Box(exposure(value)) : nil,
      metricBox: resourceType == .metric ? Box(metric(value)) : nil,
      macroBox: resourceType == .macro ? Box(macro(value)) : nil,
      rawCodeText: TextRange(fields.member("raw_code") ?? fields.member("raw_sql")),
      compiledCodeText: TextRange(
        fields.member("compiled_code") ?? fields.member("compiled_sql")
          ?? fields.member("injected_sql")))
  }

  // MARK: - Common parts

  /// A hook's `index` (its order among the hooks): out of range or of another type is
  /// nil with a warning.
  func hookIndex() -> Int? {
    fields.member("index")?.describedIntValue(warnings: warnings)
  }

  /// Checks `depends_on` (an object, else ignored by the caller with a warning): `nodes`
  /// is a list of unique ids (a `null` entry is skipped with a warning, any other
  /// non-string refused); `macros` and `functions` only describe, so a `null` or wrong
  /// entry is skipped with a warning (dbt 1.2 writes `[null, "macro.dbt.get_where_subquery"]`).
  /// Nothing is decoded here (``ManifestNode/dependsOn`` decodes on access, keeping strings only).
  func checkDependencies(_ value: JSONValue?) throws {
    guard let value else { return }
    try value.member("nodes")?.checkIDList(warnings: warnings)
    value.member("macros")?.checkDescriptiveList(warnings: warnings)
    value.member("functions")?.checkDescriptiveList(warnings: warnings)
  }

  /// Counts the columns of `columns`; an entry that is not an object is skipped (here
  /// and when decoded) with a warning.
  func checkColumns(_ value: JSONValue?) -> Int {
    guard let value else { return 0 }
    var count = 0
    for member in value.members.lastValueWins {
      guard member.value.kind == .object else {
        warnings.ignored(member.value, expected: "an object (column)")
        continue
      }
      count += 1
    }
    return count
  }

  /// `[["name"]]`, `[["pkg", "name"]]`, `[["pkg", "name", "v"]]` (v1-v8) or objects (v9+).
  /// Refs only describe (lineage comes from `parent_map` and `depends_on.nodes`): an entry
  /// of another shape is skipped, counted in `warnings` when given.
  static func refs(_ value: JSONValue?, warnings: WarningLog? = nil) -> [NodeRef] {
    guard let value else { return [] }
    guard value.kind == .array else {
      warnings?.ignored(value, expected: "a list of refs")
      return []
    }
    var refs: [NodeRef] = []
    for element in value.elements {
      switch element.kind {
      case .object:
        guard let name = element.member("name")?.string else {
          warnings?.ignored(element, expected: "a ref object with a string name")
          continue
        }
        refs.append(
          NodeRef(
            name: name, package: element.lenientString("package"),
            version: element.lenientString("version")))
      case .array:
        let parts = element.elements.compactMap(\.scalarText)
        switch parts.count {
        case 1: refs.append(NodeRef(name: parts[0], package: nil, version: nil))
        case 2: refs.append(NodeRef(name: parts[1], package: parts[0], version: nil))
        case 3: refs.append(NodeRef(name: parts[1], package: parts[0], version: parts[2]))
        default: warnings?.ignored(element, expected: "a ref of 1 to 3 strings")
        }
      case .string:
        refs.append(NodeRef(name: element.string ?? "", package: nil, version: nil))
      case .null:
        warnings?.record(.nullListEntry, at: element.path)
      default:
        warnings?.ignored(element, expected: "a ref (a list of strings or an object)")
      }
    }
    return refs
  }

  /// Checks `refs` (counting what decoding will skip) and keeps it as JSON.
  func checkedRefs(_ value: JSONValue?) -> JSONRange? {
    _ = NodeMapper.refs(value, warnings: warnings)
    return JSONRange(value)
  }

  static func sourceRefs(_ value: JSONValue?) -> [SourceRef] {
    guard let value else { return [] }
    return value.elements.compactMap { element in
      let parts = element.elements.compactMap(\.string)
      guard parts.count == 2 else { return nil }
      return SourceRef(sourceName: parts[0], tableName: parts[1])
    }
  }

  func contract(_ value: JSONValue?, config: NodeConfig) -> NodeContract? {
    if let value, value.kind == .object {
      return NodeContract(
        enforced: value.lenientBool("enforced") ?? false,
        aliasTypes: value.lenientBool("alias_types"),
        checksum: value.lenientString("checksum"))
    }
    return config.contractEnforced.map {
      NodeContract(enforced: $0, aliasTypes: nil, checksum: nil)
    }
  }

  func owner(_ value: JSONValue?) -> NodeOwner? {
    guard let value, value.kind == .object else { return nil }
    return NodeOwner(name: value.lenientString("name"), emails: value.lenientStringList("email"))
  }

  // MARK: - Kinds

  /// `dependsOn` was checked by ``checkDependencies(_:)``; its nodes are decoded only when
  /// the tested node has to be inferred from them.
  func test(_ value: JSONValue, dependsOn: JSONValue?) -> TestDefinition {
    let metadata = fields.member("test_metadata")
    let kwargs = metadata?.member("kwargs")
    let attached = fields.lenientString("attached_node")
    let columnName = fields.lenientString("column_name") ?? kwargs?.lenientString("column_name")
    return TestDefinition(
      testName: metadata?.lenientString("name"),
      namespace: metadata?.lenientString("namespace"),
      kwargs: kwargs?.raw,
      columnName: columnName,
      attachedNode: attached,
      fileKeyName: fields.lenientString("file_key_name"),
      testedNodeID: attached
        ?? TestedNode.find(
          model: kwargs?.lenientString("model"),
          among: dependsOn?.lenientStringList("nodes") ?? []))
  }

  func source(_ value: JSONValue, name: String) -> SourceDefinition {
    let config = fields.member("config")
    let freshness = fields.member("freshness") ?? config?.member("freshness")
    return SourceDefinition(
      sourceName: fields.lenientString("source_name") ?? "",
      sourceDescription: fields.lenientString("source_description"),
      loader: fields.lenientString("loader"),
      identifier: fields.lenientString("identifier") ?? name,
      loadedAtField: fields.lenientString("loaded_at_field")
        ?? config?.lenientString("loaded_at_field"),
      loadedAtQuery: fields.lenientString("loaded_at_query")
        ?? config?.lenientString("loaded_at_query"),
      freshness: FreshnessCriteriaReader.read(freshness, warnings: warnings),
      sourceMeta: fields.rawJSON("source_meta"))
  }

  func exposure(_ value: JSONValue) -> ExposureDefinition {
    ExposureDefinition(
      type: fields.lenientString("type"),
      label: fields.lenientString("label"),
      maturity: fields.lenientString("maturity"),
      url: fields.lenientString("url"))
  }

  /// Decides the format by shape first (hand-edited files carry the wrong version label),
  /// then by schema version.
  func metric(_ value: JSONValue) -> MetricDefinition {
    let typeParams = fields.member("type_params")
    let format: MetricFormat
    if typeParams != nil {
      format = .metricFlow
    } else if fields["calculation_method"] != nil || fields["expression"] != nil {
      format = .dbtMetricsV2
    } else if fields["sql"] != nil {
      format = .dbtMetricsV1
    } else {
      format =
        header.schemaVersion >= 10
        ? .metricFlow : header.schemaVersion >= 7 ? .dbtMetricsV2 : .dbtMetricsV1
    }
    let calculation: String?
    let expression: String?
    switch format {
    case .dbtMetricsV1:
      calculation = fields.lenientString("type")
      expression = fields.lenientString("sql")
    case .dbtMetricsV2:
      calculation = fields.lenientString("calculation_method")
      expression = fields.lenientString("expression")
    case .metricFlow:
      calculation = fields.lenientString("type")
      expression =
        typeParams?.lenientString("expr") ?? typeParams?.member("measure")?.lenientString("name")
    }
    return MetricDefinition(
      format: format,
      label: fields.lenientString("label"),
      calculation: calculation,
      expression: expression,
      timestamp: fields.lenientString("timestamp"),
      timeGrains: fields.lenientStringList("time_grains"),
      dimensions: fields.lenientStringList("dimensions"),
      filters: fields.rawJSON("filters") ?? fields.rawJSON("filter"),
      window: fields.rawJSON("window"),
      typeParams: typeParams?.raw,
      timeGranularity: fields.lenientString("time_granularity"))
  }

  func macro(_ value: JSONValue) -> MacroDefinition {
    MacroDefinition(
      sqlText: LazyString(fields.member("macro_sql")),
      arguments: fields.rawJSON("arguments"),
      supportedLanguages: fields.lenientStringList("supported_languages"))
  }
}

extension ResourceType {
  /// `self`, or `fallback` when empty.
  func nonEmpty(or fallback: ResourceType) -> ResourceType {
    rawValue.isEmpty ? fallback : self
  }
}
