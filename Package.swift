// swift-tools-version: 6.0
// dbt-metadata: a self-hosted metadata service for dbt projects.
// No package dependencies: SQLite and libcrypto come in as system library targets.
import PackageDescription

let package = Package(
  name: "dbt-metadata",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "dbt-metadata", targets: ["dbt-metadata"]),
    .library(name: "GraphQL", targets: ["GraphQL"]),
    .library(name: "Artifacts", targets: ["Artifacts"]),
    .library(name: "MetadataStore", targets: ["MetadataStore"]),
    .library(name: "CLI", targets: ["CLI"]),
  ],
  targets: [
    // System libraries.
    .systemLibrary(
      name: "CSQLite", path: "Sources/CSQLite",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
    .systemLibrary(
      name: "CCrypto", path: "Sources/CCrypto",
      providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),
    .systemLibrary(
      name: "CZlib", path: "Sources/CZlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),

    // Storage and artifacts.
    .target(name: "SQLite", dependencies: ["CSQLite"]),
    .target(name: "Artifacts", dependencies: ["CCrypto"]),
    .target(name: "MetadataStore", dependencies: ["SQLite", "Artifacts"]),

    // The GraphQL engine (knows nothing of dbt).
    // Auth, MetadataAPI, HTTP and Server join here as DESIGN.md draws them.
    .target(name: "GraphQL"),

    // HTTP/1.1 on POSIX sockets (knows nothing of GraphQL); Server composes the routes.
    .target(name: "HTTP", dependencies: ["CZlib"]),
    .target(name: "Server", dependencies: ["HTTP"]),

    // Command line and the executable.
    .target(
      name: "CLI",
      dependencies: ["MetadataStore", "Artifacts", "GraphQL", "SQLite"]),
    .executableTarget(name: "dbt-metadata", dependencies: ["CLI"]),

    // Tests: one target per module.
    .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
    .testTarget(name: "ArtifactsTests", dependencies: ["Artifacts"]),
    .testTarget(name: "MetadataStoreTests", dependencies: ["MetadataStore", "Artifacts", "SQLite"]),
    .testTarget(
      name: "GraphQLTests", dependencies: ["GraphQL"],
      // Golden files and fixtures are read through #filePath, not as bundle resources.
      exclude: ["Golden", "Fixtures"]),
    .testTarget(name: "CLITests", dependencies: ["CLI", "SQLite"]),
    .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
  ],
  swiftLanguageModes: [.v6]
)
