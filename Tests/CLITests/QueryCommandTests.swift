import Foundation
import Testing

@testable import CLI

/// `dbt-metadata query`: a metadata API query answered from a database file, locally.
@Suite struct QueryCommandTests {
  typealias T = IngestCommandTests

  /// A database holding one public project (diy9-dbt) as account 1, job 4, run 1.
  private func database() throws -> ScratchDirectory {
    let directory = try ScratchDirectory()
    let ingest = T.ingest(directory.database, ["--target", T.publicArtifacts + "/diy9-dbt/target"])
    #expect(ingest.code == 0, "\(ingest.err)")
    return directory
  }

  /// The models of the diy9-dbt manifest, read independently.
  private func manifestModels() throws -> [String] {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: T.publicArtifacts + "/diy9-dbt/target/manifest.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let nodes = try #require(manifest["nodes"] as? [String: [String: Any]])
    return nodes.values.filter { $0["resource_type"] as? String == "model" }
      .compactMap { $0["unique_id"] as? String }.sorted()
  }

  private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func answersAQueryFromAFileWithVariablesAndOperation() throws {
    let directory = try database()
    let query = directory.file("models.graphql")
    try """
    query Other { __typename }
    query Models($job: Int!) { models(jobId: $job) { uniqueId runId accountId } }
    """.write(toFile: query, atomically: true, encoding: .utf8)
    let result = T.run(
      [
        "query", "--db", directory.database, "--account", "1", "--variables", #"{"job": 4}"#,
        "--operation", "Models", query,
      ])
    #expect(result.code == 0, "\(result.err)")
    let models = try #require(
      (try json(result.out)["data"] as? [String: Any])?["models"] as? [[String: Any]])
    #expect(models.compactMap { $0["uniqueId"] as? String } == (try manifestModels()))
    #expect(models.allSatisfy { $0["runId"] as? Int == 1 && $0["accountId"] as? Int == 1 })
  }

  @Test func readsStandardInputAndScopesByAccount() throws {
    let directory = try database()
    let query = "{ models(jobId: 4) { uniqueId } }"
    let captured = CapturedOutput(input: Array(query.utf8))
    let code = CLI.run(
      ["query", "--db", directory.database, "--account", "1", "-"], output: captured.output)
    #expect(code == 0)
    let models = (try json(captured.standardOutput)["data"] as? [String: Any])?["models"]
    #expect((models as? [Any])?.count == (try manifestModels()).count)

    // Account 2 does not see account 1's job: not found, exit 1.
    let other = CapturedOutput(input: Array(query.utf8))
    #expect(
      CLI.run(["query", "--db", directory.database, "--account", "2"], output: other.output) == 1)
    #expect(other.standardOutput.contains(#""message":"Job "#))
    #expect(other.standardOutput.contains(#""code":"NOT_FOUND""#))
  }

  @Test func aResponseWithErrorsExitsOne() throws {
    let directory = try database()
    let captured = CapturedOutput(input: Array("{ models(jobId: 4) { nope } }".utf8))
    let code = CLI.run(
      ["query", "--db", directory.database, "--account", "1"], output: captured.output)
    #expect(code == 1)
    let errors = try #require(try json(captured.standardOutput)["errors"] as? [[String: Any]])
    #expect(
      errors.first?["message"] as? String
        == #"Cannot query field "nope" on type "ModelNode". Did you mean "name" or "type"?"#)
  }

  @Test func theTokenLimitIsLiftedButNotTheOthers() throws {
    let directory = try database()
    // 16,000 tokens of one field: over the request limit of 15,000.
    let long = "{ " + String(repeating: "__typename ", count: 16_000) + "}"
    let captured = CapturedOutput(input: Array(long.utf8))
    let code = CLI.run(
      ["query", "--db", directory.database, "--account", "1"], output: captured.output)
    #expect(code == 0, "\(captured.standardOutput.prefix(300))")
    #expect(captured.standardOutput == #"{"data":{"__typename":"Query"}}"# + "\n")

    // Depth is still limited (20).
    let deep =
      "{ models(jobId: 4) { " + String(repeating: "parentsModels { ", count: 20) + "uniqueId"
      + String(repeating: " }", count: 22)
    let deepOutput = CapturedOutput(input: Array(deep.utf8))
    #expect(
      CLI.run(["query", "--db", directory.database, "--account", "1"], output: deepOutput.output)
        == 1)
    #expect(deepOutput.standardOutput.contains("depth"))
  }

  @Test func badUsageAndMissingFiles() throws {
    let directory = try database()
    let notObject = T.run(
      ["query", "--db", directory.database, "--account", "1", "--variables", "[1]", "-"])
    #expect(notObject.code == 64)
    #expect(notObject.err.contains("--variables expects a JSON object, found '[1]'"))
    let noAccount = T.run(["query", "--db", directory.database, "-"])
    #expect(noAccount.code == 64)
    #expect(noAccount.err.contains("missing --account"))
    let missingQuery = T.run(
      ["query", "--db", directory.database, "--account", "1", directory.file("none.graphql")])
    #expect(missingQuery.code == 1)
    #expect(missingQuery.err.hasPrefix("error: cannot read \(directory.file("none.graphql"))"))
    let missingDatabase = T.run(["query", "--db", directory.file("none.sqlite"), "--account", "1"])
    #expect(missingDatabase.code == 1)
    #expect(!FileManager.default.fileExists(atPath: directory.file("none.sqlite")))
  }
}
