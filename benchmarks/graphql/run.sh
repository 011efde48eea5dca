#!/usr/bin/env bash
# GraphQL parse benchmark: this project's parser, GraphQLSwift 4.3.0, graphql-js (Debian's
# node-graphql) and graphql-core, on the same three inputs; prints MB/s and ratios as
# Markdown tables.
#
#   benchmarks/graphql/run.sh            # 10 rounds
#   ROUNDS=3 benchmarks/graphql/run.sh   # fewer rounds
#   RESULTS=FILE ...                     # keep the raw JSON lines in FILE (else a temp file)
#   python3 benchmarks/graphql/summarize.py parse FILE...   # the tables of several runs' rounds together
#
# Each round runs every side once, each in its own process, in an order that alternates
# between rounds (rounds.sh); the ratio of this project to each peer is taken within a
# round, and the table gives per input the median over the rounds with the lowest and
# highest (summarize.py), with the load average at the start, at each round and at the end.
#
# Inputs: a kitchen-sink query written here, graphql-js's standard introspection query
# (getIntrospectionQuery()), and the large SDL ../shared/spec/metadata-api.graphql.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
inputs=("$here/inputs/kitchen-sink.graphql" "$here/inputs/introspection.graphql"
  "$root/../shared/spec/metadata-api.graphql")
rounds="${ROUNDS:-10}"
results="${RESULTS:-$(mktemp --suffix=.parse.jsonl)}"
: >"$results"
# shellcheck source=rounds.sh
source "$here/rounds.sh"

echo "building (release)..." >&2
swift build -c release --package-path "$here/swift" --scratch-path "$here/swift/.build" \
  --product ParseBenchmark >&2
binary="$here/swift/.build/release/ParseBenchmark"

run_side() {
  case "$1" in
  dbt-metadata | GraphQLSwift) PARSE_BENCHMARK_ONLY="$1" "$binary" "${inputs[@]}" ;;
  graphql-js) NODE_PATH="${NODE_PATH:-/usr/share/nodejs}" node "$here/runners/parse.js" "${inputs[@]}" ;;
  graphql-core) python3 "$here/runners/parse.py" "${inputs[@]}" ;;
  esac
}

record_run "$results" "$root"
run_rounds "$results" "$rounds" dbt-metadata GraphQLSwift graphql-js graphql-core
python3 "$here/summarize.py" parse "$results"
echo "raw results: $results" >&2
