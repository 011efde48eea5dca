#!/usr/bin/env bash
# Builds the libFuzzer target for the JSON scanner and the four artifact readers: the
# Artifacts module's sources (with the CCrypto system module for SHA-256) compiled together
# with ArtifactsFuzzEntry.swift.
#
#   Tests/Fuzz/build-artifacts.sh [OUTPUT]   # default output: .build-fuzz/artifacts-fuzzer
set -euo pipefail
cd "$(dirname "$0")/../.."
output="${1:-.build-fuzz/artifacts-fuzzer}"
mkdir -p "$(dirname "$output")"
sources=$(find Sources/Artifacts -name '*.swift' | sort)
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name ArtifactsFuzz \
  -swift-version 6 -I Sources/CCrypto $sources Tests/Fuzz/ArtifactsFuzzEntry.swift \
  -lcrypto -o "$output"
echo "built $output"
