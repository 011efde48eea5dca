import GraphQL
import MetadataStore

/// The parent value of `CatalogColumn`: a column as the run's catalog saw it, with the
/// manifest's entry for it (description, tags, meta come from the YAML, not the warehouse).
struct JobCatalogColumn: Sendable {
  let column: CatalogRecord.Column
  let manifest: JSONValue?
}
