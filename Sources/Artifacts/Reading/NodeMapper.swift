/// Maps one manifest definition (any kind, any version) to a ``ManifestNode`` and hashes
/// its canonical form.
struct NodeMapper {
  let header: ArtifactHeader
  /// Buffers and key orders reused across definitions (see ``CanonicalJSON/Workspace``).
  var workspace = CanonicalJSON.Workspace()

  init(header: ArtifactHeader) {
    self.header = header
  }

  mutating func node(_ value: JSONValue, key: String?, defaultType: ResourceType, disabled: Bool)
    throws -> ManifestNode
  {
    try value.requireObject()
    let uniqueID: String
    if let id = value.member("unique_id") {
      guard let text = id.string, !text.isEmpty else { throw id.wrongType("a non-empty string") }
      uniqueID = text
    } else if let key, !key.isEmpty {
      uniqueID = key
    } else {
      throw value.missing("unique_id", expected: "a string")
    }
    // Older docs, macros and sources omit resource_type: the collection says what they are.
    // Disabled entries (any kind) fall back to their unique_id prefix.
    let resourceType =
      value.lenientString("resource_type").map(ResourceType.init(rawValue:))
      ?? (disabled
        ? ResourceType(String(uniqueID.prefix { $0 != "." })).nonEmpty(or: defaultType)
        : defaultType)
    let config = try NodeConfigReader.read(value.member("config"))
    let dependsOn = try dependencies(value.member("depends_on"))
    let name =
      value.lenientString("name")
      ?? String(uniqueID.split(separator: ".").last ?? Substring(uniqueID))
    let meta = value.rawJSON("meta")
    let columnsJSON = value.rawJSON("columns")
    let columnCount = try checkColumns(value.member("columns"))

    return ManifestNode(
      uniqueID: uniqueID,
      resourceType: resourceType,
      name: name,
      packageName: value.lenientString("package_name"),
      pathText: TextRange(value.member("path")),
      originalFilePathText: TextRange(value.member("original_file_path")),
      fqnJSON: value.rawJSON("fqn"),
      database: value.lenientString("database"),
      schema: value.lenientString("schema"),
      alias: value.lenientString("alias"),
      relationNameText: TextRange(value.member("relation_name")),
      descriptionText: TextRange(value.member("description")),
      tagsJSON: value.rawJSON("tags"),
      meta: meta,
      dependsOnJSON: value.rawJSON("depends_on"),
      refsJSON: try checkedRefs(value.member("refs")),
      sourcesJSON: value.rawJSON("sources"),
      language: value.lenientString("language"),
      checksumText: TextRange(value.member("checksum")?.member("checksum")),
      patchPathText: TextRange(value.member("patch_path")),
      access: value.lenientString("access") ?? config.access,
      group: value.lenientString("group") ?? config.group,
      version: value.lenientString("version"),
      latestVersion: value.lenientString("latest_version"),
      contract: contract(value.member("contract"), config: config),
      deprecationDate: value.lenientString("deprecation_date"),
      hookIndex: resourceType == .operation ? value.lenientInt("index") : nil,
      owner: owner(value.member("owner")),
      model: value.lenientString("model"),
      isDisabled: disabled,
      json: value.raw,
      contentHash: CanonicalJSON.contentHash(of: value, workspace: &workspace),
      configBox: Box(config),
      columnsJSON: columnsJSON,
      columnCount: columnCount,
      testBox: resourceType == .test ? Box(test(value, dependsOn: dependsOn)) : nil,
      sourceBox: resourceType == .source ? Box(try source(value, name: name)) : nil,
      exposureBox: resourceType == .exposure ? Box(exposure(value)) : nil,
      metricBox: resourceType == .metric ? Box(metric(value)) : nil,
      macroBox: resourceType == .macro ? Box(macro(value)) : nil,
      rawCodeText: TextRange(value.member("raw_code") ?? value.member("raw_sql")),
      compiledCodeText: TextRange(
        value.member("compiled_code") ?? value.member("compiled_sql")
          ?? value.member("injected_sql")))
  }

  // MARK: - Common parts

  func dependencies(_ value: JSONValue?) throws -> NodeDependencies {
    guard let value else { return .empty }
    guard value.kind == .object else { throw value.wrongType("an object {nodes, macros}") }
    return NodeDependencies(
      nodes: try value.stringList("nodes"),
      macros: try value.stringList("macros"),
      functions: try value.stringList("functions"))
  }

  /// Checks that `columns` is an object of objects (so lazy decoding cannot fail) and counts them.
  func checkColumns(_ value: JSONValue?) throws -> Int {
    guard let value else { return 0 }
    guard value.kind == .object else { throw value.wrongType("an object of columns") }
    var count = 0
    for member in value.members {
      guard member.value.kind == .object else { throw member.value.wrongType("an object (column)") }
      count += 1
    }
    return count
  }

  /// `[["name"]]`, `[["pkg", "name"]]`, `[["pkg", "name", "v"]]` (v1-v8) or objects (v9+).
  static func refs(_ value: JSONValue?) throws -> [NodeRef] {
    guard let value else { return [] }
    guard value.kind == .array else { throw value.wrongType("a list of refs") }
    var refs: [NodeRef] = []
    for element in value.elements {
      switch element.kind {
      case .object:
        refs.append(
          NodeRef(
            name: try element.requiredString("name"),
            package: element.lenientString("package"),
            version: element.lenientString("version")))
      case .array:
        let parts = element.elements.compactMap(\.scalarText)
        switch parts.count {
        case 1: refs.append(NodeRef(name: parts[0], package: nil, version: nil))
        case 2: refs.append(NodeRef(name: parts[1], package: parts[0], version: nil))
        case 3: refs.append(NodeRef(name: parts[1], package: parts[0], version: parts[2]))
        default: throw element.wrongType("a ref of 1 to 3 strings")
        }
      case .string:
        refs.append(NodeRef(name: element.string ?? "", package: nil, version: nil))
      default:
        throw element.wrongType("a ref (a list of strings or an object)")
      }
    }
    return refs
  }

  /// Checks `refs` (so decoding on access cannot fail) and keeps it as JSON.
  func checkedRefs(_ value: JSONValue?) throws -> RawJSON? {
    _ = try NodeMapper.refs(value)
    return value?.raw
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

  func test(_ value: JSONValue, dependsOn: NodeDependencies) -> TestDefinition {
    let metadata = value.member("test_metadata")
    let kwargs = metadata?.member("kwargs")
    let attached = value.lenientString("attached_node")
    let columnName = value.lenientString("column_name") ?? kwargs?.lenientString("column_name")
    return TestDefinition(
      testName: metadata?.lenientString("name"),
      namespace: metadata?.lenientString("namespace"),
      kwargs: kwargs?.raw,
      columnName: columnName,
      attachedNode: attached,
      fileKeyName: value.lenientString("file_key_name"),
      testedNodeID: attached
        ?? TestedNode.find(model: kwargs?.lenientString("model"), among: dependsOn.nodes))
  }

  func source(_ value: JSONValue, name: String) throws -> SourceDefinition {
    let config = value.member("config")
    let freshness = value.member("freshness") ?? config?.member("freshness")
    return SourceDefinition(
      sourceName: value.lenientString("source_name") ?? "",
      sourceDescription: value.lenientString("source_description"),
      loader: value.lenientString("loader"),
      identifier: value.lenientString("identifier") ?? name,
      loadedAtField: value.lenientString("loaded_at_field")
        ?? config?.lenientString("loaded_at_field"),
      loadedAtQuery: value.lenientString("loaded_at_query")
        ?? config?.lenientString("loaded_at_query"),
      freshness: try FreshnessCriteriaReader.read(freshness),
      sourceMeta: value.rawJSON("source_meta"))
  }

  func exposure(_ value: JSONValue) -> ExposureDefinition {
    ExposureDefinition(
      type: value.lenientString("type"),
      label: value.lenientString("label"),
      maturity: value.lenientString("maturity"),
      url: value.lenientString("url"))
  }

  /// Decides the format by shape first (hand-edited files carry the wrong version label),
  /// then by schema version.
  func metric(_ value: JSONValue) -> MetricDefinition {
    let typeParams = value.member("type_params")
    let format: MetricFormat
    if typeParams != nil {
      format = .metricFlow
    } else if value["calculation_method"] != nil || value["expression"] != nil {
      format = .dbtMetricsV2
    } else if value["sql"] != nil {
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
      calculation = value.lenientString("type")
      expression = value.lenientString("sql")
    case .dbtMetricsV2:
      calculation = value.lenientString("calculation_method")
      expression = value.lenientString("expression")
    case .metricFlow:
      calculation = value.lenientString("type")
      expression =
        typeParams?.lenientString("expr") ?? typeParams?.member("measure")?.lenientString("name")
    }
    return MetricDefinition(
      format: format,
      label: value.lenientString("label"),
      calculation: calculation,
      expression: expression,
      timestamp: value.lenientString("timestamp"),
      timeGrains: value.lenientStringList("time_grains"),
      dimensions: value.lenientStringList("dimensions"),
      filters: value.rawJSON("filters") ?? value.rawJSON("filter"),
      window: value.rawJSON("window"),
      typeParams: typeParams?.raw,
      timeGranularity: value.lenientString("time_granularity"))
  }

  func macro(_ value: JSONValue) -> MacroDefinition {
    MacroDefinition(
      sqlText: LazyString(value.member("macro_sql")),
      arguments: value.rawJSON("arguments"),
      supportedLanguages: value.lenientStringList("supported_languages"))
  }
}

extension ResourceType {
  /// `self`, or `fallback` when empty.
  func nonEmpty(or fallback: ResourceType) -> ResourceType {
    rawValue.isEmpty ? fallback : self
  }
}
