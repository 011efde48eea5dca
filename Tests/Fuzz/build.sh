#!/usr/bin/env bash
# Builds the libFuzzer targets:
#   graphql: the GraphQL language (lexer, parser, printer): the module's Language and Error
#            sources compiled together with FuzzEntry.swift;
#   http:    the HTTP request parser (head, framing, chunked, multipart, query strings): the
#            HTTP module's pure-Swift Message, Parsing and Body sources with HTTPFuzzEntry.swift.
#
#   Tests/Fuzz/build.sh [OUTPUT]          # graphql; default output .build-fuzz/graphql-language-fuzzer
#   Tests/Fuzz/build.sh http [OUTPUT]     # default output .build-fuzz/http-request-fuzzer
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${1:-}" == "http" ]]; then
  output="${2:-.build-fuzz/http-request-fuzzer}"
  mkdir -p "$(dirname "$output")"
  sources=$(find Sources/HTTP/Message Sources/HTTP/Parsing Sources/HTTP/Body -name '*.swift' | sort)
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name HTTPFuzz \
    -swift-version 6 $sources Tests/Fuzz/HTTPFuzzEntry.swift -o "$output"
  echo "built $output"
  exit 0
fi
[[ "${1:-}" == "graphql" ]] && shift
output="${1:-.build-fuzz/graphql-language-fuzzer}"
mkdir -p "$(dirname "$output")"
sources=$(find Sources/GraphQL/Language Sources/GraphQL/Error -name '*.swift' | sort)
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name GraphQLFuzz \
  -swift-version 6 $sources Tests/Fuzz/FuzzEntry.swift -o "$output"
echo "built $output"
