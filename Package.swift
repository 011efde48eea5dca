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
    .library(name: "MetadataAPI", targets: ["MetadataAPI"]),
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
    // glibc's mallopt (a header only: libc is linked anyway).
    .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),

    // Storage and artifacts.
    .target(name: "SQLite", dependencies: ["CSQLite"]),
    .target(name: "Artifacts", dependencies: ["CCrypto"]),
    .target(name: "Auth", dependencies: ["CCrypto"]),
    .target(name: "MetadataStore", dependencies: ["SQLite", "Artifacts", "Auth"]),

    // The GraphQL engine (knows nothing of dbt).
    .target(name: "GraphQL"),

    // The metadata API: the spec's resolvers over the store.
    .target(
      name: "MetadataAPI", dependencies: ["GraphQL", "MetadataStore", "Auth"],
      exclude: ["Schema/embed-spec.py"]),

    // HTTP/1.1 on POSIX sockets (knows nothing of GraphQL); Server composes the routes.
    .target(name: "HTTP", dependencies: ["CZlib"]),
    .target(
      name: "Server",
      dependencies: ["HTTP", "MetadataAPI", "MetadataStore", "Auth", "GraphQL", "Artifacts"]),

    // Command line and the executable.
    .target(
      name: "CLI",
      dependencies: [
        "MetadataStore", "MetadataAPI", "Server", "HTTP", "Artifacts", "GraphQL", "SQLite", "Auth",
        "CMalloc",
      ]),
    .executableTarget(name: "dbt-metadata", dependencies: ["CLI"]),

    // Tests: one target per module, and fixtures more than one of them use.
    .target(name: "TestFixtures", path: "Tests/TestFixtures"),
    .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
    .testTarget(name: "ArtifactsTests", dependencies: ["Artifacts", "TestFixtures"]),
    .testTarget(name: "AuthTests", dependencies: ["Auth"]),
    .testTarget(
      name: "MetadataStoreTests", dependencies: ["MetadataStore", "Artifacts", "SQLite", "Auth"]),
    .testTarget(
      name: "GraphQLTests", dependencies: ["GraphQL"],
      // Golden files and fixtures are read through #filePath, not as bundle resources.
      exclude: ["Golden", "Fixtures"]),
    .testTarget(
      name: "MetadataAPITests",
      dependencies: ["MetadataAPI", "MetadataStore", "GraphQL", "CLI", "Auth"]),
    .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
    .testTarget(
      name: "ServerTests", dependencies: ["Server", "HTTP", "MetadataStore", "GraphQL", "CLI"]),
    .testTarget(
      name: "CLITests",
      dependencies: ["CLI", "SQLite", "Auth", "MetadataStore", "Server", "HTTP", "TestFixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
