// swift-tools-version: 6.0
// Benchmark helper (not part of the product): reads artifacts with the Artifacts module in a
// release build and reports the time spent, so the reader can be measured alone.
import Foundation
import PackageDescription

// The repository root, three levels up. A path dependency's identity is its folder name,
// which differs between clones, so it is computed here rather than written down.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("../../..").standardizedFileURL

let package = Package(
  name: "read-artifacts",
  dependencies: [.package(path: root.path)],
  targets: [
    .executableTarget(
      name: "read-artifacts",
      dependencies: [.product(name: "Artifacts", package: root.lastPathComponent)])
  ],
  swiftLanguageModes: [.v6]
)
