#!/usr/bin/env bash
# GraphQL execution benchmark: a list query of 500 items x 30 resolved fields over in-memory
# data, with this project's engine, GraphQLSwift 4.3.0, graphql-js (Debian's node-graphql)
# and graphql-core; plus validation (and execution) of the standard introspection query
# against the service schema, and this engine's release-build timings of the
# denial-of-service documents. Prints Markdown tables.
#
#   benchmarks/graphql/execute.sh            # 10 rounds
#   ROUNDS=3 benchmarks/graphql/execute.sh   # fewer rounds
#   RESULTS=FILE ...                         # keep the raw JSON lines in FILE (else a temp file)
#   python3 benchmarks/graphql/summarize.py execute FILE...   # the tables of several runs' rounds together
#
# Each round runs every side once, each in its own process, in an order that alternates
# between rounds (rounds.sh); the ratio of this project to each peer is taken within a
# round, and the table gives per task the median over the rounds with the lowest and
# highest (summarize.py), with the load average at the start, at each round and at the end.
# The denial-of-service documents run once per round too, as a side of their own (they
# have no peer).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
schema="$root/../shared/spec/metadata-api.graphql"
rounds="${ROUNDS:-10}"
results="${RESULTS:-$(mktemp --suffix=.execute.jsonl)}"
: >"$results"
# shellcheck source=rounds.sh
source "$here/rounds.sh"

echo "building (release)..." >&2
swift build -c release --package-path "$here/swift" --scratch-path "$here/swift/.build" \
  --product ExecuteBenchmark >&2
binary="$here/swift/.build/release/ExecuteBenchmark"

run_side() {
  case "$1" in
  dbt-metadata | GraphQLSwift | dos) EXECUTE_BENCHMARK_ONLY="$1" "$binary" "$here/inputs" "$schema" ;;
  graphql-js) NODE_PATH="${NODE_PATH:-/usr/share/nodejs}" node "$here/runners/execute.js" "$here/inputs" "$schema" ;;
  graphql-core) python3 "$here/runners/execute.py" "$here/inputs" "$schema" ;;
  esac
}

record_run "$results" "$root"
run_rounds "$results" "$rounds" dbt-metadata GraphQLSwift graphql-js graphql-core dos
python3 "$here/summarize.py" execute "$results"
echo "raw results: $results" >&2
