/// The parent value of `PerformanceState`: an environment known to be in the request's
/// account (checked when `performance(environmentId:)` resolved it).
struct PerformanceScope: Sendable, Hashable {
  let environmentID: Int
}
