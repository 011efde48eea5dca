import GraphQL
import MetadataStore

/// The parent value of `CatalogNode`: a node's latest catalog entry, with the node's
/// documented columns from the manifest (the descriptions, tags and meta of
/// `CatalogColumn`).
struct CatalogValue {
  let entry: CatalogEntryRecord
  let environmentID: Int
  let manifestColumns: JSONObject?
}
