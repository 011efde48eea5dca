import Testing

@testable import Artifacts
