import Foundation
import Testing

@testable import GraphQL

/// Paths and loaders for the engine's fixtures and goldens.
///
/// The repository root is three levels above this file's folder's parent
/// (Tests/GraphQLTests/Execution/ -> repo), and the shared folder sits beside the repository.
enum EngineFixtures {
  static let testsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
  static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
  static let sharedDirectory = repositoryRoot.appendingPathComponent("../shared").standardized

  static func text(_ relativePath: String) throws -> String {
    try String(contentsOf: testsDirectory.appendingPathComponent(relativePath), encoding: .utf8)
  }

  static func sharedText(_ relativePath: String) throws -> String {
    try String(contentsOf: sharedDirectory.appendingPathComponent(relativePath), encoding: .utf8)
  }

  static func json(_ relativePath: String) throws -> JSONValue {
    try JSONParser.parse(try text(relativePath))
  }

  /// The service schema, `../shared/spec/metadata-api.graphql`.
  static func metadataSchemaSDL() throws -> String {
    try sharedText("spec/metadata-api.graphql")
  }

  /// Parses and executes `query` against `schema`.
  static func run(
    _ schema: GraphQLSchema, _ query: String, variables: JSONObject = JSONObject(),
    operationName: String? = nil, rootValue: Any = (), context: Any = ()
  ) throws -> ExecutionResult {
    let source = Source(query)
    let document = try parse(source, options: ParseOptions(maxTokens: nil))
    return execute(
      schema: schema, document: document, source: source, operationName: operationName,
      variables: variables, rootValue: rootValue, context: context)
  }
}
