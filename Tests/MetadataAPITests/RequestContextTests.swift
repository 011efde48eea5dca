import Testing

@testable import MetadataAPI

/// The per-request memo computes once, optionals included.
@Suite struct RequestContextTests {
  @Test func memoizesOptionalsOnce() throws {
    let context = RequestContext(accountID: 1, store: try SampleDatabase.api().store)
    var calls = 0
    for _ in 0..<2 {
      let value: Int? = context.memoized("absent") {
        calls += 1
        return nil
      }
      #expect(value == nil)
    }
    let present: Int? = context.memoized("present") { 7 }
    #expect(present == 7)
    #expect(calls == 1)
  }

  /// A request's context is freed with everything its memo holds: the per-request loaders
  /// kept there do not keep the context (a cycle leaked every history request's loader).
  @Test func contextIsFreedWithItsLoaders() throws {
    let store = try SampleDatabase.api().store
    weak var freed: RequestContext?
    weak var loader: JobScopedLoader?
    do {
      let context = RequestContext(accountID: 1, store: store)
      freed = context
      let jobScoped = try JobScopedLoader.of(context)
      loader = jobScoped
      _ = try jobScoped.node("model.shop.fct_orders", inRuns: [1001, 1002], environmentID: 1)
      _ = DefinitionDocuments.of(context)
      #expect(freed != nil)
    }
    #expect(freed == nil)
    #expect(loader == nil)
  }
}
