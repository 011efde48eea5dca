#!/usr/bin/env bash
# GraphQL parse benchmark: this project's parser, GraphQLSwift 4.3.0, graphql-js (Debian's
# node-graphql) and graphql-core, on the same three inputs, in one run; prints MB/s and
# ratios as a Markdown table.
#
#   benchmarks/graphql/run.sh
#
# Inputs: a kitchen-sink query written here, graphql-js's standard introspection query
# (getIntrospectionQuery()), and the large SDL ../shared/spec/metadata-api.graphql.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
inputs=("$here/inputs/kitchen-sink.graphql" "$here/inputs/introspection.graphql"
  "$root/../shared/spec/metadata-api.graphql")
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

echo "building (release)..." >&2
swift build -c release --package-path "$here/swift" --scratch-path "$here/swift/.build" \
  --product ParseBenchmark >&2
"$here/swift/.build/release/ParseBenchmark" "${inputs[@]}" >>"$results"
NODE_PATH="${NODE_PATH:-/usr/share/nodejs}" node "$here/runners/parse.js" "${inputs[@]}" >>"$results"
python3 "$here/runners/parse.py" "${inputs[@]}" >>"$results"

python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
inputs = list(dict.fromkeys(r["input"] for r in rows))
parsers = list(dict.fromkeys(r["parser"] for r in rows))
by = {(r["parser"], r["input"]): r for r in rows}
ours = "dbt-metadata"
print("| input | bytes | " + " | ".join(f"{p} MB/s" for p in parsers) + " | "
      + " | ".join(f"vs {p}" for p in parsers if p != ours) + " |")
print("|---|---:|" + "---:|" * (2 * len(parsers) - 1))
for name in inputs:
    cells = [name, str(by[(ours, name)]["bytes"])]
    cells += [f'{by[(p, name)]["mbps"]:.1f}' for p in parsers]
    cells += [f'{by[(ours, name)]["mbps"] / by[(p, name)]["mbps"]:.1f}x' for p in parsers if p != ours]
    print("| " + " | ".join(cells) + " |")
PY
