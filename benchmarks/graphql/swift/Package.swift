// swift-tools-version: 6.0
// GraphQL benchmarks: this project's parser against GraphQLSwift's (a peer, for comparison
// only; the product itself has no package dependencies). ../run.sh also runs graphql-js and
// graphql-core on the same inputs and prints one table.
//
// Why this package lives in benchmarks/graphql/swift and not in benchmarks/graphql: a
// package's identity is its folder's name, and a root package named "graphql" collides with
// GraphQLSwift's identity ("graphql", from .../GraphQLSwift/GraphQL); SwiftPM 6.3 then never
// finishes resolving.
import PackageDescription

// A path dependency is identified by its folder's name, which depends on where the repository
// was cloned; derive it from this package's own location (benchmarks/graphql/swift).
let rootFolder =
  Context.packageDirectory.split(separator: "/").dropLast(3).last.map(String.init)
  ?? "dbt-metadata"

let package = Package(
  name: "graphql-benchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(path: "../../.."),
    .package(url: "https://github.com/GraphQLSwift/GraphQL", exact: "4.3.0"),
  ],
  targets: [
    .executableTarget(
      name: "ParseBenchmark",
      dependencies: [
        .product(name: "GraphQL", package: rootFolder),
        // Both packages have a module named GraphQL; the peer's is renamed.
        .product(name: "GraphQL", package: "GraphQL", moduleAliases: ["GraphQL": "GraphQLSwift"]),
      ],
      swiftSettings: [.unsafeFlags(["-Ounchecked"])]
    ),
    // The execution benchmark (../execute.sh).
    .executableTarget(
      name: "ExecuteBenchmark",
      dependencies: [
        .product(name: "GraphQL", package: rootFolder),
        .product(name: "GraphQL", package: "GraphQL", moduleAliases: ["GraphQL": "GraphQLSwift"]),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
