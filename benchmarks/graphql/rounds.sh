# Rounds for the GraphQL benchmarks, sourced by run.sh and execute.sh.
#
# Every side runs once per round, each in its own process, measuring the same inputs; the
# order alternates between rounds: round r takes the side list rotated by r/2 and reversed
# when r is odd, so each pair of sides swaps places from one round to the next and every
# side takes every position. The ratio of this project to a peer is then taken within a
# round (summarize.py): on this shared machine the load moves by minutes, and a ratio of two
# runs minutes apart under different load says little.
#
# The caller defines run_side NAME (prints the side's JSON lines) and calls
#   run_rounds RESULTS_FILE ROUNDS SIDE...
# which appends to RESULTS_FILE the lines summarize.py reads.

# The current load average (1, 5 and 15 minutes), from /proc/loadavg.
loadavg() {
  local one five fifteen rest
  read -r one five fifteen rest </proc/loadavg
  echo "$one $five $fifteen"
}

record_load() { # FILE WHEN ROUND
  printf '{"meta": "load", "when": "%s", "round": %d, "loadavg": "%s"}\n' "$2" "$3" "$(loadavg)" >>"$1"
}

run_rounds() { # FILE ROUNDS SIDE...
  local file="$1" rounds="$2"
  shift 2
  local sides=("$@") count=$# round position shift_by i side
  record_load "$file" start 0
  for ((round = 1; round <= rounds; round++)); do
    local order=()
    shift_by=$(((round - 1) / 2 % count))
    for ((i = 0; i < count; i++)); do order+=("${sides[(i + shift_by) % count]}"); done
    if (((round - 1) % 2 == 1)); then
      local reversed=()
      for ((i = count - 1; i >= 0; i--)); do reversed+=("${order[i]}"); done
      order=("${reversed[@]}")
    fi
    record_load "$file" round "$round"
    printf '{"meta": "order", "round": %d, "order": [%s]}\n' "$round" \
      "$(printf '"%s",' "${order[@]}" | sed 's/,$//')" >>"$file"
    echo "round $round/$rounds: ${order[*]} (load $(loadavg))" >&2
    position=0
    for side in "${order[@]}"; do
      position=$((position + 1))
      run_side "$side" | while IFS= read -r line; do
        [[ -n "$line" ]] || continue
        printf '{"round": %d, "position": %d, "side": "%s", "row": %s}\n' \
          "$round" "$position" "$side" "$line"
      done >>"$file"
    done
  done
  record_load "$file" end "$rounds"
}

record_run() { # FILE REPOSITORY
  local commit
  commit="$(git -C "$2" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [[ -n "$(git -C "$2" status --porcelain 2>/dev/null)" ]]; then commit="$commit (with uncommitted changes)"; fi
  printf '{"meta": "run", "date": "%s", "commit": "%s"}\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$commit" >>"$1"
}
