/// The parent value of `Criteria`: a source's freshness thresholds.
struct JobCriteria: Sendable {
  /// The parent value of `CriteriaInfo`: `{count, period}` of one threshold.
  struct Info: Sendable {
    let count: Int?
    let period: String?
  }

  let warnAfter: Info?
  let errorAfter: Info?
}
