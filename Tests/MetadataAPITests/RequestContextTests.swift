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
}
