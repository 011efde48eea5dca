import GraphQL
import Testing

@testable import MetadataAPI

/// The whole served schema is bound: every field of every object type has a resolver,
/// every interface and union can name the object type of its values. The per-area tests
/// (``EnvironmentBindingTests``, ``JobScopedTests``, ``LineageGraphTests``,
/// ``ResourcesTests``) check what each area claims; this one walks every type, so a field
/// no area claims cannot be left to the default resolver by accident (it would answer
/// null, or fail a non-null field, on real data).
@Suite struct ResolverCoverageTests {
  /// Fields read by the default resolver on purpose: none. Every field is bound
  /// explicitly, including the shared value types (`PageInfo`); a field added here must
  /// say which parent value serves it and why a property lookup is right for it.
  static let readByDefaultResolver: Set<String> = []

  @Test func everyFieldOfEveryObjectTypeHasAResolver() throws {
    let schema = try SampleDatabase.api().schema
    var unbound: [String] = []
    var checked = 0
    for (name, type) in zip(schema.types.keys, schema.types.values)
    where type.kind == .object && !name.hasPrefix("__") {
      for (fieldName, field) in zip(type.fields.keys, type.fields.values) {
        checked += 1
        if field.resolve == nil && field.batchResolve == nil
          && !Self.readByDefaultResolver.contains("\(name).\(fieldName)")
        {
          unbound.append("\(name).\(fieldName)")
        }
      }
    }
    // The spec has hundreds of object fields: a walk that saw few walked the wrong schema.
    #expect(checked > 1_000, "only \(checked) fields walked")
    #expect(unbound.isEmpty, "unbound fields: \(unbound)")
  }

  @Test func theAllowListNamesOnlyRealUnboundFields() throws {
    let schema = try SampleDatabase.api().schema
    for entry in Self.readByDefaultResolver {
      let parts = entry.split(separator: ".").map(String.init)
      let field = try schema.field(parts[0], parts[1])
      #expect(field.resolve == nil && field.batchResolve == nil, "\(entry) is bound now")
    }
  }

  @Test func everyInterfaceAndUnionNamesItsObjectTypes() throws {
    let schema = try SampleDatabase.api().schema
    var unresolved: [String] = []
    var checked = 0
    for (name, type) in zip(schema.types.keys, schema.types.values)
    where type.kind.isAbstract && !name.hasPrefix("__") {
      checked += 1
      if type.resolveType != nil { continue }
      let possible = schema.possibleTypes(of: type)
      if possible.isEmpty || possible.contains(where: { $0.isTypeOf == nil }) {
        unresolved.append(name)
      }
    }
    #expect(checked > 10, "only \(checked) abstract types walked")
    #expect(unresolved.isEmpty, "no type resolver: \(unresolved)")
  }
}
