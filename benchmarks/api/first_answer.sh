#!/usr/bin/env bash
# The first answer after an ingest: query 2 (500 models) answered first in fresh processes
# (a new process has no applied state, as the first request after an ingest), with the
# applied state built in the background (the default), inline (the behaviour before
# background builds) and never (the SQL path), sides alternating within each repetition.
# Prints each side's first-answer and build medians (min-max). Run benchmarks/api/run.sh
# first (it builds the release binary and the database).
#
#   benchmarks/api/first_answer.sh
#
# REPS=N (default 8) repetitions; DB=path another database; BEFORE=path an APIBenchmark
# binary built from another commit, measured inline as a "before" side.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
db="${DB:-$root/.build-bench/api/api.db}"
bin="$here/swift/.build/release/APIBenchmark"
query="$here/queries/2-500-models.graphql"
variables="{\"uniqueId\":\"$(python3 "$here/busiest_model.py" "$db")\"}"
sides=(inline background never)
[[ -n "${BEFORE:-}" ]] && sides=(before "${sides[@]}")
results=$(mktemp)
for rep in $(seq 1 "${REPS:-8}"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  for side in "${sides[@]}"; do
    program=$bin mode=$side
    if [[ $side == before ]]; then program=$BEFORE mode=inline; fi
    APPLIED_STATE_BUILDING=$mode "$program" "$db" "$variables" 0 5 "$query" |
      python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); r["side"]=sys.argv[1]; r["load"]=sys.argv[2]; print(json.dumps(r))' "$side" "$load" >>"$results"
  done
done
python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
def spread(values):
    return "%.1f (%.1f-%.1f)" % (statistics.median(values), min(values), max(values)) if values else "-"
print("| side | first answer ms | state build ms | p50 after ms |")
print("|---|---:|---:|---:|")
for side in dict.fromkeys(r["side"] for r in rows):
    r = [x for x in rows if x["side"] == side]
    print("| %s | %s | %s | %.2f |" % (side, spread([x["first_ms"] for x in r]),
        spread([x["build_ms"] for x in r if x.get("build_ms") is not None]),
        statistics.median([x["p50_ms"] for x in r])))
print("load averages (1 min) at each repetition's start:", ", ".join(dict.fromkeys(r["load"] for r in rows)))
PY
rm -f "$results"
