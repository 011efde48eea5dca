#!/usr/bin/env bash
# Metadata API benchmark: five queries answered in-process, from the query text to the
# response bytes, by dbt-metadata's MetadataAPI (release build, swift/APIBenchmark) and by
# the graphql-core + sqlite3 peer (../peers/metadata_api_peer.py), over one database: a
# generated 10,000-node project with 100 runs (build_db.py, cached in .build-bench/api/).
#
#   benchmarks/api/run.sh
#
# ROUNDS=N (default 5): each round runs every query on both sides, one after the other
# (Swift first in odd rounds, Python first in even ones); each side's process answers the
# query for SECONDS (default 3) or at most ITERATIONS (default 300) times (at least 5) after
# 3 warm-up answers, and reports p50/p99. The ratio (Python p50 / Swift p50) is taken
# within a round; the table gives medians over rounds and their spread (min-max), and the
# load average at the start of each round. Before timing, both sides' responses to every
# query are compared (parsed JSON, equal as values) and the run stops if any differs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/.build-bench/api"
mkdir -p "$work"
ROUNDS=${ROUNDS:-5}
SECONDS_PER=${SECONDS_PER:-3}
ITERATIONS=${ITERATIONS:-300}

echo "building (release)..." >&2
swift build -c release --package-path "$here/swift" --scratch-path "$here/swift/.build" \
  --product APIBenchmark >&2
swift build -c release --package-path "$here/swift" --scratch-path "$here/swift/.build" \
  --product dbt-metadata >&2
bin="$here/swift/.build/release"

# DB=path measures another database built the same way (e.g. a copy after ANALYZE).
db="${DB:-$work/api.db}"
if [[ ! -f "$db" ]]; then
  echo "building the database (10,000 nodes x 100 runs; several minutes)..." >&2
  python3 "$here/build_db.py" "$bin/dbt-metadata" "$db.tmp"
  mv "$db.tmp" "$db"
fi

# The model of queries 1 and 4: the model with the most parents + children + tests in
# the environment's current manifest.
model=$(python3 "$here/busiest_model.py" "$db")
variables="{\"uniqueId\":\"$model\"}"
echo "model: $model" >&2
queries=("$here"/queries/*.graphql)

# Equality of the responses.
mkdir -p "$work/out/swift" "$work/out/python"
OUTPUT_DIR="$work/out/swift" "$bin/APIBenchmark" "$db" "$variables" 0 5 "${queries[@]}" >/dev/null
OUTPUT_DIR="$work/out/python" python3 "$here/peer_bench.py" "$db" "$variables" 0 5 "${queries[@]}" >/dev/null
python3 - "$work/out" "${queries[@]}" <<'PY' >&2
import json, os, sys
out = sys.argv[1]
for path in sys.argv[2:]:
    name = os.path.splitext(os.path.basename(path))[0]
    a = json.load(open(os.path.join(out, "swift", name + ".json")))
    b = json.load(open(os.path.join(out, "python", name + ".json")))
    if a != b:
        sys.exit("responses differ: " + name)
    print("equal responses:", name, os.path.getsize(os.path.join(out, "swift", name + ".json")), "bytes")
PY

results="$work/results-$(basename "$db" .db).jsonl"
: >"$results"
for round in $(seq 1 "$ROUNDS"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "round $round/$ROUNDS (load $load)" >&2
  for q in "${queries[@]}"; do
    swift_side() { "$bin/APIBenchmark" "$db" "$variables" "$SECONDS_PER" "$ITERATIONS" "$q"; }
    python_side() { python3 "$here/peer_bench.py" "$db" "$variables" "$SECONDS_PER" "$ITERATIONS" "$q"; }
    if ((round % 2)); then
      s=$(swift_side); p=$(python_side)
    else
      p=$(python_side); s=$(swift_side)
    fi
    for line in "$s" "$p"; do
      python3 -c 'import json,sys; r=json.loads(sys.argv[1]); r["round"]=int(sys.argv[2]); r["load"]=sys.argv[3]; print(json.dumps(r))' \
        "$line" "$round" "$load" >>"$results"
    done
  done
done

python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
by = {(r["side"], r["query"], r["round"]): r for r in rows}
queries = list(dict.fromkeys(r["query"] for r in rows))
rounds = sorted({r["round"] for r in rows})
med = statistics.median
def spread(values, fmt):
    return "%s (%s-%s)" % (fmt % med(values), fmt % min(values), fmt % max(values))
print("| query | bytes | fields | swift statements | swift p50 ms | swift p99 ms | swift first ms | swift fields/s | python p50 ms | python p99 ms | python first ms | python fields/s | speedup p50 (per round) | doc cache hits/misses |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for q in queries:
    s = [by[("swift", q, r)] for r in rounds]
    p = [by[("python", q, r)] for r in rounds]
    ratios = [b["p50_ms"] / a["p50_ms"] for a, b in zip(s, p)]
    print("| %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d/%d |" % (
        q, s[0]["bytes"], s[0]["fields"], s[0]["statements"],
        spread([x["p50_ms"] for x in s], "%.2f"), "%.2f" % med([x["p99_ms"] for x in s]),
        "%.2f" % med([x["first_ms"] for x in s]),
        "{:,.0f}".format(med([x["fields_per_s"] for x in s])),
        spread([x["p50_ms"] for x in p], "%.2f"), "%.2f" % med([x["p99_ms"] for x in p]),
        "%.2f" % med([x["first_ms"] for x in p]),
        "{:,.0f}".format(med([x["fields_per_s"] for x in p])),
        spread(ratios, "%.3gx"), s[0]["cache_hits"], s[0]["cache_misses"]))
print()
print("rounds: %d; load averages (1/5/15 min) at each round's start: %s" % (
    len(rounds), "; ".join(sorted({r["load"] for r in rows}, key=lambda l: [x["round"] for x in rows if x["load"] == l][0]))))
print("iterations per process (min-max): swift %d-%d, python %d-%d" % (
    min(r["iterations"] for r in rows if r["side"] == "swift"), max(r["iterations"] for r in rows if r["side"] == "swift"),
    min(r["iterations"] for r in rows if r["side"] == "python"), max(r["iterations"] for r in rows if r["side"] == "python")))
swift = [r for r in rows if r["side"] == "swift" and "state_wait_ms" in r]
if swift:
    # The applied-state build the first answer starts runs off the request thread; each Swift
    # process waits for it before the statement count and the timing (APIBenchmark).
    print("applied state: ready before timing in every Swift process (waited for the build the first answer started: %s ms median per query); reads during timing: from the state %d, by SQL %d; build %s ms median" % (
        ", ".join("%s %.0f" % (q, med([r["state_wait_ms"] for r in swift if r["query"] == q])) for q in queries),
        sum(r["timed_state_reads"] for r in swift), sum(r["timed_sql_reads"] for r in swift),
        "%.0f" % med([r["build_ms"] for r in swift if r.get("build_ms") is not None]) if any(r.get("build_ms") is not None for r in swift) else "-"))
PY
