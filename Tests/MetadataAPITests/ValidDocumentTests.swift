import GraphQL
import Testing

@testable import MetadataAPI

/// The limits verdict a cached document keeps: reused only when no `first` argument takes
/// a variable, and then the same as checking again, per operation and limits.
@Suite struct ValidDocumentTests {
  private func document(_ text: String) throws -> ValidDocument {
    let source = Source(text)
    return ValidDocument(document: try parse(source), source: source)
  }

  @Test func firstFromAVariableIsCheckedOnEveryRequest() throws {
    #expect(
      try !document("query ($id: String!) { models(jobId: 1) { uniqueId } }").limitsReadVariables)
    #expect(try document("query ($n: Int) { a { b(first: $n) { c } } }").limitsReadVariables)
    #expect(try document("{ a { ... on A { b(first: 2) { c(first: $n) } } } }").limitsReadVariables)
    #expect(try document("{ a { ...F } } fragment F on A { b(first: $n) }").limitsReadVariables)
    #expect(try !document("{ a(filter: {first: $n}) { b(first: 3) } }").limitsReadVariables)

    let api = try MetadataAPI(store: SampleDatabase.api().store)
    let query = """
      query ($n: Int) { environment(id: 1) { applied { models(first: $n) { totalCount } } } }
      """
    for _ in 0..<2 {
      let small = api.execute(query: query, variables: ["n": 2], accountID: 1)
      #expect(small.errors.isEmpty, "\(small.errors)")
      let large = api.execute(query: query, variables: ["n": 501], accountID: 1)
      #expect(large.errors.first?.extensions?["code"] == .string("FIRST_TOO_LARGE"))
    }
  }

  @Test func aKeptVerdictIsTheCheckAgainPerOperationAndLimits() throws {
    let api = try MetadataAPI(store: SampleDatabase.api().store)
    let text = """
      query Big { environment(id: 1) { applied { models(first: 400) { totalCount } } } }
      query Small { environment(id: 1) { applied { models(first: 2) { totalCount } } } }
      """
    let valid = try document(text)
    #expect(!valid.limitsReadVariables)
    let strict = QueryLimits(maxFirst: 100)
    for _ in 0..<2 {
      for (limits, operation) in [
        (strict, "Big"), (strict, "Small"), (QueryLimits(), "Big"), (QueryLimits(), "Small"),
      ] {
        let kept = valid.limitErrors(
          limits, schema: api.schema, operationName: operation, variables: [:])
        let checked = limits.check(
          schema: api.schema, document: valid.document, source: valid.source,
          operationName: operation)
        #expect(kept.map(\.message) == checked.map(\.message))
        #expect(kept.isEmpty == !(limits == strict && operation == "Big"))
      }
    }
    // Through the API: the same text answers by its operation and the limits each time.
    for _ in 0..<2 {
      let refused = api.execute(query: text, operationName: "Big", accountID: 1, limits: strict)
      #expect(refused.errors.first?.extensions?["code"] == .string("FIRST_TOO_LARGE"))
      let answered = api.execute(query: text, operationName: "Big", accountID: 1)
      #expect(answered.errors.isEmpty, "\(answered.errors)")
    }
  }
}
