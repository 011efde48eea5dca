/// Value completion, one vector of values at a time.
///
/// A `nil` result means "failed": an error was recorded and the null must propagate to
/// the nearest nullable position, which turns it into `.null`.
///
/// See https://spec.graphql.org/September2025/#sec-Value-Completion and
/// https://spec.graphql.org/September2025/#sec-Handling-Execution-Errors
extension Executor {
  /// Completes `values` (one per path) to `type`.
  /// See https://spec.graphql.org/September2025/#CompleteValue()
  func completeValues(
    type: GraphQLType, fieldNodes: [Field], info: ResolveInfo, paths: PathSet, values: [Any?]
  ) -> [JSONValue?] {
    if case .nonNull(let inner) = type {
      var results = completeNullable(
        type: inner, fieldNodes: fieldNodes, info: info, paths: paths, values: values)
      for index in results.indices {
        if case .null? = results[index] {
          recordError(
            GraphQLError(
              message:
                "Cannot return null for non-nullable field \(info.parentType.name).\(info.fieldName)."
            ),
            fieldNodes: fieldNodes, path: paths.path(index))
          results[index] = nil
        }
      }
      return results
    }
    var results = completeNullable(
      type: type, fieldNodes: fieldNodes, info: info, paths: paths, values: values)
    for index in results.indices where results[index] == nil { results[index] = .null }
    return results
  }

  /// Completes values of a nullable type (`null` stays `null`).
  private func completeNullable(
    type: GraphQLType, fieldNodes: [Field], info: ResolveInfo, paths: PathSet, values: [Any?]
  ) -> [JSONValue?] {
    switch type {
    case .nonNull:
      return completeValues(
        type: type, fieldNodes: fieldNodes, info: info, paths: paths, values: values)
    case .list(let itemType):
      return completeLists(
        itemType: itemType, fieldNodes: fieldNodes, info: info, paths: paths, values: values)
    case .named(let named):
      switch named.kind {
      case .scalar, .enum:
        return completeLeaves(named, fieldNodes: fieldNodes, paths: paths, values: values)
      case .object, .interface, .union:
        return completeObjects(
          named, fieldNodes: fieldNodes, info: info, paths: paths, values: values)
      case .inputObject:
        return values.indices.map { index in
          recordError(
            GraphQLError(
              message: "Cannot complete value of unexpected input type \"\(named.name)\"."),
            fieldNodes: fieldNodes, path: paths.path(index))
          return nil
        }
      }
    }
  }

  // MARK: - Leaves

  /// Completes scalar or enum values (nullable: `nil` values become `.null`).
  /// See https://spec.graphql.org/September2025/#sec-Scalars.Result-Coercion-and-Serialization
  private func completeLeaves(
    _ type: GraphQLNamedType, fieldNodes: [Field], paths: PathSet, values: [Any?]
  ) -> [JSONValue?] {
    let leaf = LeafPlan(type: type, nonNull: false)
    var results: [JSONValue?] = []
    results.reserveCapacity(values.count)
    // Values read in place: subscripting the array copied each one.
    // Unwrapped by a switch: binding the optional copied the whole `Any?` through the
    // generic optional witnesses (a tenth of a history's answer), the payload alone is cheaper.
    values.withUnsafeBufferPointer { values in
      for index in values.indices {
        switch values[index] {
        case .none:
          results.append(.null)
        case .some(let value):
          results.append(
            completePresentLeaf(value, leaf: leaf, fieldNodes: fieldNodes) { paths.path(index) })
        }
      }
    }
    return results
  }

  // MARK: - Lists

  /// Completes every list's items together (one vector), then regroups them.
  /// See https://spec.graphql.org/September2025/#sec-Value-Completion
  private func completeLists(
    itemType: GraphQLType, fieldNodes: [Field], info: ResolveInfo, paths: PathSet, values: [Any?]
  ) -> [JSONValue?] {
    if let leaf = LeafPlan(itemType) {
      return completeLeafLists(
        leaf, fieldNodes: fieldNodes, info: info, paths: paths, values: values)
    }
    var results = [JSONValue?](repeating: .null, count: values.count)
    var items: [Any?] = []
    // The index in `values` of each list and the position of its first item in `items`.
    var listIndices: [Int] = []
    var starts: [Int] = []
    for index in values.indices {
      guard let value = values[index] else { continue }
      guard let elements = listElements(value) else {
        results[index] = completeNonList(
          value, fieldNodes: fieldNodes, info: info, path: paths.path(index))
        continue
      }
      listIndices.append(index)
      starts.append(items.count)
      if items.isEmpty {
        items = elements
      } else {
        items.append(contentsOf: elements)
      }
    }
    guard !listIndices.isEmpty else { return results }
    let lists = listIndices.count == values.count ? paths : paths.subset(listIndices)
    let completed = completeValues(
      type: itemType, fieldNodes: fieldNodes, info: info,
      paths: PathSet(lists: lists, starts: starts), values: items)
    for (listNumber, index) in listIndices.enumerated() {
      let start = starts[listNumber]
      let end = listNumber + 1 < starts.count ? starts[listNumber + 1] : items.count
      var list: [JSONValue] = []
      list.reserveCapacity(end - start)
      var failedAt: Int?
      for position in start..<end {
        if let value = completed[position] {
          list.append(value)
        } else {
          failedAt = position - start
          break
        }
      }
      if let failedAt {
        recordTruncation(list: paths.path(index), at: failedAt)
        results[index] = nil
      } else {
        results[index] = .list(list)
      }
    }
    return results
  }

  /// Completes lists of scalars or enums list by list, each item as it is read (no vector
  /// of all items, no path unless an item fails); a `[String]` of a scalar that serializes
  /// strings as they are (`String`, `ID`) is converted whole.
  private func completeLeafLists(
    _ leaf: LeafPlan, fieldNodes: [Field], info: ResolveInfo, paths: PathSet, values: [Any?]
  ) -> [JSONValue?] {
    var results: [JSONValue?] = []
    results.reserveCapacity(values.count)
    for index in values.indices {
      guard let value = values[index] else {
        results.append(.null)
        continue
      }
      if leaf.stringsAsThemselves, let strings = exactCast(value, to: [String].self) {
        results.append(.list(strings.map { .string($0) }))
        continue
      }
      // A JSON list of strings is its own completion there: kept as it is (a resolver
      // may keep such lists between requests instead of making one per answer).
      if leaf.stringsAsThemselves, let json = exactCast(value, to: JSONValue.self),
        case .list(let items) = json,
        items.allSatisfy({
          if case .string = $0 { return true }
          return false
        })
      {
        results.append(json)
        continue
      }
      guard let elements = listElements(value) else {
        results.append(
          completeNonList(value, fieldNodes: fieldNodes, info: info, path: paths.path(index)))
        continue
      }
      var list: [JSONValue] = []
      list.reserveCapacity(elements.count)
      var failed = false
      for position in elements.indices {
        let item = completeLeaf(elements[position], leaf: leaf, fieldNodes: fieldNodes, info: info)
        {
          ResponsePath(parent: paths.path(index), key: .index(position), ordinal: position)
        }
        guard let item else {
          // A depth-first executor stops at the first failed item; so does this one.
          recordTruncation(list: paths.path(index), at: position)
          failed = true
          break
        }
        list.append(item)
      }
      results.append(failed ? nil : .list(list))
    }
    return results
  }

  /// A list field's value that is not a list: null stays null (`.null`), anything else is
  /// a field error (`nil`).
  private func completeNonList(
    _ value: Any, fieldNodes: [Field], info: ResolveInfo, path: @autoclosure () -> ResponsePath?
  ) -> JSONValue? {
    if case .null? = value as? JSONValue { return .null }
    if let resolverError = value as? any Error {
      recordError(resolverError, fieldNodes: fieldNodes, path: path())
    } else if let unwrapped = unwrapOptional(value), unwrapped.value == nil {
      return .null
    } else {
      recordError(
        GraphQLError(
          message:
            "Expected Iterable, but did not find one for field \"\(info.parentType.name).\(info.fieldName)\"."
        ), fieldNodes: fieldNodes, path: path())
    }
    return nil
  }

  /// The elements of a list value, or `nil` if it is not a sequence (a string is not).
  private func listElements(_ value: Any) -> [Any?]? {
    // Arrays, whatever their element type, through one protocol conformance: a cast to
    // `[Any?]` would cast every element at run time.
    if let array = value as? any ListElements { return array.anyElements }
    if value is String { return nil }
    if let json = value as? JSONValue {
      guard case .list(let elements) = json else { return nil }
      return elements.map { $0 }
    }
    if let sequence = value as? any Sequence {
      var elements: [Any?] = []
      for element in sequence { elements.append(element) }
      return elements
    }
    return nil
  }

  // MARK: - Objects

  /// Resolves each value's object type, then executes the sub-selection for each group of
  /// values that share a type.
  /// See https://spec.graphql.org/September2025/#ResolveAbstractType()
  private func completeObjects(
    _ type: GraphQLNamedType, fieldNodes: [Field], info: ResolveInfo, paths: PathSet, values: [Any?]
  ) -> [JSONValue?] {
    var results = [JSONValue?](repeating: .null, count: values.count)
    // The values of each runtime object type, in the order the types were first met; the
    // position of each type's group, and the last one used (runs of one type are usual).
    var groups: [(type: GraphQLNamedType, indices: [Int])] = []
    var groupPositions: [ObjectIdentifier: Int] = [:]
    var lastGroup: (key: ObjectIdentifier, position: Int)?
    var objects = [Any](repeating: (), count: values.count)
    // The dynamic type last found to be a plain object (not JSON, not an error, not an
    // optional): what every value of a list usually is. Those three checks are dynamic
    // casts, two of them to existentials, and depend only on the type, so a run of values
    // of one type pays for them once.
    var plainType: ObjectIdentifier?
    // The type name an abstract type's values last resolved to, and its checked object type.
    var lastResolved: (name: String, type: GraphQLNamedType)?
    for index in values.indices {
      guard var value = values[index] else { continue }
      let dynamicType = ObjectIdentifier(Swift.type(of: value))
      if dynamicType != plainType, !plainTypes.contains(dynamicType) {
        if let json = value as? JSONValue {
          if case .null = json { continue }
        } else if let resolverError = value as? any Error {
          recordError(resolverError, fieldNodes: fieldNodes, path: paths.path(index))
          results[index] = nil
          continue
        } else if let unwrapped = unwrapOptional(value) {
          guard let inner = unwrapped.value else { continue }
          value = inner
        } else {
          plainType = dynamicType
          plainTypes.insert(dynamicType)
        }
      }
      let runtimeType: GraphQLNamedType
      do {
        runtimeType = try objectType(of: value, type: type, info: info, last: &lastResolved)
      } catch {
        recordError(error, fieldNodes: fieldNodes, path: paths.path(index))
        results[index] = nil
        continue
      }
      objects[index] = value
      let key = ObjectIdentifier(runtimeType)
      if let lastGroup, lastGroup.key == key {
        groups[lastGroup.position].indices.append(index)
      } else if let position = groupPositions[key] {
        groups[position].indices.append(index)
        lastGroup = (key, position)
      } else {
        groupPositions[key] = groups.count
        lastGroup = (key, groups.count)
        groups.append((runtimeType, [index]))
      }
    }
    for group in groups {
      let subfields = collectSubfields(objectType: group.type, fieldNodes: fieldNodes)
      let everyValue = group.indices.count == values.count
      let sources = everyValue ? objects : group.indices.map { objects[$0] }
      let completed = executeFields(
        objectType: group.type, sources: sources,
        paths: everyValue ? paths : paths.subset(group.indices), fields: subfields)
      for (position, index) in group.indices.enumerated() { results[index] = completed[position] }
    }
    return results
  }

  /// The object type of a value of `type` (checked against `isTypeOf` for object types).
  ///
  /// `last` remembers the last name checked: values of a list mostly resolve to a few
  /// types, and the lookups and checks depend on the name only.
  private func objectType(
    of value: Any, type: GraphQLNamedType, info: ResolveInfo,
    last: inout (name: String, type: GraphQLNamedType)?
  ) throws -> GraphQLNamedType {
    if type.kind == .object {
      if let isTypeOf = type.isTypeOf, try !isTypeOf(value, context, info) {
        throw GraphQLError(
          message: "Expected value of type \"\(type.name)\" but got: \(Inspect.any(value)).")
      }
      return type
    }
    var typeName: String?
    if let resolveType = type.resolveType {
      typeName = try resolveType(value, context, info)
    } else {
      typeName = try defaultTypeName(of: value, abstractType: type, info: info)
    }
    guard let typeName else {
      throw GraphQLError(
        message:
          "Abstract type \"\(type.name)\" must resolve to an Object type at runtime for field \"\(info.parentType.name).\(info.fieldName)\". Either the \"\(type.name)\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function."
      )
    }
    if let last, last.name == typeName { return last.type }
    guard let runtimeType = schema.type(named: typeName) else {
      throw GraphQLError(
        message:
          "Abstract type \"\(type.name)\" was resolved to a type \"\(typeName)\" that does not exist inside the schema."
      )
    }
    guard runtimeType.kind == .object else {
      throw GraphQLError(
        message: "Abstract type \"\(type.name)\" was resolved to a non-object type \"\(typeName)\"."
      )
    }
    guard schema.isSubType(type, runtimeType) else {
      throw GraphQLError(
        message: "Runtime Object type \"\(typeName)\" is not a possible type for \"\(type.name)\".")
    }
    last = (typeName, runtimeType)
    return runtimeType
  }

  /// graphql-js's `defaultTypeResolver`: `__typename` on the value, else `isTypeOf`.
  private func defaultTypeName(of value: Any, abstractType: GraphQLNamedType, info: ResolveInfo)
    throws -> String?
  {
    switch value {
    case let named as any GraphQLTypeNamed: return named.graphQLTypeName
    case let dictionary as [String: Any]:
      if let name = dictionary["__typename"] as? String { return name }
    case let json as JSONValue:
      if let name = json["__typename"]?.stringValue { return name }
    case let object as JSONObject:
      if let name = object["__typename"]?.stringValue { return name }
    default: break
    }
    for candidate in schema.possibleTypes(of: abstractType) {
      if let isTypeOf = candidate.isTypeOf, try isTypeOf(value, context, info) {
        return candidate.name
      }
    }
    return nil
  }
}
