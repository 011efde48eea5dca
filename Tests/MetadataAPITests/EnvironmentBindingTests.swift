import GraphQL
import Testing

@testable import MetadataAPI

/// Every field of this area's types has a resolver: none is left to the default resolver
/// by accident (which would answer null, or fail a non-null field, on real data).
@Suite struct EnvironmentBindingTests {
  /// Types whose every field this area binds.
  static let wholeTypes =
    MetadataAPI.environmentNodeTypes + [
      "JobNode", "ModelExecutionInfoNode", "TestExecutionInfoNode",
      "SeedExecutionInfoNode", "SnapshotExecutionInfoNode", "CatalogNode", "SourceFreshnessNode",
      "TestMetadata", "MacroArguments", "ModelLevelConstraint", "ModelVersion", "CatalogColumn",
      "CatalogStat", "Criteria", "CriteriaInfo",
    ]
    + [
      "ModelAppliedStateNode", "SourceAppliedStateNode", "TestAppliedStateNode",
      "SeedAppliedStateNode", "SnapshotAppliedStateNode", "ExposureAppliedStateNode",
      "ModelDefinitionNode", "SourceDefinitionNode", "TestDefinitionNode", "SeedDefinitionNode",
      "SnapshotDefinitionNode", "ExposureDefinitionNode", "MacroDefinitionNode",
      "MetricDefinitionNode", "EnvironmentAppliedNode", "EnvironmentDefinitionNode",
    ].flatMap { [$0 + "Connection", $0 + "Edge"] }

  /// Fields of the state types this area binds (the others belong to lineage, history
  /// and Part 4's standalone binding).
  static let stateFields = [
    "AppliedState": [
      "models", "sources", "tests", "seeds", "snapshots", "exposures", "resources",
      "modelHistoricalRuns", "resourceCounts", "lastUpdatedAt",
    ],
    "DefinitionState": [
      "models", "sources", "tests", "seeds", "snapshots", "exposures", "macros", "metrics",
      "resources", "resourceCounts", "lastUpdatedAt",
    ],
    "Query": ["environment", "job"],
    "Environment": ["id", "adapterType", "dbtProjectName", "applied", "definition"],
  ]

  @Test func everyFieldOfThisAreaHasAResolver() throws {
    let schema = try SampleDatabase.api().schema
    var unbound: [String] = []
    for typeName in Self.wholeTypes {
      let type = try #require(schema.type(named: typeName), "\(typeName)")
      for (name, field) in zip(type.fields.keys, type.fields.values)
      where field.resolve == nil && field.batchResolve == nil {
        unbound.append("\(typeName).\(name)")
      }
    }
    for (typeName, fields) in Self.stateFields {
      for name in fields {
        let field = try schema.field(typeName, name)
        if field.resolve == nil && field.batchResolve == nil {
          unbound.append("\(typeName).\(name)")
        }
      }
    }
    #expect(unbound.isEmpty, "\(unbound)")
  }

  @Test func everyEnvironmentInterfaceHasATypeResolver() throws {
    let schema = try SampleDatabase.api().schema
    for name in [
      "EnvironmentAppliedNode", "EnvironmentDefinitionNode", "EnvironmentAppliedNestedNode",
      "EnvironmentDefinitionNestedNode",
    ] {
      #expect(schema.type(named: name)?.resolveType != nil, "\(name)")
    }
  }
}
