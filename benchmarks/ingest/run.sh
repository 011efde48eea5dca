#!/usr/bin/env bash
# Ingest benchmark: dbt-metadata (release build) vs the Python baseline (json + sqlite3,
# benchmarks/peers/ingest_baseline.py), on the largest public artifact sets and on
# generated projects of 1k, 10k and 50k nodes. Each ingest runs in a fresh database, in its
# own process, under /usr/bin/time -v (wall time and peak RSS).
#
# Usage: benchmarks/ingest/run.sh [--quick]   (--quick: skip the 50k-node project)
# REPS=N (default 3): each side runs N times, alternating; the table shows the lowest wall
# and CPU time and the highest peak RSS of the N (the lowest time is the one least
# disturbed by other work on a shared machine).
# Needs: swift, python3, /usr/bin/time. Writes scratch files to .build-bench/.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SHARED=${SHARED:-$ROOT/../shared/artifacts/public}
WORK=$ROOT/.build-bench
mkdir -p "$WORK/data" "$WORK/db"
SIZES="1000 10000 50000"
REPS=${REPS:-3}
[[ "${1:-}" == "--quick" ]] && SIZES="1000 10000"

# Build the committed state (a snapshot, so edits in the working tree cannot disturb the
# build); set BIN to measure an existing binary instead.
if [[ -z "${BIN:-}" ]]; then
  echo "building dbt-metadata (release) from a snapshot of HEAD..." >&2
  rm -rf "$WORK/src" && mkdir -p "$WORK/src"
  git archive --format=tar HEAD | tar -x -C "$WORK/src"
  # --static-swift-stdlib: the binary one ships (the Swift runtime and Foundation linked
  # in: no toolchain libraries needed on the host, and no dynamic binding of them at start).
  swift build -c release --static-swift-stdlib --package-path "$WORK/src" --scratch-path "$WORK/swift" \
    --product dbt-metadata >&2
  BIN=$WORK/swift/release/dbt-metadata
fi

for n in $SIZES; do
  if [[ ! -f "$WORK/data/gen-$n/manifest.json" ]]; then
    echo "generating $n nodes..." >&2
    python3 benchmarks/ingest/generate.py "$n" "$WORK/data/gen-$n"
  fi
done

# name|manifest|run_results (or -)|catalog (or -)
SETS=(
  "tuva v11 (public)|$SHARED/tuva/v11_dbt1.7.8/manifest.json|$SHARED/tuva/v11_dbt1.7.8/run_results.json|$SHARED/tuva/v11_dbt1.7.8/catalog.json"
  "ad-reporting v7 (public)|$SHARED/fivetran-ad-reporting/v7_dbt1.3.0/manifest.json|$SHARED/fivetran-ad-reporting/v7_dbt1.3.0/run_results.json|$SHARED/fivetran-ad-reporting/v7_dbt1.3.0/catalog.json"
  "solana v6 (public)|$SHARED/flipside-solana/v6_dbt1.2.0/manifest.json|-|$SHARED/flipside-solana/v6_dbt1.2.0/catalog.json"
  "hubspot v12 (public)|$SHARED/fivetran-hubspot/v12_dbt1.8.3/manifest.json|$SHARED/fivetran-hubspot/v12_dbt1.8.3/run_results.json|$SHARED/fivetran-hubspot/v12_dbt1.8.3/catalog.json"
)
for n in $SIZES; do
  SETS+=("generated $n nodes|$WORK/data/gen-$n/manifest.json|$WORK/data/gen-$n/run_results.json|-")
done

# measure COMMAND...: prints "wall_seconds max_rss_kb cpu_seconds" (cpu = user + system)
measure() {
  local log
  log=$(mktemp)
  if ! /usr/bin/time -v "$@" >/dev/null 2>"$log"; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu=$(awk -F': ' '/User time \(seconds\)/ {u=$2} /System time \(seconds\)/ {s=$2} END {print u + s}' "$log")
  rm -f "$log"
  echo "$wall $rss $cpu"
}

# lowest OLD NEW: the smaller number (NEW when OLD is empty)
lowest() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }

printf "%-24s %7s %7s | %7s %7s %7s %7s %6s | %7s %7s %7s %7s | %7s %7s\n" \
  "input" "MB" "budget" "swift s" "cpu s" "MB/s" "RSS MiB" "RSS ok" "py s" "cpu s" "MB/s" "RSS MiB" "speedup" "cpu x"
for set in "${SETS[@]}"; do
  IFS='|' read -r name manifest results catalog <<<"$set"
  [[ -f "$manifest" ]] || { echo "missing $manifest" >&2; continue; }
  swift_args=(ingest --account 1 --project 1 --environment 1 --job 1 --manifest "$manifest")
  py_args=(--manifest "$manifest")
  files=("$manifest")
  if [[ "$results" != "-" ]]; then
    swift_args+=(--run-results "$results"); py_args+=(--run-results "$results"); files+=("$results")
  fi
  if [[ "$catalog" != "-" ]]; then
    swift_args+=(--catalog "$catalog"); py_args+=(--catalog "$catalog"); files+=("$catalog")
  fi
  bytes=$(cat "${files[@]}" | wc -c)
  largest=$(for f in "${files[@]}"; do wc -c <"$f"; done | sort -n | tail -1)
  swall="" srss=0 scpu="" pwall="" prss=0 pcpu=""
  for ((rep = 0; rep < REPS; rep++)); do
    rm -f "$WORK"/db/*
    read -r w r c < <(measure "$BIN" "${swift_args[@]}" --db "$WORK/db/swift.db")
    swall=$(lowest "$swall" "$w"); scpu=$(lowest "$scpu" "$c"); ((r > srss)) && srss=$r
    rm -f "$WORK"/db/*
    read -r w r c < <(measure python3 benchmarks/peers/ingest_baseline.py "${py_args[@]}" --db "$WORK/db/py.db")
    pwall=$(lowest "$pwall" "$w"); pcpu=$(lowest "$pcpu" "$c"); ((r > prss)) && prss=$r
    rm -f "$WORK"/db/*
  done
  awk -v name="$name" -v bytes="$bytes" -v largest="$largest" -v sw="$swall" -v sr="$srss" -v sc="$scpu" \
    -v pw="$pwall" -v pr="$prss" -v pc="$pcpu" 'BEGIN {
    mb = bytes / 1e6; budget = (2 * largest + 64 * 1048576) / 1048576; srm = sr / 1024; prm = pr / 1024
    printf "%-24s %7.1f %7.0f | %7.2f %7.2f %7.1f %7.0f %6s | %7.2f %7.2f %7.1f %7.0f | %6.2fx %6.2fx\n",
      name, mb, budget, sw, sc, mb / sw, srm, (srm <= budget ? "yes" : "NO"), pw, pc, mb / pw, prm, pw / sw, pc / sc
  }'
done
echo "MB: total input (manifest + run_results + catalog); budget: 2 x largest input + 64 MiB (MiB);"
echo "s: wall seconds incl. process start; cpu s: user + system; MB/s: input MB per wall second;"
echo "speedup = python wall / swift wall; cpu x = python cpu / swift cpu."
echo "Each side ran $REPS times, alternating: lowest times and highest RSS shown. Load: $(cut -d' ' -f1-3 /proc/loadavg)"
