#!/usr/bin/env bash
# Builds the libFuzzer target for the GraphQL language (lexer, parser, printer):
# the module's Language and Error sources compiled together with FuzzEntry.swift.
#
#   Tests/Fuzz/build.sh [OUTPUT]          # default output: .build-fuzz/graphql-language-fuzzer
set -euo pipefail
cd "$(dirname "$0")/../.."
output="${1:-.build-fuzz/graphql-language-fuzzer}"
mkdir -p "$(dirname "$output")"
sources=$(find Sources/GraphQL/Language Sources/GraphQL/Error -name '*.swift' | sort)
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name GraphQLFuzz \
  -swift-version 6 $sources Tests/Fuzz/FuzzEntry.swift -o "$output"
echo "built $output"
