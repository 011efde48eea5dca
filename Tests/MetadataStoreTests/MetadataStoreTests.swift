import Testing

@testable import MetadataStore
