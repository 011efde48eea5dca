// swift-tools-version: 6.0
// Metadata API benchmark (../run.sh): five queries of the metadata API, query text to response
// bytes in-process, over a generated 10,000-node environment with 100 runs. A separate package
// so the product's graph stays free of benchmark code; it depends on the root package by path.
import PackageDescription

// A path dependency is identified by its folder's name, which depends on where the repository
// was cloned; derive it from this package's own location (benchmarks/api/swift).
let rootFolder =
  Context.packageDirectory.split(separator: "/").dropLast(3).last.map(String.init)
  ?? "dbt-metadata"

let package = Package(
  name: "api-benchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [.package(path: "../../..")],
  targets: [
    .executableTarget(
      name: "APIBenchmark",
      dependencies: [
        .product(name: "MetadataAPI", package: rootFolder),
        .product(name: "MetadataStore", package: rootFolder),
        .product(name: "GraphQL", package: rootFolder),
      ]
    )
  ],
  swiftLanguageModes: [.v6]
)
