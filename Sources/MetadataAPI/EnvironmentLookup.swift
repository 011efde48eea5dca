import MetadataStore

/// An environment looked up once per request (nil: not in the account).
struct EnvironmentLookup {
  let record: EnvironmentRecord?
}
