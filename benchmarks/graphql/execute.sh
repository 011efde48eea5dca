#!/usr/bin/env bash
# GraphQL execution benchmark: a list query of 500 items x 30 resolved fields over in-memory
# data, with this project's engine, GraphQLSwift 4.3.0, graphql-js (Debian's node-graphql)
# and graphql-core, in one run; plus validation (and execution) of the standard
# introspection query against the service schema, and this engine's release-build timings
# of the denial-of-service documents. Prints Markdown tables.
#
#   benchmarks/graphql/execute.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
schema="$root/../shared/spec/metadata-api.graphql"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

echo "building (release)..." >&2
swift build -c release --package-path "$here/swift" --scratch-path "$here/swift/.build" \
  --product ExecuteBenchmark >&2
"$here/swift/.build/release/ExecuteBenchmark" "$here/inputs" "$schema" >>"$results"
NODE_PATH="${NODE_PATH:-/usr/share/nodejs}" node "$here/runners/execute.js" "$here/inputs" "$schema" >>"$results"
python3 "$here/runners/execute.py" "$here/inputs" "$schema" >>"$results"

python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
ours = "dbt-metadata"
engines = list(dict.fromkeys(r["engine"] for r in rows))
by = {(r["engine"], r["task"]): r for r in rows if r["task"] != "dos"}
tasks = [t for t in ["execute", "execute+json", "request", "validate-introspection", "execute-introspection"]
         if any((e, t) == k for k in by for e in engines)]
print("| task | " + " | ".join(f"{e} (µs)" for e in engines) + " | "
      + " | ".join(f"{ours} vs {e}" for e in engines if e != ours) + " |")
print("|---|" + "---:|" * (2 * len(engines) - 1))
for task in tasks:
    cells = [task]
    for e in engines:
        r = by.get((e, task))
        if r is None:
            cells.append("-")
        elif "ns_per_field" in r:
            cells.append(f'{r["microseconds"]:,.0f} ({r["ns_per_field"]:,.0f} ns/field)')
        else:
            cells.append(f'{r["microseconds"]:,.0f}')
    mine = by.get((ours, task))
    for e in engines:
        if e == ours:
            continue
        r = by.get((e, task))
        cells.append(f'{r["microseconds"] / mine["microseconds"]:.1f}x faster' if r and mine else "-")
    print("| " + " | ".join(cells) + " |")
print()
print("| denial-of-service document (request path, release) | µs | answer |")
print("|---|---:|---|")
for r in rows:
    if r["task"] == "dos":
        print(f'| {r["case"]} | {r["microseconds"]:,.0f} | {r["answer"]} |')
PY
