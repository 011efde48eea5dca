import GraphQL
import MetadataStore

/// The parent value of `SourceFreshnessNode`: a source's latest freshness result, if any,
/// and the criteria configured in its definition.
struct FreshnessValue {
  let result: FreshnessRecord?
  let configured: JobCriteria
}
