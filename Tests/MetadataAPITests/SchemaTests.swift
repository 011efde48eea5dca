import Foundation
import GraphQL
import Testing

@testable import MetadataAPI

/// The served schema is the spec: the embedded SDL is the spec file byte for byte, and its
/// introspection equals graphql-core's (the engine's golden).
@Suite struct SchemaTests {
  @Test func embeddedSDLIsTheSpecFile() throws {
    let spec = try String(
      contentsOf: SampleDatabase.shared.appendingPathComponent("spec/metadata-api.graphql"),
      encoding: .utf8)
    #expect(
      MetadataSDL.text + "\n" == spec,
      "the spec changed: run python3 Sources/MetadataAPI/Schema/embed-spec.py")
  }

  @Test func introspectionOfTheServedSchemaEqualsTheGolden() throws {
    let golden = SampleDatabase.repository.appendingPathComponent(
      "Tests/GraphQLTests/Golden/Introspection")
    let query = try String(
      contentsOf: golden.appendingPathComponent("introspection-query.graphql"), encoding: .utf8)
    let expected = try JSONParser.parse(
      String(
        contentsOf: golden.appendingPathComponent("metadata-api.result.json"), encoding: .utf8))
    let result = try SampleDatabase.api().execute(
      query: query, accountID: 1, limits: QueryLimits(maxTokens: .max))
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(result.toJSON() == expected)
  }
}
