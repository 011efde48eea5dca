/// A GraphQL schema: its root operation types, every named type, and its directives.
///
/// Build one from SDL with ``GraphQLSchema/init(sdl:name:scalars:)``, bind resolvers with
/// ``setResolver(_:_:_:)`` and ``setBatchResolver(_:_:_:)``, then share it: after binding,
/// a schema is read-only and safe to use from many threads (hence `@unchecked Sendable`).
///
/// See https://spec.graphql.org/September2025/#sec-Schema
public final class GraphQLSchema: @unchecked Sendable {
  /// The schema's description, if any.
  public let description: String?
  /// The root type for queries.
  public let queryType: GraphQLNamedType?
  /// The root type for mutations, if the schema has one.
  public let mutationType: GraphQLNamedType?
  /// The root type for subscriptions, if the schema has one.
  public let subscriptionType: GraphQLNamedType?
  /// Every named type, including the introspection types, in graphql-js's order.
  public let types: OrderedDictionary<String, GraphQLNamedType>
  /// Every directive, the built-in ones first.
  public let directives: [GraphQLDirective]

  /// Field collections of executed documents, kept between executions.
  let executionPlans = ExecutionPlanCache()

  private var possibleTypesByName: [String: [GraphQLNamedType]] = [:]
  private var subTypeNames: [String: Set<String>] = [:]

  /// A schema from its parts; types reachable from the roots, the directives and `types`
  /// are collected in the order graphql-js's `GraphQLSchema` collects them.
  public init(
    query: GraphQLNamedType?, mutation: GraphQLNamedType? = nil,
    subscription: GraphQLNamedType? = nil, types: [GraphQLNamedType] = [],
    directives: [GraphQLDirective] = GraphQLDirective.specified, description: String? = nil
  ) {
    Introspection.installed
    self.description = description
    self.queryType = query
    self.mutationType = mutation
    self.subscriptionType = subscription
    self.directives = directives
    // graphql-js seeds an ordered set with `types`, then for each one removes it and
    // re-adds it with everything it references (so the order matches introspection).
    var order: [GraphQLNamedType] = types
    var present = Set(types.map { ObjectIdentifier($0) })
    func collect(_ type: GraphQLNamedType) {
      guard present.insert(ObjectIdentifier(type)).inserted else { return }
      order.append(type)
      switch type.kind {
      case .union:
        for member in type.unionMembers { collect(member) }
      case .object, .interface:
        for interface in type.interfaces { collect(interface) }
        for field in type.fields.values {
          collect(field.type.namedType)
          for argument in field.arguments { collect(argument.type.namedType) }
        }
      case .inputObject:
        for field in type.inputFields.values { collect(field.type.namedType) }
      case .scalar, .enum: break
      }
    }
    for type in types {
      if let index = order.firstIndex(where: { $0 === type }) { order.remove(at: index) }
      present.remove(ObjectIdentifier(type))
      collect(type)
    }
    for root in [query, mutation, subscription].compactMap({ $0 }) { collect(root) }
    for directive in directives {
      for argument in directive.arguments { collect(argument.type.namedType) }
    }
    collect(Introspection.schemaType)
    var collected = OrderedDictionary<String, GraphQLNamedType>()
    for type in order where collected[type.name] == nil { collected[type.name] = type }
    self.types = collected

    for type in collected.values {
      switch type.kind {
      case .union:
        possibleTypesByName[type.name] = type.unionMembers
      case .object:
        for interface in type.interfaces {
          possibleTypesByName[interface.name, default: []].append(type)
        }
      default: break
      }
    }
    for (name, possible) in possibleTypesByName {
      subTypeNames[name] = Set(possible.map(\.name))
    }
    for type in collected.values where type.kind == .interface {
      for interface in type.interfaces {
        subTypeNames[interface.name, default: []].insert(type.name)
      }
    }
  }

  /// The named type `name`, if the schema has it.
  public func type(named name: String) -> GraphQLNamedType? { types[name] }

  /// The directive `name`, if the schema has it.
  public func directive(named name: String) -> GraphQLDirective? {
    directives.first { $0.name == name }
  }

  /// The root type for an operation kind.
  public func rootType(for operation: OperationType) -> GraphQLNamedType? {
    switch operation {
    case .query: return queryType
    case .mutation: return mutationType
    case .subscription: return subscriptionType
    }
  }

  /// The object types a value of an abstract type may have: a union's members or an
  /// interface's implementations, in schema order.
  public func possibleTypes(of abstractType: GraphQLNamedType) -> [GraphQLNamedType] {
    switch abstractType.kind {
    case .union: return abstractType.unionMembers
    case .interface: return possibleTypesByName[abstractType.name] ?? []
    default: return []
    }
  }

  /// Whether `maybeSubType` is a possible type of (or an interface implementing)
  /// `abstractType`.
  public func isSubType(_ abstractType: GraphQLNamedType, _ maybeSubType: GraphQLNamedType) -> Bool
  {
    subTypeNames[abstractType.name]?.contains(maybeSubType.name) ?? false
  }

  /// Whether two composite types can share an object: graphql-js's `doTypesOverlap`.
  public func typesOverlap(_ a: GraphQLNamedType, _ b: GraphQLNamedType) -> Bool {
    if a === b { return true }
    if a.kind.isAbstract {
      if b.kind.isAbstract {
        return possibleTypes(of: a).contains { isSubType(b, $0) }
      }
      return isSubType(a, b)
    }
    if b.kind.isAbstract { return isSubType(b, a) }
    return false
  }

  /// Whether `subType` may be used where `superType` is expected (graphql-js's
  /// `isTypeSubTypeOf`): non-null into nullable, lists item-wise, objects into their
  /// interfaces and unions.
  public func isTypeSubType(_ subType: GraphQLType, of superType: GraphQLType) -> Bool {
    if subType.isEqual(to: superType) { return true }
    if case .nonNull(let superInner) = superType {
      if case .nonNull(let subInner) = subType { return isTypeSubType(subInner, of: superInner) }
      return false
    }
    if case .nonNull(let subInner) = subType { return isTypeSubType(subInner, of: superType) }
    if case .list(let superInner) = superType {
      if case .list(let subInner) = subType { return isTypeSubType(subInner, of: superInner) }
      return false
    }
    if case .list = subType { return false }
    let superNamed = superType.namedType
    let subNamed = subType.namedType
    return superNamed.kind.isAbstract
      && (subNamed.kind == .interface || subNamed.kind == .object)
      && isSubType(superNamed, subNamed)
  }
}
