#!/usr/bin/env bash
# HTTP benchmark: throughput and latency percentiles of one authenticated metadata query
# (one model with its execution info, parents, children and tests: ../api/queries/
# 1-one-model.graphql) over HTTP/1.1 keep-alive, measured with wrk (Debian's package) at 1,
# 16 and 64 connections, against `dbt-metadata serve` (release build) and the Python peer
# (../peers/metadata_api_http_peer.py: graphql-core + sqlite3 behind the standard library's
# ThreadingHTTPServer), both serving the same database with the same Metadata Only token.
#
#   benchmarks/http/run.sh        (after benchmarks/api/run.sh has built the binaries and
#                                   the database, or it runs that build itself)
#
# ROUNDS=N (default 3) rounds; each round measures every connection count on both sides,
# one after the other (the order alternates by round), for DURATION (default 10s) after a
# 2 s warm-up (wrk timeout 30 s). The ratio (Swift requests/s over Python's) is taken within a round; the
# table gives medians over rounds with their spread and the load average of each round.
# Any wrk error (connect, read, write, timeout, non-2xx status) fails the run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/.build-bench/http"
mkdir -p "$work"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-"1 16 64"}
SWIFT_PORT=${SWIFT_PORT:-18480}
PYTHON_PORT=${PYTHON_PORT:-18481}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

bin="$root/benchmarks/api/swift/.build/release"
api_db="$root/.build-bench/api/api.db"
if [[ ! -x "$bin/dbt-metadata" || ! -f "$api_db" ]]; then
  echo "building the API benchmark's binaries and database first..." >&2
  ROUNDS=0 "$root/benchmarks/api/run.sh" >/dev/null
fi

# A copy of the API benchmark's database with the account set up through the CLI: the
# account (id 1, which ingest created), the metadata API switched on, a Metadata Only token.
db="$work/http.db"
rm -f "$db" "$db-wal" "$db-shm"
cp "$api_db" "$db"
json_token() { python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
user_token=$("$bin/dbt-metadata" account create --db "$db" --name bench --plan team --id 1 --json | json_token)
DBT_METADATA_TOKEN=$user_token "$bin/dbt-metadata" account set --db "$db" --metadata-api on >&2
token=$(DBT_METADATA_TOKEN=$user_token "$bin/dbt-metadata" token create --db "$db" \
  --kind metadata-only --name http-benchmark --json | json_token)
echo "$token" >"$work/token"  # for profiling by hand: the server and body stay in $work

model=$(python3 "$root/benchmarks/api/busiest_model.py" "$db")
body="$work/body.json"
python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read(), "variables": {"uniqueId": sys.argv[2]}}))' \
  "$root/benchmarks/api/queries/1-one-model.graphql" "$model" >"$body"

"$bin/dbt-metadata" serve --db "$db" --port "$SWIFT_PORT" >/dev/null 2>&1 &
swift_pid=$!
(cd "$root/benchmarks/peers" && exec python3 metadata_api_http_peer.py "$db" "$PYTHON_PORT" 2>/dev/null) &
python_pid=$!
trap 'kill $swift_pid $python_pid 2>/dev/null || true' EXIT
for port in "$SWIFT_PORT" "$PYTHON_PORT"; do
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data-binary @"$body" "http://127.0.0.1:$port/graphql" 2>/dev/null && break
    sleep 0.2
  done
done
# Same answer from both (parsed JSON), and a wrong token refused by both.
a=$(curl -fsS -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" --data-binary @"$body" "http://127.0.0.1:$SWIFT_PORT/graphql")
b=$(curl -fsS -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" --data-binary @"$body" "http://127.0.0.1:$PYTHON_PORT/graphql")
python3 -c 'import json,sys; a,b=json.loads(sys.argv[1]),json.loads(sys.argv[2]); assert "errors" not in a and a==b, "responses differ"; print("equal responses,", len(sys.argv[1]), "bytes", file=sys.stderr)' "$a" "$b"
for port in "$SWIFT_PORT" "$PYTHON_PORT"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer x$token" -H "Content-Type: application/json" --data-binary @"$body" "http://127.0.0.1:$port/graphql")
  [[ "$code" == 401 ]] || { echo "port $port answered $code to a wrong token" >&2; exit 1; }
done

measure() { # side port connections
  local threads=2
  (($3 < 2)) && threads=1
  BODY_FILE="$body" TOKEN="$token" wrk -t"$threads" -c"$3" -d2s --timeout 30s -s "$here/post.lua" \
    "http://127.0.0.1:$2" >/dev/null
  BODY_FILE="$body" TOKEN="$token" wrk -t"$threads" -c"$3" -d"$DURATION" --timeout 30s -s "$here/post.lua" \
    "http://127.0.0.1:$2" | tail -n 1 | python3 -c '
import json, sys
r = json.loads(sys.stdin.read()); r.update(side=sys.argv[1], connections=int(sys.argv[2]), round=int(sys.argv[3]), load=sys.argv[4])
print(json.dumps(r))' "$1" "$3" "$round" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

results="$work/results.jsonl"
: >"$results"
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round/$ROUNDS (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  for c in $CONNECTIONS; do
    if ((round % 2)); then
      measure swift "$SWIFT_PORT" "$c" >>"$results"; measure python "$PYTHON_PORT" "$c" >>"$results"
    else
      measure python "$PYTHON_PORT" "$c" >>"$results"; measure swift "$SWIFT_PORT" "$c" >>"$results"
    fi
  done
done

python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
bad = [r for r in rows if any(r["errors"].values())]
med = statistics.median
by = {(r["side"], r["connections"], r["round"]): r for r in rows}
rounds = sorted({r["round"] for r in rows})
def spread(values, fmt):
    return "%s (%s-%s)" % (fmt % med(values), fmt % min(values), fmt % max(values))
print("| connections | swift req/s | swift p50 ms | swift p99 ms | python req/s | python p50 ms | python p99 ms | throughput ratio (per round) | errors |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for c in sorted({r["connections"] for r in rows}):
    s = [by[("swift", c, r)] for r in rounds]
    p = [by[("python", c, r)] for r in rounds]
    errors = sum(sum(x["errors"].values()) for x in s + p)
    print("| %d | %s | %.2f | %.2f | %s | %.2f | %.2f | %s | %d |" % (
        c, spread([x["rps"] for x in s], "%.0f"), med([x["p50_ms"] for x in s]), med([x["p99_ms"] for x in s]),
        spread([x["rps"] for x in p], "%.0f"), med([x["p50_ms"] for x in p]), med([x["p99_ms"] for x in p]),
        spread([a["rps"] / b["rps"] for a, b in zip(s, p)], "%.3gx"), errors))
print()
loads = [float(r["load"].split()[0]) for r in rows]
print("rounds: %d; 1-minute load average during the measurements %.2f-%.2f (first: %s, last: %s)" % (
    len(rounds), min(loads), max(loads), rows[0]["load"], rows[-1]["load"]))
if bad:
    sys.exit("wrk reported errors in %d measurements" % len(bad))
PY
